"""Possible duplicates after a merge: the leader marks each pair the same or different."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import KIND_LABELS
from desktop.services import duplicates
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, show_error


class DuplicatesDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(tr("Possible duplicates"))
        hint = QLabel(tr("Records created separately on two laptops with the same name in the "
                         "same place. Decide for each pair; nothing is merged for you."))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Kind"), tr("Name"), tr("Record ids")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox()
        self.same = same = buttons.addButton(tr("The same"), QDialogButtonBox.ButtonRole.ActionRole)
        same.clicked.connect(lambda: self.decide(True))
        self.different = different = buttons.addButton(tr("Different"), QDialogButtonBox.ButtonRole.ActionRole)
        different.clicked.connect(lambda: self.decide(False))
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.empty = QLabel(tr("No possible duplicates."))
        layout.addWidget(hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        self.pairs = duplicates.possible_duplicates(self.ws)
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            for col, text in enumerate((tr(KIND_LABELS[pair.kind]), pair.name,
                                        f"{pair.first_id[:13]} · {pair.second_id[:13]}")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.pairs:
            self.table.selectRow(0)
        self.empty.setVisible(not self.pairs)
        self.same.setEnabled(bool(self.pairs))
        self.different.setEnabled(bool(self.pairs))

    def decide(self, same: bool) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.pairs):
            return
        try:
            duplicates.decide(self.ws, self.pairs[row], same)
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.reload()

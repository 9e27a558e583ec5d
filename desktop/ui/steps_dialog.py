"""Choosing the round's steps: tick the steps practised in this city, drag them into order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.services import step_records
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, show_error


class StepsDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(tr("Steps of the round"))
        chosen = [s.key for s in step_records.steps(ws)]
        every = {s.key: s for s in step_records.all_steps()}
        self.list = QListWidget()
        self.list.setObjectName("steps")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for key in [*chosen, *(k for k in every if k not in chosen)]:
            item = QListWidgetItem(every[key].label.text())
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else
                               Qt.CheckState.Unchecked)
            self.list.addItem(item)
        note = QLabel(tr("Tick the steps this round follows and drag them into order. Records "
                         "of a step left out are kept and come back with it."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        try:
            step_records.configure_steps(self.ws, self.chosen())
        except USER_ERRORS as e:
            show_error(self, e)
            return
        super().accept()

"""A record's history, and the deleted records of the round, each version restorable."""

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
from desktop.services import history, roster
from desktop.services.workspace import Workspace
from desktop.ui.conflicts_dialog import local_time
from desktop.ui.messages import USER_ERRORS, show_error


class _TableDialog(QDialog):
    def __init__(self, ws: Workspace, title: str, headers: list[str],
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(title)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.empty = QLabel(tr("Nothing here."))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(tr("Restore"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def fill(self, rows: list[tuple[str, ...]]) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        self.restore_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(len(rows) - 1)

    def restore(self) -> None:
        raise NotImplementedError


class HistoryDialog(_TableDialog):
    """Who changed the record, when, on which device; an earlier version can be restored."""

    def __init__(self, ws: Workspace, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, tr("History"), [tr("Time"), tr("Author"), tr("Device"),
                                             tr("Change")], parent)
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        self.versions = history.versions(self.ws, self.record_id)
        self.fill([(local_time(v.wall_time), v.author, v.device[:8],
                    tr("deleted") if v.deleted else str(v.body.get("name", "")))
                   for v in self.versions])

    def restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.versions) or self.versions[row].deleted:
            return
        try:
            roster.restore_record(self.ws, self.record_id, self.versions[row].revision_id)
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.reload()


class DeletedDialog(_TableDialog):
    """Deleted records of the round; restoring writes the last version again."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, tr("Deleted records"), [tr("Kind"), tr("Name")], parent)
        self.reload()

    def reload(self) -> None:
        self.records = history.deleted_records(self.ws)
        self.fill([(tr(KIND_LABELS.get(d.kind, d.kind)), d.name) for d in self.records])

    def restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.records):
            return
        gone = self.records[row]
        try:
            roster.restore_record(self.ws, gone.record_id, gone.last_version)
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.reload()

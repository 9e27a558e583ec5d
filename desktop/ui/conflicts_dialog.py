"""Conflicts: the list of records with more than one head, and a side-by-side view where the
leader picks, field by field, which value to keep (or types another) and resolves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.i18n import tr
from desktop.core.kinds import KIND_LABELS, ROLE_LABELS, field_label
from desktop.services import conflicts
from desktop.services.conflicts import Conflict
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, show_error

KEEP_DELETED = "__deleted__"


def local_time(iso: str) -> str:
    """A revision's wall time in this computer's time zone, to the minute."""
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def shown(c: Conflict, key: str, value: Any) -> str:
    """A value as a person reads it: names for references, labels for roles."""
    if value is None:
        return ""
    if key == "role" and value in ROLE_LABELS:
        return tr(ROLE_LABELS[value])
    return c.names.get(value, str(value)) if isinstance(value, str) else str(value)


class ConflictsDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(tr("Conflicts"))
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda item, _prev: self.show_conflict(item))
        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.outcome = QComboBox()
        self.hint = QLabel(tr("Choose per field which value to keep, or type the right one "
                              "in the last column. Nothing is decided for you."))
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.resolve_button = buttons.addButton(tr("Resolve"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.resolve_button.clicked.connect(self.resolve)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.table)
        outcome = QHBoxLayout()
        outcome.addWidget(QLabel(tr("Outcome")))
        outcome.addWidget(self.outcome, 1)
        right.addLayout(outcome)
        right.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 3)
        self.current: Conflict | None = None
        self.resize(980, 520)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for record_id in conflicts.conflicted_ids(self.ws):
            c = conflicts.conflict(self.ws, record_id)
            name = next((h.body.get("name") for h in c.heads if h.body.get("name")), record_id)
            item = QListWidgetItem(f"⚠ {tr(KIND_LABELS.get(c.kind, c.kind))} · {name}")
            item.setData(256, record_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.current = None
            self.table.clear()
            self.table.setRowCount(0)
            self.resolve_button.setEnabled(False)
            self.hint.setText(tr("No conflicts."))

    def show_conflict(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        c = self.current = conflicts.conflict(self.ws, item.data(256))
        keys = sorted({k for h in c.heads for k in h.body})
        deleted = "\n" + tr("deleted")
        headers = [tr("Field"), tr("Common ancestor")] + [
            f"{h.author} · {h.device[:8]}\n{local_time(h.wall_time)}"
            + (deleted if h.deleted else "") for h in c.heads] + [tr("Keep")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            label = QTableWidgetItem(field_label(c.kind, key))
            self.table.setItem(row, 0, label)
            ancestor = shown(c, key, c.ancestor.body.get(key)) if c.ancestor else ""
            self.table.setItem(row, 1, QTableWidgetItem(ancestor))
            choice = QComboBox()
            choice.setEditable(True)
            for col, head in enumerate(c.heads, start=2):
                text = shown(c, key, head.body.get(key))
                cell = QTableWidgetItem(text)
                if key in c.fields:
                    cell.setBackground(self.palette().highlight().color().lighter(170))
                self.table.setItem(row, col, cell)
                if head.body and choice.findText(text) < 0:
                    choice.addItem(text, head.body.get(key))
            if key in c.fields:
                choice.setCurrentIndex(-1)  # the leader decides: nothing is preselected
                choice.setPlaceholderText(tr("choose…"))
            self.table.setCellWidget(row, len(headers) - 1, choice)
        self.table.resizeColumnsToContents()
        for col in range(1, self.table.columnCount() - 1):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        self.table.resizeRowsToContents()
        self.outcome.clear()
        self.outcome.addItem(tr("Keep the record with the values chosen"), "keep")
        if any(h.deleted for h in c.heads):
            self.outcome.addItem(tr("Keep it deleted"), KEEP_DELETED)
        self.resolve_button.setEnabled(True)

    def chosen_body(self) -> dict[str, Any] | None:
        """The body the leader put together, or None to keep the record deleted."""
        c = self.current
        if c is None or self.outcome.currentData() == KEEP_DELETED:
            return None
        keys = sorted({k for h in c.heads for k in h.body})
        body: dict[str, Any] = {}
        template = next(h.body for h in c.heads if h.body)
        for row, key in enumerate(keys):
            combo: QComboBox = self.table.cellWidget(  # type: ignore[assignment]
                row, self.table.columnCount() - 1)
            text = combo.currentText()
            picked = combo.findText(text)
            if picked >= 0:  # one of the heads' values, kept exactly as it was
                body[key] = combo.itemData(picked)
            else:  # typed by the leader
                original = template.get(key)
                body[key] = int(text) if isinstance(original, int) and text.isdigit() else text
        return body

    def undecided(self) -> list[str]:
        """Labels of the differing fields the leader has not chosen a value for yet."""
        c = self.current
        if c is None or self.outcome.currentData() == KEEP_DELETED:
            return []
        keys = sorted({k for h in c.heads for k in h.body})
        last = self.table.columnCount() - 1
        return [field_label(c.kind, key) for row, key in enumerate(keys)
                if key in c.fields and not self.table.cellWidget(row, last).currentText()]

    def resolve(self) -> None:
        if self.current is None:
            return
        missing = self.undecided()
        if missing:
            show_error(self, errors.XunchaError(tr(
                "Choose a value for every highlighted field first: {fields}",
                fields="、".join(missing))))
            return
        try:
            conflicts.resolve(self.ws, self.current.record_id, self.chosen_body(),
                              tuple(h.revision_id for h in self.current.heads))
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.reload()

"""Editors of the two grouped field kinds: repeat groups (rows of sub-fields, e.g. attendees)
and checklists (each item checked / a problem found / not applicable, with a note)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms import CHECK_STATES, Field, state_label
from desktop.core.i18n import tr
from desktop.ui.form_renderer import Choices, Editor, editor_for, label_text


class RepeatEditor(Editor):
    """One line of sub-field editors per row, with 添加 and 删除."""

    def __init__(self, field: Field, choices: Choices) -> None:
        super().__init__()
        self.field = field
        self.choices = choices
        self.rows: list[tuple[QWidget, dict[str, Editor]]] = []
        self.header = QHBoxLayout()
        for sub in field.fields:
            self.header.addWidget(QLabel(label_text(sub)), 1)
        self.header.addSpacing(60)
        self.body = QVBoxLayout()
        add = QPushButton(tr("Add a row"))
        add.setObjectName("addRow")
        add.clicked.connect(lambda: (self.add_row(), self.changed.emit()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addLayout(self.body)
        layout.addWidget(add)
        for _ in range(max(1, field.min_items)):
            self.add_row()

    def add_row(self) -> dict[str, Editor]:
        line = QWidget()
        row_layout = QHBoxLayout(line)
        row_layout.setContentsMargins(0, 0, 0, 0)
        editors = {}
        for sub in self.field.fields:
            editor = editor_for(sub, self.choices)
            editor.changed.connect(self.emit_changed)
            editors[sub.key] = editor
            row_layout.addWidget(editor, 1)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(lambda: self.remove_row(line))
        row_layout.addWidget(remove)
        self.rows.append((line, editors))
        self.body.addWidget(line)
        return editors

    def remove_row(self, line: QWidget) -> None:
        self.rows = [(w, e) for w, e in self.rows if w is not line]
        line.deleteLater()
        self.changed.emit()

    def value(self) -> Any:
        out = []
        for _, editors in self.rows:
            row = {k: e.value() for k, e in editors.items()}
            row = {k: v for k, v in row.items() if v not in (None, "", [], {})}
            if row:
                out.append(row)
        return out or None

    def set_value(self, value: Any) -> None:
        for line, _ in self.rows:
            line.deleteLater()
        self.rows = []
        for row in value or [{}]:
            for key, editor in self.add_row().items():
                editor.set_value(row.get(key) if isinstance(row, dict) else None)


class ChecklistEditor(Editor):
    def __init__(self, field: Field, _choices: Choices) -> None:
        super().__init__()
        self.items: dict[str, tuple[QComboBox, QLineEdit]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, item in enumerate(field.items):
            state = QComboBox()
            state.addItem("", None)
            for key in CHECK_STATES:
                state.addItem(state_label(key), key)
            note = QLineEdit()
            note.setPlaceholderText(tr("Note (required when a problem is found)"))
            state.currentIndexChanged.connect(self.emit_changed)
            note.textChanged.connect(self.emit_changed)
            label = QLabel(item.label.text())
            if item.help:
                label.setToolTip(item.help.text())
            grid.addWidget(label, row, 0)
            grid.addWidget(state, row, 1)
            grid.addWidget(note, row, 2)
            self.items[item.key] = (state, note)
        grid.setColumnStretch(2, 1)

    def value(self) -> Any:
        out = {}
        for key, (state, note) in self.items.items():
            if state.currentData() or note.text().strip():
                out[key] = {"state": state.currentData(), "note": note.text().strip()}
        return out or None

    def set_value(self, value: Any) -> None:
        for key, (state, note) in self.items.items():
            entry = (value or {}).get(key) or {}
            state.setCurrentIndex(max(0, state.findData(entry.get("state"))))
            note.setText(entry.get("note", ""))

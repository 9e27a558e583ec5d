"""One renderer for every step form: a ``core.forms.Form`` becomes Qt widgets, no per-form code.

Each field kind has an editor with ``value()`` (in the stored representation of core.forms,
empty as None) and ``set_value(v)``; ``FormWidget`` lays them out in the form's order (the Tab
order follows it) and emits ``edited`` on every change so the caller can keep a draft.
Repeat groups and checklists are in ``form_groups``; attachments in ``attachments_editor``.
Half-typed dates and numbers are kept as typed text: the draft keeps them, saving refuses them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.forms import Field, Form
from desktop.core.i18n import tr

CHOICES_PER_ROW = 4


class Choices:
    """What person and village fields offer: (record id, name) of the round's records."""

    def __init__(self, people: list[tuple[str, str]], villages: list[tuple[str, str]],
                 blob_reader: Any = None, blob_writer: Any = None) -> None:
        self.people = people
        self.villages = villages
        self.read_blob = blob_reader  # digest → bytes, for previews
        self.write_blob = blob_writer  # bytes → digest


class Editor(QWidget):
    """Base of the editors: ``changed`` on every edit."""

    changed = Signal()

    def emit_changed(self, *_args: object) -> None:
        """Slot for any widget signal, whatever it carries."""
        self.changed.emit()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(Editor):
    def __init__(self, field: Field, _choices: Choices) -> None:
        super().__init__()
        self.long = field.kind == "long_text"
        self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit() if self.long else QLineEdit()
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setTabChangesFocus(True)
            self.edit.setMinimumHeight(90)
        elif field.max_length:
            self.edit.setMaxLength(field.max_length)
        placeholder = {"date": "2026-05-31", "time": "09:30"}.get(field.kind, "")
        if field.kind == "number" and field.unit:
            placeholder = field.unit.text()
        if isinstance(self.edit, QLineEdit) and placeholder:
            self.edit.setPlaceholderText(placeholder)
        self.edit.textChanged.connect(self.emit_changed)
        self.number = field.kind == "number"
        _single(self, self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        text = (self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit)
                else self.edit.text()).strip()
        if not text:
            return None
        return int(text) if self.number and text.lstrip("-").isdigit() else text

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)


class ChoiceEditor(Editor):
    def __init__(self, field: Field, _choices: Choices) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.addItem("", None)
        for option in field.options:
            self.combo.addItem(option.label.text(), option.key)
        self.combo.currentIndexChanged.connect(self.emit_changed)
        _single(self, self.combo)
        self.setFocusProxy(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


class MultiChoiceEditor(Editor):
    def __init__(self, field: Field, _choices: Choices) -> None:
        super().__init__()
        self.boxes = {o.key: QCheckBox(o.label.text()) for o in field.options}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate(self.boxes.values()):
            box.toggled.connect(self.emit_changed)
            layout.addWidget(box, n // CHOICES_PER_ROW, n % CHOICES_PER_ROW)

    def value(self) -> Any:
        return [k for k, box in self.boxes.items() if box.isChecked()] or None

    def set_value(self, value: Any) -> None:
        for key, box in self.boxes.items():
            box.setChecked(bool(value) and key in value)


class PersonEditor(Editor):
    """Someone of the round (chosen) or a typed name; several separated by 、 when multiple."""

    def __init__(self, field: Field, choices: Choices) -> None:
        super().__init__()
        self.multiple = field.multiple
        self.by_name = {name: rid for rid, name in choices.people}
        self.names = {rid: name for rid, name in choices.people}
        if self.multiple:
            self.edit: QLineEdit | QComboBox = QLineEdit()
            self.edit.setPlaceholderText(tr("Names separated by 、"))
            self.edit.textChanged.connect(self.emit_changed)
        else:
            self.edit = QComboBox()
            self.edit.setEditable(True)
            self.edit.addItem("")
            self.edit.addItems([name for _, name in choices.people])
            self.edit.currentTextChanged.connect(self.emit_changed)
        _single(self, self.edit)
        self.setFocusProxy(self.edit)

    def _one(self, name: str) -> dict[str, str]:
        rid = self.by_name.get(name)
        return {"id": rid} if rid else {"name": name}

    def value(self) -> Any:
        if isinstance(self.edit, QLineEdit):
            names = [n.strip() for n in self.edit.text().replace(",", "、").replace("，", "、")
                     .split("、") if n.strip()]
            return [self._one(n) for n in names] or None
        name = self.edit.currentText().strip()
        return self._one(name) if name else None

    def _name(self, person: Any) -> str:
        if isinstance(person, dict):
            return self.names.get(person.get("id", ""), person.get("name", ""))
        return ""

    def set_value(self, value: Any) -> None:
        if isinstance(self.edit, QLineEdit):
            self.edit.setText("、".join(self._name(p) for p in value or []))
        else:
            self.edit.setCurrentText(self._name(value))


class VillageEditor(Editor):
    def __init__(self, _field: Field, choices: Choices) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.addItem("", None)
        for rid, name in choices.villages:
            self.combo.addItem(name, rid)
        self.combo.currentIndexChanged.connect(self.emit_changed)
        _single(self, self.combo)
        self.setFocusProxy(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


def _single(owner: QWidget, widget: QWidget) -> None:
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


def editor_for(field: Field, choices: Choices) -> Editor:
    from desktop.ui.attachments_editor import AttachmentsEditor
    from desktop.ui.form_groups import ChecklistEditor, RepeatEditor
    kinds: dict[str, type] = {
        "text": TextEditor, "long_text": TextEditor, "number": TextEditor, "date": TextEditor,
        "time": TextEditor, "choice": ChoiceEditor, "multi_choice": MultiChoiceEditor,
        "person": PersonEditor, "village": VillageEditor, "attachments": AttachmentsEditor,
        "repeat": RepeatEditor, "checklist": ChecklistEditor}
    return kinds[field.kind](field, choices)


def label_text(field: Field) -> str:
    return field.label.text() + (" *" if field.required else "")


class FormWidget(QWidget):
    """Every field of a form, in order; ``edited`` fires on any change."""

    edited = Signal()

    def __init__(self, form: Form, choices: Choices) -> None:
        super().__init__()
        self.form = form
        self.editors: dict[str, Editor] = {}
        layout = QFormLayout(self)
        if form.help:
            note = QLabel(form.help.text())
            note.setWordWrap(True)
            layout.addRow(note)
        for field in form.fields:
            editor = editor_for(field, choices)
            editor.setObjectName(field.key)
            if field.help:
                editor.setToolTip(field.help.text())
            editor.changed.connect(self.edited.emit)
            self.editors[field.key] = editor
            layout.addRow(label_text(field), editor)

    def values(self) -> dict[str, Any]:
        out = {}
        for key, editor in self.editors.items():
            value = editor.value()
            if value not in (None, "", [], {}):
                out[key] = value
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(values.get(key))
            editor.blockSignals(False)

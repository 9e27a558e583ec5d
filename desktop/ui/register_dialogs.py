"""The small forms of the registers: a finding, a clue, a measure, and the steps of their life
(hand over, feedback, close out, amend). Each dialog only collects values; the registers window
calls the services and shows what they refuse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr

Place = tuple[str, str | None, str]  # (town id, village id or None for the whole town, label)


def line(value: str = "") -> QLineEdit:
    edit = QLineEdit(value)
    return edit


def text(value: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(70)
    return edit


def choice(labels: Mapping[str, str], current: str | None = None,
           optional: bool = False) -> QComboBox:
    combo = QComboBox()
    if optional:
        combo.addItem("—", None)
    for key, label in labels.items():
        combo.addItem(tr(label), key)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def date(value: str | None = None) -> QDateEdit:
    edit = QDateEdit(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PlaceCombo(QComboBox):
    """A town as a whole or one of its villages; ``value()`` is (town id, village id|None)."""

    def __init__(self, options: Sequence[Place]) -> None:
        super().__init__()
        self.options = list(options)
        for _town, _village, label in self.options:
            self.addItem(label)

    def choose(self, town_id: str | None, village_id: str | None) -> None:
        for n, (town, village, _label) in enumerate(self.options):
            if (town, village) == (town_id, village_id):
                self.setCurrentIndex(n)

    def value(self) -> tuple[str, str | None]:
        town, village, _label = self.options[self.currentIndex()]
        return town, village


def places(options: Sequence[Place], town_id: str | None = None,
           village_id: str | None = None) -> PlaceCombo:
    combo = PlaceCombo(options)
    combo.choose(town_id, village_id)
    return combo


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, PlaceCombo):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, EvidencePicker):
        return widget.value()
    raise TypeError(type(widget))


class FieldsDialog(QDialog):
    """Rows of (key, label, editor); ``values()`` gives key → value."""

    def __init__(self, parent: QWidget | None, title: str,
                 rows: Sequence[tuple[str, str, QWidget]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.editors = {key: widget for key, _, widget in rows}
        form = QFormLayout()
        for key, label, widget in rows:
            widget.setObjectName(key)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        return {key: value_of(widget) for key, widget in self.editors.items()}


class EvidencePicker(QWidget):
    """Step records to tick and files to add, as the evidence of a close-out or a finding."""

    def __init__(self, records: Sequence[tuple[str, str]], store_file: Any) -> None:
        super().__init__()
        self.store_file = store_file
        self.records = QListWidget()
        self.records.setMaximumHeight(120)
        for rid, label in records:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, rid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.records.addItem(item)
        self.files: list[str] = []
        self.files_label = QLabel(tr("No files added"))
        add = QPushButton(tr("Add files…"))
        add.clicked.connect(self._add_files)
        row = QHBoxLayout()
        row.addWidget(self.files_label, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.records)
        layout.addLayout(row)

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Add files…"))
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.files.append(self.store_file(path.read_bytes()))
        self.files_label.setText(tr("{n} files added", n=len(self.files)))

    def value(self) -> tuple[list[str], list[str]]:
        ticked = [self.records.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.records.count())
                  if self.records.item(i).checkState() == Qt.CheckState.Checked]
        return ticked, list(self.files)

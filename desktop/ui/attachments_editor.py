"""The attachments field: photos and scans kept as blobs in the database, shown as thumbnails.

Adding a file stores its bytes at once (content-addressed: the same photo twice is stored
once) and the field keeps the SHA-256 digests; the record's revision links them when saved.
Double-clicking a picture shows it large.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from desktop.core.forms import Field
from desktop.core.i18n import tr
from desktop.ui.form_renderer import Choices, Editor
from desktop.ui.messages import USER_ERRORS, show_error

THUMB = QSize(96, 96)
MAX_FILE = 64 * 1024 * 1024


class AttachmentsEditor(Editor):
    def __init__(self, _field: Field, choices: Choices) -> None:
        super().__init__()
        self.choices = choices
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setMaximumHeight(THUMB.height() + 48)
        self.list.itemDoubleClicked.connect(self._preview)
        add = QPushButton(tr("Add photos or scans…"))
        add.clicked.connect(self.add_files)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Add photos or scans"), "",
            tr("Pictures and documents (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)"))
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                if path.stat().st_size > MAX_FILE:
                    raise OSError(tr("{name} is larger than 64 MiB", name=path.name))
                data = path.read_bytes()
            except OSError as e:
                show_error(self, e)
                continue
            try:
                digest = self.choices.write_blob(data)
            except USER_ERRORS as e:
                show_error(self, e)
                continue
            self._add(digest, data, path.name)
        self.changed.emit()

    def _add(self, digest: str, data: bytes | None, name: str = "") -> None:
        if any(self.list.item(i).data(Qt.ItemDataRole.UserRole) == digest
               for i in range(self.list.count())):
            return
        item = QListWidgetItem(name or digest[:12])
        item.setData(Qt.ItemDataRole.UserRole, digest)
        item.setToolTip(f"{name}\nSHA-256 {digest}")
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            item.setIcon(QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
        self.list.addItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def _preview(self, item: QListWidgetItem) -> None:
        pixmap = QPixmap()
        data = self.choices.read_blob(item.data(Qt.ItemDataRole.UserRole))
        if data is None or not pixmap.loadFromData(data):
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(item.text())
        label = QLabel()
        label.setPixmap(pixmap)
        area = QScrollArea()
        area.setWidget(label)
        QVBoxLayout(dialog).addWidget(area)
        dialog.resize(min(pixmap.width() + 40, 1200), min(pixmap.height() + 40, 900))
        dialog.open()

    def value(self) -> Any:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())] or None

    def set_value(self, value: Any) -> None:
        self.list.clear()
        for digest in value or []:
            self._add(digest, self.choices.read_blob(digest) if self.choices.read_blob else None)

"""The dialog that makes a signed handover packet (移交材料) of chosen villages.

The villages come from ``queries.round_tree``; the work (``handover.make_packet``: read,
lay out, sign, write) runs in a ``Worker`` off the GUI thread with a busy bar and can be
cancelled: a cancelled packet leaves no file. The packet is signed with this laptop's own key
(unlocked by the database passphrase) or a PKCS#12 file chosen here; which clues it hands
over, its 密级 and its 份号 are chosen here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.services import handover, queries
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, describe, show_error
from desktop.ui.pdf_preview import PdfPreview
from desktop.ui.worker import Worker


class PacketDialog(QDialog):
    def __init__(self, ws: Workspace, passphrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Handover packet…"))
        self.path, self.passphrase = ws.path, passphrase
        self.worker: Worker | None = None
        self.cancelling = False
        self.written: Path | None = None
        self.villages = QListWidget()
        for district in queries.round_tree(ws):
            for town in district.children:
                for village in town.children:
                    item = QListWidgetItem(f"{district.name} · {town.name} · {village.name}")
                    item.setData(Qt.ItemDataRole.UserRole, village.id)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.villages.addItem(item)
        self.receiver = QLineEdit()
        self.receiver.setPlaceholderText(tr("who receives the packet (person or office)"))
        self.out = QLineEdit()
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self._choose_out)
        self.key = QLineEdit()
        self.key.setPlaceholderText(tr("this laptop's own key"))
        self.key_password = QLineEdit()
        self.key_password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        out_row = QHBoxLayout()
        out_row.addWidget(self.out)
        out_row.addWidget(choose)
        self.clues = QComboBox()
        for rule in ("new", "all", "none"):
            self.clues.addItem(handover.rule_text(rule), rule)
        self.classification = QComboBox()
        for key, label in handover.CLASSIFICATIONS.items():
            self.classification.addItem(tr(label), key)
        self.classification.setCurrentIndex(self.classification.findData("secret"))
        self.copy = QSpinBox()
        self.copy.setRange(0, 999999)
        self.copy.setValue(1)
        form.addRow(tr("Receiver"), self.receiver)
        form.addRow(tr("Problem clues"), self.clues)
        form.addRow(tr("Classification"), self.classification)
        form.addRow(tr("Copy number"), self.copy)
        form.addRow(tr("PDF file"), out_row)
        form.addRow(tr("PKCS#12 file (optional)"), self.key)
        form.addRow(tr("Its password"), self.key_password)
        self.drafts = QCheckBox(tr("Also sign the unfinished material, in an annex titled as "
                                   "not final"))
        self.drafts.setObjectName("drafts")
        form.addRow("", self.drafts)
        self.preview = QCheckBox(tr("Look at the packet before saving it"))
        self.preview.setObjectName("preview")
        self.preview.setChecked(True)
        form.addRow("", self.preview)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.build = self.buttons.addButton(tr("Make and sign"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.build.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Villages in the packet:")))
        layout.addWidget(self.villages)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def chosen(self) -> tuple[str, ...]:
        items = (self.villages.item(n) for n in range(self.villages.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items
                     if i.checkState() == Qt.CheckState.Checked)

    def _choose_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Handover packet…"), "packet.pdf",
                                              "PDF (*.pdf)")
        if name:
            self.out.setText(name)

    def start(self) -> None:
        """Make the packet in a worker; the dialog stays responsive and can cancel."""
        out = self.out.text().strip()
        villages = self.chosen()
        if not out or not villages:
            self.status.setText(tr("Choose at least one village and a PDF file."))
            return
        request = handover.Request(villages=villages, receiver=self.receiver.text(),
                                   clues=self.clues.currentData(),
                                   classification=self.classification.currentData(),
                                   copy=self.copy.value(),
                                   drafts=self.drafts.isChecked())
        key = Path(self.key.text().strip()) if self.key.text().strip() else None
        password = self.key_password.text() or None
        path, passphrase = self.path, self.passphrase
        self.cancelling = False
        target = None if self.preview.isChecked() else Path(out)
        self.worker = Worker(lambda progress: handover.make_packet(
            path, passphrase, target, request, key=key, key_password=password,
            progress=progress, cancelled=lambda: self.cancelling), self)
        self.worker.progress.connect(self.status.setText)
        self.worker.done.connect(self._finished)
        self.build.setEnabled(False)
        self.progress.show()
        self.worker.start()

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.cancelling = True
            self.status.setText(tr("Cancelling…"))
        else:
            self.reject()

    def _finished(self) -> None:
        assert self.worker is not None
        self.progress.hide()
        self.build.setEnabled(True)
        if self.worker.error is not None:
            if isinstance(self.worker.error, handover.Cancelled):
                self.reject()
                return
            self.status.setText(describe(self.worker.error))
            show_error(self, self.worker.error)
            return
        content, built = self.worker.result
        out = Path(self.out.text().strip())
        if self.preview.isChecked():
            shown = PdfPreview(built.pdf, out.name, tr(
                "Signed, not yet saved: look it through, then save it or close to discard."),
                tr("Save"), self)
            if shown.exec() != QDialog.DialogCode.Accepted:
                self.status.setText(tr("Not saved."))
                return
            try:
                handover.save_packet(out, built)
            except USER_ERRORS as e:
                show_error(self, e)
                return
        self.written = out
        self.status.setText(tr(
            "Wrote the signed packet {path}: number {number}, {pages} pages, {n} evidence "
            "files", path=self.written, number=content.number, pages=built.pages,
            n=built.evidence))
        self.build.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Close"))

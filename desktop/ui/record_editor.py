"""Editing one step record: the form, kept as a draft while typing, saved as one revision.

What is typed is written to the draft half a second after the last change and again when the
window closes, so a crash or a closed window never loses it. Ctrl+S saves the record (checked
against the whole form; what is missing is listed and the window stays open).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms import FormValuesError
from desktop.core.i18n import tr
from desktop.services import step_records
from desktop.services.step_records import Draft
from desktop.services.workspace import Workspace
from desktop.ui.form_renderer import Choices, FormWidget
from desktop.ui.messages import USER_ERRORS, show_error

DEBOUNCE_MS = 500


class RecordEditor(QWidget):
    """``saved`` fires after the record was written (or the draft discarded)."""

    saved = Signal()

    def __init__(self, ws: Workspace, draft: Draft, village: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = ws
        self.draft = draft
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{draft.form.label.text()} — {village}")
        people, villages = step_records.people_and_villages(ws, draft.village_id)
        choices = Choices(people, villages, lambda d: step_records.read_blob(ws, d),
                          lambda data: step_records.store_blob(ws, data))
        self.form = FormWidget(draft.form, choices)
        self.form.set_values(draft.values)
        self.form.edited.connect(self._edited)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.keep_draft)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.form)
        self.status = QLabel(tr("Draft: what you type is kept as you type."))
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        save = QPushButton(tr("Save (Ctrl+S)"))
        save.clicked.connect(self.save)
        discard = QPushButton(tr("Discard draft"))
        discard.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(discard)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        title = QLabel(f"{draft.form.label.text()} · {village}"
                       + ("" if draft.record_id is None else " · " + tr("editing")))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(area, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(760, 640)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The shortcut handles Ctrl+S in the app; a key sent straight to the window lands here.
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
        else:
            super().keyPressEvent(event)

    def _edited(self) -> None:
        self.timer.start()

    def keep_draft(self) -> bool:
        self.timer.stop()
        try:
            step_records.save_draft(self.ws, self.draft.id, self.form.values())
        except USER_ERRORS as e:
            self.status.setText(str(e))
            return False
        self.status.setText(tr("Draft kept at {time}", time=QTime.currentTime().toString()))
        return True

    def save(self) -> None:
        if not self.keep_draft():
            return
        try:
            step_records.save_record(self.ws, self.draft.id)
        except FormValuesError as e:
            self.status.setText("<span style='color:#c62828'>" + tr(
                "Not saved, still a draft. To fill in: {problems}",
                problems=tr("; ").join(p.message for p in e.problems)) + "</span>")
            return
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.draft = None  # type: ignore[assignment]
        self.saved.emit()
        self.close()

    def discard(self) -> None:
        answer = QMessageBox.question(
            self, tr("Discard draft"), tr("Throw away what was typed since the last save?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        step_records.discard_draft(self.ws, self.draft.id)
        self.draft = None  # type: ignore[assignment]
        self.saved.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.draft is not None:
            if self.draft.record_id is None and not self.form.values():
                step_records.discard_draft(self.ws, self.draft.id)  # nothing typed: no draft
            else:
                self.keep_draft()  # whatever state: the draft is the safe place
            self.saved.emit()
        super().closeEvent(event)

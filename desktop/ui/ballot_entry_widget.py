"""Keying in paper ballots as fast as the paper allows, with a running tally.

One keystroke per answer: 1…n picks the n-th option of the scale, 0 leaves the row blank;
Backspace or Ctrl+Z takes the last answer back (Ctrl+Z on an empty ballot reopens the one saved
before it); Enter saves the ballot and moves to the next serial; F9 saves it as void (废票)
with a reason; Ctrl+L jumps to a serial (keying a serial already saved corrects that ballot).
The table shows, per subject and item, the answer on the ballot being keyed and the counts of
every option so far, the ballot being keyed included.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import ballot_entry
from desktop.core.ballot_entry import BLANK, Keyed, LiveTally
from desktop.core.i18n import N_, tr
from desktop.core.kinds import ENTRY_LABELS
from desktop.services import evaluation
from desktop.services.evaluation import Session
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, show_error

CURRENT = QColor("#fff3b0")
VOID_REASONS = (N_("Two or more options ticked on one row"), N_("Illegible"),
                N_("Not an issued ballot"), N_("Torn or defaced"))


class BallotEntryWidget(QWidget):
    """``saved`` fires after a ballot was written, so other views can recount."""

    saved = Signal()

    def __init__(self, ws: Workspace, session: Session, entry: str) -> None:
        super().__init__()
        self.ws = ws
        self.entry = entry
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.serial = QLineEdit()
        self.serial.setObjectName("serial")
        self.serial.setMaximumWidth(120)
        self.serial.returnPressed.connect(self._serial_entered)
        self.status = QLabel()
        self.status.setObjectName("entryStatus")
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        void = QPushButton(tr("Void ballot (F9)"))
        void.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        void.clicked.connect(self.void_ballot)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(QLabel(tr("Serial number")))
        top.addWidget(self.serial)
        top.addWidget(void)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Keys: 1–{n} answer, 0 blank, Backspace undo, Enter next "
                                   "ballot, F9 void, Ctrl+L serial",
                                   n=len(session.questionnaire.options))))
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.load(session)

    # -- state ---------------------------------------------------------------------------

    def load(self, session: Session) -> None:
        """Show a session's ballots of this entry (after a save elsewhere or a reload)."""
        self.session = session
        self.form = session.questionnaire
        self.columns = self.form.columns()
        self.saved_ballots = {k.serial: k for k in session.entries[self.entry]}
        self.tally = LiveTally(self.form, self.saved_ballots.values())
        self.answers: list[str] = []
        self.editing: Keyed | None = None  # a saved ballot taken out of the tally to correct
        self._build_table()
        self.serial.setText(self._next_serial())
        self._show_counts()

    def _build_table(self) -> None:
        options = self.form.options
        headers = [tr("Subject"), tr("Item"), tr("This ballot"),
                   *(f"{n} {o.label.text()}" for n, o in enumerate(options, 1)), tr("0 blank")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.columns))
        labels = {s.key: s for s in self.form.subjects}
        for row, (subject, item) in enumerate(self.columns):
            s = labels[subject]
            self.table.setItem(row, 0, QTableWidgetItem(s.label.text()))
            self.table.setItem(row, 1, QTableWidgetItem(
                next(i for i in s.items if i.key == item).label.text()))
            for col in range(2, len(headers)):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row in range(len(self.columns)):
            self._show_answer(row)
            for key in range(len(self.form.options) + 1):
                self._show_count(row, str(key))

    def _count_column(self, key: str) -> int:
        return 3 + (len(self.form.options) if key == BLANK else int(key) - 1)

    def _show_count(self, row: int, key: str) -> None:
        self.table.item(row, self._count_column(key)).setText(str(self.tally.counts[row][int(key)]))

    def _show_answer(self, row: int) -> None:
        cell = self.table.item(row, 2)
        if row < len(self.answers):
            cell.setText(ballot_entry.answer_text(self.form, self.answers[row]))
        else:
            cell.setText("")
        cell.setBackground(CURRENT if row == len(self.answers) else QColor(0, 0, 0, 0))

    def _show_counts(self) -> None:
        done = len(self.saved_ballots) - (1 if self.editing else 0)
        self.title.setText(tr("{entry}: {n} ballots saved ({void} void)",
                              entry=tr(ENTRY_LABELS[self.entry]), n=done, void=self.tally.void))

    def _next_serial(self) -> str:
        numbers = [int(s) for s in self.saved_ballots if s.isdigit()]
        start = max(numbers, default=0) + 1
        return evaluation.normal_serial(str(start))

    # -- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.take_back()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_ballot()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif key == Qt.Key.Key_F9:
            self.void_ballot()
        elif key == Qt.Key.Key_L and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focus_serial()
        else:
            super().keyPressEvent(event)

    def press(self, key: str) -> None:
        if int(key) > len(self.form.options):
            self.status.setText(tr("Only 1–{n} and 0 are answers", n=len(self.form.options)))
            return
        row = len(self.answers)
        if row >= len(self.columns):
            self.status.setText(tr("The ballot is complete: Enter saves it, Backspace corrects"))
            return
        self.answers.append(key)
        self.tally.press(row, key)
        self._show_count(row, key)
        self._show_answer(row)
        if row + 1 < len(self.columns):
            self._show_answer(row + 1)
            self.table.scrollToItem(self.table.item(row + 1, 0))
        self.status.setText("")

    def take_back(self) -> None:
        if not self.answers:
            return
        key = self.answers.pop()
        row = len(self.answers)
        self.tally.press(row, key, -1)
        self._show_count(row, key)
        self._show_answer(row)
        if row + 1 < len(self.columns):
            self._show_answer(row + 1)

    def undo(self) -> None:
        """Take back the last answer, or reopen the ballot saved last when none is typed."""
        if self.answers or self.editing:
            self.take_back()
            return
        if not self.saved_ballots:
            return
        last = max(self.saved_ballots.values(), key=lambda k: ballot_entry.serial_order(k.serial))
        self.open_serial(last.serial)

    def open_serial(self, serial: str) -> None:
        """Bring a saved ballot back to be corrected (it leaves the tally until saved)."""
        self._forget_typed()
        serial = evaluation.normal_serial(serial)
        self.serial.setText(serial)
        saved = self.saved_ballots.get(serial)
        if saved is not None:
            self.editing = saved
            self.tally.remove(saved)
            for row, key in enumerate([] if saved.void else saved.answers):
                self.answers.append(key)
                self.tally.press(row, key)
            self.status.setText(tr("Correcting ballot {serial}", serial=serial))
        for row in range(len(self.columns)):
            self._show_answer(row)
            for key in range(len(self.form.options) + 1):
                self._show_count(row, str(key))
        self._show_counts()
        self.setFocus()

    def _forget_typed(self) -> None:
        for row, key in enumerate(self.answers):
            self.tally.press(row, key, -1)
        self.answers = []
        if self.editing is not None:
            self.tally.add(self.editing)
            self.editing = None

    def focus_serial(self) -> None:
        self.serial.setFocus()
        self.serial.selectAll()

    def _serial_entered(self) -> None:
        self.open_serial(self.serial.text())

    # -- saving --------------------------------------------------------------------------

    def save_ballot(self) -> None:
        missing = len(self.columns) - len(self.answers)
        if missing:
            self.status.setText(tr("{n} answers still to key (0 for a blank)", n=missing))
            return
        self._save(Keyed(self.serial.text(), "".join(self.answers)))

    def void_ballot(self) -> None:
        reason, ok = QInputDialog.getItem(
            self, tr("Void ballot"), tr("Why is ballot {serial} void?",
                                       serial=evaluation.normal_serial(self.serial.text())),
            [tr(r) for r in VOID_REASONS], 0, True)
        if ok and reason.strip():
            self._save(Keyed(self.serial.text(), BLANK * len(self.columns), reason.strip()))
        self.setFocus()

    def _save(self, keyed: Keyed) -> None:
        try:
            evaluation.key_ballot(self.ws, self.session.id, self.entry, keyed)
        except USER_ERRORS as e:
            show_error(self, e)
            return
        serial = evaluation.normal_serial(keyed.serial)
        stored = Keyed(serial, keyed.answers, keyed.void_reason)
        # A new ballot keyed to the end leaves the counts as they are shown: the typed
        # answers simply become a saved ballot. Anything else is recounted on screen.
        unchanged = self.editing is None and serial not in self.saved_ballots and not stored.void
        for row, key in enumerate(self.answers):
            self.tally.press(row, key, -1)
        self.answers = []
        if self.editing is not None:
            self.editing = None  # already out of the tally
        elif serial in self.saved_ballots:
            self.tally.remove(self.saved_ballots[serial])
        self.saved_ballots[serial] = stored
        self.tally.add(stored)
        self.serial.setText(self._next_serial())
        for row in range(len(self.columns)):
            self._show_answer(row)
            for key in () if unchanged else range(len(self.form.options) + 1):
                self._show_count(row, str(key))
        self._show_counts()
        self.status.setText(tr("Ballot {serial} saved", serial=serial))
        self.table.scrollToTop()
        self.saved.emit()

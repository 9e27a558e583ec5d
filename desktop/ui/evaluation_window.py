"""One democratic-evaluation session: key the ballots twice, see the differences, the count.

Tabs: the first entry, the verifying entry, the differences between them and the results.
The toolbar prints blank ballots, imports a typed-in sheet and saves the results as PDF or
.xlsx. Everything is saved as it is keyed; closing the window loses nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import ENTRIES, ENTRY_LABELS
from desktop.services import evaluation
from desktop.services.workspace import Workspace
from desktop.ui.ballot_entry_widget import BallotEntryWidget
from desktop.ui.evaluation_results import EvaluationResults
from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
from desktop.ui.messages import USER_ERRORS, show_error


class EvaluationWindow(QWidget):
    """``changed`` tells the main window to refresh its counts."""

    changed = Signal()

    def __init__(self, ws: Workspace, evaluation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = ws
        self.session = evaluation.load(ws, evaluation_id)
        self.stale = False  # ballots were saved since the differences and results were shown
        self.changed_ballots = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.entries = {e: BallotEntryWidget(ws, self.session, e) for e in ENTRIES}
        self.differences = QTableWidget(0, 4)
        self.differences.setObjectName("differences")
        self.differences.setHorizontalHeaderLabels(
            [tr("Serial number"), tr("Subject · item"), tr(ENTRY_LABELS["first"]),
             tr(ENTRY_LABELS["second"])])
        self.differences.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.differences.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.differences.verticalHeader().setVisible(False)
        self.differences.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.differences_note = QLabel()
        fix = {e: QPushButton(tr("Correct in the {entry}", entry=tr(ENTRY_LABELS[e])))
               for e in ENTRIES}
        for e, button in fix.items():
            button.clicked.connect(lambda _=False, e=e: self.correct_in(e))
        difference_page = QWidget()
        d_layout = QVBoxLayout(difference_page)
        d_layout.addWidget(self.differences_note)
        d_layout.addWidget(self.differences)
        d_buttons = QHBoxLayout()
        d_buttons.addStretch()
        for button in fix.values():
            d_buttons.addWidget(button)
        d_layout.addLayout(d_buttons)
        self.results = EvaluationResults()
        self.tabs = QTabWidget()
        for e, widget in self.entries.items():
            self.tabs.addTab(widget, tr(ENTRY_LABELS[e]))
            widget.saved.connect(self._ballot_saved)
        self.tabs.addTab(difference_page, tr("Differences"))
        self.tabs.addTab(self.results, tr("Results"))
        self.tabs.currentChanged.connect(self._tab_shown)
        tools = QHBoxLayout()
        tools.addWidget(self.heading)
        tools.addStretch()
        for text, slot in ((tr("Settings…"), self.edit_setup),
                           (tr("Print blank ballots…"), self.print_ballots),
                           (tr("Import a sheet…"), self.import_sheet),
                           (tr("Save results as PDF…"), self.save_pdf),
                           (tr("Save results as Excel…"), self.save_xlsx)):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.tabs)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        layout.addWidget(self.notice)
        self.resize(1000, 680)
        self._show_session()
        self.entries["first"].setFocus()

    # -- showing -------------------------------------------------------------------------

    def _ballot_saved(self) -> None:
        # Recounting on every Enter would slow the typist down: recount when a view needs it.
        self.stale = True
        self.changed_ballots = True

    def reload(self) -> None:
        """Re-read the session after a change (the entry widgets keep their own state)."""
        self.session = evaluation.load(self.ws, self.session.id)
        self.stale = False
        self._show_session(entries=False)

    def _show_session(self, entries: bool = True) -> None:
        s = self.session
        self.heading.setText(f"{s.village} · {s.setup.held_on} · {s.questionnaire.label.text()}")
        self.setWindowTitle(tr("Democratic evaluation") + f" — {s.village} {s.setup.held_on}")
        if entries:
            for widget in self.entries.values():
                widget.load(s)
        self.differences.setRowCount(len(s.mismatches) + len(s.duplicates))
        subjects = {x.key: x for x in s.questionnaire.subjects}
        for row, m in enumerate(s.mismatches):
            where = tr("the whole ballot")
            if m.column:
                subject = subjects[m.column[0]]
                item = next(i for i in subject.items if i.key == m.column[1])
                where = f"{subject.label.text()} · {item.label.text()}"
            for col, text in enumerate((m.serial, where, m.first, m.second)):
                self.differences.setItem(row, col, QTableWidgetItem(text))
        for row, twice in enumerate(s.duplicates, len(s.mismatches)):
            self.differences.setItem(row, 0, QTableWidgetItem(twice))
            self.differences.setItem(row, 1, QTableWidgetItem(tr("keyed twice")))
        self.differences_note.setText(
            tr("Both entries agree: the count is final.") if s.final else
            tr("{n} differences between the entries. Check the paper ballot, then correct "
               "the entry that is wrong.", n=len(s.mismatches) + len(s.duplicates)))
        self.tabs.setTabText(2, tr("Differences ({n})", n=len(s.mismatches))
                             if s.mismatches else tr("Differences"))
        self.results.show_session(s)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, BallotEntryWidget):
            widget.setFocus()
        elif self.stale:
            self.reload()

    def correct_in(self, entry: str) -> None:
        row = self.differences.currentRow()
        if row < 0 or row >= len(self.session.mismatches):
            return
        widget = self.entries[entry]
        self.tabs.setCurrentWidget(widget)
        widget.open_serial(self.session.mismatches[row].serial)

    # -- actions -------------------------------------------------------------------------

    def edit_setup(self) -> None:
        dialog = EvaluationSetupDialog(self, self.session.setup.village_id, self.session.village,
                                       self.session.setup)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self._try(lambda: evaluation.save_setup(self.ws, dialog.setup(), self.session.id)):
            self.session = evaluation.load(self.ws, self.session.id)
            self._show_session()
            self.changed.emit()

    def print_ballots(self) -> None:
        per_page, ok = QInputDialog.getItem(
            self, tr("Print blank ballots"),
            tr("{n} ballots, numbered 0001 to {last}. Ballots per A4 page:",
               n=self.session.setup.issued,
               last=evaluation.normal_serial(str(self.session.setup.issued))),
            ["2", "1"], 0, False)
        if not ok:
            return
        path = self._save_path(tr("Save the blank ballots"), "测评票.pdf", "PDF (*.pdf)")
        if path:
            self._try(lambda: evaluation.print_ballots(self.ws, self.session.id, path,
                                                       int(per_page)), done=path)

    def import_sheet(self) -> None:
        entry, ok = QInputDialog.getItem(
            self, tr("Import a sheet"), tr("Key the sheet's ballots into:"),
            [tr(ENTRY_LABELS[e]) for e in ENTRIES], 0, False)
        if not ok:
            return
        chosen = ENTRIES[[tr(ENTRY_LABELS[e]) for e in ENTRIES].index(entry)]
        path, _ = QFileDialog.getOpenFileName(self, tr("Import a sheet"), "",
                                              tr("Ballot sheets (*.csv *.xlsx)"))
        if path and self._try(lambda: evaluation.import_sheet(self.ws, self.session.id, chosen,
                                                              Path(path))):
            self.session = evaluation.load(self.ws, self.session.id)
            self._show_session()
            self.changed.emit()

    def save_pdf(self) -> None:
        path = self._save_path(tr("Save the results"), "测评结果.pdf", "PDF (*.pdf)")
        if path:
            self._try(lambda: evaluation.results_pdf(self.ws, self.session.id, path), done=path)

    def save_xlsx(self) -> None:
        path = self._save_path(tr("Save the results"), "测评结果.xlsx", "Excel (*.xlsx)")
        if path:
            self._try(lambda: evaluation.results_xlsx(self.ws, self.session.id, path),
                      done=path)

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(self.ws.path.parent / name),
                                              pattern)
        return Path(path) if path else None

    def _try(self, job, done: Path | None = None) -> bool:  # type: ignore[no-untyped-def]
        try:
            job()
        except USER_ERRORS as e:
            show_error(self, e)
            return False
        if done is not None:
            self.notice.setText(tr("Saved {path}", path=done))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        # Saved ballots are in the database; only a half-keyed ballot could be lost: ask.
        typed = [w for w in self.entries.values() if w.answers]
        if typed:
            self.tabs.setCurrentWidget(typed[0])
            answer = QMessageBox.question(
                self, tr("Ballot not finished"),
                tr("Ballot {serial} is only partly keyed. Close and discard its answers?",
                   serial=typed[0].serial.text()),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self.changed_ballots:
            self.changed.emit()
        super().closeEvent(event)

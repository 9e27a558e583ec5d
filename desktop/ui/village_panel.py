"""The right-hand side for a chosen village: its inspection steps as a guided sequence with
status and counts, and below them the records of the chosen step (or, for 民主测评, its
evaluation sessions)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.services import evaluation, step_records
from desktop.services.step_records import STATUS_LABELS
from desktop.services.workspace import Workspace

EVALUATION = "evaluation"
ID_ROLE = Qt.ItemDataRole.UserRole
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1


class VillagePanel(QWidget):
    """Signals ask the main window to open windows: a session, a record's draft, a history."""

    new_evaluation = Signal()
    open_evaluation = Signal(str)
    new_record = Signal(str)  # step key
    open_record = Signal(str)  # record id
    open_draft = Signal(str)  # draft id
    show_history = Signal(str)  # record id
    delete_record = Signal(str)  # record id
    edit_people = Signal()

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.village_id: str | None = None
        self.round_steps: tuple = ()
        self.title = QLabel()
        self.title.setObjectName("villageTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.steps = QTableWidget(0, 3)
        self.steps.setHorizontalHeaderLabels([tr("Step"), tr("Status"), tr("Records")])
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self._load_steps()
        self.steps.currentCellChanged.connect(lambda *_: self._show_step())
        self.below = QStackedWidget()
        self.below.addWidget(self._records_page())
        self.below.addWidget(self._evaluations_page())
        people_button = QPushButton(tr("People of the village…"))
        people_button.clicked.connect(lambda: self.edit_people.emit())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(people_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 2)
        layout.addWidget(self.below, 3)
        self.steps.setCurrentCell(0, 0)

    def _records_page(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText(tr("Search the records of this step"))
        self.search.textChanged.connect(lambda _: self._show_step())
        self.records = QListWidget()
        self.records.setObjectName("records")
        self.records.itemActivated.connect(self._open_item)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for text, slot in ((tr("New record… (Ctrl+Shift+N)"), self._new_record),
                           (tr("Open"), self._open_current),
                           (tr("History…"), lambda: self._with_record(self.show_history.emit)),
                           (tr("Delete"), lambda: self._with_record(self.delete_record.emit))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.records)
        for keys, slot in (("Ctrl+Shift+N", self._new_record), ("Ctrl+F", self.search.setFocus),
                           ("Delete", lambda: self._with_record(self.delete_record.emit))):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return page

    def _evaluations_page(self) -> QWidget:
        page = QWidget()
        self.evaluations = QListWidget()
        self.evaluations.setObjectName("evaluations")
        self.evaluations.itemActivated.connect(
            lambda item: self.open_evaluation.emit(item.data(ID_ROLE)))
        new = QPushButton(tr("New evaluation…"))
        new.clicked.connect(self.new_evaluation.emit)
        opened = QPushButton(tr("Open"))
        opened.clicked.connect(self._open_evaluation)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(new)
        buttons.addWidget(opened)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.evaluations)
        return page

    # -- showing -------------------------------------------------------------------------

    def _load_steps(self) -> None:
        """The round's steps, in its order (they can change: 轮次 → 巡察环节)."""
        steps = step_records.steps(self.ws)
        if [s.key for s in steps] == [s.key for s in self.round_steps]:
            return
        self.round_steps = steps
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            self.steps.setItem(row, 0, QTableWidgetItem(f"{row + 1}. {step.label.text()}"))
            self.steps.setItem(row, 1, QTableWidgetItem(tr("Not started")))
            self.steps.setItem(row, 2, QTableWidgetItem("0"))
        self.steps.setCurrentCell(0, 0)

    def current_step(self) -> str:
        return self.round_steps[max(0, self.steps.currentRow())].key

    def show_village(self, village_id: str, name: str, path: str) -> None:
        self.village_id = village_id
        self.title.setText(name)
        self.title.setToolTip(path)
        self.refresh()

    def refresh(self) -> None:
        if self.village_id is None:
            return
        self._load_steps()
        sessions = evaluation.sessions_of(self.ws, self.village_id)
        for row, state in enumerate(step_records.step_states(self.ws, self.village_id)):
            status, count = tr(STATUS_LABELS[state.status]), str(state.records)
            if state.step.key == EVALUATION:
                status = (tr("Not started") if not sessions else tr("In progress")
                          if not all(s.final for s in sessions) else tr("Keyed and verified"))
                count = str(len(sessions))
            elif state.drafts:
                count += " + " + tr("{n} drafts", n=state.drafts)
            self.steps.item(row, 1).setText(status)
            self.steps.item(row, 2).setText(count)
        self.evaluations.clear()
        for s in sessions:
            state = (tr("verified") if s.final else
                     tr("{n} keyed, {m} verified, {d} differences", n=s.keyed, m=s.verified,
                        d=s.differences))
            issued = tr("{n} issued", n=s.issued)
            item = QListWidgetItem(f"{s.held_on}  {s.title}  ({issued}, {state})")
            item.setData(ID_ROLE, s.id)
            self.evaluations.addItem(item)
        if sessions:
            self.evaluations.setCurrentRow(len(sessions) - 1)
        self._show_step()

    def _show_step(self) -> None:
        step = self.current_step()
        self.below.setCurrentIndex(1 if step == EVALUATION else 0)
        if step == EVALUATION or self.village_id is None:
            return
        self.records.clear()
        for d in step_records.drafts_of(self.ws, self.village_id):
            if d.step == step:
                item = QListWidgetItem(tr("(draft) {title}", title=step_records.title(
                    d.form, d.values)))
                item.setData(DRAFT_ROLE, d.id)
                self.records.addItem(item)
        for r in step_records.records_of(self.ws, self.village_id, step, self.search.text()):
            item = QListWidgetItem(("⚠ " if r.conflict else "") + r.title)
            item.setData(ID_ROLE, r.id)
            self.records.addItem(item)

    # -- acting --------------------------------------------------------------------------

    def _new_record(self) -> None:
        if self.village_id is not None:
            self.new_record.emit(self.current_step())

    def _open_item(self, item: QListWidgetItem) -> None:
        if item.data(DRAFT_ROLE):
            self.open_draft.emit(item.data(DRAFT_ROLE))
        elif item.data(ID_ROLE):
            self.open_record.emit(item.data(ID_ROLE))

    def _open_current(self) -> None:
        if self.records.currentItem() is not None:
            self._open_item(self.records.currentItem())

    def _with_record(self, emit) -> None:  # type: ignore[no-untyped-def]
        item = self.records.currentItem()
        if item is not None and item.data(ID_ROLE):
            emit(item.data(ID_ROLE))

    def _open_evaluation(self) -> None:
        item = self.evaluations.currentItem()
        if item is not None:
            self.open_evaluation.emit(item.data(ID_ROLE))

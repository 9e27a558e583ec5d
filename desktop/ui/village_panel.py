"""The right-hand side for a chosen village: its inspection steps as a guided sequence, and
its democratic-evaluation sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import language, tr
from desktop.core.steps import DEFAULT_STEPS
from desktop.services.evaluation import Summary

EVALUATION_ROW = next(n for n, s in enumerate(DEFAULT_STEPS) if s.key == "evaluation")


class VillagePanel(QWidget):
    """``new_evaluation`` and ``open_evaluation(id)`` ask the main window to act."""

    new_evaluation = Signal()
    open_evaluation = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setObjectName("villageTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.steps = QTableWidget(len(DEFAULT_STEPS), 3)
        self.steps.setHorizontalHeaderLabels([tr("Step"), tr("Status"), tr("Records")])
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, step in enumerate(DEFAULT_STEPS):
            name = step.zh if language() == "zh_CN" else step.en
            self.steps.setItem(row, 0, QTableWidgetItem(f"{row + 1}. {name}"))
            self.steps.setItem(row, 1, QTableWidgetItem(tr("Not started")))
            self.steps.setItem(row, 2, QTableWidgetItem("0"))
        self.evaluations = QListWidget()
        self.evaluations.setObjectName("evaluations")
        self.evaluations.itemActivated.connect(
            lambda item: self.open_evaluation.emit(item.data(Qt.ItemDataRole.UserRole)))
        new = QPushButton(tr("New evaluation…"))
        new.clicked.connect(self.new_evaluation.emit)
        opened = QPushButton(tr("Open"))
        opened.clicked.connect(self._open_current)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(new)
        buttons.addWidget(opened)
        group = QGroupBox(tr("Democratic evaluation"))
        box = QVBoxLayout(group)
        box.addWidget(self.evaluations)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.steps)
        layout.addWidget(group)

    def show_village(self, name: str, path: str, sessions: list[Summary]) -> None:
        self.title.setText(name)
        self.title.setToolTip(path)
        self.evaluations.clear()
        for s in sessions:
            state = (tr("verified") if s.final else
                     tr("{n} keyed, {m} verified, {d} differences", n=s.keyed, m=s.verified,
                        d=s.differences))
            item = QListWidgetItem(f"{s.held_on}  {s.title}  ({tr('{n} issued', n=s.issued)}"
                                   f", {state})")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.evaluations.addItem(item)
        if sessions:
            self.evaluations.setCurrentRow(len(sessions) - 1)
        status = (tr("Not started") if not sessions else
                  tr("In progress") if not all(s.final for s in sessions)
                  else tr("Keyed and verified"))
        self.steps.item(EVALUATION_ROW, 1).setText(status)
        self.steps.item(EVALUATION_ROW, 2).setText(str(len(sessions)))

    def _open_current(self) -> None:
        item = self.evaluations.currentItem()
        if item is not None:
            self.open_evaluation.emit(item.data(Qt.ItemDataRole.UserRole))

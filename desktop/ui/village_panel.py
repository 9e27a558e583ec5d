"""The right-hand side for a chosen village: its inspection steps as a guided sequence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import language, tr
from desktop.core.steps import DEFAULT_STEPS


class VillagePanel(QWidget):
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.steps)

    def show_village(self, name: str, path: str) -> None:
        self.title.setText(name)
        self.title.setToolTip(path)

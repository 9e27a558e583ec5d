"""The right-hand side for a chosen town: how far each of its villages has got, step by step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.services import evaluation, step_records
from desktop.services.step_records import COMPLETE, IN_PROGRESS, STATUS_LABELS
from desktop.services.workspace import Workspace

MARKS = {COMPLETE: "●", IN_PROGRESS: "◐"}
COLOURS = {COMPLETE: QColor("#e3f2e1"), IN_PROGRESS: QColor("#fff6d8")}


class TownPanel(QWidget):
    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("townSummary")
        self.table = QTableWidget()
        self.table.setObjectName("townProgress")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_town(self, town_id: str, name: str) -> None:
        self.title.setText(name)
        steps = step_records.steps(self.ws)
        rows = step_records.town_progress(self.ws, town_id)
        self.table.setColumnCount(1 + len(steps))
        self.table.setHorizontalHeaderLabels([tr("Village"), *(s.label.text() for s in steps)])
        self.table.setRowCount(len(rows))
        done = 0
        for r, (vid, village, states) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(village))
            sessions = evaluation.sessions_of(self.ws, vid)
            complete = True
            for c, state in enumerate(states, 1):
                status, count = state.status, state.records
                if state.step.key == "evaluation":
                    status = (COMPLETE if sessions and all(x.final for x in sessions) else
                              IN_PROGRESS if sessions else state.status)
                    count = len(sessions)
                complete = complete and status == COMPLETE
                item = QTableWidgetItem(f"{MARKS.get(status, '○')} {count}")
                item.setToolTip(tr(STATUS_LABELS[status]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if status in COLOURS:
                    item.setBackground(COLOURS[status])
                self.table.setItem(r, c, item)
            done += complete
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(tr("{done} of {n} villages have every step complete. "
                                "● complete  ◐ in progress  ○ not started; the number is the "
                                "records saved.", done=done, n=len(rows)))

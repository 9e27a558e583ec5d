"""The round summary with the article's figures: for the round, each town and each village."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from desktop.core import registers as rules
from desktop.core.i18n import N_, tr
from desktop.services.queries import Figures, RoundFigures

COLUMNS = (N_("Villages"), N_("Findings"), N_("Signed off"), *rules.ASPECT_LABELS.values(),
           *rules.CLASS_LABELS.values(), N_("Suggestions"), N_("Rules improved"),
           N_("Immediate rectifications"), N_("Rectification tasks"), N_("Closed out"),
           N_("Clues handed over"))


def _cells(f: Figures) -> list[int]:
    return [f.villages, f.findings, f.signed_off,
            *(f.by_aspect.get(k, 0) for k in rules.ASPECT_LABELS),
            *(f.by_class.get(k, 0) for k in rules.CLASS_LABELS),
            f.suggestions, f.rules_improved, f.immediate_rectifications, f.rectifications,
            f.closed_out, f.clues_handed_over]


class SummaryTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 1 + len(COLUMNS))
        self.setObjectName("roundSummary")
        self.setHorizontalHeaderLabels([tr("Where"), *(tr(c) for c in COLUMNS)])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_figures(self, figures: RoundFigures) -> None:
        rows = [(tr("The whole round"), figures.total, True)]
        for town in figures.towns:
            rows.append((town.name, town.figures, True))
            rows += [(f"    {v.name}", v.figures, False) for v in figures.villages
                     if v.town == town.name]
        self.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, (name, f, strong) in enumerate(rows):
            for c, value in enumerate([name, *(str(n) for n in _cells(f))]):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if strong:
                    item.setFont(bold)
                self.setItem(r, c, item)

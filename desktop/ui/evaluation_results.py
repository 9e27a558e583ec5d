"""The count of a democratic evaluation: the reconciliation, a results table and a bar chart.

The figures come from ``evaluation_report.as_dict``, the same rounded numbers the command line,
the PDF and the spreadsheet show.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import evaluation_report
from desktop.core.i18n import tr
from desktop.services.evaluation import Session

FAVOURABLE = QColor("#2e7d32")
WARNING = QColor("#c62828")


class RateChart(QWidget):
    """Horizontal bars: the favourable rate of each subject and item, 0–100 %."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[tuple[str, float | None, bool]] = []  # label, rate, flagged
        self.setMinimumHeight(120)

    def show_bars(self, bars: list[tuple[str, float | None, bool]]) -> None:
        self.bars = bars
        self.setMinimumHeight(24 * len(bars) + 30)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width = min(self.width() // 3, 260)
        scale = self.width() - label_width - 70
        for row, (label, rate, flagged) in enumerate(self.bars):
            y = 10 + row * 24
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, y, label_width - 8, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            if rate is None:
                painter.drawText(QRectF(label_width, y, 80, 20), Qt.AlignmentFlag.AlignVCenter,
                                 "—")
                continue
            painter.fillRect(QRectF(label_width, y + 3, scale * rate, 14),
                             WARNING if flagged else FAVOURABLE)
            painter.drawText(QRectF(label_width + scale * rate + 6, y, 64, 20),
                             Qt.AlignmentFlag.AlignVCenter, f"{rate * 100:.1f}%")
        painter.end()


class EvaluationResults(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.summary.setObjectName("reconciliation")
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)  # the flags: fill the width
        self.chart = RateChart()
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(chart_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter)

    def show_session(self, session: Session) -> None:
        result = session.count()
        if result is None:
            self.summary.setText(tr("Serial numbers keyed twice: {serials}. Key each of these "
                                    "ballots again to keep one.", serials=", ".join(session.duplicates)))
            self.table.setRowCount(0)
            self.chart.show_bars([])
            return
        data = evaluation_report.as_dict(session.questionnaire, result)
        self.summary.setText(self._summary(session, data))
        options = [o.label.text() for o in session.questionnaire.options]
        headers = [tr("Subject"), tr("Item"), *options, tr("Blank"), tr("Counted"),
                   session.questionnaire.rate_label.text(), tr("Score"), tr("Grade"),
                   tr("Flags")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(data["results"]))
        bars = []
        for row, r in enumerate(data["results"]):
            cells = [r["subject_label"], r["item_label"],
                     *(_count(r["counts"][o], r["shares"][o]) for o in options),
                     str(r["blank"]), str(r["valid"]), _percent(r["favourable_rate"]),
                     "—" if r["score"] is None else f"{r['score']:.2f}", r["grade"] or "—",
                     "、".join(r["flags"])]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r["flags"] and col == len(cells) - 1:
                    item.setForeground(WARNING)
                self.table.setItem(row, col, item)
            bars.append((f"{r['subject_label']} · {r['item_label']}", r["favourable_rate"],
                         bool(r["flags"])))
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.chart.show_bars(bars)

    def _summary(self, session: Session, data: dict) -> str:
        lines = [tr("Issued {issued}, returned {returned}, valid {valid}, void {void}",
                    issued=data["issued"], returned=data["returned"], valid=data["valid"],
                    void=data["void"])]
        quorum = data["quorum"]
        lines.append(tr("Quorum {rule}: {verdict}", rule=quorum["rule"],
                        verdict=tr("met") if quorum["met"] else tr("NOT MET")))
        if data["session_void"]:
            lines.append(tr("The count is void: more ballots were returned than issued."))
        lines.append(tr("The count is final: both entries agree.") if session.final else
                     tr("Provisional: the verifying entry does not yet agree with the first "
                        "({n} differences).", n=len(session.mismatches)))
        return "\n".join(lines)


def _count(count: int, share: float | None) -> str:
    return f"{count}" if share is None else f"{count} ({share * 100:.1f}%)"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"

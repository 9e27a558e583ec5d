"""Bar charts of the favourable rate (满意率, 好评率, 称职率) per subject and item.

Horizontal bars, first result at the top, 0–100 %, the rates in a column on the right ("—"
when nothing was counted). When grades go by the rate, their thresholds are dashed lines. Long
sessions are cut into several charts so that each fits on a page.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.core.evaluation_report import labels, percent
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation
from desktop.packet.fonts import FontSet

BAR = 6 * mm
PER_CHART = 30
LABEL_SIZE = 8
BAR_COLOUR = colors.HexColor("#4a6fa5")
LINE_COLOUR = colors.HexColor("#b00000")


def rate_charts(questionnaire: Questionnaire, evaluation: Evaluation, fonts: FontSet,
                width: float) -> list[Drawing]:
    """One drawing per group of at most PER_CHART results; none for a void session."""
    rows = []
    for result in evaluation.results:
        subject, item = labels(questionnaire, result)
        rows.append((f"{subject} · {item}", result.favourable_rate))
    if not rows:
        return []
    size = -(-len(rows) // -(-len(rows) // PER_CHART))  # charts of even size
    label_width = min(max(stringWidth(name, fonts.body, LABEL_SIZE) for name, _ in rows) + 8,
                      width * 0.4)
    return [_chart(rows[n:n + size], questionnaire, fonts, width, label_width)
            for n in range(0, len(rows), size)]


def _chart(rows: list, questionnaire: Questionnaire, fonts: FontSet, width: float,
           label_width: float) -> Drawing:
    rows = rows[::-1]  # the chart draws its first category at the bottom
    bottom, top = 8 * mm, 6 * mm
    drawing = Drawing(width, len(rows) * BAR + bottom + top, initialFontName=fonts.body)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, bottom
    chart.width, chart.height = width - label_width - 14 * mm, len(rows) * BAR
    chart.data = [[0 if rate is None else float(rate * 100) for _, rate in rows]]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 1.5 * mm
    axis = chart.categoryAxis
    axis.categoryNames = [name for name, _ in rows]
    axis.labels.fontName = fonts.body
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.boxAnchor = "e"
    axis.labels.dx = -3
    values = chart.valueAxis
    values.valueMin, values.valueMax, values.valueStep = 0, 100, 20
    values.labelTextFormat = "%d%%"
    values.labels.fontName = fonts.body
    values.labels.fontSize = LABEL_SIZE
    values.visibleGrid = True
    values.gridStrokeColor = colors.HexColor("#d0d0d0")
    values.gridStrokeWidth = 0.4
    drawing.add(chart)
    band = chart.height / len(rows)
    for n, (_, rate) in enumerate(rows):  # the rates in a column right of 100 %
        drawing.add(String(width - 1, chart.y + (n + 0.5) * band - LABEL_SIZE / 3, percent(rate),
                           fontName=fonts.body, fontSize=LABEL_SIZE, textAnchor="end"))
    rules = questionnaire.rules
    if rules.grade_by == "favourable_rate":
        for grade in rules.grades:
            if grade.bound is None:
                continue
            x = chart.x + chart.width * float(grade.bound.threshold)
            drawing.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=LINE_COLOUR,
                             strokeWidth=0.7, strokeDashArray=[3, 2]))
            drawing.add(String(x, chart.y + chart.height + 2, grade.label.text(),
                               fontName=fonts.body, fontSize=LABEL_SIZE - 1,
                               fillColor=LINE_COLOUR, textAnchor="middle"))
    return drawing

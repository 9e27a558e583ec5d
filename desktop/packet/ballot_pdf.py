"""Blank anonymous ballots (民主测评票) to print, one serial number each.

Every ballot carries its serial printed and as a QR code (so the typist can scan it into the
ballot sheet), the questionnaire's title, short instructions and a table: one row per subject
and item, one column per option of the scale, numbered 1..n in scale order (the numbers keyed
into the ballot sheet). Nothing else: no name, no voter number, no mark that differs between
ballots except the serial, which is handed out at random with the ballots.

Two ballots share an A4 page, with a cut line between them, when one fits in half a page;
otherwise each has a page of its own, and a ballot longer than a page continues on the next
pages with the table header repeated and its serial on every page.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.core.i18n import tr
from desktop.core.questionnaire import Questionnaire
from desktop.packet import layout
from desktop.packet.fonts import cjk_fonts
from desktop.packet.layout import PAGE_HEIGHT, PAGE_WIDTH, text

SIDE = 15 * mm
WIDTH = PAGE_WIDTH - 2 * SIDE
HALF_MARGIN, FULL_MARGIN = 9 * mm, 15 * mm
HALF_HEIGHT = PAGE_HEIGHT / 2 - 2 * HALF_MARGIN
FULL_HEIGHT = PAGE_HEIGHT - 2 * FULL_MARGIN
QR_SIZE = 20 * mm
ROWS = (7 * mm, 6 * mm)  # row heights tried, roomiest first, before a ballot is cut
PAD, GAP = 0.8 * mm, 2.5 * mm
CONTINUED, FOOTER = 10 * mm, 8 * mm


@dataclass(frozen=True)
class BallotsWritten:
    ballots: int
    pages: int
    per_page: int  # as laid out: 2 only when a ballot fits in half a page
    pages_per_ballot: int


def write_ballots(path: str | os.PathLike[str], questionnaire: Questionnaire,
                  serials: Sequence[str], *, title: str | None = None,
                  village: str | None = None, held_on: date | None = None, per_page: int = 2,
                  font: str | os.PathLike[str] | None = None) -> BallotsWritten:
    """Write one blank ballot per serial into a new PDF at ``path``."""
    target = Path(path)
    layout.ensure_new(target)
    data, written = render_ballots(questionnaire, serials, title=title, village=village,
                                   held_on=held_on, per_page=per_page, font=font)
    layout.write_new(target, data)
    return written


def render_ballots(questionnaire: Questionnaire, serials: Sequence[str], *,
                   title: str | None = None, village: str | None = None,
                   held_on: date | None = None, per_page: int = 2,
                   font: str | os.PathLike[str] | None = None) -> tuple[bytes, BallotsWritten]:
    """The ballots as PDF bytes, and how they were laid out."""
    if per_page not in (1, 2):
        raise ValueError("per_page must be 1 or 2")
    serials = [str(s) for s in serials]
    if not serials or len(set(serials)) != len(serials) or not all(serials):
        raise ValueError("serials must be non-empty and distinct")
    ballot = _Ballot(questionnaire, title or questionnaire.label.text(), village, held_on, font)
    ballot.fit(HALF_HEIGHT if per_page == 2 else FULL_HEIGHT)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=True,
                    initialFontName=ballot.fonts.body)
    canvas.setTitle(ballot.title)
    canvas.setAuthor("")
    canvas.setCreator(layout.CREATOR)
    two_up = per_page == 2 and ballot.height() <= HALF_HEIGHT
    if per_page == 2 and not two_up:
        ballot.fit(FULL_HEIGHT)
    if two_up:
        for n in range(0, len(serials), 2):
            ballot.draw_first(canvas, serials[n], PAGE_HEIGHT - HALF_MARGIN, ballot.rows_all)
            if n + 1 < len(serials):
                _cut_line(canvas, ballot)
                ballot.draw_first(canvas, serials[n + 1], PAGE_HEIGHT / 2 - HALF_MARGIN,
                                  ballot.rows_all)
            canvas.showPage()
        pages_each = 1
    else:
        chunks = ballot.chunks()
        for serial in serials:
            for page, rows in enumerate(chunks, 1):
                top = PAGE_HEIGHT - FULL_MARGIN
                if page == 1:
                    ballot.draw_first(canvas, serial, top, rows)
                else:
                    ballot.draw_continued(canvas, serial, top, rows)
                if len(chunks) > 1:
                    ballot.draw_footer(canvas, serial, page, len(chunks))
                canvas.showPage()
        pages_each = len(chunks)
    canvas.save()
    pages = (len(serials) + 1) // 2 if two_up else len(serials) * pages_each
    return buffer.getvalue(), BallotsWritten(len(serials), pages, 2 if two_up else 1,
                                             pages_each)


class _Ballot:
    """What every ballot shares: measured once, drawn once per serial and page."""

    def __init__(self, questionnaire: Questionnaire, title: str, village: str | None,
                 held_on: date | None, font: str | os.PathLike[str] | None) -> None:
        self.fonts = layout.for_language(cjk_fonts(font))
        styles = layout.styles(self.fonts, body_size=10.5)
        self.styles = replace(styles, cell=styles.cell.clone("ballot_cell", leading=12.6),
                              cell_centre=styles.cell_centre.clone("ballot_centre",
                                                                   leading=12.6))
        self.title = title
        self.options = questionnaire.options
        self.rows = [(s.label.text(), i.label.text()) for s in questionnaire.subjects
                     for i in s.items]
        self.groups = [s.key for s in questionnaire.subjects for _ in s.items]  # row → subject
        self.rows_all = range(len(self.rows))
        title_style = self.styles.title.clone("ballot_title", fontSize=18, leading=24,
                                              spaceAfter=0)
        self.title_para = Paragraph(text(title), title_style)
        place = "\u3000\u3000".join(
            [*([village] if village else []), *([layout.long_date(held_on)] if held_on else [])])
        self.place_para = Paragraph(text(place), self.styles.cell_centre) if place else None
        self.instructions = Paragraph(text(tr(
            "Instructions: tick (√) the box of the answer you choose in each row, one box per "
            "row. A row left blank counts as an abstention. This ballot is anonymous: do not "
            "write your name or make any other mark on it. The numbers above the answers are "
            "for counting.")), self.styles.small)
        self.min_row = ROWS[0]
        self._measure()

    def fit(self, height: float) -> None:
        """Rows as roomy as possible while the whole ballot still fits in ``height``."""
        for row in (*ROWS, ROWS[0]):
            self.min_row = row
            self._measure()
            if self.height() <= height:
                return

    def _measure(self) -> None:
        title_width = WIDTH - 2 * (QR_SIZE + 4 * mm)
        block = self.title_para.wrap(title_width, FULL_HEIGHT)[1]
        if self.place_para is not None:
            block += 1.5 * mm + self.place_para.wrap(title_width, FULL_HEIGHT)[1]
        self.title_width = title_width
        self.head = max(block, QR_SIZE + 2 * mm) + GAP \
            + self.instructions.wrap(WIDTH, FULL_HEIGHT)[1] + GAP
        cell = self.styles.cell

        def fitted(labels: list[str], low: float, high: float) -> float:
            widest = max(stringWidth(label, cell.fontName, cell.fontSize) for label in labels)
            return min(max(widest + 2 * PAD + 2, low), high)

        self.widths = [fitted([s for s, _ in self.rows], 26 * mm, 46 * mm),
                       fitted([i for _, i in self.rows], 22 * mm, 36 * mm)]
        rest = (WIDTH - sum(self.widths)) / len(self.options)
        self.widths += [rest] * len(self.options)
        self.header_cells = [Paragraph(text(tr("Subject")), self.styles.cell_centre),
                             Paragraph(text(tr("Item")), self.styles.cell_centre)]
        number = self.styles.cell_centre.clone("number", fontName=self.fonts.heading,
                                               fontSize=13, leading=16)
        self.header_cells += [[Paragraph(str(n), number),
                               Paragraph(text(o.label.text()), self.styles.cell_centre)]
                              for n, o in enumerate(self.options, 1)]
        self.header_row = max(self.min_row, *(self._height(c, w)
                                         for c, w in zip(self.header_cells, self.widths,
                                                         strict=True)))
        self.heights = [max(self.min_row, self._height(Paragraph(text(s), cell), self.widths[0]),
                            self._height(Paragraph(text(i), cell), self.widths[1]))
                        for s, i in self.rows]

    @staticmethod
    def _height(content: Paragraph | list[Paragraph], width: float) -> float:
        parts = content if isinstance(content, list) else [content]
        return sum(p.wrap(width - 2 * PAD, FULL_HEIGHT)[1] for p in parts) + 2 * PAD

    def height(self) -> float:
        return self.head + self.header_row + sum(self.heights)

    def chunks(self) -> list[range]:
        """Rows per page when the ballot has whole pages: the first page has the head."""
        if self.height() <= FULL_HEIGHT:
            return [self.rows_all]
        capacity = FULL_HEIGHT - FOOTER - self.head - self.header_row
        later = FULL_HEIGHT - FOOTER - CONTINUED - self.header_row
        chunks, start, used, group = [], 0, 0.0, 0
        for n, h in enumerate(self.heights):
            if n and self.groups[n] != self.groups[n - 1]:
                group = n
            if used + h > capacity and n > start:
                # keep a subject's rows together when they fit on the next page
                keep = group > start and sum(self.heights[group:n]) + h <= later
                cut = group if keep else n
                chunks.append(range(start, cut))
                start, used, capacity = cut, sum(self.heights[cut:n]), later
            used += h
        chunks.append(range(start, len(self.rows)))
        return chunks

    def table(self, rows: range) -> Table:
        cell = self.styles.cell
        data: list[list[object]] = [list(self.header_cells)]
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.body, 10.5),  # not Helvetica
            ("GRID", (0, 0), (-1, -1), 0.6, "black"),
            ("BOX", (0, 0), (-1, -1), 1.2, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *((side, (0, 0), (-1, -1), PAD) for side in ("LEFTPADDING", "RIGHTPADDING",
                                                         "TOPPADDING", "BOTTOMPADDING")),
        ]
        group_start = 1
        for n, index in enumerate(rows, 1):
            subject, item = self.rows[index]
            first = n == 1 or self.groups[index - 1] != self.groups[index]
            if first and n > group_start:
                commands.append(("SPAN", (0, group_start), (0, n - 1)))
            if first:
                group_start = n
            data.append([Paragraph(text(subject), cell) if first else "",
                         Paragraph(text(item), cell), *[""] * len(self.options)])
        commands.append(("SPAN", (0, group_start), (0, len(data) - 1)))
        table = Table(data, colWidths=self.widths,
                      rowHeights=[self.header_row, *(self.heights[i] for i in rows)])
        table.setStyle(TableStyle(commands))
        return table

    def draw_first(self, canvas: Canvas, serial: str, top: float, rows: range) -> None:
        canvas.setFont(self.fonts.heading, 12)
        canvas.drawString(SIDE, top - 12, tr("No. {serial}", serial=serial))
        _qr(canvas, serial, PAGE_WIDTH - SIDE - QR_SIZE, top - QR_SIZE, self.fonts.body)
        y = top - self.title_para.wrap(self.title_width, FULL_HEIGHT)[1]
        self.title_para.drawOn(canvas, SIDE + QR_SIZE + 4 * mm, y)
        if self.place_para is not None:
            y -= 1.5 * mm + self.place_para.wrap(self.title_width, FULL_HEIGHT)[1]
            self.place_para.drawOn(canvas, SIDE + QR_SIZE + 4 * mm, y)
        y = top - max(top - y, QR_SIZE + 2 * mm) - GAP
        y -= self.instructions.wrap(WIDTH, FULL_HEIGHT)[1]
        self.instructions.drawOn(canvas, SIDE, y)
        self._draw_table(canvas, rows, top - self.head)

    def draw_continued(self, canvas: Canvas, serial: str, top: float, rows: range) -> None:
        canvas.setFont(self.fonts.body, 10.5)
        canvas.drawString(SIDE, top - 12, tr("{title} (continued)", title=self.title))
        canvas.setFont(self.fonts.heading, 12)
        canvas.drawRightString(PAGE_WIDTH - SIDE, top - 12, tr("No. {serial}", serial=serial))
        self._draw_table(canvas, rows, top - CONTINUED)

    def draw_footer(self, canvas: Canvas, serial: str, page: int, pages: int) -> None:
        canvas.setFont(self.fonts.body, 9)
        canvas.drawCentredString(PAGE_WIDTH / 2, FULL_MARGIN - 2 * mm, tr(
            "No. {serial}, page {page} of {pages}", serial=serial, page=page, pages=pages))

    def _draw_table(self, canvas: Canvas, rows: range, top: float) -> None:
        table = self.table(rows)
        height = table.wrap(WIDTH, FULL_HEIGHT)[1]
        table.drawOn(canvas, SIDE, top - height)


def _qr(canvas: Canvas, value: str, x: float, y: float, font: str) -> None:
    widget = QrCodeWidget(value, barLevel="M", barWidth=QR_SIZE, barHeight=QR_SIZE)
    drawing = Drawing(QR_SIZE, QR_SIZE, initialFontName=font)  # not Helvetica: all embedded
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _cut_line(canvas: Canvas, ballot: _Ballot) -> None:
    middle = PAGE_HEIGHT / 2
    label = tr("cut here")
    width = stringWidth(label, ballot.fonts.body, 8) + 4 * mm
    canvas.saveState()
    canvas.setStrokeColor("#808080")
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.5)
    canvas.line(8 * mm, middle, (PAGE_WIDTH - width) / 2, middle)
    canvas.line((PAGE_WIDTH + width) / 2, middle, PAGE_WIDTH - 8 * mm, middle)
    canvas.setFillColor("#808080")
    canvas.setFont(ballot.fonts.body, 8)
    canvas.drawCentredString(PAGE_WIDTH / 2, middle - 3, label)
    canvas.restoreState()

"""Building blocks shared by the packet's documents: ruled tables whose header row repeats on
every page, label–value tables, long text cut into paragraphs that may break across pages,
the evidence list of a working paper, and labels looked up in the registers' tables.

Cells that may hold long text are Paragraphs in tables allowed to split a tall row across
pages (``SplittingTable``), so a long summary never overflows a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TypeAlias

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.i18n import language, tr
from desktop.packet import layout
from desktop.packet.document_model import FileRef, RecordLink
from desktop.packet.layout import TEXT_WIDTH, Styles, text

HEADER_SHADE = "#e8e8e8"
LABEL_SHADE = "#f3f3f3"
Cell: TypeAlias = "str | Flowable"
MAX_WORD = 30 * mm  # a longer word is broken anyway
TALL_ROW = 40 * mm  # a row taller than this is split across pages where it falls
HEADING_ROOM = 30 * mm  # a heading lower on the page than this starts the next page


def label(table: Mapping[str, str], key: str | None) -> str:
    """A key of one of the registers' label tables in the user's language ("" for None)."""
    if not key:
        return ""
    return tr(table[key]) if key in table else key


def day(iso: str | None) -> str:
    """A stored date (YYYY-MM-DD) as the documents write dates; "" when none."""
    if not iso:
        return ""
    try:
        return layout.long_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def clip(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters (a list cell; the whole text is elsewhere)."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit - 1] + "…"


def cell(value: Cell, style: ParagraphStyle) -> Flowable:
    return value if isinstance(value, Flowable) else Paragraph(text(value), style)


def dense(st: Styles, size: float = 9.5) -> tuple[ParagraphStyle, ParagraphStyle]:
    """Cell styles (left, centred) a little smaller than 五号, for lists of many columns."""
    return (st.cell.clone("dense", fontSize=size, leading=size * 1.3),
            st.cell_centre.clone("dense_centre", fontSize=size, leading=size * 1.3))


class SplittingTable(Table):
    """A table that breaks a tall row across pages rather than leave a large gap, and never
    starts a page's part with its header repeated twice.

    reportlab first splits between rows and then lets the rest split a row within the same
    frame, which repeats the header halfway down the page. Here a row taller than
    ``TALL_ROW`` that does not fit is split where it is; a shorter one moves to the next
    page whole with the header repeated above it.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        n = self._getFirstPossibleSplitRowPosition(availHeight)
        if n < len(self._rowHeights) and self._rowHeights[n] > TALL_ROW:
            parts = self._splitRows(availHeight, doInRowSplit=True)
            if parts:
                return parts
        if n <= self.repeatRows:  # not even the first row fits: all of it on the next page
            return []
        return self._splitRows(availHeight, doInRowSplit=False)


def grid(rows: Sequence[Sequence[Cell]], widths: Sequence[float], st: Styles, *,
         size: float = 10.5, centred: Sequence[int] = ()) -> Table:
    """A ruled table, first row the header (shaded, repeated on every page it spans)."""
    body, centre = dense(st, size)
    data = [[cell(c, centre if r == 0 or n in centred else body) for n, c in enumerate(row)]
            for r, row in enumerate(rows)]
    scale = TEXT_WIDTH / sum(widths) if sum(widths) > TEXT_WIDTH else 1
    widths = _fit([w * scale for w in widths], rows, body.fontName, size)
    table = SplittingTable(data, colWidths=widths, repeatRows=1, splitInRow=1,
                  hAlign="LEFT", spaceBefore=1 * mm, spaceAfter=3 * mm)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("FONT", (0, 0), (-1, -1), st.cell.fontName)]))
    return table


def _fit(widths: list[float], rows: Sequence[Sequence[Cell]], font: str,
         size: float) -> list[float]:
    """Columns at least as wide as their longest English word (a Chinese text breaks
    anywhere), the space taken from the columns that have some to spare."""
    if language() == "zh_CN":
        return widths
    least = [0.0] * len(widths)
    for row in rows:
        for n, value in enumerate(row):
            for word in value.split() if isinstance(value, str) else ():
                if word.isascii():
                    least[n] = max(least[n], min(stringWidth(word, font, size) + 8, MAX_WORD))
    wider = [max(w, m) for w, m in zip(widths, least, strict=True)]
    spare = [max(0.0, w - m) for w, m in zip(wider, least, strict=True)]
    excess = sum(wider) - sum(widths)
    if excess <= 0 or sum(spare) <= excess:
        return wider
    return [w - excess * s / sum(spare) for w, s in zip(wider, spare, strict=True)]


def fields(pairs: Sequence[tuple[str, Cell]], st: Styles, *,
           label_width: float = 34 * mm) -> Table:
    """A label–value table (the head of a working paper); empty values show "—"."""
    head = st.cell.clone("field_label", fontName=st.heading.fontName)
    data = [[Paragraph(text(name), head), cell(value if value != "" else "—", st.cell)]
            for name, value in pairs]
    table = SplittingTable(data, colWidths=[label_width, TEXT_WIDTH - label_width], splitInRow=1,
                  hAlign="LEFT", spaceBefore=1 * mm, spaceAfter=3 * mm)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE), ("FONT", (0, 0), (-1, -1),
                                                       st.cell.fontName)]))
    return table


def long_text(value: str, style: ParagraphStyle) -> list[Flowable]:
    """Text typed over several lines: a paragraph per line (each may break across pages)."""
    lines = [line.strip() for line in value.splitlines()]
    out: list[Flowable] = [Paragraph(text(line), style) for line in lines if line]
    return out or [Paragraph("—", style)]


def letter_body(st: Styles) -> ParagraphStyle:
    """Body text of a letter or notice: the first line indented two characters (Chinese)."""
    indent = 2 * st.body.fontSize if language() == "zh_CN" else 0
    return st.body.clone("letter_body", firstLineIndent=indent)


def section(title: str, st: Styles) -> list[Flowable]:
    """A heading inside a document (楷体, the second level of GB/T 9704), on a new page when
    too little room is left below it for a few lines of what follows."""
    return [CondPageBreak(HEADING_ROOM), heading(title, st)]


def heading(title: str, st: Styles) -> Paragraph:
    """The heading alone, for a block kept together with what follows it."""
    return Paragraph(text(title), st.subheading)


def document_title(title: str, st: Styles, subtitle: str = "") -> list[Flowable]:
    out: list[Flowable] = [Paragraph(text(title), st.title.clone(
        "document_title", spaceAfter=2 * mm if subtitle else 6 * mm))]
    if subtitle:
        out.append(Paragraph(text(subtitle), st.body.clone("document_subtitle", alignment=1,
                                                           spaceAfter=4 * mm)))
    return out


def signed_off_by(lines: Sequence[str], st: Styles) -> list[Flowable]:
    """The issuing body and the date, right-aligned below a letter or notice."""
    style = st.body.clone("issuer", alignment=TA_RIGHT)
    return [Spacer(1, 8 * mm), *(Paragraph(text(line), style) for line in lines if line)]


def evidence(records: Sequence[RecordLink], files: Sequence[FileRef],
             st: Styles) -> list[Flowable]:
    """The evidence list of a working paper: linked records, then attached files."""
    if not records and not files:
        return [Paragraph(text(tr("No evidence is linked or attached.")), st.body)]
    rows: list[list[Cell]] = [[tr("No."), tr("Evidence"), tr("Details")]]
    for r in records:
        rows.append([str(len(rows)), tr("Record: {form}", form=r.label),
                     Paragraph(text(tr("{village}, {date}; record {id}", village=r.village or "—",
                                       date=day(r.date) or "—", id=r.id)), st.small)])
    for f in files:
        where = tr("embedded as {name}", name=f.name) if f.name else tr("not in this packet")
        rows.append([str(len(rows)), tr("File ({where})", where=where),
                     Paragraph(text("SHA-256 " + f.sha256), st.small)])
    return [grid(rows, [12 * mm, 64 * mm, 80 * mm], st, centred=(0,))]


def conflict_notice(st: Styles) -> Paragraph:
    return Paragraph(text(tr("This record has versions in conflict (from two laptops); the "
                             "version shown is not a decision between them.")), st.notice)

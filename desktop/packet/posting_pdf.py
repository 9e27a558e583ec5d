"""The public posting (张榜公布) of the problems found and their rectification, for the
notice board of each village: a PDF of its own, unsigned and with nothing attached.

A page per village: the problems found (signed-off findings: title and aspect) with the
rectification measures, deadlines and where each stands, then the measures not tied to a
finding. It shows what a notice board may show and nothing else: the read model
(``document_model.Posting``) is made by the service without clues, reporters, descriptions,
evidence or the persons responsible, and with any such name that slipped into a title or
measure replaced by ×××.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from desktop.core.i18n import tr
from desktop.core.registers import ASPECT_LABELS
from desktop.packet import layout
from desktop.packet.document_model import Posting, PostingPlace
from desktop.packet.document_parts import (
    day,
    document_title,
    grid,
    label,
    letter_body,
    signed_off_by,
)
from desktop.packet.fonts import FontSet, cjk_fonts, fallback_chain
from desktop.packet.glyphs import check_story, draw_string
from desktop.packet.notice_pdf import status_text


def write_posting(path: str | os.PathLike[str], posting: Posting, *,
                  font: str | os.PathLike[str] | None = None) -> int:
    """Write the posting into a new PDF at ``path``; returns its page count."""
    target = Path(path)
    layout.ensure_new(target)
    pdf, pages = render_posting(posting, font=font)
    layout.write_new(target, pdf)
    return pages


def render_posting(posting: Posting, *, font: str | os.PathLike[str] | None = None
                   ) -> tuple[bytes, int]:
    """The posting as PDF bytes, and its page count."""
    fonts = layout.for_language(cjk_fonts(font))
    chain = fallback_chain(fonts)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT), topMargin=layout.TOP,
        bottomMargin=layout.BOTTOM, leftMargin=layout.LEFT, rightMargin=layout.RIGHT,
        title=tr("Public notice of the inspection's problems and their rectification"),
        author=posting.team, creator=layout.CREATOR, invariant=True,
        initialFontName=fonts.body)
    pages = [0]

    def number(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        page = canvas.getPageNumber()
        pages[0] = max(pages[0], page)
        y = layout.BOTTOM - 14 * mm
        if page % 2:
            draw_string(canvas, layout.PAGE_WIDTH - layout.RIGHT - 14, y, f"— {page} —",
                        fonts.body, 14, chain, "end")
        else:
            draw_string(canvas, layout.LEFT + 14, y, f"— {page} —", fonts.body, 14, chain)

    doc.build(check_story(posting_flowables(posting, fonts), chain), onFirstPage=number,
              onLaterPages=number)
    return buffer.getvalue(), pages[0]


def posting_flowables(posting: Posting, fonts: FontSet) -> list[Flowable]:
    out: list[Flowable] = []
    for n, place in enumerate(posting.places):
        if n:
            out.append(PageBreak())
        out += _place(posting, place, fonts)
    if not posting.places:
        st = layout.styles(fonts)
        out.append(Paragraph(layout.text(tr("No village chosen.")), st.body))
    return out


def _place(posting: Posting, place: PostingPlace, fonts: FontSet) -> list[Flowable]:
    st = layout.styles(fonts)
    where = f"{place.town} · {place.village}" if place.village else place.town
    out = document_title(tr("Public notice of the inspection's problems and their "
                            "rectification"), st, where)
    out.append(Paragraph(layout.text(tr(
        "In accordance with the arrangements of {round}, {team} inspected {village}. The "
        "problems found and how each is being rectified are made public below, for the "
        "villagers to see and judge. Views on the rectification may be given to the village "
        "party organisation or to the inspection team.", round=posting.round_name,
        team=posting.team, village=place.village or place.town)), letter_body(st)))
    if not place.rows:
        out.append(Paragraph(layout.text(tr("No problems found in the inspection are "
                                             "published for this village yet.")), st.body))
        return out + signed_off_by([posting.team, layout.long_date(posting.issued_on)], st)
    rows: list[list[str | Flowable]] = [[tr("No."), tr("Problem"), tr("Aspect"),
                                         tr("Rectification measures"), tr("Deadline"),
                                         tr("State")]]
    for n, row in enumerate(place.rows, 1):
        if row.measures:
            numbered = len(row.measures) > 1
            measures = [f"{m + 1}. {x.measure}" if numbered else x.measure
                        for m, x in enumerate(row.measures)]
            deadlines = [day(x.deadline) for x in row.measures]
            states = [status_text(x) for x in row.measures]
        else:
            measures, deadlines, states = [tr("Measures being drawn up")], ["—"], ["—"]
        rows.append([str(n), row.problem, label(ASPECT_LABELS, row.aspect) or "—",
                     *(_lines(x, st) for x in (measures, deadlines, states))])
    out.append(grid(rows, [9 * mm, 38 * mm, 13 * mm, 42 * mm, 27 * mm, 27 * mm], st,
                    size=9.5, centred=(0, 2)))
    return out + signed_off_by([posting.team, layout.long_date(posting.issued_on)], st)


def _lines(items: list[str], st: layout.Styles) -> Flowable:
    style = st.cell.clone("posting_cell", fontSize=9.5, leading=12.35)
    return Paragraph("<br/>".join(layout.text(x) for x in items), style)

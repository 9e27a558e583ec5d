"""The results of a 民主测评 session as a PDF section for the handover packet.

A pure function of the questionnaire, the evaluation (``core.scoring``) and a
``SessionHeader``: the header (village, date, questionnaire, participants by category with
应到/实到, ballots issued/returned/valid/void, the quorum verdict, a void-session notice), then
per subject a table of its items (count and share of each option, blanks, the number counted,
the favourable rate, the weighted score, the grade) with the flags below it, and bar charts
of the favourable rate. ``evaluation_flowables`` gives the section for a larger packet;
``write_evaluation_pdf`` writes it alone, A4 with GB/T 9704 margins and "— 1 —" page numbers.
Figures are rounded as in ``core.evaluation_report`` (text and JSON show the same).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.evaluation_report import decimal, percent, quorum_text
from desktop.core.i18n import tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation, ItemResult
from desktop.packet import layout
from desktop.packet.evaluation_chart import rate_charts
from desktop.packet.fonts import FontSet, cjk_fonts
from desktop.packet.layout import TEXT_WIDTH, Styles, text
from desktop.packet.session import SessionHeader

CELL_SIZES = (10.5, 9.5, 8.5, 7.5)
_GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black"),
         ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
         ("LEFTPADDING", (0, 0), (-1, -1), 2),
         ("RIGHTPADDING", (0, 0), (-1, -1), 2)]


def write_evaluation_pdf(path: str | os.PathLike[str], questionnaire: Questionnaire,
                         evaluation: Evaluation, header: SessionHeader, *,
                         font: str | os.PathLike[str] | None = None) -> None:
    """Write the results into a new PDF at ``path`` (an existing file is refused)."""
    target = Path(path)
    layout.ensure_new(target)
    layout.write_new(target, render_evaluation_pdf(questionnaire, evaluation, header,
                                                   font=font))


def render_evaluation_pdf(questionnaire: Questionnaire, evaluation: Evaluation,
                          header: SessionHeader, *,
                          font: str | os.PathLike[str] | None = None) -> bytes:
    fonts = layout.for_language(cjk_fonts(font))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT), topMargin=layout.TOP,
        bottomMargin=layout.BOTTOM, leftMargin=layout.LEFT, rightMargin=layout.RIGHT,
        title=title(questionnaire), author="", creator=layout.CREATOR, invariant=True,
        initialFontName=fonts.body)

    def number(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        layout.page_number(canvas, canvas.getPageNumber(), fonts.body)

    doc.build(evaluation_flowables(questionnaire, evaluation, header, fonts=fonts),
              onFirstPage=number, onLaterPages=number)
    return buffer.getvalue()


def title(questionnaire: Questionnaire) -> str:
    return tr("{questionnaire}: results", questionnaire=questionnaire.label.text())


def evaluation_flowables(questionnaire: Questionnaire, evaluation: Evaluation,
                         header: SessionHeader, *, fonts: FontSet | None = None) -> list[Flowable]:
    """The results section as reportlab flowables, for this document or a larger packet."""
    fonts = layout.for_language(fonts or cjk_fonts())
    st = layout.styles(fonts)
    story: list[Flowable] = [Paragraph(text(title(questionnaire)), st.title)]
    story += _session(questionnaire, evaluation, header, st)
    if evaluation.reconciliation.session_void:
        return story
    for n, subject in enumerate(questionnaire.subjects, 1):
        results = [r for r in evaluation.results if r.subject == subject.key]
        heading = Paragraph(text(layout.ordinal_heading(n) + subject.label.text()), st.heading)
        story.append(KeepTogether([heading, _table(questionnaire, results, st)]))
        story += _flags(questionnaire, results, st)
    heading = Paragraph(text(layout.ordinal_heading(len(questionnaire.subjects) + 1)
                             + tr("{rate_label} by subject and item",
                                  rate_label=questionnaire.rate_label.text())), st.heading)
    charts: list[Flowable] = list(rate_charts(questionnaire, evaluation, fonts, TEXT_WIDTH))
    notes = Paragraph(text(_notes(questionnaire)), st.small)
    for n, chart in enumerate(charts):
        last = n == len(charts) - 1
        story.append(KeepTogether([*([heading] if n == 0 else []), chart, Spacer(1, 3 * mm),
                                   *([notes] if last else [])]))
    return story


def _session(questionnaire: Questionnaire, evaluation: Evaluation, header: SessionHeader,
             st: Styles) -> list[Flowable]:
    rec = evaluation.reconciliation
    lines = []
    if header.village:
        lines.append(tr("Village: {name}", name=header.village))
    if header.held_on:
        lines.append(tr("Held on: {date}", date=layout.long_date(header.held_on)))
    lines.append(tr("Questionnaire: {label} ({key}, version {version})",
                    label=questionnaire.label.text(), key=questionnaire.key,
                    version=questionnaire.version))
    out: list[Flowable] = [Paragraph(text(line), st.body) for line in lines]
    if header.attendance:
        out.append(Paragraph(text(tr("Participants:")), st.body))
        out.append(_attendance(header, st))
    out.append(Paragraph(text(tr(
        "Ballots: issued {issued}, returned {returned}, valid {valid}, void {void}",
        issued=rec.issued, returned=rec.returned, valid=rec.valid, void=rec.void)), st.body))
    out.append(Paragraph(text(quorum_text(questionnaire, evaluation)), st.body))
    if header.verified is not None:
        out.append(Paragraph(text(
            tr("Keyed twice; both entries agree.") if header.verified else
            tr("Provisional: the two entries of the ballots do not agree yet.")),
            st.body if header.verified else st.notice))
    if rec.session_void:
        out.append(Paragraph(text(tr(
            "The count is void: more ballots were returned than issued.")), st.notice))
    elif not rec.quorum_met:
        out.append(Paragraph(text(tr(
            "The quorum was not met: the results below must be read with that in mind.")),
            st.notice))
    return out


def _attendance(header: SessionHeader, st: Styles) -> Table:
    def shown(value: int | None) -> str:
        return "—" if value is None else str(value)

    rows = [[tr("Category"), tr("Expected"), tr("Present")],
            *([a.category, shown(a.expected), shown(a.present)] for a in header.attendance)]
    totals = header.totals()
    if totals is not None:
        rows.append([tr("Total"), shown(totals.expected), shown(totals.present)])
    table = Table([[Paragraph(text(c), st.cell_centre) for c in row] for row in rows],
                  colWidths=[50 * mm, 30 * mm, 30 * mm], hAlign="LEFT", spaceBefore=1 * mm,
                  spaceAfter=3 * mm)
    table.setStyle(TableStyle([*_GRID, ("FONT", (0, 0), (-1, -1), st.cell.fontName)]))
    return table


def _table(questionnaire: Questionnaire, results: list[ItemResult], st: Styles) -> Table:
    options = questionnaire.options
    grades = {g.key: g.label.text() for g in questionnaire.rules.grades}
    head = [tr("Item"), *(o.label.text() for o in options), tr("Abstentions"), tr("Counted"),
            questionnaire.rate_label.text(), tr("Score"), tr("Grade")]
    for size in CELL_SIZES:  # the largest type that fits the columns across the page
        widths = _widths(questionnaire, head, st.cell.fontName, size)
        if sum(widths) <= TEXT_WIDTH:
            break
    spare = TEXT_WIDTH - sum(widths)
    widths = [w + spare / len(widths) if spare >= 0 else w * TEXT_WIDTH / sum(widths)
              for w in widths]
    cell = st.cell.clone("cell_fitted", fontSize=size, leading=size * 1.3)
    centre = st.cell_centre.clone("centre_fitted", fontSize=size, leading=size * 1.3)
    rows = [[Paragraph(text(c), centre) for c in head]]
    subject = next(s for s in questionnaire.subjects if s.key == results[0].subject)
    items = {i.key: i.label.text() for i in subject.items}
    for r in results:
        shares = [text(r.counts[o.key]) if r.shares[o.key] is None
                  else f"{r.counts[o.key]}<br/>{percent(r.shares[o.key])}" for o in options]
        cells = [*shares, *(text(c) for c in (
            r.blank, r.valid, percent(r.favourable_rate),
            "—" if r.score is None else decimal(r.score, 2),
            grades[r.grade] if r.grade else "—"))]
        rows.append([Paragraph(text(items[r.item]), cell),
                     *(Paragraph(c, centre) for c in cells)])
    table = Table(rows, colWidths=widths, repeatRows=1, spaceAfter=2 * mm)
    table.setStyle(TableStyle([*_GRID, ("FONT", (0, 0), (-1, -1), st.cell.fontName, size)]))
    return table


def _widths(questionnaire: Questionnaire, head: list[str], font: str,
            size: float) -> list[float]:
    """Columns wide enough for their longest word (Chinese labels: the whole label)."""
    def width(label: str) -> float:
        return stringWidth(label, font, size) + 5  # cell padding 2 + 2, and a little air

    def word(label: str) -> float:
        return max(map(width, label.split() or [label]))

    items = [i.label.text() for s in questionnaire.subjects for i in s.items]
    grades = [g.label.text() for g in questionnaire.rules.grades]
    return [max(min(max(map(width, items)), 40 * mm), max(map(word, items))),
            *(max(word(label), width("100.0%")) for label in head[1:-1]),
            max(map(word, [head[-1], *grades]))]


def _flags(questionnaire: Questionnaire, results: list[ItemResult],
           st: Styles) -> list[Flowable]:
    names = {f.key: f.label.text() for f in questionnaire.rules.flags}
    subject = next(s for s in questionnaire.subjects if s.key == results[0].subject)
    items = {i.key: i.label.text() for i in subject.items}
    flagged = [tr("Attention — {item}: {flag}", item=items[r.item], flag=names[f])
               for r in results for f in r.flags]
    style = st.cell.clone("flag", textColor="#b00000", fontName=st.heading.fontName)
    return [Paragraph(text(line), style) for line in flagged]


def _notes(questionnaire: Questionnaire) -> str:
    notes = tr("Notes: shares, rates and scores are of the answers counted; a blank answer is "
               "an abstention and counts nowhere; figures are rounded half up.")
    rules = questionnaire.rules
    basis = questionnaire.rate_label.text() if rules.grade_by == "favourable_rate" \
        else tr("score / 100")
    grades = [g.label.text() + (f" {g.bound.describe()}" if g.bound else "")
              for g in rules.grades]
    notes += tr(" Grades by {basis}: {grades}.", basis=basis, grades=tr(", ").join(grades))
    excluded = [o.label.text() for o in questionnaire.options if not o.scored]
    if excluded and rules.exclude_not_scored:
        notes += tr(" {options} answers are not counted.", options=tr(", ").join(excluded))
    return notes

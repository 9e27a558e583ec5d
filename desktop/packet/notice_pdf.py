"""The notices to a village, from the measures registers: the immediate-rectification notice
(立行立改通知书) and the rectification notice (整改通知书).

Each is addressed to the village's party organisation (or the town's, for what is common to
its villages), lists its measures with the person responsible, the deadline and where each
stands on the packet's date (open, overdue by n days, closed out on a date), and is issued by
the team with the date. The rectification notice also lists the team's suggestions (整改意见
建议) and the rules to be improved (完善制度) for the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop.core.i18n import tr
from desktop.packet import layout
from desktop.packet.document_model import Dossier, Measure, PlaceMeasures
from desktop.packet.document_parts import (
    day,
    document_title,
    grid,
    letter_body,
    section,
    signed_off_by,
)
from desktop.packet.fonts import FontSet
from desktop.packet.layout import Styles, text

IMMEDIATE = "immediate_rectification"
RECTIFICATION = "rectification"


def status_text(m: Measure) -> str:
    """Where a measure stands on the packet's date."""
    if m.status == "closed":
        return tr("Closed out on {date}", date=day(m.closed_on)) if m.closed_on \
            else tr("Closed out")
    if m.days_overdue:
        return tr("Being rectified, {n} days overdue", n=m.days_overdue)
    return tr("Being rectified")


def place_line(pm: PlaceMeasures) -> str:
    return f"{pm.town} · {pm.village}" if pm.village else tr(
        "{town} (common to its villages)", town=pm.town)


def immediate_title(pm: PlaceMeasures) -> str:
    return tr("{place}: immediate rectification notice", place=pm.place)


def rectification_title(pm: PlaceMeasures) -> str:
    return tr("{place}: rectification notice", place=pm.place)


def immediate_notice(pm: PlaceMeasures, dossier: Dossier, fonts: FontSet) -> list[Flowable]:
    """立行立改通知书 of one village."""
    st = layout.styles(fonts)
    out = document_title(tr("Immediate rectification notice"), st, place_line(pm))
    out.append(Paragraph(text(tr("{place} party organisation:", place=pm.place)), st.body))
    out.append(Paragraph(text(tr(
        "In the inspection the team found the problems below, which harm villagers' direct "
        "interests and can be put right at once. Put them right immediately, by the "
        "deadlines given, and report to the team in writing when each is done.")),
        letter_body(st)))
    out.append(_table(pm.of(IMMEDIATE), st, tr("Matter"), tr("What to put right")))
    return out + signed_off_by([dossier.team, layout.long_date(dossier.issued_on)], st)


def rectification_notice(pm: PlaceMeasures, dossier: Dossier,
                         fonts: FontSet) -> list[Flowable]:
    """整改通知书 of one village, with the suggestions and the rules to improve."""
    st = layout.styles(fonts)
    out = document_title(tr("Rectification notice"), st, place_line(pm))
    out.append(Paragraph(text(tr("{place} party organisation:", place=pm.place)), st.body))
    out.append(Paragraph(text(tr(
        "Following the inspection, rectify the problems below item by item with the measures, "
        "responsible persons and deadlines given; report on each item to the team by its "
        "deadline, and make the results public.")), letter_body(st)))
    tasks = pm.of(RECTIFICATION)
    if tasks:
        out.append(_table(tasks, st, tr("Problem"), tr("Measures")))
    else:
        out.append(Paragraph(text(tr("No rectification tasks are registered for this place "
                                     "yet.")), st.body))
    for kind, heading in (("suggestion", tr("Suggestions for rectification")),
                          ("rule_improved", tr("Rules and systems to improve"))):
        if pm.of(kind):
            out += section(heading, st)
            out.append(_table(pm.of(kind), st, tr("Item"), tr("Content")))
    return out + signed_off_by([dossier.team, layout.long_date(dossier.issued_on)], st)


def _table(measures: Sequence[Measure], st: Styles, what: str, how: str) -> Flowable:
    rows: list[list[str | Flowable]] = [[tr("No."), what, how, tr("Responsible"),
                                         tr("Deadline"), tr("State")]]
    for n, m in enumerate(measures, 1):
        problem = m.finding or m.title
        if m.finding and m.title and m.title not in m.finding:
            problem = f"{m.finding}（{m.title}）"
        rows.append([str(n), problem, m.measure, m.responsible, day(m.deadline),
                     status_text(m)])
    return grid(rows, [9 * mm, 36 * mm, 40 * mm, 17 * mm, 27 * mm, 27 * mm], st, size=9.5,
                centred=(0,))

"""The skeleton of a village's inspection report (村巡察报告框架), as flowables for the packet.

The headings a village report has, filled with what the data already says: the work done
(records of each step), the figures as the round summary counts them (findings by aspect
and class, measures, closed out, clues handed over), the signed-off findings listed under the
four aspects (党务、财务、生态、生活; the town's common problems marked), the suggestions and
rules to improve. What only the team can write is marked "(to be written by the team)".
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop.core.i18n import language, tr
from desktop.core.kinds import ASPECTS, PROBLEM_CLASSES
from desktop.core.registers import ASPECT_LABELS, CLASS_LABELS
from desktop.packet import layout
from desktop.packet.document_model import VillageReport
from desktop.packet.document_parts import document_title, grid, label, letter_body, section
from desktop.packet.fonts import FontSet
from desktop.packet.layout import Styles, text

_ORDINALS = "一二三四五六七八九十"


def part_title(report: VillageReport) -> str:
    return tr("{village}: report outline", village=report.village)


def report_outline(report: VillageReport, fonts: FontSet) -> list[Flowable]:
    st = layout.styles(fonts)
    body = letter_body(st)
    todo = st.body.clone("to_write", fontName=st.subheading.fontName, textColor="#555555")
    f = report.figures
    out = document_title(tr("Report on the inspection of {village} (outline)",
                            village=report.village), st, f"{report.district} · {report.town}")
    out.append(Paragraph(text(tr("Made from the inspection data; the parts marked “(to be "
                                 "written by the team)” are for the team to write.")),
                         st.small))
    out.append(_heading(1, tr("General situation"), st))
    out.append(Paragraph(text(tr("(to be written by the team)")), todo))
    out.append(Paragraph(text(tr("Work done in the village:")), body))
    out.append(_pairs(tr("Step"), tr("Records"), [(name, n) for name, n in f.records], st))
    out.append(Paragraph(text(tr("Main figures:")), body))
    out.append(_pairs(tr("Figure"), tr("Count"), _figures(report), st))
    out.append(_heading(2, tr("Main problems found"), st))
    out.append(Paragraph(text(tr("(to be written by the team)")), todo))
    for n, aspect in enumerate(ASPECTS, 1):
        out += section(_sub(n) + tr("Aspect: {aspect}", aspect=label(ASPECT_LABELS, aspect)),
                       st)
        listed = [x for x in report.findings if x.aspect == aspect]
        if not listed:
            out.append(Paragraph(text(tr("(no signed-off findings)")), body))
        for m, x in enumerate(listed, 1):
            mark = tr(" (common to the town's villages)") if x.common else ""
            number = f"（{x.number}）" if x.number else ""
            out.append(Paragraph(text(f"{m}. {x.title}{number}{mark}"), body))
    if report.unsigned:
        out.append(Paragraph(text(tr("{n} more findings are not signed off yet and are not "
                                     "listed.", n=report.unsigned)), st.small))
    out.append(_heading(3, tr("Suggestions for rectification"), st))
    out += _items(report.suggestions, body, todo)
    out.append(Paragraph(text(tr("Rules and systems to improve:")), body))
    out += _items(report.rules_improved, body, todo)
    out.append(_heading(4, tr("Problem clues handed over"), st))
    out.append(Paragraph(text(tr("{n} problem clues of the village have been handed over.",
                                 n=f.clues_handed_over)), body))
    out.append(_heading(5, tr("Next steps"), st))
    out.append(Paragraph(text(tr("(to be written by the team)")), todo))
    return out


def _figures(report: VillageReport) -> list[tuple[str, int]]:
    f = report.figures
    rows = [(tr("Problems found"), f.findings), (tr("of which signed off"), f.signed_off)]
    rows += [(tr("of which {what}", what=label(ASPECT_LABELS, a)), f.by_aspect.get(a, 0))
             for a in ASPECTS]
    rows += [(tr("of which {what}", what=label(CLASS_LABELS, c)), f.by_class.get(c, 0))
             for c in PROBLEM_CLASSES]
    rows += [(tr("Immediate rectifications"), f.immediate_rectifications),
             (tr("Rectification tasks"), f.rectifications),
             (tr("Suggestions for rectification"), f.suggestions),
             (tr("Rules and systems to improve"), f.rules_improved),
             (tr("Measures closed out"), f.closed_out),
             (tr("Problem clues handed over"), f.clues_handed_over)]
    return rows


def _pairs(what: str, count: str, pairs: list[tuple[str, int]], st: Styles) -> Flowable:
    """(label, number) pairs two to a row, so a list of figures stays short."""
    half = (len(pairs) + 1) // 2
    rows: list[list[str | Flowable]] = [[what, count, what, count]]
    for n in range(half):
        right = pairs[half + n] if half + n < len(pairs) else ("", "")
        rows.append([pairs[n][0], str(pairs[n][1]), right[0], str(right[1])])
    return grid(rows, [52 * mm, 26 * mm, 52 * mm, 26 * mm], st, centred=(1, 3))


def _items(items: tuple[str, ...], body, todo) -> list[Flowable]:  # type: ignore[no-untyped-def]
    if not items:
        return [Paragraph(text(tr("(to be written by the team)")), todo)]
    return [Paragraph(text(f"{n}. {item}"), body) for n, item in enumerate(items, 1)]


def _heading(n: int, title: str, st: Styles) -> Paragraph:
    return Paragraph(text(layout.ordinal_heading(n) + title), st.heading.clone(
        "report_heading", keepWithNext=1))


def _sub(n: int) -> str:
    """（一）… in Chinese, the second level of GB/T 9704; "(1) " in English."""
    if language() != "zh_CN":
        return f"({n}) "
    return f"（{_ORDINALS[n - 1]}）" if n <= len(_ORDINALS) else f"（{n}）"

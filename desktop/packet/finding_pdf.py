"""A finding's working paper (问题底稿) as flowables for the packet.

The head gives the number, title, place, aspect, focus and class, the step it came from, its
status and the responsible party; then the description, the basis for the finding (定性依据)
and the evidence list; then the review chain (drafted → reviewed → signed off, who and when,
from the finding's own revisions); then the amendments made after sign-off, each with who,
when, what and why, and the text as signed beside the text as amended, so the signed text
stays visible. A finding not yet signed off says so at the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desktop.core.i18n import N_, tr
from desktop.core.registers import ASPECT_LABELS, CLASS_LABELS, FOCUS_LABELS, STATUS_LABELS
from desktop.packet import layout
from desktop.packet.document_model import FindingPaper, PaperText, local_minute
from desktop.packet.document_parts import (
    conflict_notice,
    document_title,
    evidence,
    fields,
    grid,
    heading,
    label,
    long_text,
    section,
)
from desktop.packet.fonts import FontSet
from desktop.packet.layout import TEXT_WIDTH, Styles, text

FIELD_LABELS = {"title": N_("Title"), "aspect": N_("Aspect"), "focus": N_("Supervision focus"),
                "problem_class": N_("Class of problem"), "description": N_("Description"),
                "basis": N_("Basis for the finding"), "responsible_party": N_("Responsible party"),
                "evidence_records": N_("Linked records"), "evidence_files": N_("Attached files")}


def number_text(paper: FindingPaper) -> str:
    return paper.number or tr("(not yet numbered)")


def part_title(paper: FindingPaper) -> str:
    """The finding's line in the contents and the outline."""
    return f"{number_text(paper)} {paper.text.title}"


def finding_list(papers: Sequence[FindingPaper], fonts: FontSet) -> list[Flowable]:
    """The list of the findings whose papers follow (a long list runs over pages with its
    header repeated)."""
    st = layout.styles(fonts)
    rows: list[list[str | Flowable]] = [[tr("No."), tr("Finding number"), tr("Title"),
                                         tr("Village"), tr("Aspect"), tr("Status")]]
    for n, p in enumerate(papers, 1):
        rows.append([str(n), number_text(p), p.text.title, p.village or tr(
            "{town} (common to its villages)", town=p.town), label(ASPECT_LABELS, p.text.aspect),
            label(STATUS_LABELS, p.status)])
    return [Paragraph(text(tr("{n} findings; the working paper of each follows on its own "
                              "page.", n=len(papers))), st.body),
            grid(rows, [10 * mm, 33 * mm, 55 * mm, 24 * mm, 14 * mm, 20 * mm], st, size=9.5,
                 centred=(0, 4, 5))]


def finding_paper(paper: FindingPaper, fonts: FontSet) -> list[Flowable]:
    st = layout.styles(fonts)
    t = paper.text
    out = document_title(tr("Finding working paper"), st, number_text(paper))
    if paper.status != "signed_off":
        out.append(Paragraph(text(tr("Not signed off yet (status: {status}); this paper may "
                                     "still change.", status=label(STATUS_LABELS,
                                                                   paper.status))), st.notice))
    if paper.conflict:
        out.append(conflict_notice(st))
    place = f"{paper.town} · {paper.village}" if paper.village else tr(
        "{town} (common to its villages)", town=paper.town)
    out.append(fields([
        (tr("Finding number"), number_text(paper)), (tr(FIELD_LABELS["title"]), t.title),
        (tr("Town and village"), place), (tr(FIELD_LABELS["aspect"]),
                                          label(ASPECT_LABELS, t.aspect)),
        (tr(FIELD_LABELS["focus"]), label(FOCUS_LABELS, t.focus)),
        (tr(FIELD_LABELS["problem_class"]), label(CLASS_LABELS, t.problem_class)),
        (tr("Source"), paper.source), (tr("Status"), label(STATUS_LABELS, paper.status)),
        (tr(FIELD_LABELS["responsible_party"]), t.responsible_party)], st))
    if paper.signed_text is not None:
        out.append(Paragraph(text(tr("Amended after sign-off: the text above and below is "
                                     "as amended; the text as signed is kept under "
                                     "Amendments.")), st.small))
    out += section(tr(FIELD_LABELS["description"]), st)
    out += long_text(t.description, st.body)
    out += section(tr(FIELD_LABELS["basis"]), st)
    out += long_text(t.basis, st.body)
    out += section(tr("Evidence"), st)
    out += evidence(t.records, t.files, st)
    out.append(KeepTogether([heading(tr("Review chain"), st), *_trail(paper, st)]))
    if paper.amendments:
        listed, *compared = _amendments(paper, st)
        out += [KeepTogether([heading(tr("Amendments"), st), listed]), *compared]
    return out


def _trail(paper: FindingPaper, st: Styles) -> list[Flowable]:
    if not paper.trail:
        return [Paragraph("—", st.body)]
    rows: list[list[str | Flowable]] = [[tr("Stage"), tr("By"), tr("When")]]
    for n, step in enumerate(paper.trail):
        if step.status == "drafted":
            what = tr("Drafting") if n == 0 else tr("Back to drafting")
        else:
            what = {"reviewed": tr("Review"), "signed_off": tr("Sign-off")}.get(
                step.status, step.status)
        rows.append([what, step.by or "—", local_minute(step.at)])
    return [grid(rows, [50 * mm, 50 * mm, TEXT_WIDTH - 100 * mm], st)]


def _amendments(paper: FindingPaper, st: Styles) -> list[Flowable]:
    rows: list[list[str | Flowable]] = [[tr("No."), tr("When"), tr("By"), tr("Changed"),
                                         tr("Reason")]]
    for n, a in enumerate(paper.amendments, 1):
        changed = tr(", ").join(tr(FIELD_LABELS.get(f, f)) for f in a.fields)
        rows.append([str(n), local_minute(a.at), a.by or "—", changed, a.reason])
    out: list[Flowable] = [grid(rows, [10 * mm, 30 * mm, 22 * mm, 40 * mm, 54 * mm], st,
                                centred=(0,))]
    signed = paper.signed_text
    if signed is None:
        return out
    compared: list[list[str | Flowable]] = [[tr("Field"), tr("As signed off"),
                                             tr("As amended")]]
    for key in FIELD_LABELS:
        before, after = _value(signed, key), _value(paper.text, key)
        if before != after:
            compared.append([tr(FIELD_LABELS[key]), before or "—", after or "—"])
    out.append(Paragraph(text(tr("The text as signed off, beside the text as amended:")),
                         st.body.clone("compared", keepWithNext=1)))
    out.append(grid(compared, [30 * mm, 63 * mm, 63 * mm], st))
    return out


def _value(t: PaperText, key: str) -> str:
    if key == "aspect":
        return label(ASPECT_LABELS, t.aspect)
    if key == "focus":
        return label(FOCUS_LABELS, t.focus)
    if key == "problem_class":
        return label(CLASS_LABELS, t.problem_class)
    if key == "evidence_records":
        return tr("; ").join(f"{r.label} {r.date}".strip() for r in t.records)
    if key == "evidence_files":
        return tr("; ").join(f.name or f.sha256[:16] for f in t.files)
    return str(getattr(t, key) or "")

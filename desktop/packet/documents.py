"""The documents of a handover packet, plugged in as ``Document``s with their parts.

``packet_documents`` turns a ``Dossier`` into, in order: the handover letter with the clue
list (leading the packet, before the round and the team), the clue working papers, the
interview records, the signed-off finding working papers and the notices (立行立改 and 整改).
Only final material is signed: findings not signed off, evaluation results not verified and
the village report frameworks stay out, unless the person handing over asks for them, and then
they go into a last document, the clearly titled 未定稿附件. Each part (one clue, one talk, one finding, one village's notice) opens a
page and has its own line in the contents and its own bookmark; a document without parts
says there is nothing of its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reportlab.platypus import Flowable, Paragraph

from desktop.core.i18n import N_, tr
from desktop.core.kinds import SIGNED_OFF
from desktop.packet import finding_pdf, layout, letter_pdf, notice_pdf, report_pdf
from desktop.packet.document_model import Dossier
from desktop.packet.evaluation_pdf import evaluation_flowables
from desktop.packet.fonts import FontSet
from desktop.packet.handover_model import Document, EvaluationResults
from desktop.packet.record_pdf import record_flowables


def packet_documents(d: Dossier, provisional: Sequence[EvaluationResults] = ()
                     ) -> tuple[Document, ...]:
    """The packet's documents; with ``d.drafts`` a last one, the 未定稿附件, holds the findings
    not signed off, the ``provisional`` evaluation results and the report frameworks."""
    town_of = dict(zip(d.villages, d.towns, strict=False))
    clue_papers = tuple(Document(letter_pdf.part_title(c), partial(letter_pdf.clue_paper, c),
                                 place=(c.town, c.village)) for c in d.clues)
    interviews = tuple(Document(v.title or v.form.label.text(), partial(record_flowables, v),
                                place=(town_of.get(v.village, ""), v.village))
                       for v in d.interviews)
    final = tuple(f for f in d.findings if f.status == SIGNED_OFF)
    findings = tuple(Document(finding_pdf.part_title(f), partial(finding_pdf.finding_paper, f),
                              place=(f.town, f.village)) for f in final)
    finding_list = partial(finding_pdf.finding_list, final)
    notices: list[Document] = []
    for pm in d.measures:
        if pm.of(notice_pdf.IMMEDIATE):
            notices.append(Document(notice_pdf.immediate_title(pm),
                                    partial(notice_pdf.immediate_notice, pm, d),
                                    place=(pm.town, pm.village)))
        if pm.of(notice_pdf.RECTIFICATION, "suggestion", "rule_improved"):
            notices.append(Document(notice_pdf.rectification_title(pm),
                                    partial(notice_pdf.rectification_notice, pm, d),
                                    place=(pm.town, pm.village)))
    reports = tuple(Document(report_pdf.part_title(r), partial(report_pdf.report_outline, r),
                             place=(r.town, r.village)) for r in d.reports)
    documents = (
        Document(tr("Handover letter and clue list"), _nothing, leading=True, parts=(
            Document(tr("Handover letter"), partial(letter_pdf.letter, d)),
            Document(tr("Problem clue list"), partial(letter_pdf.clue_list, d)))),
        _group(tr("Clue working papers"), clue_papers,
               tr("This packet hands over no problem clues.")),
        _group(tr("Interview records"), interviews,
               tr("The chosen villages have no interview records.")),
        _group(tr("Finding working papers"), findings,
               tr("The chosen villages have no signed-off findings."), finding_list),
        _group(tr("Rectification notices"), tuple(notices),
               tr("No immediate rectifications or rectification tasks are registered for "
                  "the chosen villages.")),
    )
    if not d.drafts:
        return documents
    town_of = dict(zip(d.villages, d.towns, strict=False))
    unsigned = tuple(Document(finding_pdf.part_title(f), partial(finding_pdf.finding_paper, f),
                              place=(f.town, f.village))
                     for f in d.findings if f.status != SIGNED_OFF)
    evaluations = tuple(Document(
        f"{r.village} · {r.questionnaire.label.text()}",
        partial(_provisional, r), place=(town_of.get(r.village, ""), r.village))
        for r in provisional)
    return (*documents, Document(tr("Unfinished material (annex, not final)"),
                                 _saying(tr(UNFINISHED_NOTE)),
                                 parts=(*unsigned, *evaluations, *reports)))


UNFINISHED_NOTE = N_("This annex was included on purpose by the person handing over. What it "
                     "holds is not final: findings not signed off, evaluation results not "
                     "verified, and report frameworks still to be written. It is signed with "
                     "the packet only as a record of the state of the work.")


def _provisional(results: EvaluationResults, fonts: FontSet) -> list[Flowable]:
    if results.evaluation is None:
        return [Paragraph(layout.text(tr("These results cannot be counted: {problem}",
                                         problem=results.problem)),
                          layout.styles(fonts).notice)]
    return evaluation_flowables(results.questionnaire, results.evaluation, results.header,
                                fonts=fonts)


def _group(title: str, parts: Sequence[Document], empty: str,
           head: Callable[[FontSet], list[Flowable]] | None = None) -> Document:
    """A document made of parts (``head`` before them, e.g. a list), or saying ``empty``."""
    if parts:
        return Document(title, head or _nothing, parts=tuple(parts))
    return Document(title, _saying(empty))


def _nothing(_fonts: FontSet) -> list[Flowable]:
    return []


def _saying(message: str) -> Callable[[FontSet], list[Flowable]]:
    def flowables(fonts: FontSet) -> list[Flowable]:
        return [Paragraph(layout.text(message), layout.styles(fonts).body)]
    return flowables

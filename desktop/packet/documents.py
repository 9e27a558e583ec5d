"""The documents of a handover packet, plugged in as ``Document``s with their parts.

``packet_documents`` turns a ``Dossier`` into, in order: the handover letter with the clue
list (leading the packet, before the round and the team), the clue working papers, the
interview records, the finding working papers, the notices (立行立改 and 整改) and the village
report outlines. Each part (one clue, one talk, one finding, one village's notice) opens a
page and has its own line in the contents and its own bookmark; a document without parts
says there is nothing of its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reportlab.platypus import Flowable, Paragraph

from desktop.core.i18n import tr
from desktop.packet import finding_pdf, layout, letter_pdf, notice_pdf, report_pdf
from desktop.packet.document_model import Dossier
from desktop.packet.fonts import FontSet
from desktop.packet.handover_model import Document
from desktop.packet.record_pdf import record_flowables


def packet_documents(d: Dossier) -> tuple[Document, ...]:
    town_of = dict(zip(d.villages, d.towns, strict=False))
    clue_papers = tuple(Document(letter_pdf.part_title(c), partial(letter_pdf.clue_paper, c),
                                 place=(c.town, c.village)) for c in d.clues)
    interviews = tuple(Document(v.title or v.form.label.text(), partial(record_flowables, v),
                                place=(town_of.get(v.village, ""), v.village))
                       for v in d.interviews)
    findings = tuple(Document(finding_pdf.part_title(f), partial(finding_pdf.finding_paper, f),
                              place=(f.town, f.village)) for f in d.findings)
    finding_list = partial(finding_pdf.finding_list, d.findings)
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
    return (
        Document(tr("Handover letter and clue list"), _nothing, leading=True, parts=(
            Document(tr("Handover letter"), partial(letter_pdf.letter, d)),
            Document(tr("Problem clue list"), partial(letter_pdf.clue_list, d)))),
        _group(tr("Clue working papers"), clue_papers,
               tr("This packet hands over no problem clues.")),
        _group(tr("Interview records"), interviews,
               tr("The chosen villages have no interview records.")),
        _group(tr("Finding working papers"), findings,
               tr("The chosen villages have no findings registered."), finding_list),
        _group(tr("Rectification notices"), tuple(notices),
               tr("No immediate rectifications or rectification tasks are registered for "
                  "the chosen villages.")),
        _group(tr("Village report outlines"), reports, tr("No village chosen.")),
    )


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

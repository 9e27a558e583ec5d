"""The handover letter (移交函), the clue list (问题线索登记表) and each clue's working paper
(线索底稿), as flowables for the packet.

The letter is addressed to the receiver, says which villages the team inspected and how many
clues it hands over, how many of them are registered as handed over in the clue register
(and so numbered) and asks for feedback within three months. The clue list has one row per
clue: number, person, post, village, category, summary (cut short; the whole is in the
working paper), proposed handling and the number of evidence items. A working paper gives
every field of the clue, its handover and feedback, the whole summary and its evidence list
(linked step records with their form and date, attached files with their SHA-256 and the name
they are embedded under). A sealed (密封) clue shows only its number and place: its content
travels under seal outside the packet.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop.core.i18n import tr
from desktop.core.registers import CLUE_CATEGORY_LABELS, HANDLING_LABELS, RECEIVER_LABELS
from desktop.packet import layout
from desktop.packet.document_model import ClueSelection, ClueSheet, Dossier
from desktop.packet.document_parts import (
    clip,
    conflict_notice,
    day,
    dense,
    document_title,
    evidence,
    fields,
    grid,
    label,
    letter_body,
    long_text,
    section,
    signed_off_by,
)
from desktop.packet.fonts import FontSet
from desktop.packet.layout import text

SUMMARY_IN_LIST = 80  # characters of a summary shown in the clue list


def rule_text(rule: str) -> str:
    return {"new": tr("clues not handed over before the date of this packet"),
            "all": tr("every clue of the chosen villages"),
            "none": tr("no clues")}.get(rule, rule)


def clue_summary(clues: tuple[ClueSheet, ...], selection: ClueSelection) -> str:
    """The cover's line on clues: how many, chosen how, their handover state, left out."""
    handed = sum(c.handed_over for c in clues)
    out = tr("{n} items ({rule}): {handed} registered as handed over, {pending} not yet "
             "registered", n=len(clues), rule=rule_text(selection.rule), handed=handed,
             pending=len(clues) - handed)
    if selection.withheld:
        out += tr("; {n} more left out (not visible to the signer, or sealed)",
                  n=selection.withheld)
    return out


def number_text(clue: ClueSheet) -> str:
    return clue.number or tr("(not yet numbered)")


def part_title(clue: ClueSheet) -> str:
    """The clue's line in the contents and the outline."""
    who = tr("(sealed clue)") if clue.sealed else clue.person
    return f"{number_text(clue)} {who}"


def letter(dossier: Dossier, fonts: FontSet) -> list[Flowable]:
    """The covering letter to the receiver."""
    st = layout.styles(fonts)
    clues = dossier.clues
    villages = tr(", ").join(dossier.villages) or "—"
    out = document_title(tr("Letter on handing over problem clues"), st)
    out.append(Paragraph(text(tr("{receiver}:", receiver=dossier.receiver or tr(
        "(receiving office)"))), st.body))
    intro = tr("In accordance with the arrangements of {round}, {team} inspected {villages}.",
               round=dossier.round_name, team=dossier.team, villages=villages)
    if clues:
        handed = sum(c.handed_over for c in clues)
        intro += tr(" The {n} problem clues found in the inspection are handed over to you "
                    "with this letter, as listed in the attached clue list, each with its "
                    "working paper and evidence, to be dealt with according to the rules.",
                    n=len(clues))
        state = tr("Of these clues, {handed} are registered as handed over in the clue "
                   "register and numbered; {pending} are not registered yet and get their "
                   "numbers when they are.", handed=handed, pending=len(clues) - handed)
        sealed = sum(c.sealed for c in clues)
        if sealed:
            state += tr(" {n} of them are sealed: this packet lists them by number only, and "
                        "their content is handed to you separately under seal.", n=sealed)
        paragraphs = [intro, state, tr("Please report back to the team on how each clue was "
                                       "dealt with within three months of receiving it.")]
    else:
        paragraphs = [intro, tr("This packet hands over no problem clues.")]
    out += [Paragraph(text(p), letter_body(st)) for p in paragraphs]
    if clues:
        out.append(Paragraph(text(tr("Attached: 1. the clue list; 2. the working papers of "
                                     "the {n} clues with their evidence", n=len(clues))),
                             letter_body(st).clone("attached", spaceBefore=4 * mm)))
    out += signed_off_by([dossier.team, layout.long_date(dossier.issued_on)], st)
    return out


def clue_list(dossier: Dossier, fonts: FontSet) -> list[Flowable]:
    """问题线索登记表: one row per clue."""
    st = layout.styles(fonts)
    out = document_title(tr("Problem clue list"), st, tr(
        "{team}, {date}", team=dossier.team, date=layout.long_date(dossier.issued_on)))
    if not dossier.clues:
        return out + [Paragraph(text(tr("This packet hands over no problem clues.")), st.body)]
    small = dense(st, 9)[0].clone("clue_number", fontSize=8.5, leading=11)
    rows: list[list[str | Flowable]] = [[
        tr("No."), tr("Clue number"), tr("Person"), tr("Post"), tr("Village"),
        tr("Category"), tr("Summary"), tr("Proposed handling"), tr("Evidence items")]]
    for n, c in enumerate(dossier.clues, 1):
        number = text(number_text(c)) + ("<br/>" + text(tr("(sealed)")) if c.sealed else "")
        if c.sealed:
            rows.append([str(n), Paragraph(number, small), tr("(sealed)"), "—",
                         c.village or tr("{town} (whole town)", town=c.town), "—",
                         tr("Handed over separately under seal"), "—", "—"])
            continue
        rows.append([str(n), Paragraph(number, small), c.person, c.post or "—",
                     c.village or tr("{town} (whole town)", town=c.town),
                     label(CLUE_CATEGORY_LABELS, c.category), clip(c.summary, SUMMARY_IN_LIST),
                     label(HANDLING_LABELS, c.proposed_handling), str(c.evidence_count)])
    widths = [9, 25, 16, 16, 18, 16, 30, 16, 10]
    out.append(grid(rows, [w * mm for w in widths], st, size=9, centred=(0, 8)))
    out.append(Paragraph(text(tr("The whole summary and the evidence of each clue are in its "
                                 "working paper.")), st.small))
    return out


def clue_paper(clue: ClueSheet, fonts: FontSet) -> list[Flowable]:
    """线索底稿: every field of one clue, its summary and its evidence list."""
    st = layout.styles(fonts)
    out = document_title(tr("Problem clue working paper"), st,
                         part_title(clue) if clue.sealed else number_text(clue))
    if clue.conflict:
        out.append(conflict_notice(st))
    place = clue.village and f"{clue.town} · {clue.village}" or tr("{town} (whole town)",
                                                                   town=clue.town)
    if clue.sealed:
        out.append(fields([(tr("Clue number"), number_text(clue)),
                           (tr("Town and village"), place), (tr("Sealed"), tr("Yes")),
                           (tr("Feedback due"), day(clue.feedback_due))], st))
        return out + [Paragraph(text(tr(
            "This clue is sealed: who it is about, what it says and its evidence are not in "
            "this packet. They are handed to the receiver separately, under seal, against "
            "this clue number.")), st.body)]
    if clue.handed_over:
        handover = tr("Handed over on {date} to {receiver} by {by}, received by {received}",
                      date=day(clue.handed_over_on), by=clue.handed_over_by or "—",
                      receiver=label(RECEIVER_LABELS, clue.handed_over_to) or "—",
                      received=clue.received_by or "—")
    else:
        handover = tr("Not yet registered as handed over in the clue register")
    feedback = (tr("{date}: {result}", date=day(clue.feedback_on), result=clue.feedback_result)
                if clue.feedback_on else tr("No feedback yet"))
    out.append(fields([
        (tr("Clue number"), number_text(clue)), (tr("Person"), clue.person),
        (tr("Post"), clue.post), (tr("Town and village"), place),
        (tr("Category"), label(CLUE_CATEGORY_LABELS, clue.category)),
        (tr("Source"), clue.source), (tr("Proposed handling"),
                                      label(HANDLING_LABELS, clue.proposed_handling)),
        (tr("Sealed"), tr("Yes") if clue.sealed else tr("No")),
        (tr("Drafted by"), clue.drafted_by), (tr("Handover"), handover),
        (tr("Feedback due"), day(clue.feedback_due)), (tr("Feedback"), feedback)], st))
    out += section(tr("Summary of the problem"), st)
    out += long_text(clue.summary, st.body)
    out += section(tr("Evidence"), st)
    out += evidence(clue.records, clue.files, st)
    return out

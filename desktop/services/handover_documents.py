"""What the packet's documents are made of, read from the store for ``services.handover``.

``read`` takes the chosen villages (and, for what is common to a town's villages, their
towns) and reads, through the registers' own services: the clues the signer may see, chosen
by the packet's rule, the findings with their review chains, the interview records, the
measures, the linked evidence records, the names ids stand for, and the figures of the round
summary. ``dossier`` then turns these into the packet's read models once the evidence files
have their embedded names. ``posting`` makes the public version of the problem list.

Which clues (``rule``): ``new`` (default) every clue of the chosen villages not handed over
before the packet's date — those not yet registered as handed over, and those registered on
that date; ``all`` every clue, whatever its state; ``none`` no clue. In every case only the
clues the signer may see (its drafter, the team's leader and deputies), and sealed clues only
when the signer is the leader; the others are counted as left out. A sealed clue is listed by
its number and place alone: its person, summary and evidence are not in the packet at all. Building a packet never
registers a handover: that stays the leader's action in the clue register, which numbers the
clue; the packet says for each clue whether it is registered yet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import select

from desktop.core.kinds import SIGNED_OFF, TASK_KINDS
from desktop.packet import document_model as m
from desktop.services import clues as clue_register
from desktop.services import findings as finding_register
from desktop.services import queries, registers, step_records
from desktop.services.workspace import Workspace
from desktop.store.models import (
    MATERIALISED,
    ClueRow,
    EvaluationRow,
    InspectorRow,
    StepRecordRow,
)

INTERVIEW, PETITION = "interview", "petition"
WITHHELD_NAME = "×××"
# Person fields whose names stay off a notice board: a petition's subject, an interviewee.
PRIVATE_PEOPLE = {PETITION: ("subject",), INTERVIEW: ("interviewee",)}


class Chosen(NamedTuple):
    """A chosen village with its town and district."""

    district: str
    town: str
    village: str
    village_id: str
    town_id: str


@dataclass
class Reads:
    """The registers' rows the documents need, before the evidence is numbered."""

    scope: tuple[set[str], set[str]]  # chosen village ids, their town ids
    rule: str
    today: dt.date
    drafts: bool = False  # findings not signed off go into the packet's 未定稿附件
    clues: list[clue_register.Clue] = field(default_factory=list)
    withheld: int = 0
    findings: list[finding_register.Finding] = field(default_factory=list)
    unsigned: int = 0  # findings of the chosen villages not signed off yet
    trails: dict[str, list[finding_register.TrailEntry]] = field(default_factory=dict)
    amendments: list[str] = field(default_factory=list)  # ids, for the manifest
    interviews: list[StepRecordRow] = field(default_factory=list)
    tasks: list[registers.Task] = field(default_factory=list)
    linked: dict[str, m.RecordLink] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    figures: dict[str, queries.Figures] = field(default_factory=dict)
    steps: dict[str, Counter] = field(default_factory=dict)  # village id → records by step

    def in_scope(self, village_id: str | None, town_id: str) -> bool:
        villages, towns = self.scope
        return village_id in villages if village_id else town_id in towns

    def record_ids(self) -> list[str]:
        """The records the documents show (their attachments are embedded), in order."""
        return [*(c.id for c in self.clues if not c.sealed), *(f.id for f in self.findings),
                *self.amendments, *(r.id for r in self.interviews), *(t.id for t in self.tasks)]

    def sealed_ids(self) -> list[str]:
        """Sealed clues: named in the manifest by id and revision, nothing of them shown."""
        return [c.id for c in self.clues if c.sealed]

    def linked_ids(self) -> list[str]:
        """Step records linked as evidence (named in the manifest, not shown)."""
        return list(self.linked)

    def described(self) -> dict[str, str]:
        """What each record is, for the evidence list's "belongs to" column."""
        out = {c.id: f"{c.number or '—'} {c.person}" for c in self.clues if not c.sealed}
        out.update((f.id, f"{f.number or '—'} {f.text.title}") for f in self.findings)
        out.update((r.id, self.names.get(r.village_id, "")) for r in self.interviews)
        out.update((t.id, t.title) for t in self.tasks)
        return out


def read(ws: Workspace, village_ids: list[str], town_ids: list[str], rule: str,
         today: dt.date, drafts: bool = False) -> Reads:
    if rule not in m.CLUE_RULES:
        raise ValueError(rule)
    r = Reads((set(village_ids), set(town_ids)), rule, today, drafts)
    with ws.read() as s:
        r.names = _names(s)
        me = s.get(InspectorRow, ws.actor.inspector_id) if ws.actor else None
        rows = [c for c in s.scalars(select(ClueRow)) if r.in_scope(c.village_id, c.town_id)]
        # A talk withheld from this laptop has no transcript here to hand over.
        r.interviews = list(s.scalars(select(StepRecordRow).where(
            StepRecordRow.step == INTERVIEW, StepRecordRow.village_id.in_(village_ids),
            StepRecordRow.withheld.is_(False)).order_by(StepRecordRow.hlc)))
        for village, step in s.execute(select(StepRecordRow.village_id, StepRecordRow.step)):
            r.steps.setdefault(village, Counter())[step] += 1
        for village in s.scalars(select(EvaluationRow.village_id)):
            r.steps.setdefault(village, Counter())["evaluation"] += 1
    eligible = {c.id for c in rows if _chosen(rule, c.handed_over_on, today)}
    leader = me is not None and me.role == "leader"
    visible = clue_register.clues(ws, ws.actor).clues
    r.clues = [c for c in visible if c.id in eligible and (leader or not c.sealed)]
    r.withheld = len(eligible) - len(r.clues)
    every = [f for f in finding_register.findings(ws) if r.in_scope(f.village_id, f.town_id)]
    r.findings = [f for f in every if drafts or f.status == SIGNED_OFF]
    r.unsigned = sum(f.status != SIGNED_OFF for f in every)
    r.trails = {f.id: finding_register.review_trail(ws, f.id) for f in r.findings}
    r.amendments = [a.id for f in r.findings for a in f.amendments]
    r.interviews.sort(key=lambda x: (r.names.get(x.village_id, ""), str(x.values.get("date")),
                                     x.hlc))
    r.tasks = [t for kind in TASK_KINDS for t in registers.tasks(ws, kind, today)
               if r.in_scope(t.village_id, t.town_id)]
    r.figures = {p.id: p.figures for p in queries.round_figures(ws).villages}
    wanted = {i for c in r.clues if not c.sealed for i in c.evidence_records}
    wanted |= {i for f in r.findings for i in (*f.text.evidence_records,
                                                *(f.signed_text.evidence_records
                                                  if f.signed_text else ()))}
    with ws.read() as s:
        for row in s.scalars(select(StepRecordRow).where(StepRecordRow.id.in_(wanted))):
            r.linked[row.id] = _link(row, r.names)
    return r


def _chosen(rule: str, handed_over_on: str | None, today: dt.date) -> bool:
    if rule == "none":
        return False
    return rule == "all" or not handed_over_on or handed_over_on >= today.isoformat()


def _names(session: Any) -> dict[str, str]:
    """The name of every record that has one (inspectors, people, places), by id."""
    out: dict[str, str] = {}
    for model in MATERIALISED.values():
        name = getattr(model, "name", None)
        if name is not None:
            out.update((i, n) for i, n in session.execute(select(model.id, name)))
    return out


def _form(row: StepRecordRow) -> Any:
    return step_records.form_set().definition(row.form, row.form_version)


def _link(row: StepRecordRow, names: dict[str, str]) -> m.RecordLink:
    form = _form(row)
    dates = [f.key for f in form.fields if f.kind == "date"]
    date = next((str(row.values[k]) for k in dates if row.values.get(k)), "")
    return m.RecordLink(row.id, form.label.text(), date, names.get(row.village_id, ""))


def dossier(r: Reads, *, round_name: str, team: str, receiver: str, issued_on: dt.date,
            places: list[Chosen], files: dict[str, m.FileRef]) -> m.Dossier:
    """The documents' read models; ``places`` are (district, town, village, village id) of
    the chosen villages, ``files`` the packet's embedded files by SHA-256."""
    def file(digest: str) -> m.FileRef:
        return files.get(digest) or m.FileRef(digest)

    def links(ids: tuple[str, ...]) -> tuple[m.RecordLink, ...]:
        return tuple(r.linked.get(i) or m.RecordLink(i, "", "", "") for i in ids)

    def text(t: finding_register.FindingText) -> m.PaperText:
        return m.PaperText(t.title, t.aspect, t.focus, t.problem_class, t.description, t.basis,
                           t.responsible_party, links(t.evidence_records),
                           tuple(map(file, t.evidence_files)))

    labels = {s.key: s.label.text() for s in step_records.all_steps()}
    sheets = tuple(m.ClueSheet(
        c.id, c.number, c.person, c.post, c.town, c.village, c.category,
        labels.get(c.source, c.source), c.summary, c.proposed_handling, c.sealed, c.drafted_by,
        c.handed_over_to, c.handed_over_on, c.handed_over_by, c.received_by, c.feedback_due,
        c.feedback_on, c.feedback_result, links(c.evidence_records),
        tuple(map(file, c.evidence_files)), c.conflict) if not c.sealed else _sealed_sheet(c)
        for c in r.clues)
    papers = tuple(m.FindingPaper(
        f.id, f.number, f.status, f.town, f.village, labels.get(f.source, f.source),
        text(f.text), text(f.signed_text) if f.signed_text else None,
        tuple(m.AmendmentNote(a.at, a.by, a.reason, tuple(a.changes)) for a in f.amendments),
        tuple(m.TrailStep(t.status, t.by, t.at) for t in r.trails.get(f.id, ())), f.conflict)
        for f in r.findings)
    views = tuple(_view(row, r, files) for row in r.interviews)
    return m.Dossier(
        round_name=round_name, team=team, receiver=receiver, issued_on=issued_on,
        villages=tuple(p.village for p in places), towns=tuple(p.town for p in places),
        clues=sheets, drafts=r.drafts, unsigned=r.unsigned,
        selection=m.ClueSelection(r.rule, r.withheld), interviews=views, findings=papers,
        measures=_measures(r, places), reports=tuple(_report(r, p, labels) for p in places))


def _sealed_sheet(c: clue_register.Clue) -> m.ClueSheet:
    """A sealed (密封) clue leaves by its number and place only: who it is about, what it
    says and its evidence go to the receiver under seal, outside the packet."""
    return m.ClueSheet(c.id, c.number, "", "", c.town, c.village, "", "", "", "", True, "",
                       c.handed_over_to, c.handed_over_on, c.handed_over_by, c.received_by,
                       c.feedback_due, None, "")


def _view(row: StepRecordRow, r: Reads, files: dict[str, m.FileRef]) -> m.RecordView:
    form = _form(row)
    village = r.names.get(row.village_id, "")
    person = row.values.get("interviewee")
    who = (person.get("name") or r.names.get(person.get("id", ""), "")) \
        if isinstance(person, dict) else ""
    title = " · ".join(x for x in (village, str(row.values.get("date") or ""), who) if x)
    return m.RecordView(row.id, village, form, dict(row.values), r.names, files, row.conflict,
                        title)


def _measures(r: Reads, places: list[Chosen]) -> tuple[m.PlaceMeasures, ...]:
    known = {f.id: f"{f.number or ''} {f.text.title}".strip() for f in r.findings}
    out = []
    for key, town, village in [*((p.village_id, p.town, p.village) for p in places),
                               *((t, r.names.get(t, ""), "") for t in sorted(r.scope[1]))]:
        tasks = [t for t in r.tasks if (t.village_id == key if village else
                                        (t.village_id is None and t.town_id == key))]
        if tasks:
            out.append(m.PlaceMeasures(town, village, tuple(_measure(t, known) for t in tasks)))
    return tuple(out)


def _measure(t: registers.Task, known: dict[str, str]) -> m.Measure:
    return m.Measure(t.kind, t.title, t.measure, t.responsible, t.deadline, t.status,
                     t.closed_on, t.closure_note, known.get(t.finding_id or "", ""),
                     t.days_overdue)


def _report(r: Reads, place: Chosen, labels: dict[str, str]) -> m.VillageReport:
    district, town, village, vid, town_id = place
    f = r.figures.get(vid) or queries.Figures()
    counts = r.steps.get(vid, Counter())
    figures = m.ReportFigures(
        f.findings, f.signed_off, dict(f.by_aspect), dict(f.by_class), f.suggestions,
        f.rules_improved, f.immediate_rectifications, f.rectifications, f.closed_out,
        f.clues_handed_over, tuple((label, counts.get(key, 0)) for key, label in labels.items()))
    mine = [x for x in r.findings if x.village_id == vid or (
        x.village_id is None and x.town_id == town_id)]
    listed = tuple(m.ReportFinding(x.number, x.text.title, x.text.aspect, x.village_id is None)
                   for x in mine if x.status == "signed_off")
    tasks = [t for t in r.tasks if t.village_id == vid]
    return m.VillageReport(
        district, town, village, figures, listed, len(mine) - len(listed),
        tuple(t.title for t in tasks if t.kind == "suggestion"),
        tuple(t.title for t in tasks if t.kind == "rule_improved"))


def posting(ws: Workspace, r: Reads, *, round_name: str, team: str, issued_on: dt.date,
            places: list[Chosen]) -> m.Posting:
    """The public list: signed-off findings and their rectification measures per village,
    without clues, reporters, descriptions, evidence or persons responsible; a name of a
    clue's subject, a petition's reporter or subject, or an interviewee that appears in a
    title or measure is replaced by ×××."""
    hide = _private_names(ws)

    def clean(value: str) -> str:
        for name in hide:
            value = value.replace(name, WITHHELD_NAME)
        return value

    def public(t: registers.Task) -> m.Measure:
        return m.Measure(t.kind, clean(t.title), clean(t.measure), "", t.deadline, t.status,
                         t.closed_on, "", "", t.days_overdue)

    shown = [t for t in r.tasks if t.kind in ("rectification", "immediate_rectification")]
    out = []
    for _, town, village, vid, town_id in places:
        signed = [f for f in r.findings if f.status == "signed_off" and (
            f.village_id == vid or (f.village_id is None and f.town_id == town_id))]
        rows = [m.PostingRow(clean(f.text.title), f.text.aspect,
                             tuple(public(t) for t in shown if t.finding_id == f.id))
                for f in signed]
        ids = {f.id for f in signed}
        rows += [m.PostingRow(clean(t.title), "", (public(t),)) for t in shown
                 if t.village_id == vid and t.finding_id not in ids]
        out.append(m.PostingPlace(town, village, tuple(rows)))
    return m.Posting(round_name, team, issued_on, tuple(out))


def _private_names(ws: Workspace) -> list[str]:
    """Names that never go on a notice board, longest first."""
    found: set[str] = set()
    with ws.read() as s:
        names = _names(s)
        found.update(s.scalars(select(ClueRow.person)))
        for row in s.scalars(select(StepRecordRow).where(
                StepRecordRow.step.in_(list(PRIVATE_PEOPLE)))):
            for key in PRIVATE_PEOPLE[row.step]:
                value = row.values.get(key)
                for p in value if isinstance(value, list) else [value]:
                    if isinstance(p, dict):
                        found.add(str(p.get("name") or names.get(p.get("id", ""), "")))
            found.add(str(row.values.get("reporter_name") or ""))
    return sorted((n for n in found if len(n.strip()) >= 2), key=len, reverse=True)

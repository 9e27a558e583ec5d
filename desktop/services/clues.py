"""Problem clues (问题线索) and the petition register (办信接访), both about named people.

A clue is seen only by the inspector who drafted it and by the leader and deputies of its
team: every read takes the viewing actor and leaves the others' clues out (``ClueList.hidden``
counts them). It is numbered when the leader or a deputy hands it over (移交); the receiver's
feedback is due three months after the handover.

Petitions are step records (step ``petition``, forms/steps/petition.v1.toml). Their register
shows the reporter's identity (信访人: name, ID card, phone, address) only to the leader of the
team and to the inspector handling the petition, who is its ``received_by`` (登记人): the
registrar follows the petition up. Everyone else sees those fields withheld, and on their
laptops they are not even stored in clear (core.visibility).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.core import errors
from desktop.core import registers as rules
from desktop.core.i18n import tr
from desktop.services import registers
from desktop.services.workspace import Actor, Changes, UnitOfWork, Workspace
from desktop.store.models import ClueRow, InspectorRow, StepRecordRow

PETITION_STEP = "petition"
HANDLER_FIELD = "received_by"


@dataclass(frozen=True)
class ClueDraft:
    person: str
    category: str  # kinds.CLUE_CATEGORIES
    source: str  # the step or register it came from
    summary: str
    proposed_handling: str  # kinds.CLUE_HANDLINGS: 谈话函询 / 初步核实 / 暂存待查 / 予以了结
    village_id: str | None = None
    town_id: str | None = None
    post: str = ""
    sealed: bool = False
    evidence_records: tuple[str, ...] = ()
    evidence_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clue:
    id: str
    number: str | None  # given at handover
    team_id: str
    person: str
    post: str
    town_id: str
    town: str
    village_id: str | None
    village: str
    category: str
    source: str
    summary: str
    evidence_records: tuple[str, ...]
    evidence_files: tuple[str, ...]
    proposed_handling: str
    sealed: bool
    drafted_by: str  # name
    drafted_by_id: str
    handed_over_to: str | None
    handed_over_on: str | None
    handed_over_by: str
    received_by: str
    feedback_due: str | None
    feedback_on: str | None
    feedback_result: str
    conflict: bool

    @property
    def handed_over(self) -> bool:
        return self.handed_over_on is not None

    def feedback_late(self, today: dt.date) -> bool:
        """Handed over, no feedback yet, and the three months are past."""
        return bool(self.feedback_due and not self.feedback_on
                    and today > dt.date.fromisoformat(self.feedback_due))


@dataclass(frozen=True)
class ClueList:
    clues: tuple[Clue, ...]
    hidden: int  # clues of the round the viewer may not see


@dataclass(frozen=True)
class Petition:
    id: str
    village_id: str
    village: str
    number: str
    received_on: str
    channel: str
    identity: str  # named / anonymous
    reporter_name: str | None
    reporter_id_card: str | None
    reporter_phone: str | None
    reporter_address: str | None
    masked: bool  # the reporter's fields are withheld from this viewer
    subject: str
    subject_post: str
    category: str
    summary: str
    handling: str | None
    handler_id: str | None
    handler: str
    feedback: str | None
    conflict: bool


def draft_clue(ws: Workspace, draft: ClueDraft) -> Changes:
    with ws.unit_of_work() as uow:
        viewer = registers.acting(uow)
        body = {**_draft_body(uow, draft), "team_id": viewer.team_id,
                "drafted_by": viewer.inspector_id}
        uow.write("clue", None, body, attachments=tuple(body["evidence_files"] or ()))
        return uow.changes


def edit_clue(ws: Workspace, clue_id: str, draft: ClueDraft) -> Changes:
    """Change a clue not yet handed over (by those who may see it)."""
    with ws.unit_of_work() as uow:
        current = _visible(uow, clue_id)
        if current.body.get("handed_over_on"):
            raise rules.RegisterRefused(tr("A clue handed over can no longer be changed"))
        body = {**current.body, **_draft_body(uow, draft)}
        uow.write("clue", clue_id, body, parents=(current.id,),
                  attachments=tuple(body["evidence_files"] or ()))
        return uow.changes


def hand_over_clue(ws: Workspace, clue_id: str, handed_over_on: str, to: str,
                   received_by: str) -> Changes:
    """移交: the leader or a deputy hands the clue over (to a kinds.RECEIVERS office, received
    by the person named); it gets the team's next number and a feedback due date."""
    with ws.unit_of_work() as uow:
        current = _visible(uow, clue_id)
        viewer = registers.acting(uow)
        if registers.role_in_team(viewer, current.body["team_id"]) not in rules.CLUE_READERS:
            raise rules.RegisterRefused(tr("Only the leader or a deputy leader may hand over a clue"))
        if current.body.get("handed_over_on"):
            raise rules.RegisterRefused(tr("This clue has already been handed over"))
        if not received_by.strip():
            raise rules.RegisterRefused(tr("Name the person who received the clue"))
        try:
            due = rules.feedback_due(dt.date.fromisoformat(handed_over_on)).isoformat()
        except ValueError:
            due = None  # kinds.validate names the bad date
        number, seq = registers.assign_number(uow.session, "clue", current.body["team_id"])
        uow.write("clue", clue_id, {
            **current.body, "number": number, "sequence": seq, "handed_over_to": to,
            "handed_over_on": handed_over_on, "handed_over_by": viewer.inspector_id,
            "received_by": received_by, "feedback_due": due},
            parents=(current.id,), attachments=current.attachments)
        return uow.changes


def record_feedback(ws: Workspace, clue_id: str, feedback_on: str, result: str) -> Changes:
    """The receiver's report back on a clue handed over."""
    with ws.unit_of_work() as uow:
        current = _visible(uow, clue_id)
        if not current.body.get("handed_over_on"):
            raise rules.RegisterRefused(tr("Feedback comes after the clue is handed over"))
        if not result.strip():
            raise rules.RegisterRefused(tr("Write what the receiver reported"))
        uow.write("clue", clue_id, {**current.body, "feedback_on": feedback_on,
                                    "feedback_result": result},
                  parents=(current.id,), attachments=current.attachments)
        return uow.changes


def clues(ws: Workspace, viewer: Actor | None, *, village_id: str | None = None) -> ClueList:
    """The clues ``viewer`` may see (by number, then drafting) and how many are hidden."""
    query = select(ClueRow).order_by(ClueRow.sequence.is_(None), ClueRow.team_id,
                                     ClueRow.sequence, ClueRow.hlc)
    if village_id:
        query = query.where(ClueRow.village_id == village_id)
    with ws.read() as s:
        who = registers.viewer_of(s, viewer)
        known = registers.names(s)
        rows = s.scalars(query).all()
        # A clue withheld from this laptop was not encrypted to it: hidden like any other.
        shown = [_clue(r, known) for r in rows
                 if not r.withheld and rules.can_see_clue(who, r.team_id, r.drafted_by)]
    return ClueList(tuple(shown), len(rows) - len(shown))


def clue(ws: Workspace, clue_id: str, viewer: Actor | None) -> Clue:
    """One clue, refused to a viewer who may not see it."""
    with ws.read() as s:
        row = s.get(ClueRow, clue_id)
        if row is None:
            raise errors.RecordMissing(record_id=clue_id)
        if row.withheld or not rules.can_see_clue(registers.viewer_of(s, viewer), row.team_id,
                                                  row.drafted_by):
            raise rules.RegisterRefused(tr("This clue is not visible to you"))
        return _clue(row, registers.names(s))


def petitions(ws: Workspace, viewer: Actor | None, *,
              village_id: str | None = None) -> list[Petition]:
    """The petition register of the round (or a village), by date received; the reporter is
    withheld unless ``viewer`` is the leader or handles the petition."""
    query = select(StepRecordRow).where(StepRecordRow.step == PETITION_STEP)
    if village_id:
        query = query.where(StepRecordRow.village_id == village_id)
    out = []
    with ws.read() as s:
        who = registers.viewer_of(s, viewer)
        known = registers.names(s)
        teams = {i: t for i, t in s.execute(select(InspectorRow.id, InspectorRow.team_id))}
        for row in s.scalars(query.order_by(StepRecordRow.hlc)):
            v = row.values
            handler = (v.get(HANDLER_FIELD) or {}).get("id")
            # Withheld: the reporter is not even in this database (core.visibility).
            visible = not row.withheld and rules.sees_reporter(who, handler,
                                                               teams.get(handler or ""))
            shown = rules.mask_reporter(v, visible)
            out.append(Petition(
                id=row.id, village_id=row.village_id, village=known.get(row.village_id, ""),
                number=v.get("number", ""), received_on=v.get("received_on", ""),
                channel=v.get("channel", ""), identity=v.get("identity", ""),
                reporter_name=shown.get("reporter_name"),
                reporter_id_card=shown.get("reporter_id_card"),
                reporter_phone=shown.get("reporter_phone"),
                reporter_address=shown.get("reporter_address"), masked=not visible,
                subject=_person(v.get("subject"), known), subject_post=v.get("subject_post", ""),
                category=v.get("category", ""), summary=v.get("summary", ""),
                handling=v.get("handling"), handler_id=handler,
                handler=known.get(handler or "", ""), feedback=v.get("feedback"),
                conflict=row.conflict))
    return sorted(out, key=lambda p: (p.received_on, p.number))


def _person(value: Any, known: dict[str, str]) -> str:
    if isinstance(value, dict):
        return value.get("name") or known.get(value.get("id", ""), "")
    return ""


def _draft_body(uow: UnitOfWork, draft: ClueDraft) -> dict[str, Any]:
    records, files = registers.evidence(uow.session, draft.evidence_records,
                                        draft.evidence_files)
    return {"person": draft.person, "post": draft.post, "category": draft.category,
            "source": draft.source, "summary": draft.summary,
            "proposed_handling": draft.proposed_handling, "sealed": draft.sealed,
            "evidence_records": records, "evidence_files": files,
            **registers.place(uow.session, draft.village_id, draft.town_id)}


def _visible(uow: UnitOfWork, clue_id: str) -> Any:
    current = uow.current(clue_id)
    if current.kind != "clue":
        raise errors.RecordMissing(record_id=clue_id)
    viewer = registers.viewer_of(uow.session, uow.actor)
    if current.withheld or not rules.can_see_clue(viewer, current.body["team_id"],
                                                  current.body["drafted_by"]):
        raise rules.RegisterRefused(tr("This clue is not visible to you"))
    return current


def _clue(r: ClueRow, known: dict[str, str]) -> Clue:
    return Clue(
        id=r.id, number=r.number, team_id=r.team_id, person=r.person, post=r.post or "",
        town_id=r.town_id, town=known.get(r.town_id, ""), village_id=r.village_id,
        village=known.get(r.village_id or "", ""), category=r.category, source=r.source,
        summary=r.summary, evidence_records=tuple(r.evidence_records or ()),
        evidence_files=tuple(r.evidence_files or ()), proposed_handling=r.proposed_handling,
        sealed=r.sealed, drafted_by=known.get(r.drafted_by, ""), drafted_by_id=r.drafted_by,
        handed_over_to=r.handed_over_to, handed_over_on=r.handed_over_on,
        handed_over_by=known.get(r.handed_over_by or "", ""), received_by=r.received_by or "",
        feedback_due=r.feedback_due, feedback_on=r.feedback_on,
        feedback_result=r.feedback_result or "", conflict=r.conflict)

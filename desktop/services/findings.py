"""Findings (问题) and their working papers (问题底稿): drafted, reviewed, signed off, amended.

The review chain is 承办人 drafts → a deputy (or the leader) reviews → the leader signs off;
each step is a revision whose body names who took it and when (``reviewed_by``,
``reviewed_at``, ``signed_by``, ``signed_at``: columns of the ``finding`` table), and
``review_trail`` lists them from the revisions themselves. The number is given at sign-off.

A signed-off finding is locked: an ordinary edit is refused (``FindingLocked``). The leader
changes it through an amendment, a ``finding_amendment`` record naming the signed revision it
amends, the fields it changes and why. The finding itself keeps its signed text; reads show
the text as amended and, beside it, the text as signed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import errors, kinds
from desktop.core import registers as rules
from desktop.services import registers
from desktop.services.workspace import Changes, UnitOfWork, Workspace
from desktop.store import revlog
from desktop.store.models import FindingAmendmentRow, FindingRow


@dataclass(frozen=True)
class FindingDraft:
    """What the working paper's form asks for."""

    title: str
    aspect: str  # kinds.ASPECTS: 党务/财务/生态/生活
    problem_class: str  # kinds.PROBLEM_CLASSES: 个性/共性/顽固性
    description: str
    village_id: str | None = None
    town_id: str | None = None  # alone: a problem common to the town's villages
    focus: str | None = None  # kinds.FOCUSES: 三务/三资/三生
    basis: str = ""  # 定性依据
    source: str = ""  # the step it came from
    responsible_party: str = ""
    evidence_records: tuple[str, ...] = ()  # step_record ids
    evidence_files: tuple[str, ...] = ()  # blob digests


@dataclass(frozen=True)
class FindingText:
    """The part of a finding an amendment can change."""

    title: str
    aspect: str
    focus: str | None
    problem_class: str
    description: str
    basis: str
    responsible_party: str
    evidence_records: tuple[str, ...]
    evidence_files: tuple[str, ...]


@dataclass(frozen=True)
class Amendment:
    id: str
    amends: str  # the finding's revision as signed
    reason: str
    changes: dict[str, Any]
    by: str  # name
    at: str  # wall time of the amendment


@dataclass(frozen=True)
class Finding:
    id: str
    number: str | None  # given at sign-off
    status: str
    team_id: str
    town_id: str
    town: str
    village_id: str | None  # None: a problem common to the town's villages
    village: str
    source: str
    text: FindingText  # as amended
    signed_text: FindingText | None  # as signed off, when amendments changed it since
    amendments: tuple[Amendment, ...]
    drafted_by: str  # names
    reviewed_by: str
    reviewed_at: str | None
    signed_by: str
    signed_at: str | None
    conflict: bool
    head: str


@dataclass(frozen=True)
class TrailEntry:
    """One revision of a finding's review chain: who, when, and the status it left."""

    revision_id: str
    status: str
    by: str
    at: str


def draft_finding(ws: Workspace, draft: FindingDraft) -> Changes:
    """A new working paper, drafted by the inspector writing it (承办人)."""
    with ws.unit_of_work() as uow:
        viewer = registers.acting(uow)
        body = {**_draft_body(uow.session, draft), "status": "drafted",
                "team_id": viewer.team_id, "drafted_by": viewer.inspector_id}
        uow.write("finding", None, body, attachments=tuple(body["evidence_files"] or ()))
        return uow.changes


def edit_finding(ws: Workspace, finding_id: str, draft: FindingDraft) -> Changes:
    """Change a draft; a reviewed finding goes back to be reviewed again; a signed-off one is
    refused (``FindingLocked``): amend it instead."""
    with ws.unit_of_work() as uow:
        registers.acting(uow)
        current = _current(uow, finding_id)
        status = rules.status_after_edit(current.body["status"], current.body.get("number"))
        body = {k: v for k, v in current.body.items() if k not in ("reviewed_by", "reviewed_at")}
        body.update(_draft_body(uow.session, draft), status=status)
        uow.write("finding", finding_id, body, parents=(current.id,),
                  attachments=tuple(body["evidence_files"] or ()))
        return uow.changes


def review_finding(ws: Workspace, finding_id: str) -> Changes:
    """A deputy (or the leader) of the finding's team has reviewed the working paper."""
    with ws.unit_of_work() as uow:
        current = _current(uow, finding_id)
        viewer = registers.acting(uow)
        role = registers.role_in_team(viewer, current.body["team_id"])
        status = rules.next_status(current.body["status"], "review", role)
        rules.check_ready_for_review(current.body)
        _step(uow, current, status=status, reviewed_by=viewer.inspector_id,
              reviewed_at=registers.now_text(ws))
        return uow.changes


def send_back_finding(ws: Workspace, finding_id: str) -> Changes:
    """The reviewer or the leader returns a reviewed finding to its drafter."""
    with ws.unit_of_work() as uow:
        current = _current(uow, finding_id)
        role = registers.role_in_team(registers.acting(uow), current.body["team_id"])
        status = rules.next_status(current.body["status"], "send_back", role)
        _step(uow, current, status=status, reviewed_by=None, reviewed_at=None)
        return uow.changes


def sign_off_finding(ws: Workspace, finding_id: str) -> Changes:
    """The leader signs the finding off: it gets the team's next number and is locked."""
    with ws.unit_of_work() as uow:
        current = _current(uow, finding_id)
        viewer = registers.acting(uow)
        role = registers.role_in_team(viewer, current.body["team_id"])
        status = rules.next_status(current.body["status"], "sign_off", role)
        number, seq = registers.assign_number(uow.session, "finding", current.body["team_id"])
        _step(uow, current, status=status, number=number, sequence=seq,
              signed_by=viewer.inspector_id, signed_at=registers.now_text(ws))
        return uow.changes


def amend_finding(ws: Workspace, finding_id: str, changes: Mapping[str, Any],
                  reason: str) -> Changes:
    """The leader changes a signed-off finding: an amendment record, the original kept."""
    with ws.unit_of_work() as uow:
        current = _current(uow, finding_id)
        viewer = registers.acting(uow)
        earlier = _amendments(uow.session, [finding_id]).get(finding_id, [])
        now = rules.apply_amendments(current.body, [a.changes for a in earlier])
        role = registers.role_in_team(viewer, current.body["team_id"])
        real = rules.check_amendment(now, _listed(changes), reason, current.body["status"], role)
        if "evidence_records" in real or "evidence_files" in real:
            registers.evidence(uow.session, real.get("evidence_records") or (),
                               real.get("evidence_files") or ())
        clean = kinds.validate("finding", rules.apply_amendments(now, [real]))
        uow.write("finding_amendment", None, {
            "finding_id": finding_id, "amends": current.id, "reason": reason,
            "changes": {k: clean.get(k) for k in real}, "drafted_by": viewer.inspector_id},
            attachments=tuple(real.get("evidence_files") or ()))
        return uow.changes


def finding(ws: Workspace, finding_id: str) -> Finding:
    found = _read(ws, select(FindingRow).where(FindingRow.id == finding_id))
    if not found:
        raise errors.RecordMissing(record_id=finding_id)
    return found[0]


def findings(ws: Workspace, *, town_id: str | None = None, village_id: str | None = None,
             status: str | None = None) -> list[Finding]:
    """The register of findings (a town's includes its villages'), by number then drafting."""
    query = select(FindingRow).order_by(FindingRow.sequence.is_(None), FindingRow.team_id,
                                        FindingRow.sequence, FindingRow.hlc)
    if town_id:
        query = query.where(FindingRow.town_id == town_id)
    if village_id:
        query = query.where(FindingRow.village_id == village_id)
    if status:
        query = query.where(FindingRow.status == status)
    return _read(ws, query)


def review_trail(ws: Workspace, finding_id: str) -> list[TrailEntry]:
    """Every revision of the finding that changed its status, oldest first."""
    out: list[TrailEntry] = []
    with ws.read() as s:
        known = registers.names(s)
        last = None
        for rev in revlog.history(s, finding_id):
            status = None if rev.deleted else rev.body.get("status")
            if status and status != last:
                out.append(TrailEntry(rev.id, status, known.get(rev.author, rev.author),
                                      rev.wall_time))
            last = status
    return out


def _draft_body(session: Session, draft: FindingDraft) -> dict[str, Any]:
    records, files = registers.evidence(session, draft.evidence_records, draft.evidence_files)
    return {"title": draft.title, "aspect": draft.aspect, "focus": draft.focus,
            "problem_class": draft.problem_class, "description": draft.description,
            "basis": draft.basis, "source": draft.source,
            "responsible_party": draft.responsible_party, "evidence_records": records,
            "evidence_files": files, **registers.place(session, draft.village_id, draft.town_id)}


def _step(uow: UnitOfWork, current: Any, **fields: Any) -> None:
    body = {k: v for k, v in {**current.body, **fields}.items() if v is not None}
    uow.write("finding", current.record_id, body, parents=(current.id,),
              attachments=current.attachments)


def _current(uow: UnitOfWork, finding_id: str) -> Any:
    current = uow.current(finding_id)
    if current.kind != "finding":
        raise errors.RecordMissing(record_id=finding_id)
    return current


def _listed(changes: Mapping[str, Any]) -> dict[str, Any]:
    return {k: sorted(set(v)) if isinstance(v, (list, tuple)) else v for k, v in changes.items()}


def _amendments(session: Session, ids: Iterable[str]) -> dict[str, list[FindingAmendmentRow]]:
    out: dict[str, list[FindingAmendmentRow]] = {}
    rows = session.scalars(select(FindingAmendmentRow).where(
        FindingAmendmentRow.finding_id.in_(list(ids))).order_by(FindingAmendmentRow.hlc))
    for row in rows:
        out.setdefault(row.finding_id, []).append(row)
    return out


def _text(body: Mapping[str, Any]) -> FindingText:
    return FindingText(
        title=body["title"], aspect=body["aspect"], focus=body.get("focus"),
        problem_class=body["problem_class"], description=body["description"],
        basis=body.get("basis") or "", responsible_party=body.get("responsible_party") or "",
        evidence_records=tuple(body.get("evidence_records") or ()),
        evidence_files=tuple(body.get("evidence_files") or ()))


def _read(ws: Workspace, query: Any) -> list[Finding]:
    with ws.read() as s:
        known = registers.names(s)
        rows = s.scalars(query).all()
        amended = _amendments(s, [r.id for r in rows]) if rows else {}
        times = {a.id: revlog.load(s, a.head).wall_time for v in amended.values() for a in v}
    out = []
    for r in rows:
        body = {c: getattr(r, c) for c in rules.AMENDABLE}
        changes = amended.get(r.id, [])
        out.append(Finding(
            id=r.id, number=r.number, status=r.status, team_id=r.team_id, town_id=r.town_id,
            town=known.get(r.town_id, ""), village_id=r.village_id,
            village=known.get(r.village_id or "", ""), source=r.source or "",
            text=_text(rules.apply_amendments(body, [a.changes for a in changes])),
            signed_text=_text(body) if changes else None,
            amendments=tuple(Amendment(a.id, a.amends, a.reason, dict(a.changes),
                                       known.get(a.drafted_by, ""), times[a.id])
                             for a in changes),
            drafted_by=known.get(r.drafted_by, ""), reviewed_by=known.get(r.reviewed_by or "", ""),
            reviewed_at=r.reviewed_at, signed_by=known.get(r.signed_by or "", ""),
            signed_at=r.signed_at, conflict=r.conflict, head=r.head))
    return out

"""The registers' shared parts and the measures tracked until closed out (销号).

Suggestions (整改意见建议), rules improved (完善制度), immediate rectifications (立行立改) and
rectification tasks (整改) are each a measure with a responsible person and a deadline, open
until closed out with evidence. Numbering (patterns, duplicates after a merge, renumbering)
serves findings and clues (``services.findings``, ``services.clues``).

Each public function is one user action (one unit of work, returning ``Changes``) or a read
returning frozen rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import errors
from desktop.core import registers as rules
from desktop.core.i18n import tr
from desktop.core.kinds import NUMBERED_KINDS, TASK_KINDS
from desktop.core.revision import Revision
from desktop.services.workspace import Actor, Changes, UnitOfWork, Workspace
from desktop.store.models import (
    MATERIALISED,
    Blob,
    InspectorRow,
    NumberingRow,
    RoundRow,
    StepRecordRow,
    TeamRow,
    TownRow,
    VillageRow,
)

CLOSURE_FIELDS = ("closed_on", "closure_note", "closure_records", "closure_files")


@dataclass(frozen=True)
class DuplicateNumber:
    """A number given to more than one finding (or clue), as after merging two laptops."""

    kind: str
    number: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class TaskDraft:
    """What the form of a measure asks for; dates as YYYY-MM-DD."""

    title: str
    measure: str
    responsible: str
    deadline: str
    village_id: str | None = None
    town_id: str | None = None  # alone: a measure for the whole town
    finding_id: str | None = None


@dataclass(frozen=True)
class Task:
    kind: str
    id: str
    title: str
    town_id: str
    town: str
    village_id: str | None
    village: str
    finding_id: str | None
    measure: str
    responsible: str
    deadline: str
    status: str
    closed_on: str | None
    closure_note: str
    closure_records: tuple[str, ...]
    closure_files: tuple[str, ...]
    days_overdue: int  # against the ``today`` the list was made for
    conflict: bool

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


# ---- shared helpers -------------------------------------------------------------------------


def viewer_of(session: Session, actor: Actor | None) -> rules.Viewer | None:
    """The actor as the roster knows them (role and team), or None without an actor."""
    if actor is None:
        return None
    row = session.get(InspectorRow, actor.inspector_id)
    return rules.Viewer(actor.inspector_id, row.role if row else None,
                        row.team_id if row else None)


def acting(uow: UnitOfWork) -> rules.Viewer:
    """Who writes, refused when they are not (any more) on the round's roster."""
    viewer = viewer_of(uow.session, uow.actor)
    if viewer is None or viewer.role is None or viewer.team_id is None:
        raise rules.RegisterRefused(tr("You are not on the round's roster"))
    return viewer


def role_in_team(viewer: rules.Viewer, team_id: str) -> str | None:
    """The viewer's role where it counts: only within the record's own team."""
    return viewer.role if viewer.team_id == team_id else None


def place(session: Session, village_id: str | None, town_id: str | None) -> dict[str, str | None]:
    """town_id and village_id of a register entry: a village (its town follows), or a town
    alone for what is common to its villages."""
    if village_id:
        village = session.get(VillageRow, village_id)
        if village is None:
            raise errors.RecordMissing(record_id=village_id)
        if town_id and town_id != village.town_id:
            raise rules.RegisterRefused(tr("The village is not in the town chosen"))
        return {"town_id": village.town_id, "village_id": village_id}
    if not town_id:
        raise rules.RegisterRefused(
            tr("Choose a village, or a town for a problem common to its villages"))
    if session.get(TownRow, town_id) is None:
        raise errors.RecordMissing(record_id=town_id)
    return {"town_id": town_id, "village_id": None}


def evidence(session: Session, records: Iterable[str], files: Iterable[str]
             ) -> tuple[list[str] | None, list[str] | None]:
    """Linked step records and attached files (blob digests), checked to exist; None when
    there are none."""
    record_ids = sorted(set(records))
    digests = sorted(set(files))
    for rid in record_ids:
        if session.get(StepRecordRow, rid) is None:
            raise errors.RecordMissing(record_id=rid)
    for digest in digests:
        if session.get(Blob, digest) is None:
            raise errors.RecordMissing(detail=tr("no such attached file"), record_id=digest)
    return record_ids or None, digests or None


def now_text(ws: Workspace) -> str:
    """The time of an action as stored in a body (UTC, like a revision's wall time)."""
    return dt.datetime.fromtimestamp(ws.now_ms() / 1000, dt.UTC).isoformat(
        timespec="milliseconds")


def names(session: Session) -> dict[str, str]:
    """Names of inspectors, towns and villages by id."""
    out: dict[str, str] = {}
    for model in (InspectorRow, TownRow, VillageRow):
        out.update((i, n) for i, n in session.execute(select(model.id, model.name)))
    return out


# ---- numbering ------------------------------------------------------------------------------


def number_pattern(session: Session, team_id: str, register: str) -> str:
    """The team's pattern for the register, or the default one."""
    pattern = session.scalar(select(NumberingRow.pattern).where(
        NumberingRow.team_id == team_id, NumberingRow.register == register)
        .order_by(NumberingRow.hlc.desc()))
    return pattern or rules.DEFAULT_PATTERNS[register]


def assign_number(session: Session, kind: str, team_id: str) -> tuple[str, int]:
    """The next number of the team in the register: (number, sequence)."""
    model: Any = MATERIALISED[kind]
    used = session.scalars(select(model.sequence).where(model.team_id == team_id))
    seq = rules.next_sequence(used)
    team = session.get(TeamRow, team_id)
    year = session.scalar(select(RoundRow.year).where(RoundRow.id == team.round_id)) \
        if team else None
    number = rules.render_number(number_pattern(session, team_id, kind),
                                 year=year or 0, team=team.name if team else "", seq=seq)
    return number, seq


def set_number_pattern(ws: Workspace, register: str, pattern: str) -> Changes:
    """The leader sets how the team's findings or clues are numbered from now on; numbers
    already given stay as they are."""
    if register not in NUMBERED_KINDS:
        raise errors.RecordMissing(record_id=register)
    pattern = rules.check_pattern(pattern)
    with ws.unit_of_work() as uow:
        viewer = acting(uow)
        if viewer.role != "leader":
            raise rules.RegisterRefused(tr("Only the leader may set the number pattern"))
        existing = uow.session.scalar(select(NumberingRow.id).where(
            NumberingRow.team_id == viewer.team_id, NumberingRow.register == register))
        uow.write("numbering", existing, {"team_id": viewer.team_id, "register": register,
                                          "pattern": pattern})
        return uow.changes


def duplicate_numbers(ws: Workspace) -> list[DuplicateNumber]:
    """Numbers given twice (two laptops numbering before their data met), for the leader."""
    found = []
    with ws.read() as s:
        for kind in NUMBERED_KINDS:
            model: Any = MATERIALISED[kind]
            rows = s.execute(select(model.id, model.number).where(model.number.is_not(None)))
            for number, ids in rules.duplicate_numbers((r[0], r[1]) for r in rows).items():
                found.append(DuplicateNumber(kind, number, ids))
    return found


def renumber(ws: Workspace, record_id: str) -> Changes:
    """Give a finding or clue the team's next number (the leader, after a duplicate): a
    revision that changes the number and nothing else."""
    with ws.unit_of_work() as uow:
        current = uow.current(record_id)
        if current.kind not in NUMBERED_KINDS or not current.body.get("number"):
            raise rules.RegisterRefused(tr("Only a numbered finding or clue can be renumbered"))
        if role_in_team(acting(uow), current.body["team_id"]) != "leader":
            raise rules.RegisterRefused(tr("Only the leader may renumber"))
        number, seq = assign_number(uow.session, current.kind, current.body["team_id"])
        uow.write(current.kind, record_id, {**current.body, "number": number, "sequence": seq},
                  renumbering=True,
                  parents=(current.id,), attachments=current.attachments)
        return uow.changes


# ---- measures tracked until closed out ------------------------------------------------------


def add_task(ws: Workspace, kind: str, draft: TaskDraft) -> Changes:
    """Record a suggestion, a rule improved, an immediate rectification or a rectification
    task; it is open until closed out."""
    _check_kind(kind)
    with ws.unit_of_work() as uow:
        viewer = acting(uow)
        uow.write(kind, None, {**_task_body(uow.session, draft), "status": "open",
                               "drafted_by": viewer.inspector_id})
        return uow.changes


def edit_task(ws: Workspace, task_id: str, draft: TaskDraft) -> Changes:
    """Change an open measure; one closed out must be reopened first."""
    with ws.unit_of_work() as uow:
        acting(uow)
        current = _current_task(uow, task_id)
        if current.body["status"] == "closed":
            raise rules.RegisterRefused(tr("This item is closed out; reopen it to change it"))
        uow.write(current.kind, task_id, {**current.body, **_task_body(uow.session, draft)},
                  parents=(current.id,))
        return uow.changes


def close_out(ws: Workspace, task_id: str, closed_on: str, note: str = "",
              records: Iterable[str] = (), files: Iterable[str] = ()) -> Changes:
    """销号: the measure is done, shown by evidence (attached files or linked records)."""
    records, files = list(records), list(files)
    with ws.unit_of_work() as uow:
        acting(uow)
        current = _current_task(uow, task_id)
        rules.check_close_out(current.body["status"], records, files)
        linked, attached = evidence(uow.session, records, files)
        uow.write(current.kind, task_id, {
            **current.body, "status": "closed", "closed_on": closed_on, "closure_note": note,
            "closure_records": linked, "closure_files": attached},
            parents=(current.id,), attachments=tuple(attached or ()))
        return uow.changes


def reopen(ws: Workspace, task_id: str) -> Changes:
    """The leader or a deputy reopens a measure closed out too early (the close-out stays in
    its history)."""
    with ws.unit_of_work() as uow:
        viewer = acting(uow)
        current = _current_task(uow, task_id)
        if viewer.role not in ("leader", "deputy"):
            raise rules.RegisterRefused(tr("Only the leader or a deputy leader may reopen an item"))
        if current.body["status"] != "closed":
            raise rules.RegisterRefused(tr("Only an item closed out can be reopened"))
        body = {k: v for k, v in current.body.items() if k not in CLOSURE_FIELDS}
        uow.write(current.kind, task_id, {**body, "status": "open"}, parents=(current.id,))
        return uow.changes


def tasks(ws: Workspace, kind: str, today: dt.date, *, town_id: str | None = None,
          village_id: str | None = None, overdue_only: bool = False) -> list[Task]:
    """The register of one kind of measure, by deadline; overdue against ``today``."""
    _check_kind(kind)
    model: Any = MATERIALISED[kind]
    query = select(model).order_by(model.deadline, model.hlc)
    if town_id:
        query = query.where(model.town_id == town_id)
    if village_id:
        query = query.where(model.village_id == village_id)
    with ws.read() as s:
        known = names(s)
        rows = s.scalars(query).all()
        out = [_task(kind, r, known, today) for r in rows]
    return [t for t in out if t.overdue] if overdue_only else out


def _task(kind: str, row: Any, known: dict[str, str], today: dt.date) -> Task:
    closed = dt.date.fromisoformat(row.closed_on) if row.closed_on else None
    return Task(
        kind=kind, id=row.id, title=row.title, town_id=row.town_id,
        town=known.get(row.town_id, ""), village_id=row.village_id,
        village=known.get(row.village_id or "", ""), finding_id=row.finding_id,
        measure=row.measure, responsible=row.responsible, deadline=row.deadline,
        status=row.status, closed_on=row.closed_on, closure_note=row.closure_note or "",
        closure_records=tuple(row.closure_records or ()),
        closure_files=tuple(row.closure_files or ()),
        days_overdue=rules.days_overdue(dt.date.fromisoformat(row.deadline), today, closed),
        conflict=row.conflict)


def _task_body(session: Session, draft: TaskDraft) -> dict:
    if draft.finding_id and session.get(MATERIALISED["finding"], draft.finding_id) is None:
        raise errors.RecordMissing(record_id=draft.finding_id)
    return {"title": draft.title, "measure": draft.measure, "responsible": draft.responsible,
            "deadline": draft.deadline, "finding_id": draft.finding_id,
            **place(session, draft.village_id, draft.town_id)}


def _current_task(uow: UnitOfWork, task_id: str) -> Revision:
    current = uow.current(task_id)
    _check_kind(current.kind)
    return current


def _check_kind(kind: str) -> None:
    if kind not in TASK_KINDS:
        raise errors.RecordMissing(record_id=kind)

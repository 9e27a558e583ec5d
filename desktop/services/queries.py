"""Read models for the screens and the command line: plain frozen rows, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services.workspace import Workspace
from desktop.store import revlog
from desktop.store.models import (
    MATERIALISED,
    DistrictRow,
    InspectorRow,
    RoundRow,
    TeamRow,
    TownRow,
    VillageRow,
)

# Record kinds the later registers add; counted as 0 until they exist in the store.
TOTAL_KINDS = {"villages": "village", "findings": "finding", "suggestions": "suggestion",
               "rules_improved": "rule_improved", "clues": "clue"}


@dataclass(frozen=True)
class Node:
    """One entry of the round tree (district, town or village)."""

    id: str
    kind: str
    name: str
    conflict: bool
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class RoundSummary:
    name: str
    year: int
    team: str
    inspector: str
    role: str


@dataclass(frozen=True)
class Stats:
    digest: str
    revisions: int
    counts: dict[str, int]
    totals: dict[str, int]


def record_names(session: Session) -> dict[str, str]:
    """Names of every named record (round, team, inspector, district, town, village) by id."""
    names: dict[str, str] = {}
    for model in MATERIALISED.values():
        if "name" in model.__table__.columns:
            names.update((i, n) for i, n in session.execute(select(model.id, model.name)))
    return names


def round_tree(ws: Workspace) -> tuple[Node, ...]:
    """Districts → towns → villages, sorted by name (Chinese collation by code point)."""
    with ws.read() as s:
        districts = s.execute(select(DistrictRow.id, DistrictRow.name, DistrictRow.conflict)
                              .order_by(DistrictRow.name)).all()
        towns = s.execute(select(TownRow.id, TownRow.name, TownRow.conflict,
                                 TownRow.district_id).order_by(TownRow.name)).all()
        villages = s.execute(select(VillageRow.id, VillageRow.name, VillageRow.conflict,
                                    VillageRow.town_id).order_by(VillageRow.name)).all()
    by_town: dict[str, list[Node]] = {}
    for vid, name, conflict, town_id in villages:
        by_town.setdefault(town_id, []).append(Node(vid, "village", name, conflict))
    by_district: dict[str, list[Node]] = {}
    for tid, name, conflict, district_id in towns:
        by_district.setdefault(district_id, []).append(
            Node(tid, "town", name, conflict, tuple(by_town.get(tid, ()))))
    return tuple(Node(did, "district", name, conflict, tuple(by_district.get(did, ())))
                 for did, name, conflict in districts)


def round_summary(ws: Workspace) -> RoundSummary:
    with ws.read() as s:
        round_ = s.execute(select(RoundRow.name, RoundRow.year).order_by(RoundRow.hlc)).first()
        me = s.get(InspectorRow, ws.actor.inspector_id) if ws.actor else None
        team = s.get(TeamRow, me.team_id) if me else None
    return RoundSummary(
        name=round_.name if round_ else "", year=round_.year if round_ else 0,
        team=team.name if team else "", inspector=me.name if me else "",
        role=me.role if me else "")


def stats(ws: Workspace) -> Stats:
    with ws.read() as s:
        counts = {kind: s.scalar(select(func.count()).select_from(model)) or 0
                  for kind, model in MATERIALISED.items()}
        revisions = revlog.count_revisions(s)
        digest = revlog.digest(s)
    totals = {name: counts.get(kind, 0) for name, kind in TOTAL_KINDS.items()}
    return Stats(digest=digest, revisions=revisions, counts=counts, totals=totals)

"""Read models for the screens and the command line: plain frozen rows, never ORM objects."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.kinds import TASK_KINDS
from desktop.core.registers import apply_amendments
from desktop.services.workspace import Workspace
from desktop.store import revlog
from desktop.store.models import (
    MATERIALISED,
    ClueRow,
    DistrictRow,
    FindingAmendmentRow,
    FindingRow,
    InspectorRow,
    RoundRow,
    TeamRow,
    TownRow,
    VillageRow,
)

# The article's totals (villages inspected, problems, suggestions, rules improved, clues).
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
        # What is withheld from this laptop is not counted either (core.visibility).
        counts = {kind: s.scalar(select(func.count()).select_from(model).where(
            *((model.withheld.is_(False),) if hasattr(model, "withheld") else ()))) or 0
            for kind, model in MATERIALISED.items()}
        revisions = revlog.count_revisions(s)
        digest = revlog.digest(s)
    totals = {name: counts.get(kind, 0) for name, kind in TOTAL_KINDS.items()}
    return Stats(digest=digest, revisions=revisions, counts=counts, totals=totals)


@dataclass(frozen=True)
class Figures:
    """The figures a round summary reports (the article's: villages inspected, problems found,
    suggestions, rules improved, clues handed over), for the round, a town or a village."""

    villages: int = 0
    findings: int = 0
    signed_off: int = 0
    by_aspect: dict[str, int] = field(default_factory=dict)  # 党务/财务/生态/生活
    by_focus: dict[str, int] = field(default_factory=dict)  # 三务/三资/三生
    by_class: dict[str, int] = field(default_factory=dict)  # 个性/共性/顽固性
    suggestions: int = 0
    rules_improved: int = 0
    immediate_rectifications: int = 0
    rectifications: int = 0
    closed_out: int = 0  # measures of the four kinds above closed out (销号)
    clues_handed_over: int = 0


@dataclass(frozen=True)
class PlaceFigures:
    id: str
    kind: str  # "town" or "village"
    name: str
    town: str  # the village's town; the town's own name for a town
    figures: Figures


@dataclass(frozen=True)
class RoundFigures:
    total: Figures
    towns: tuple[PlaceFigures, ...]  # a town's figures include its villages'
    villages: tuple[PlaceFigures, ...]


_TASK_FIGURES = {"suggestion": "suggestions", "rule_improved": "rules_improved",
                 "immediate_rectification": "immediate_rectifications",
                 "rectification": "rectifications"}


def round_figures(ws: Workspace) -> RoundFigures:
    """The round summary: for the round, per town and per village (findings as amended; a
    problem common to a town's villages counts for the town, not for a village)."""
    tally: dict[str | None, Counter] = {}

    def add(town: str, village: str | None, key: str, n: int = 1) -> None:
        for where in (None, town, village) if village else (None, town):
            tally.setdefault(where, Counter())[key] += n

    with ws.read() as s:
        towns = s.execute(select(TownRow.id, TownRow.name).order_by(TownRow.name)).all()
        villages = s.execute(select(VillageRow.id, VillageRow.name, VillageRow.town_id)
                             .order_by(VillageRow.name)).all()
        changes: dict[str, list[dict]] = {}
        for fid, change in s.execute(select(FindingAmendmentRow.finding_id,
                                            FindingAmendmentRow.changes)
                                     .order_by(FindingAmendmentRow.hlc)):
            changes.setdefault(fid, []).append(change)
        for fid, town, village, status, aspect, focus, class_ in s.execute(select(
                FindingRow.id, FindingRow.town_id, FindingRow.village_id, FindingRow.status,
                FindingRow.aspect, FindingRow.focus, FindingRow.problem_class)):
            now = apply_amendments({"aspect": aspect, "focus": focus, "problem_class": class_},
                                   changes.get(fid, ()))
            add(town, village, "findings")
            add(town, village, "signed_off", int(status == "signed_off"))
            for group in ("aspect", "focus", "problem_class"):
                if now.get(group):
                    add(town, village, f"{group}:{now[group]}")
        for kind in TASK_KINDS:
            model: Any = MATERIALISED[kind]
            for town, village, status in s.execute(select(model.town_id, model.village_id,
                                                          model.status)):
                add(town, village, _TASK_FIGURES[kind])
                add(town, village, "closed_out", int(status == "closed"))
        for town, village in s.execute(select(ClueRow.town_id, ClueRow.village_id)
                                       .where(ClueRow.handed_over_on.is_not(None))):
            add(town, village, "clues_handed_over")
    for vid, _, town in villages:
        add(town, vid, "villages")
    town_names = dict(towns)
    return RoundFigures(
        total=_figures(tally.get(None, Counter())),
        towns=tuple(PlaceFigures(tid, "town", name, name, _figures(tally.get(tid, Counter())))
                    for tid, name in towns),
        villages=tuple(PlaceFigures(vid, "village", name, town_names.get(town, ""),
                                    _figures(tally.get(vid, Counter())))
                       for vid, name, town in villages))


def _figures(c: Counter) -> Figures:
    def group(prefix: str) -> dict[str, int]:
        return {k.split(":", 1)[1]: n for k, n in sorted(c.items())
                if k.startswith(prefix + ":") and n}
    return Figures(
        villages=c["villages"], findings=c["findings"], signed_off=c["signed_off"],
        by_aspect=group("aspect"), by_focus=group("focus"), by_class=group("problem_class"),
        suggestions=c["suggestions"], rules_improved=c["rules_improved"],
        immediate_rectifications=c["immediate_rectifications"],
        rectifications=c["rectifications"], closed_out=c["closed_out"],
        clues_handed_over=c["clues_handed_over"])

"""Possible duplicates: records that two laptops created separately for the same thing.

After a merge, two villages of the same town with the same name (likewise towns of a
district, districts, and inspectors of a team) are listed for the leader, who links them as
the same or marks them different with an explicit revision. Nothing is merged silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.services.workspace import Changes, Workspace
from desktop.store.models import (
    DistrictRow,
    DuplicateLinkRow,
    InspectorRow,
    TownRow,
    VillageRow,
)

# kind -> (model, the field that must also agree besides the name)
SAME_PLACE = {
    "district": (DistrictRow, "round_id"),
    "town": (TownRow, "district_id"),
    "village": (VillageRow, "town_id"),
    "inspector": (InspectorRow, "team_id"),
}


@dataclass(frozen=True)
class Duplicate:
    kind: str
    name: str
    first_id: str
    second_id: str


def possible_duplicates(ws: Workspace) -> list[Duplicate]:
    """Pairs with the same name in the same place that no decision covers yet."""
    found: list[Duplicate] = []
    with ws.read() as s:
        decided = {(a, b) for a, b in s.execute(
            select(DuplicateLinkRow.first_id, DuplicateLinkRow.second_id))}
        for kind, (model, place) in SAME_PLACE.items():
            groups: dict[tuple[str, str], list[str]] = {}
            for rid, name, where in s.execute(
                    select(model.id, model.name, getattr(model, place)).order_by(model.id)):
                groups.setdefault((where, name), []).append(rid)
            for (_, name), ids in sorted(groups.items(), key=lambda g: g[0][1]):
                for i, first in enumerate(ids):
                    for second in ids[i + 1:]:
                        if (first, second) not in decided:
                            found.append(Duplicate(kind, name, first, second))
    return found


def decide(ws: Workspace, duplicate: Duplicate, same: bool) -> Changes:
    """Record the leader's decision about a pair as a revision of its own."""
    with ws.unit_of_work() as uow:
        uow.write("duplicate_link", None, {
            "first_id": duplicate.first_id, "second_id": duplicate.second_id,
            "decision": "same" if same else "different"})
        return uow.changes

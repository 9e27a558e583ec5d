"""The people of a village that forms name: 两委 members, party members, villagers.

They are records like any other (revisions, merged, restorable). Forms offer them with the
round's inspectors in person fields, and an evaluation takes its 两委 members from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.core import errors
from desktop.services.workspace import Changes, Workspace
from desktop.store.models import InspectorRow, PersonRow, VillageRow


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    category: str
    post: str


def add_person(ws: Workspace, village_id: str, name: str, category: str,
               post: str = "") -> Changes:
    with ws.unit_of_work() as uow:
        if uow.session.get(VillageRow, village_id) is None:
            raise errors.RecordMissing(record_id=village_id)
        uow.write("person", None, {"name": name, "village_id": village_id,
                                   "category": category, "post": post or None})
        return uow.changes


def edit_person(ws: Workspace, person_id: str, name: str, category: str,
                post: str = "") -> Changes:
    with ws.unit_of_work() as uow:
        current = uow.current(person_id)
        uow.write("person", person_id, {**current.body, "name": name, "category": category,
                                        "post": post or None}, parents=(current.id,))
        return uow.changes


def people_of(ws: Workspace, village_id: str) -> list[Person]:
    """The village's people: 两委 members first, then party members, villagers, others."""
    order = {"committee": 0, "party_member": 1, "villager": 2, "other": 3}
    with ws.read() as s:
        rows = s.scalars(select(PersonRow).where(PersonRow.village_id == village_id)).all()
        found = [Person(r.id, r.name, r.category, r.post or "") for r in rows]
    return sorted(found, key=lambda p: (order.get(p.category, 9), p.name))


def committee_names(ws: Workspace, village_id: str) -> list[str]:
    """The 两委 members of the village, as an evaluation names its subjects."""
    return [p.name for p in people_of(ws, village_id) if p.category == "committee"]


def nameable(ws: Workspace, village_id: str | None) -> list[tuple[str, str]]:
    """(id, name) of whoever a person field may name: the village's people, then the
    inspectors; a name borne twice is shown with the post or role that tells them apart."""
    people = people_of(ws, village_id) if village_id else []
    with ws.read() as s:
        inspectors = s.execute(select(InspectorRow.id, InspectorRow.name)
                               .order_by(InspectorRow.name)).all()
    entries = [(p.id, p.name, p.post) for p in people] + [(i, n, "") for i, n in inspectors]
    names = [n for _, n, _ in entries]
    return [(rid, f"{name}（{post}）" if names.count(name) > 1 and post else name)
            for rid, name, post in entries]

"""Conflicts (records with more than one head) and their resolution by a person.

Nothing here picks a winner: the read model shows every head side by side with its author,
device and time and the common ancestor; ``resolve`` writes the body the person chose as a
revision whose parents are all the heads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop.core import errors
from desktop.core.revision import Revision
from desktop.services import queries
from desktop.services.workspace import Changes, Workspace
from desktop.store import revlog
from desktop.store.models import Head


@dataclass(frozen=True)
class RevisionView:
    revision_id: str
    author: str
    device: str
    wall_time: str
    deleted: bool
    body: dict[str, Any]


@dataclass(frozen=True)
class Conflict:
    record_id: str
    kind: str
    heads: tuple[RevisionView, ...]
    ancestor: RevisionView | None
    fields: tuple[str, ...]  # fields whose values differ between the heads
    names: dict[str, str]  # names of the records the bodies point to (id -> name)


def conflicted_ids(ws: Workspace) -> list[str]:
    with ws.read() as s:
        return list(s.scalars(select(Head.record_id).group_by(Head.record_id)
                              .having(func.count() > 1).order_by(Head.record_id)))


def conflict(ws: Workspace, record_id: str) -> Conflict:
    """Everything a person needs to decide: the heads, their ancestor, the differing fields."""
    with ws.read() as s:
        heads = [revlog.load(s, h) for h in revlog.heads_of(s, record_id)]
        if len(heads) < 2:
            raise errors.RecordMissing(record_id=record_id)
        history = {r.id: r for r in revlog.history(s, record_id)}
        names = queries.record_names(s)
    ancestor = common_ancestor(heads, history)
    keys = sorted({k for h in heads for k in h.body})
    differing = tuple(k for k in keys if len({repr(h.body.get(k)) for h in heads}) > 1)

    def view(rev: Revision) -> RevisionView:
        return RevisionView(rev.id, names.get(rev.author, rev.author), rev.device, rev.wall_time,
                        rev.deleted, rev.body)
    return Conflict(record_id, heads[0].kind, tuple(view(h) for h in heads),
                    view(ancestor) if ancestor else None, differing, names)


def common_ancestor(heads: list[Revision], history: dict[str, Revision]) -> Revision | None:
    """The latest revision that every head descends from (None if they share none)."""
    def ancestors(rev: Revision) -> set[str]:
        seen: set[str] = set()
        stack = list(rev.parents)
        while stack:
            rid = stack.pop()
            if rid not in seen and rid in history:
                seen.add(rid)
                stack.extend(history[rid].parents)
        return seen
    shared = set.intersection(*(ancestors(h) for h in heads))
    if not shared:
        return None
    return max((history[r] for r in shared), key=lambda r: (r.hlc, r.id))


def resolve(ws: Workspace, record_id: str, body: dict[str, Any] | None,
            seen_heads: tuple[str, ...], attachments: tuple[str, ...] | None = None) -> Changes:
    """Write the person's choice over every head they saw; ``body`` None keeps it deleted.

    Attachments default to those of every head seen, so no photo is dropped by resolving.
    If another head arrived after the person looked, the record stays in conflict with it:
    nothing they did not see is overwritten.
    """
    with ws.unit_of_work() as uow:
        heads = revlog.heads_of(uow.session, record_id)
        if not seen_heads or not set(seen_heads) <= set(heads):
            raise errors.RecordMissing(record_id=record_id)
        seen = [revlog.load(uow.session, h) for h in seen_heads]
        if attachments is None:
            attachments = tuple(sorted({a for rev in seen for a in rev.attachments}))
        uow.write(seen[0].kind, record_id, body or {}, parents=tuple(seen_heads),
                  deleted=body is None, attachments=attachments if body is not None else ())
        return uow.changes

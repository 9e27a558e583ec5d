"""Every record's history (who changed what, when, on which device) and deleted records,
so that nothing deleted is ever out of reach."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.services import queries
from desktop.services.conflicts import RevisionView
from desktop.services.workspace import Workspace
from desktop.store import revlog
from desktop.store.models import Head, RevisionRow


@dataclass(frozen=True)
class Deleted:
    record_id: str
    kind: str
    name: str
    last_version: str  # the last revision before the deletion, to restore


def versions(ws: Workspace, record_id: str) -> list[RevisionView]:
    """The record's revisions, oldest first, with authors' names."""
    with ws.read() as s:
        names = queries.record_names(s)
        return [RevisionView(r.id, names.get(r.author, r.author), r.device, r.wall_time, r.deleted,
                         r.body) for r in revlog.history(s, record_id)]


def deleted_records(ws: Workspace) -> list[Deleted]:
    """Records whose every head is a deletion, with the version to bring back."""
    found: list[Deleted] = []
    with ws.read() as s:
        live = select(Head.record_id).join(RevisionRow, RevisionRow.id == Head.revision_id) \
            .where(RevisionRow.deleted.is_(False))
        ids = s.scalars(select(Head.record_id).where(Head.record_id.not_in(live))
                        .group_by(Head.record_id).order_by(func.min(Head.record_id)))
        for record_id in ids:
            kept = [r for r in revlog.history(s, record_id) if not r.deleted]
            if kept:
                last = kept[-1]
                found.append(Deleted(record_id, last.kind, str(last.body.get("name", "")),
                                     last.id))
    return found

"""Which incoming revisions a merge may take: pure rules, no database.

A revision is taken only when its bytes match its id, its envelope is well formed, every
parent is already known or taken (a revision whose history was rejected is rejected too),
its parents belong to the same record, its kind matches the record's kind, its clock is not
ahead of the latest time the source may hold, its body is one this program writes, and every
attachment it names arrived intact. Everything else is rejected with a reason, never dropped
silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from desktop.core.i18n import tr
from desktop.core.revision import Revision, RevisionError, open_envelope


@dataclass
class Selection:
    accepted: list[Revision] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # revision id -> reason


def select(
    incoming: Mapping[str, bytes],
    known_kind: Mapping[str, tuple[str, str]],
    available_blobs: set[str],
    *, latest_clock: str, body_problem: Callable[[Revision], str],
) -> Selection:
    """Decide for each incoming revision (id → envelope bytes) whether to take it.

    ``known_kind`` maps every revision id already in the target to (record id, kind);
    ``available_blobs`` holds the hashes present in the target or verified in the source;
    ``latest_clock`` is the greatest clock value accepted (a written ``hlc.Timestamp``);
    ``body_problem`` gives the reason a body is refused, "" when it is sound.
    """
    out = Selection()
    parsed: dict[str, Revision] = {}
    for rid, data in incoming.items():
        try:
            parsed[rid] = open_envelope(rid, data)
        except RevisionError as e:
            out.rejected[rid] = str(e)
    record_kind = {record: kind for record, kind in known_kind.values()}
    taken: dict[str, tuple[str, str]] = {}
    pending = sorted(parsed.values(), key=lambda r: (r.hlc, r.id))
    progress = True
    while pending and progress:
        progress = False
        waiting: list[Revision] = []
        for rev in pending:
            reason = _problem(rev, known_kind, taken, parsed, out.rejected, record_kind,
                              available_blobs)
            if not reason and rev.hlc > latest_clock:  # written clocks sort as they count
                reason = tr("revision {rid}: its clock ({clock}) is later than the file "
                            "could have been written; check the date and time of the laptops",
                            rid=rev.id, clock=rev.hlc)
            if not reason:
                reason = body_problem(rev)
            if reason == "wait":
                waiting.append(rev)
            elif reason:
                out.rejected[rev.id] = reason
                progress = True
            else:
                taken[rev.id] = (rev.record_id, rev.kind)
                record_kind.setdefault(rev.record_id, rev.kind)
                out.accepted.append(rev)
                progress = True
        pending = waiting
    for rev in pending:  # parents never arrived (a cycle cannot occur with hash ids)
        out.rejected[rev.id] = tr("revision {rid}: a parent revision is missing", rid=rev.id)
    return out


def _problem(
    rev: Revision, known: Mapping[str, tuple[str, str]], taken: Mapping[str, tuple[str, str]],
    parsed: Mapping[str, Revision], rejected: Mapping[str, str],
    record_kind: Mapping[str, str], blobs: set[str],
) -> str:
    for parent in rev.parents:
        owner = known.get(parent) or taken.get(parent)
        if owner is None:
            if parent in rejected:
                return tr("revision {rid}: builds on rejected revision {parent}", rid=rev.id, parent=parent)
            if parent in parsed:
                return "wait"
            return tr("revision {rid}: a parent revision is missing", rid=rev.id)
        if owner != (rev.record_id, rev.kind):
            return tr("revision {rid}: a parent belongs to another record", rid=rev.id)
    if record_kind.get(rev.record_id, rev.kind) != rev.kind:
        return tr("revision {rid}: record {record} already has another kind", rid=rev.id, record=rev.record_id)
    missing = [h for h in rev.attachments if h not in blobs]
    if missing:
        return tr("revision {rid}: attachment {blob} is missing or damaged", rid=rev.id, blob=missing[0])
    return ""

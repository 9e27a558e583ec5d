"""Revisions: the immutable, hash-named changes that make up the evidence store.

A revision's id is the SHA-256 of its canonical envelope, so anyone can re-check that a
revision is exactly what its author wrote and that nothing was altered on the way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from desktop.core import canonical, hlc
from desktop.core.i18n import tr

ENVELOPE_KEYS = (
    "attachments", "author", "body", "deleted", "device", "hlc",
    "kind", "parents", "record_id", "wall_time",
)
_KEY_SET = frozenset(ENVELOPE_KEYS)


class RevisionError(ValueError):
    """An envelope that is malformed or whose id does not match its bytes."""


@dataclass(frozen=True)
class Revision:
    kind: str
    record_id: str
    parents: tuple[str, ...]
    author: str
    device: str
    hlc: str
    wall_time: str
    deleted: bool
    body: dict[str, Any]
    attachments: tuple[str, ...] = ()
    id: str = field(default="", compare=False)
    envelope: bytes = field(default=b"", repr=False, compare=False)
    # The body as read where its restricted part is not for this laptop (core.visibility).
    withheld: bool = field(default=False, compare=False)

    def as_envelope(self) -> dict[str, Any]:
        return {
            "attachments": sorted(set(self.attachments)),
            "author": self.author,
            "body": self.body,
            "deleted": self.deleted,
            "device": self.device,
            "hlc": self.hlc,
            "kind": self.kind,
            "parents": sorted(set(self.parents)),
            "record_id": self.record_id,
            "wall_time": self.wall_time,
        }


def seal(draft: Revision) -> Revision:
    """Return ``draft`` with its canonical envelope and id filled in."""
    env = draft.as_envelope()
    data = canonical.canonical_bytes(env)
    return Revision(
        kind=draft.kind,
        record_id=draft.record_id,
        parents=tuple(env["parents"]),
        author=draft.author,
        device=draft.device,
        hlc=draft.hlc,
        wall_time=draft.wall_time,
        deleted=draft.deleted,
        body=draft.body,
        attachments=tuple(env["attachments"]),
        id=hashlib.sha256(data).hexdigest(),
        envelope=data,
    )


def open_envelope(revision_id: str, data: bytes) -> Revision:
    """Parse envelope bytes from anywhere, checking the hash and the canonical form.

    Raises RevisionError naming the revision when anything does not match.
    """
    if hashlib.sha256(data).hexdigest() != revision_id:
        raise RevisionError(tr("revision {rid}: hash does not match its content",
                               rid=revision_id))
    try:
        text = data.decode("utf-8")
        env = canonical.parse(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        raise RevisionError(tr("revision {rid}: not valid JSON ({detail})",
                               rid=revision_id, detail=exc)) from None
    if not isinstance(env, dict) or env.keys() != _KEY_SET:
        raise RevisionError(tr("revision {rid}: envelope keys are wrong", rid=revision_id))
    if not canonical.is_canonical(env, text):
        raise RevisionError(tr("revision {rid}: envelope is not in canonical form",
                               rid=revision_id))
    if not isinstance(env["body"], dict) or not isinstance(env["deleted"], bool):
        raise RevisionError(tr("revision {rid}: body or deleted flag has the wrong type",
                               rid=revision_id))
    if not _well_typed(env):
        raise RevisionError(tr("revision {rid}: a field of its envelope has the wrong type "
                               "or form", rid=revision_id))
    return _revision(revision_id, data, env)


def _well_typed(env: dict) -> bool:
    """Text where text belongs, lists of text for links, and a clock value that parses."""
    # Spelled out rather than looped: it runs for every revision a merge reads.
    if not (type(env["author"]) is str and type(env["device"]) is str
            and type(env["kind"]) is str and type(env["record_id"]) is str
            and type(env["wall_time"]) is str and type(clock := env["hlc"]) is str
            and hlc.WRITTEN.fullmatch(clock)):
        return False
    parents, attachments = env["parents"], env["attachments"]
    return (type(parents) is list and type(attachments) is list
            and all(type(p) is str for p in parents)
            and all(type(a) is str for a in attachments))


def read_stored(revision_id: str, data: bytes) -> Revision:
    """Parse an envelope that this database already verified when it was stored.

    For rebuilding caches only; ``check`` and merges use ``open_envelope``.
    """
    return _revision(revision_id, data, canonical.parse(data))


def _revision(revision_id: str, data: bytes, env: dict) -> Revision:
    # Filled in directly rather than through the frozen dataclass's __init__ (one
    # object.__setattr__ per field), a quarter of the time of opening an envelope.
    rev = object.__new__(Revision)
    vars(rev).update(
        kind=env["kind"],
        record_id=env["record_id"],
        parents=tuple(env["parents"]),
        author=env["author"],
        device=env["device"],
        hlc=env["hlc"],
        wall_time=env["wall_time"],
        deleted=env["deleted"],
        body=env["body"],
        attachments=tuple(env["attachments"]),
        id=revision_id,
        envelope=data,
    )
    return rev

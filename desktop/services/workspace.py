"""The open database of one inspector on one laptop, and its unit of work.

A ``Workspace`` knows who is writing (inspector and device) and keeps the hybrid logical
clock. ``Workspace.unit_of_work`` is the one way services change data: every revision written
in the block, with its heads and current rows, is committed together or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import errors, hlc, kinds, visibility
from desktop.core.ids import uuid7
from desktop.core.registers import FindingLocked
from desktop.core.revision import Revision, seal
from desktop.services import batches, identity, restricted
from desktop.store import database, revlog
from desktop.store.models import DeviceRow, LocalIdentity, LocalState, RevisionRow


@dataclass(frozen=True)
class Actor:
    inspector_id: str
    device_id: str


@dataclass
class Changes:
    """What a service changed: record ids by effect, and the revisions written."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.revisions)


class UnitOfWork:
    """Writes revisions inside one transaction on behalf of the workspace's actor."""

    def __init__(self, ws: Workspace, session: Session) -> None:
        self.ws = ws
        self.session = session
        self.changes = Changes()
        self.actor: Actor = ws.actor  # type: ignore[assignment]  # checked by unit_of_work
        state = session.get(LocalState, "hlc")
        self._clock = hlc.Timestamp.parse(state.value) if state else hlc.ZERO
        self.recipients = restricted.Recipients()

    def new_id(self) -> str:
        return uuid7(self.ws.now_ms(), self.ws.random_bytes)

    def write(
        self, kind: str, record_id: str | None, body: dict[str, Any], *,
        parents: tuple[str, ...] | None = None, deleted: bool = False,
        attachments: tuple[str, ...] = (),
        renumbering: bool = False,
    ) -> Revision:
        """Write one revision.

        A new record has ``record_id`` None (or its chosen id with ``parents=()``); an edit
        with ``parents`` None follows the record's current heads. A signed-off finding is
        locked: no write of any kind touches it (a delete, a restored version, an attachment)
        except giving it a new number (``renumbering``); it changes through amendments.
        """
        clean = body if deleted else kinds.validate(kind, body)
        if parents is None and record_id is not None:
            parents = self._edit_parents(record_id)
        parents = parents or ()
        if kind == "finding" and not renumbering:
            self._refuse_locked(parents)
        creating = not parents
        record_id = record_id or self.new_id()
        for parent in parents:
            row = self.session.get(RevisionRow, parent)
            if row is None or row.record_id != record_id or row.kind != kind:
                raise errors.RecordMissing(record_id=record_id)
        if not deleted and visibility.rule(kind, clean, restricted.forms_shipped()):
            followed = [revlog.load(self.session, parent) for parent in parents]
            for parent in followed:  # what this laptop cannot read, it cannot carry on either
                restricted.refuse_withheld(parent)
            clean, attachments = restricted.protect(
                self.session, kind, record_id, self.actor.inspector_id, self.actor.device_id,
                self.encryption_public(), clean, self.recipients, self.ws.random_bytes,
                attachments, followed[0] if followed else None)
        now = self.ws.now_ms()
        self._clock = hlc.tick(self._clock, now)
        rev = seal(Revision(
            kind=kind, record_id=record_id, parents=parents,
            author=self.actor.inspector_id, device=self.actor.device_id,
            hlc=str(self._clock),
            wall_time=dt.datetime.fromtimestamp(now / 1000, dt.UTC)
            .isoformat(timespec="milliseconds"),
            deleted=deleted, body=clean, attachments=attachments,
        ))
        revlog.append(self.session, [rev])
        revlog.refresh(self.session, [record_id])
        self.session.merge(LocalState(key="hlc", value=str(self._clock)))
        target = (self.changes.created if creating else
                  self.changes.deleted if deleted else self.changes.updated)
        target.append(record_id)
        self.changes.revisions.append(rev.id)
        self.changes.kinds.add(kind)
        return rev

    def encryption_public(self) -> str:
        """This device's encryption key, as its device record publishes it."""
        return identity.encryption_public(
            self.ws._signing_key(self.session, self.actor.device_id))

    def _refuse_locked(self, parents: tuple[str, ...]) -> None:
        for parent in parents:
            body = revlog.load(self.session, parent).body
            if body.get("status") == "signed_off":
                raise FindingLocked(number=body.get("number") or "")

    def _edit_parents(self, record_id: str) -> tuple[str, ...]:
        """An ordinary edit builds on the head the user sees. In a conflict the other heads
        stay, so the conflict waits for a person instead of being ended by any edit."""
        heads = revlog.heads_of(self.session, record_id)
        if not heads:
            raise errors.RecordMissing(record_id=record_id)
        if len(heads) == 1:
            return (heads[0],)
        shown = revlog.shown_head([revlog.load(self.session, h) for h in heads])
        return (shown.id,) if shown else tuple(heads)  # every head deleted: build on all

    def current(self, record_id: str) -> Revision:
        """The head shown for a record (raises when it does not exist or is deleted)."""
        heads = [revlog.load(self.session, h) for h in revlog.heads_of(self.session, record_id)]
        shown = revlog.shown_head(heads)
        if shown is None:
            raise errors.RecordMissing(record_id=record_id)
        return shown


class Workspace:
    def __init__(
        self, db: database.Database, actor: Actor | None, *,
        now_ms: Callable[[], int] | None = None,
        random_bytes: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self.db = db
        self.actor = actor
        self.now_ms = now_ms or (lambda: int(time.time() * 1000))
        self.random_bytes = random_bytes
        self._keys: dict[bytes, ec.EllipticCurvePrivateKey] = {}  # by encrypted PEM
        restricted.install(db)

    @property
    def path(self) -> Path:
        return self.db.path

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """A transaction writing as the actor; what it wrote is signed as one batch."""
        if self.actor is None:
            raise errors.NoIdentity(path=self.path)
        with self.db.session() as session:
            uow = UnitOfWork(self, session)
            yield uow
            if uow.changes.revisions:
                batches.sign(session, uow.actor.device_id, uow.changes.revisions,
                             self._signing_key(session, uow.actor.device_id))

    def _signing_key(self, session: Session, device_id: str) -> ec.EllipticCurvePrivateKey:
        session.flush()  # the identity may have been written in this very unit of work
        ident = session.get(LocalIdentity, device_id)
        if ident is None:
            raise errors.NoIdentity(path=self.path)
        key = self._keys.get(ident.private_key_pem)
        if key is None:
            key = self._keys[ident.private_key_pem] = identity.load_private_key(
                ident.private_key_pem, self.db.passphrase)
        return key

    def read(self) -> Session:
        return self.db.read()

    def close(self) -> None:
        self.db.close()


def open_workspace(path: Path, passphrase: str, **options: Any) -> Workspace:
    """Open a database and the identity of the inspector working on this laptop.

    A database made by merging has no identity: it can be read and merged into, and any
    other change is refused with a clear message.
    """
    db = database.open_database(Path(path), passphrase)
    with db.read() as session:
        ident = session.scalars(select(LocalIdentity)).first()
    actor = Actor(ident.inspector_id, ident.device_id) if ident else None
    ws = Workspace(db, actor, **options)
    if actor is not None:
        _sign_own_revisions(ws, actor)
        _publish_encryption_key(ws, actor)
    return ws


def _publish_encryption_key(ws: Workspace, actor: Actor) -> None:
    """Once, on a device made before content was encrypted to devices: publish its key."""
    with ws.read() as s:
        row = s.get(DeviceRow, actor.device_id)
        if row is None or row.encryption_key:
            return
    with ws.unit_of_work() as uow:
        uow.write("device", actor.device_id, {
            "inspector_id": row.inspector_id, "certificate": row.certificate,
            "encryption_key": uow.encryption_public()})


def _sign_own_revisions(ws: Workspace, actor: Actor) -> None:
    """Once, after the upgrade to signed batches: sign what this laptop wrote before."""
    with ws.db.session() as session:
        if session.get(LocalState, database.UNSIGNED_KEY) is None:
            return
        mine = list(session.scalars(select(RevisionRow.id).where(
            RevisionRow.device == actor.device_id)))
        if mine:
            batches.sign(session, actor.device_id, mine,
                         ws._signing_key(session, actor.device_id))
        session.delete(session.get(LocalState, database.UNSIGNED_KEY))

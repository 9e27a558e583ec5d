"""User actions on the round: create a database, add and edit districts, towns, villages,
inspectors; delete and restore records; attach files.

Each function is one user action: one unit of work, returning the ``Changes`` it made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from desktop.core import errors, kinds
from desktop.core.ids import uuid7
from desktop.services import batches, identity, restricted
from desktop.services.workspace import Actor, Changes, UnitOfWork, Workspace
from desktop.store import database, revlog
from desktop.store.models import LocalIdentity, LocalState, RoundRow


@dataclass(frozen=True)
class NewRound:
    """What the first-run form asks for."""

    round_name: str
    year: int
    team_name: str
    inspector_name: str
    role: str


def create_database(
    path: Path, passphrase: str, new: NewRound, *, workspace_options: dict | None = None,
    key_seed: bytes | None = None,
) -> tuple[Workspace, Changes]:
    """Create an encrypted database holding a round, a team and the creating inspector.

    The inspector gets a device id and a signing key; the key never leaves this file.
    """
    # Check the form before a file is created; the ids are filled in later.
    kinds.validate("round", {"name": new.round_name, "year": new.year})
    kinds.validate("team", {"name": new.team_name, "round_id": "-"})
    kinds.validate("inspector", {"name": new.inspector_name, "role": new.role, "team_id": "-"})
    path = Path(path)
    if path.exists():
        raise errors.FileExists(path=path)
    # Built under a temporary name and renamed when whole: a crash leaves no database that
    # would block a second try or open as an empty round.
    building = path.with_name(path.name + ".partial")
    database.remove_files(building)  # left by a creation that was interrupted
    db = database.create(building, passphrase, building=True)
    try:
        ws = Workspace(db, Actor("", ""), **(workspace_options or {}))
        ws.actor = Actor(inspector_id=uuid7(ws.now_ms(), ws.random_bytes),
                         device_id=uuid7(ws.now_ms(), ws.random_bytes))
        changes = _found_round(ws, passphrase, new, key_seed)
        actor = ws.actor
        database.publish(db, path)
    except BaseException:
        db.close()
        database.remove_files(building)
        raise
    ws = Workspace(database.open_database(path, passphrase), actor,
                   **(workspace_options or {}))
    return ws, changes


def _found_round(ws: Workspace, passphrase: str, new: NewRound, key_seed: bytes | None
                 ) -> Changes:
    now = dt.datetime.fromtimestamp(ws.now_ms() / 1000, dt.UTC)
    keys = identity.new_key_material(new.inspector_name, new.team_name, passphrase,
                                     now=now, seed=key_seed)
    with ws.unit_of_work() as uow:
        round_ = uow.write("round", None, {"name": new.round_name, "year": new.year})
        team = uow.write("team", None, {"name": new.team_name, "round_id": round_.record_id})
        uow.write("inspector", uow.actor.inspector_id, {
            "name": new.inspector_name, "role": new.role, "team_id": team.record_id},
            parents=())
        register_device(uow, keys)
        return uow.changes


def register_device(uow: UnitOfWork, keys: identity.KeyMaterial) -> None:
    """Make ``uow``'s actor the local identity of this file, with its key pair."""
    uow.session.execute(delete(LocalIdentity))
    # A new device starts its own chain of signed batches.
    uow.session.execute(delete(LocalState).where(LocalState.key == batches.HEAD_KEY))
    uow.session.add(LocalIdentity(
        device_id=uow.actor.device_id, inspector_id=uow.actor.inspector_id,
        private_key_pem=keys.private_key_pem, certificate_pem=keys.certificate_pem))
    uow.ws.db.opener = restricted.Opener(uow.ws.db.passphrase)  # forget any earlier device
    uow.write("device", uow.actor.device_id, {
        "inspector_id": uow.actor.inspector_id,
        "certificate": keys.certificate_pem.decode("ascii"),
        "encryption_key": uow.encryption_public()}, parents=())


def round_id(uow: UnitOfWork) -> str:
    rid = uow.session.scalar(select(RoundRow.id).order_by(RoundRow.hlc))
    if rid is None:
        raise errors.RecordMissing(record_id="round")
    return rid


def add_inspector(ws: Workspace, name: str, role: str, team_id: str) -> Changes:
    with ws.unit_of_work() as uow:
        uow.write("inspector", None, {"name": name, "role": role, "team_id": team_id})
        return uow.changes


def add_district(ws: Workspace, name: str) -> Changes:
    with ws.unit_of_work() as uow:
        uow.write("district", None, {"name": name, "round_id": round_id(uow)})
        return uow.changes


def add_town(ws: Workspace, name: str, district_id: str) -> Changes:
    with ws.unit_of_work() as uow:
        uow.write("town", None, {"name": name, "district_id": district_id})
        return uow.changes


def add_village(ws: Workspace, name: str, town_id: str) -> Changes:
    with ws.unit_of_work() as uow:
        uow.write("village", None, {"name": name, "town_id": town_id})
        return uow.changes


def rename(ws: Workspace, record_id: str, name: str, seen_head: str | None = None) -> Changes:
    """Rename a record; ``seen_head`` is the revision the user was looking at."""
    with ws.unit_of_work() as uow:
        if seen_head:
            base = revlog.load(uow.session, seen_head)
            # Not necessarily a head any more: then the edit branches and shows as a conflict.
            if base.record_id != record_id or base.deleted:
                raise errors.RecordMissing(record_id=record_id)
        else:
            base = uow.current(record_id)
        uow.write(base.kind, record_id, {**base.body, "name": name}, parents=(base.id,),
                  attachments=base.attachments)
        return uow.changes


def delete_record(ws: Workspace, record_id: str) -> Changes:
    """Delete a record: a revision marked deleted, which can be undone from its history.
    Only the inspector who created it, or the leader of their team, deletes it."""
    with ws.unit_of_work() as uow:
        current = uow.current(record_id)
        restricted.refuse_deletion(uow.session, record_id, uow.actor.inspector_id)
        uow.write(current.kind, record_id, {}, deleted=True)
        return uow.changes


def restore_record(ws: Workspace, record_id: str, revision_id: str) -> Changes:
    """Bring back the body of an earlier revision as a new revision on top of the heads."""
    with ws.unit_of_work() as uow:
        old = revlog.load(uow.session, revision_id)
        if old.record_id != record_id or old.deleted:
            raise errors.RecordMissing(record_id=record_id)
        restricted.refuse_withheld(old)  # its restricted part is not here to bring back
        uow.write(old.kind, record_id, old.body, attachments=old.attachments)
        return uow.changes


def attach(ws: Workspace, record_id: str, data: bytes) -> Changes:
    """Attach a file (photo, scan) to a record; identical files are stored once."""
    with ws.unit_of_work() as uow:
        current = uow.current(record_id)
        digest = revlog.put_blob(uow.session, data)
        uow.write(current.kind, record_id, current.body,
                  attachments=tuple(set(current.attachments) | {digest}))
        return uow.changes

"""Joining a round from the leader's exchange file: a member's laptop starts from the team's base.

The new database is the merge of the exchange file (every revision checked, as in any merge);
then this laptop gets its own identity: the inspector the leader already put on the roster
under the same name, or a new inspector of the leader's team, with a new device and key pair.
If anything fails, the half-made file is removed: joining is all or nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from desktop.core import errors, kinds
from desktop.core.i18n import N_, tr
from desktop.core.ids import uuid7
from desktop.services import identity, merge
from desktop.services.roster import register_device
from desktop.services.workspace import Actor, Workspace
from desktop.store import database
from desktop.store.models import InspectorRow, TeamRow


class NotARound(errors.XunchaError):
    message = N_("{path} holds no round to join")


def join_round(path: Path, passphrase: str, exchange_file: Path, exchange_passphrase: str,
               name: str, role: str = "member") -> tuple[Workspace, bool]:
    """Create ``path`` from the exchange file and make this laptop ``name``'s.

    Returns the open workspace and whether ``name`` was already on the roster.
    """
    path = Path(path)
    kinds.validate("inspector", {"name": name, "role": role, "team_id": "-"})
    if len(passphrase) < database.MIN_PASSPHRASE:
        raise errors.PassphraseTooShort(n=database.MIN_PASSPHRASE)
    if path.exists():
        raise errors.FileExists(path=path)
    try:
        report = merge.merge(path, passphrase, [Path(exchange_file)],
                             exchange_passphrase=exchange_passphrase)
        refused = [s.error for s in report.sources if s.error]
        if refused or not path.exists():
            raise NotARound(detail=refused[0] if refused else "", path=exchange_file)
        return _take_identity(path, passphrase, name.strip(), role)
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise


def _take_identity(path: Path, passphrase: str, name: str, role: str) -> tuple[Workspace, bool]:
    db = database.open_database(path, passphrase)
    try:
        ws = Workspace(db, None)
        with ws.read() as s:
            known = list(s.scalars(select(InspectorRow).where(InspectorRow.name == name)))
            teams = list(s.scalars(select(TeamRow).order_by(TeamRow.hlc)))
            leader_team = s.scalar(select(InspectorRow.team_id).where(
                InspectorRow.role == "leader").order_by(InspectorRow.hlc))
        if not teams:
            raise NotARound(path=path)
        if len(known) > 1:
            raise errors.XunchaError(tr("{name} is on the roster more than once; ask the "
                                        "leader to correct the roster first", name=name))
        inspector_id = known[0].id if known else uuid7(ws.now_ms(), ws.random_bytes)
        team_id = known[0].team_id if known else (leader_team or teams[0].id)
        team_name = next(t.name for t in teams if t.id == team_id)
        ws.actor = Actor(inspector_id, uuid7(ws.now_ms(), ws.random_bytes))
        keys = identity.new_key_material(name, team_name, passphrase,
                                         now=dt.datetime.fromtimestamp(ws.now_ms() / 1000,
                                                                       dt.UTC))
        with ws.unit_of_work() as uow:
            if not known:
                uow.write("inspector", inspector_id,
                          {"name": name, "role": role, "team_id": team_id}, parents=())
            register_device(uow, keys)
        return ws, bool(known)
    except BaseException:
        db.close()
        raise

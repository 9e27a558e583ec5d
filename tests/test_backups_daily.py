"""The automatic backup of each day a database is used: one per day, a few kept, restorable."""

from __future__ import annotations

import datetime as dt

from desktop.services import backups, roster
from desktop.store import database
from tests.conftest import PASSPHRASE


def test_one_backup_a_day_and_only_the_newest_kept(workspace):
    db = workspace.db
    made = [backups.daily_backup(db, dt.date(2026, 5, day), keep=3) for day in range(1, 6)]
    assert all(p is not None for p in made)
    assert backups.daily_backup(db, dt.date(2026, 5, 5), keep=3) is None  # same day: nothing
    kept = sorted(p.name for p in db.path.parent.glob("*.daily-*.bak"))
    assert kept == [f"round.db.daily-2026050{d}.bak" for d in (3, 4, 5)]
    assert database.probe(made[-1], PASSPHRASE) == database.SCHEMA_VERSION
    assert made[-1] in backups.backups(db.path)


def test_a_daily_backup_restores_the_day_before(workspace, db_path):
    backup = backups.daily_backup(workspace.db, dt.date(2026, 5, 1))
    roster.add_district(workspace, "新北区")
    workspace.close()
    kept = backups.restore_backup(db_path, backup, PASSPHRASE)
    assert kept.exists()
    from desktop.services import queries
    from desktop.services.workspace import open_workspace
    ws = open_workspace(db_path, PASSPHRASE)
    try:
        assert all(d.name != "新北区" for d in queries.round_tree(ws))
    finally:
        ws.close()

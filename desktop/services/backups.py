"""Backups of a database beside it (each day it is used, before a merge, before a restore) and
restoring one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from desktop.store import database


def unique_backup_path(target: Path, what: str) -> Path:
    """``TARGET.<what>-<time>.bak``, never the name of an existing file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = target.with_name(f"{target.name}.{what}-{stamp}.bak")
    n = 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        n += 1
        path = target.with_name(f"{target.name}.{what}-{stamp}-{n}.bak")
    return path


DAILY_KEPT = 5


def backups(target: Path) -> list[Path]:
    """Every backup of ``target`` (daily, before a merge, before a restore), newest first."""
    target = Path(target)
    return sorted(target.parent.glob(f"{target.name}.*.bak"),
                  key=lambda p: p.stat().st_mtime, reverse=True)


def daily_backup(db: database.Database, today: dt.date | None = None,
                 keep: int = DAILY_KEPT) -> Path | None:
    """The first time a database is used on a day, snapshot it beside itself
    (``NAME.daily-YYYYMMDD.bak``) and keep only the ``keep`` newest daily snapshots.
    Returns the new backup, or None when today's exists already."""
    today = today or dt.date.today()
    path = db.path.with_name(f"{db.path.name}.daily-{today:%Y%m%d}.bak")
    if path.exists():
        return None
    database.backup_copy(db, path)
    daily = sorted(db.path.parent.glob(f"{db.path.name}.daily-*.bak"), reverse=True)
    for old in daily[keep:]:
        old.unlink(missing_ok=True)
    return path


def restore_backup(target: Path, backup: Path, passphrase: str) -> Path:
    """Put ``backup`` back in place of ``target`` (which must be closed).

    The current file is kept beside it first, so a restore can itself be undone.
    """
    target, backup = Path(target), Path(backup)
    database.probe(backup, passphrase)  # refuse a backup that cannot be opened
    kept = unique_backup_path(target, "before-restore")
    staging = target.with_name(target.name + ".restoring")
    with database.translated_errors(target):
        shutil.copyfile(target, kept)
        shutil.copyfile(backup, staging)
        for side in ("-wal", "-shm"):  # belonged to the closed file being replaced
            target.with_name(target.name + side).unlink(missing_ok=True)
        os.replace(staging, target)
    return kept

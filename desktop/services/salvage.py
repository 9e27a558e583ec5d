"""Salvage a damaged database into a new file, losing nothing that verifies.

A damaged page (a disk error, a laptop that lost power mid-write) makes SQLite stop at the
first read that touches it. Every revision is addressed by its hash, so what can be read can
be trusted: the log is read range by range of revision ids (a damaged page loses only the
ranges whose rows it holds), every envelope is checked against its id, a revision is kept only
with all its ancestors, every file against its digest. The laptop's identity, the signed
batches and the local state are copied where they read. The current rows are then rebuilt
from the log, as a merge builds them. The damaged file is only read.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.core.revision import Revision, RevisionError, open_envelope
from desktop.services import backups
from desktop.services.merge import DIGEST_KEY
from desktop.store import database, revlog
from desktop.store.models import BatchRow, Blob, LocalIdentity, LocalState

_RANGES = 4096  # id ranges by their first three hex digits
# What a read of a damaged page raises: SQLCipher reports a page that fails its HMAC check
# as out of memory.
_DAMAGE = (sqlcipher3.DatabaseError, MemoryError)


@dataclass
class Salvaged:
    revisions: int = 0  # kept in the new file
    unreadable_ranges: int = 0  # id ranges a damaged page hid
    refused: int = 0  # read, but not intact, or an ancestor or a file is lost
    files: int = 0
    identity: bool = False  # this laptop's signing identity came across
    lost: list[str] = field(default_factory=list)  # what did not, for the report


class NothingIntact(errors.XunchaError):
    message = N_("Not one revision of {path} reads intact: nothing was written. Use a backup "
                 "or another laptop's copy")


@dataclass
class _Found:
    report: Salvaged
    revisions: list[Revision]
    files: dict[str, bytes]
    batches: list[tuple]
    identity: list[tuple]
    state: list[tuple]


def survey(damaged: Path, passphrase: str) -> Salvaged:
    """What a salvage of ``damaged`` would keep and lose; nothing is written."""
    found = _read(Path(damaged), passphrase)
    found.report.revisions, found.report.files = len(found.revisions), len(found.files)
    found.report.identity = bool(found.identity)
    return found.report


def salvage(damaged: Path, passphrase: str, out: Path,
            progress: Callable[[str], None] = lambda _m: None) -> Salvaged:
    """Copy everything of ``damaged`` that verifies into the new database ``out``."""
    damaged, out = Path(damaged), Path(out)
    if out.exists():
        raise errors.FileExists(path=out)
    progress(tr("Reading what can still be read"))
    found = _read(damaged, passphrase)
    if not found.revisions:
        raise NothingIntact(path=damaged)
    progress(tr("Writing the new database"))
    partial = out.with_name(out.name + ".partial")  # until it is whole
    database.remove_files(partial)
    db = database.create(partial, passphrase, building=True)
    try:
        with db.session() as s:
            if found.files:
                s.execute(Blob.__table__.insert(), [
                    {"hash": h, "size": len(d), "data": d} for h, d in sorted(found.files.items())])
            revlog.append(s, found.revisions)
            if found.batches:
                s.execute(BatchRow.__table__.insert(), [
                    dict(zip(("hash", "device", "payload", "signature"), r, strict=True))
                    for r in found.batches])
            if found.identity:
                s.execute(LocalIdentity.__table__.insert(), [
                    dict(zip(("device_id", "inspector_id", "private_key_pem",
                              "certificate_pem"), r, strict=True)) for r in found.identity])
            if state := [(k, v) for k, v in found.state if k != DIGEST_KEY]:
                # (the digest kept for the next merge is of the log as it was, not this one)
                s.execute(LocalState.__table__.insert(), [
                    {"key": k, "value": v} for k, v in state])
            revlog.refresh(s, {rev.record_id for rev in found.revisions})
        database.publish(db, out)
    except BaseException:
        db.close()
        database.remove_files(partial)
        raise
    report = found.report
    report.revisions, report.files = len(found.revisions), len(found.files)
    report.identity = bool(found.identity)
    return report


def clean_backup(path: Path, passphrase: str) -> Path | None:
    """The newest backup beside ``path`` whose every page and revision checks clean."""
    for backup in backups.backups(path):
        try:
            with _reading(backup, passphrase) as conn:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    continue
            found = survey(backup, passphrase)
        except (errors.XunchaError, *_DAMAGE):
            continue
        if not (found.unreadable_ranges or found.refused or found.lost):
            return backup
    return None


def _read(damaged: Path, passphrase: str) -> _Found:
    report = Salvaged()
    with _reading(damaged, passphrase) as conn:
        revisions = _revisions(conn, report)
        files = _files(conn, report)
        kept = _with_ancestors(revisions, files)
        report.refused += len(revisions) - len(kept)
        batches = _rows(conn, "SELECT hash, device, payload, signature FROM revision_batch",
                        report, tr("signed batches"))
        identity = _rows(conn, "SELECT device_id, inspector_id, private_key_pem, "
                               "certificate_pem FROM local_identity", report,
                         tr("this laptop's identity"))
        state = _rows(conn, "SELECT key, value FROM local_state", report, tr("local state"))
    return _Found(report, kept, files, batches, identity, state)


@contextlib.contextmanager
def _reading(path: Path, passphrase: str) -> Iterator[sqlcipher3.Connection]:
    with database.translated_errors(path):
        database.check_file(path)
        key = database.file_key(passphrase, database.salt_of(path))
        database._probe(path, key)  # the passphrase is right and page 1 reads
        conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute(f'PRAGMA key = "{key}"')
        yield conn
    finally:
        conn.close()


def _revisions(conn: sqlcipher3.Connection, report: Salvaged) -> list[Revision]:
    out = []
    for low, high in _id_ranges():
        try:
            rows = conn.execute("SELECT id, envelope FROM revision WHERE id >= ? AND id < ?",
                                (low, high)).fetchall()
        except _DAMAGE:
            report.unreadable_ranges += 1
            continue
        for rid, envelope in rows:
            try:
                out.append(open_envelope(rid, envelope))
            except (RevisionError, TypeError, ValueError):
                report.refused += 1
    return out


def _id_ranges() -> Iterator[tuple[str, str]]:
    for n in range(_RANGES):
        yield f"{n:03x}", f"{n + 1:03x}" if n + 1 < _RANGES else "g"


def _with_ancestors(revisions: list[Revision], files: dict[str, bytes]) -> list[Revision]:
    """The revisions whose parents and files are all kept, parents first."""
    kept: dict[str, Revision] = {}
    pending = sorted(revisions, key=lambda r: (r.hlc, r.id))
    moved = True
    while pending and moved:
        moved, rest = False, []
        for rev in pending:
            if all(p in kept for p in rev.parents) and all(h in files for h in rev.attachments):
                kept[rev.id] = rev
                moved = True
            else:
                rest.append(rev)
        pending = rest
    return list(kept.values())


def _files(conn: sqlcipher3.Connection, report: Salvaged) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for low, high in _id_ranges():
        try:
            rows = conn.execute("SELECT hash, data FROM blob WHERE hash >= ? AND hash < ?",
                                (low, high)).fetchall()
        except _DAMAGE:
            report.unreadable_ranges += 1
            continue
        for digest, data in rows:
            if isinstance(data, bytes) and hashlib.sha256(data).hexdigest() == digest:
                out[digest] = data
    return out


def _rows(conn: sqlcipher3.Connection, query: str, report: Salvaged, what: str) -> list[tuple]:
    try:
        return [tuple(r) for r in conn.execute(query).fetchall()]
    except _DAMAGE:
        report.lost.append(what)
        return []

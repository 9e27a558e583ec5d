"""The revision log: appending revisions, blobs, heads, materialised tables, digest, checks.

Everything here runs inside the caller's transaction (a SQLAlchemy ``Session``), so a user
action writes its revisions, heads and current rows together or not at all.

A body with an encrypted restricted part (core.visibility) is read through the session's
opener (``Database.opener``): decrypted where this laptop may read it, otherwise without it and
marked ``withheld``, which is how the current rows hold it too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Connection, Select, delete, func, insert, select, text
from sqlalchemy.orm import Session

from desktop.core.i18n import tr
from desktop.core.merkle import state_digest
from desktop.core.revision import Revision, RevisionError, open_envelope, read_stored
from desktop.core.visibility import SEALED, withheld
from desktop.store.database import OPENER
from desktop.store.models import (
    MATERIALISED,
    Blob,
    Current,
    Head,
    RevisionAttachment,
    RevisionParent,
    RevisionRow,
)


def put_blob(session: Session, data: bytes) -> str:
    """Store ``data`` once under its SHA-256 and return the hash."""
    digest = hashlib.sha256(data).hexdigest()
    session.execute(
        insert(Blob).prefix_with("OR IGNORE").values(hash=digest, size=len(data), data=data)
    )
    return digest


def get_blob(session: Session, digest: str) -> bytes | None:
    return session.scalar(select(Blob.data).where(Blob.hash == digest))


def append(session: Session, revisions: Iterable[Revision]) -> set[str]:
    """Insert sealed revisions (already hash-checked) and return the touched record ids.

    Revisions already present are skipped, so appending is idempotent.
    """
    revs = list(revisions)
    # Plain DBAPI executemany: a merge appends 100,000 rows, and SQLAlchemy's per-row
    # parameter handling would cost as much as SQLite's own work.
    conn = session.connection()
    for table, rows in _log_rows(revs).items():
        if rows:
            conn.exec_driver_sql(_insert(f"OR IGNORE INTO {table}", _LOG[table]), rows)
    return {r.record_id for r in revs}


# The log's tables, in the order foreign keys need, with the columns ``_log_rows`` fills.
_LOG = {"revision": ("id", "kind", "record_id", "author", "device", "hlc", "wall_time",
                     "deleted", "envelope"),
        "revision_parent": ("revision_id", "parent_id"),
        "revision_attachment": ("revision_id", "blob_hash")}


def _log_rows(revs: list[Revision]) -> dict[str, list[tuple]]:
    return {
        "revision": [(r.id, r.kind, r.record_id, r.author, r.device, r.hlc, r.wall_time,
                      r.deleted, r.envelope) for r in revs],
        # In key order, the primary key's index grows at its end: a fifth faster in bulk.
        "revision_parent": sorted((r.id, p) for r in revs for p in r.parents),
        "revision_attachment": [(r.id, h) for r in revs for h in r.attachments],
    }


def _insert(into: str, columns: tuple[str, ...]) -> str:
    return f"INSERT {into} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class Appender:
    """Appends revisions batch after batch in the caller's transaction, SQLite's share of
    the work in a thread while the caller verifies the next batch (a merge: 100,000
    revisions from several sources).

    A batch is first copied into temporary tables: quick, but each row needs the GIL. It is
    then moved into the log by one statement per table, which SQLite runs without the GIL.
    Temporary tables are not encrypted, so where they would not stay in memory the batches
    are appended directly. Use it as a context manager, and nothing else on the session
    inside the block.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.conn = session.connection()
        self.moving: Future[None] | None = None

    def __enter__(self) -> Appender:
        self.staged = _temp_tables_in_memory(self.conn)
        self.mover = ThreadPoolExecutor(1)
        for table, columns in _LOG.items() if self.staged else ():
            self.conn.exec_driver_sql(f"CREATE TEMP TABLE staged_{table} ({', '.join(columns)})")
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        self.mover.shutdown()  # waits for a move under way
        if error is None and self.staged:  # else the rollback drops the staged tables
            self.wait()
            for table in _LOG:
                self.conn.exec_driver_sql(f"DROP TABLE temp.staged_{table}")

    def add(self, revisions: list[Revision], blobs: Iterable[bytes] = (),
            signed: Iterable[tuple[str, str, bytes, bytes]] = ()) -> None:
        """Append ``revisions``, after ``blobs`` (the attachments they bring) and the
        ``signed`` batches (hash, device, payload, signature) that cover them."""
        self.wait()
        if rows := [(hashlib.sha256(data).hexdigest(), len(data), data) for data in blobs]:
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO blob (hash, size, data) VALUES (?, ?, ?)", rows)
        if rows := list(signed):
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO revision_batch (hash, device, payload, signature) "
                "VALUES (?, ?, ?, ?)", rows)
        if not self.staged:
            append(self.session, revisions)
            return
        for table, rows in _log_rows(revisions).items():
            if rows:
                self.conn.exec_driver_sql(_insert(f"INTO temp.staged_{table}", _LOG[table]),
                                          rows)
        self.moving = self.mover.submit(self._move)

    def _move(self) -> None:
        raw = self.conn.connection.driver_connection
        for table, columns in _LOG.items():
            names = ", ".join(columns)
            raw.execute(f"INSERT OR IGNORE INTO main.{table} ({names}) "
                        f"SELECT {names} FROM temp.staged_{table}")
            raw.execute(f"DELETE FROM temp.staged_{table}")

    def wait(self) -> None:
        """Until the batch being moved is in the log: before the caller reads the session."""
        if self.moving is not None:
            moving, self.moving = self.moving, None
            moving.result()


def _temp_tables_in_memory(conn: Connection) -> bool:
    """Whether SQLite keeps this connection's temporary tables in memory, never in a file."""
    built = 1  # SQLite's own default: files, unless PRAGMA temp_store says memory
    for option in conn.exec_driver_sql("PRAGMA compile_options").scalars():
        if option.startswith("TEMP_STORE="):
            built = int(option.partition("=")[2])
    chosen = conn.exec_driver_sql("PRAGMA temp_store").scalar()  # 0 the default, 2 memory
    return built == 3 or (built in (1, 2) and (chosen == 2 or (chosen == 0 and built == 2)))


def opened(session: Session, rev: Revision) -> Revision:
    """``rev`` with its restricted part decrypted, or left out and marked ``withheld``."""
    if rev.deleted or SEALED not in rev.body:
        return rev
    opener = session.info.get(OPENER)
    body = opener(session, rev) if opener is not None else None
    if body is None:
        return dataclasses.replace(rev, body=withheld(rev.body), withheld=True)
    return dataclasses.replace(rev, body=body)


def heads_of(session: Session, record_id: str) -> list[str]:
    return list(session.scalars(
        select(Head.revision_id).where(Head.record_id == record_id).order_by(Head.revision_id)
    ))


def refresh(session: Session, record_ids: Iterable[str],
            parsed: Mapping[str, Revision] | None = None,
            complete: Collection[str] = ()) -> None:
    """Recompute heads and current rows of the given records from the log.

    ``parsed`` may hold revisions the caller already has in hand (a merge), saving a read.
    ``complete`` names records whose whole log is in ``parsed`` (records a merge brings for
    the first time): their heads are found there rather than by reading the log back, and
    there are no heads or rows of theirs to delete.
    """
    ids = sorted(set(record_ids))
    if not ids:
        return
    parsed = parsed or {}
    in_hand = set(complete).intersection(ids)
    others = [i for i in ids if i not in in_hand]
    logged = _json_list(others)
    if others:
        # No session holds Head objects: nothing to keep in step with the rows deleted.
        session.execute(delete(Head).where(Head.record_id.in_(logged))
                        .execution_options(synchronize_session=False))
    # A revision is a head when no revision names it as a parent; no stored revision can
    # name one of ``parsed`` (parents are stored first: foreign keys).
    named = {p for rev in parsed.values() for p in rev.parents}
    heads: dict[str, list[Revision]] = {}
    for rev in parsed.values():
        if rev.record_id in in_hand and rev.id not in named:
            heads.setdefault(rev.record_id, []).append(rev)
    if heads:
        session.connection().exec_driver_sql(
            "INSERT INTO head (record_id, revision_id) VALUES (?, ?)",
            [(rev.record_id, rev.id) for revs in heads.values() for rev in revs])
    if others:
        child = select(RevisionParent.revision_id).where(
            RevisionParent.parent_id == RevisionRow.id).exists()
        session.execute(insert(Head).from_select(
            ["record_id", "revision_id"],
            select(RevisionRow.record_id, RevisionRow.id).where(
                RevisionRow.record_id.in_(logged), ~child),
        ))
        head_ids = list(session.scalars(
            select(Head.revision_id).where(Head.record_id.in_(logged))))
        missing = [h for h in head_ids if h not in parsed]
        stored = {rid: read_stored(rid, envelope) for rid, envelope in session.execute(
            select(RevisionRow.id, RevisionRow.envelope).where(
                RevisionRow.id.in_(_json_list(missing))))} if missing else {}
        for rid in head_ids:
            rev = parsed.get(rid) or stored[rid]
            heads.setdefault(rev.record_id, []).append(rev)
    for model in MATERIALISED.values() if others else ():
        session.execute(delete(model).where(model.id.in_(logged)))
    rows: dict[type[Current], list[dict]] = {}
    for revs in heads.values():
        shown = shown_head(revs)
        model = MATERIALISED.get(shown.kind) if shown else None
        if shown is None or model is None:
            continue
        shown = opened(session, shown)
        row = {c: shown.body.get(c) for c in _BODY_COLUMNS[model]}
        if "withheld" in row:
            row["withheld"] = shown.withheld
            for column in _WITHHELD_TEXT[model] if shown.withheld else ():
                row[column] = row[column] or ""  # a required text nobody here may read
        rows.setdefault(model, []).append({
            **row, "id": shown.record_id, "head": shown.id, "conflict": len(revs) > 1,
            "hlc": shown.hlc,
        })
    for model, values in rows.items():
        session.execute(insert(model.__table__), values)


def _json_list(values: list[str]) -> Select:
    """``values`` as a subquery: one JSON parameter that SQLite expands (json_each), so one
    statement serves any number of values."""
    return select(func.json_each(json.dumps(values)).table_valued("value").c.value)


_BODY_COLUMNS = {model: [c.key for c in model.__table__.columns
                         if c.key not in ("id", "head", "conflict", "hlc")]
                 for model in MATERIALISED.values()}
_WITHHELD_TEXT = {model: [c.key for c in model.__table__.columns if not c.nullable
                          and c.type.python_type is str and c.key not in ("id", "head", "hlc")]
                  for model in MATERIALISED.values()}


def shown_head(heads: list[Revision]) -> Revision | None:
    """The head a list shows for a record; None when every head is a deletion.

    This only picks what to display while a conflict waits for a person: the record stays
    marked as a conflict and no head is discarded.
    """
    live = [r for r in heads if not r.deleted]
    if not live:
        return None
    return max(live, key=lambda r: (r.hlc, r.id))


def rebuild(session: Session) -> None:
    """Recreate heads and every materialised table from the revisions alone."""
    session.execute(delete(Head))
    for model in MATERIALISED.values():
        session.execute(delete(model))
    ids = list(session.scalars(select(RevisionRow.record_id).distinct()))
    refresh(session, ids)


def digest(session: Session) -> str:
    """The state digest (RFC 6962 Merkle root) over every revision id."""
    return state_digest(session.scalars(select(RevisionRow.id)))


def count_revisions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(RevisionRow)) or 0


def load(session: Session, revision_id: str) -> Revision:
    envelope = session.scalar(select(RevisionRow.envelope).where(RevisionRow.id == revision_id))
    if envelope is None:
        raise KeyError(revision_id)
    return opened(session, open_envelope(revision_id, envelope))


def history(session: Session, record_id: str) -> list[Revision]:
    """Every revision of a record, oldest first by clock."""
    rows = session.execute(
        select(RevisionRow.id, RevisionRow.envelope)
        .where(RevisionRow.record_id == record_id).order_by(RevisionRow.hlc, RevisionRow.id)
    ).all()
    return [opened(session, open_envelope(rid, env)) for rid, env in rows]


@dataclass
class CheckReport:
    revisions: int = 0
    blobs: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def snapshot_current(session: Session) -> dict[str, list[tuple]]:
    """Every materialised row and head, sorted: used to compare against a rebuild.

    Rows hold JSON values (dicts, lists), which Python cannot order, so they are sorted by
    their JSON text.
    """
    out: dict[str, list[tuple]] = {"head": sorted(
        tuple(r) for r in session.execute(select(Head.record_id, Head.revision_id)))}
    for kind, model in MATERIALISED.items():
        cols = list(model.__table__.columns)
        out[kind] = sorted((tuple(r) for r in session.execute(select(*cols)).all()),
                           key=_row_order)
    return out


def _row_order(row: tuple) -> str:
    return json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)


def check(session: Session) -> CheckReport:
    """Verify every revision hash, every blob hash, the heads and the materialised tables."""
    report = CheckReport()
    parents: dict[str, set[str]] = {}
    for rid, parent in session.execute(select(RevisionParent.revision_id,
                                              RevisionParent.parent_id)):
        parents.setdefault(rid, set()).add(parent)
    attached: dict[str, set[str]] = {}
    for rid, blob in session.execute(select(RevisionAttachment.revision_id,
                                            RevisionAttachment.blob_hash)):
        attached.setdefault(rid, set()).add(blob)
    for rid, kind, record_id, deleted, envelope in session.execute(select(
            RevisionRow.id, RevisionRow.kind, RevisionRow.record_id, RevisionRow.deleted,
            RevisionRow.envelope)):
        report.revisions += 1
        try:
            rev = open_envelope(rid, envelope)
        except RevisionError as e:
            report.problems.append(str(e))
            continue
        if (rev.kind, rev.record_id, rev.deleted) != (kind, record_id, bool(deleted)):
            report.problems.append(tr("revision {rid}: indexed columns differ from the envelope", rid=rid))
        if set(rev.parents) != parents.get(rid, set()):
            report.problems.append(tr("revision {rid}: parent links differ from the envelope", rid=rid))
        if set(rev.attachments) != attached.get(rid, set()):
            report.problems.append(tr("revision {rid}: attachment links differ from the envelope", rid=rid))
    for digest_, data in session.execute(select(Blob.hash, Blob.data)):
        report.blobs += 1
        if hashlib.sha256(data).hexdigest() != digest_:
            report.problems.append(tr("blob {blob}: hash does not match its content", blob=digest_))
    for rid, parent in session.execute(text(
            "SELECT p.revision_id, p.parent_id FROM revision_parent p "
            "JOIN revision c ON c.id = p.revision_id JOIN revision q ON q.id = p.parent_id "
            "WHERE c.record_id != q.record_id")):
        report.problems.append(tr("revision {rid}: parent {parent} belongs to another record", rid=rid, parent=parent))
    if report.ok:
        before = snapshot_current(session)
        savepoint = session.begin_nested()
        rebuild(session)
        after = snapshot_current(session)
        savepoint.rollback()
        for table in before:
            if before[table] != after[table]:
                report.problems.append(tr("table {table}: differs from a rebuild from revisions", table=table))
    return report

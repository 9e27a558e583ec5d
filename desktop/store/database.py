"""Opening, creating, upgrading and snapshotting encrypted database files.

One database is one SQLCipher file keyed from the user's passphrase. Opening checks, before
anything is written, that the file is really ours, that the passphrase is right and that
this release can read its schema; every SQLite failure is turned into a clear error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.core import errors
from desktop.store.models import (
    IMMUTABLE_TABLES,
    REGISTER_TABLES,
    BallotRow,
    Base,
    BatchRow,
    EnrolmentRow,
    EvaluationRow,
    Head,
    LocalDraft,
    LocalState,
    Meta,
    PersonRow,
    RevisionAttachment,
    RevisionParent,
    StepRecordRow,
)

APPLICATION_ID = "xuncha.evidence-store"
OPENER = "opener"  # the key of ``Database.opener`` in a session's ``info``
SCHEMA_VERSION = 8
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26



def _add_evaluation_tables(session: Session) -> None:
    # Version 1 knew no evaluation or ballot records, so the new tables start empty.
    Base.metadata.create_all(session.connection(),
                             tables=[EvaluationRow.__table__, BallotRow.__table__])


def _add_step_record_tables(session: Session) -> None:
    # Version 2 knew no step records or drafts.
    Base.metadata.create_all(session.connection(),
                             tables=[StepRecordRow.__table__, LocalDraft.__table__])


def _add_register_tables(session: Session) -> None:
    # Version 3 knew no findings, clues, suggestions, rules, rectifications or numbering.
    Base.metadata.create_all(session.connection(),
                             tables=[model.__table__ for model in REGISTER_TABLES])


def _add_person_table(session: Session) -> None:
    # Version 4 knew no people of the villages besides the inspectors.
    Base.metadata.create_all(session.connection(), tables=[PersonRow.__table__])


def _drop_rowids(session: Session) -> None:
    # Version 5 kept these pairs of ids in a rowid table beside their primary-key index, so
    # each was stored, and written on every merge, twice.
    conn = session.connection()
    for table in (RevisionParent.__table__, RevisionAttachment.__table__, Head.__table__):
        for index in table.indexes:
            conn.exec_driver_sql(f"DROP INDEX {index.name}")
        conn.exec_driver_sql(f"ALTER TABLE {table.name} RENAME TO {table.name}_v5")
        table.create(conn)
        columns = ", ".join(c.name for c in table.columns)
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) "
                             f"SELECT {columns} FROM {table.name}_v5")
        conn.exec_driver_sql(f"DROP TABLE {table.name}_v5")  # and its triggers
        if table.name in IMMUTABLE_TABLES:
            _create_triggers(conn, [table.name])


def _add_trust_tables(session: Session) -> None:
    # Version 6 signed no revisions and enrolled no devices. The laptop signs what it wrote
    # itself the next time its workspace opens (it needs the device key for that).
    conn = session.connection()
    Base.metadata.create_all(conn, tables=[BatchRow.__table__, EnrolmentRow.__table__])
    _create_triggers(conn, [BatchRow.__tablename__])
    session.merge(LocalState(key=UNSIGNED_KEY, value="1"))


def _add_withheld_columns(session: Session) -> None:
    # Version 7 encrypted nothing to devices: no restricted content was withheld yet.
    # Tables an earlier upgrade made from today's models have the columns already.
    conn = session.connection()
    for table, column, kind in (("device", "encryption_key", "VARCHAR"),
                                ("clue", "withheld", "BOOLEAN NOT NULL DEFAULT 0"),
                                ("step_record", "withheld", "BOOLEAN NOT NULL DEFAULT 0")):
        have = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


# Upgrades from version N to N+1, each run inside one transaction after a backup was taken.
MIGRATIONS: dict[int, Callable[[Session], None]] = {
    1: _add_evaluation_tables, 2: _add_step_record_tables, 3: _add_register_tables,
    4: _add_person_table, 5: _drop_rowids, 6: _add_trust_tables,
    7: _add_withheld_columns}
# Local state set by the upgrade to version 7: this laptop's own revisions are not yet signed.
UNSIGNED_KEY = "sign_own_revisions"


KDF_ITERATIONS = 256_000  # SQLCipher 4's own default
SALT_SIZE = 16


def file_key(passphrase: str, salt: bytes) -> str:
    """The key SQLCipher derives from ``passphrase`` for a file whose first 16 bytes are
    ``salt`` (PBKDF2-HMAC-SHA512, as SQLCipher 4 does), as a raw-key pragma value.

    Derived once here, so that no connection of the file derives it again (0.1 s each).
    """
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    return f"x'{key.hex()}{salt.hex()}'"


def salt_of(path: Path) -> bytes:
    """The salt SQLCipher keeps in the clear as the first 16 bytes of the file."""
    with open(path, "rb") as f:
        return f.read(SALT_SIZE)


class KeyRing:
    """Keys derived for one task, each (passphrase, salt) once even when threads ask at the
    same time: the exchange files of one round share their salt (``exchange_salt``), so a
    merge of many derives one key for them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: dict[tuple[str, bytes], Future[str]] = {}

    def key(self, passphrase: str, salt: bytes) -> str:
        with self._lock:
            future = self._keys.get((passphrase, salt))
            mine = future is None
            if future is None:
                future = self._keys[(passphrase, salt)] = Future()
        if mine:
            try:
                future.set_result(file_key(passphrase, salt))
            except BaseException as e:
                future.set_exception(e)
        return future.result()


def exchange_salt(round_id: str) -> bytes:
    """The salt of every exchange file of a round: files that share a passphrase share it,
    while a precomputed table for one round is of no use for any other."""
    return hashlib.sha256(b"xuncha exchange salt\0" + round_id.encode("utf-8")).digest()[:16]


def _key_url(path: Path, key: str) -> URL:
    # The dialect writes the key as pragma key="...": a raw key has no quote to double.
    return URL.create("sqlite+pysqlcipher", password=key, database=str(path))


def _on_connect(dbapi_conn: object, _record: object, journal: str = "WAL") -> None:
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute(f"PRAGMA journal_mode = {journal}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA trusted_schema = OFF")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA cache_size = -65536")  # 64 MiB: merges touch many pages
    cur.close()


@contextlib.contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn SQLite and SQLAlchemy failures into errors the user can act on."""
    try:
        yield
    except (exc.DBAPIError, sqlcipher3.dbapi2.Error, sqlite3.Error, OSError) as e:
        translated = _translate(e, path)
        if translated is e:
            raise  # not a user error: keep it, and its own cause, as it was
        raise translated from e


def _translate(e: BaseException, path: Path) -> Exception:
    original = getattr(e, "orig", None) or e
    text_ = str(original).lower()
    if "not a database" in text_ or "file is encrypted" in text_:
        return errors.NotADatabase(path=path)
    if "readonly" in text_ or "read-only" in text_ or "unable to open" in text_:
        return errors.ReadOnlyLocation(str(path))
    if isinstance(original, PermissionError):
        return errors.ReadOnlyLocation(str(path))
    if "disk is full" in text_ or "disk i/o" in text_ or "file too large" in text_:
        return errors.DiskFull(str(path))
    if isinstance(original, OSError) and original.errno in (28, 27):  # ENOSPC, EFBIG
        return errors.DiskFull(str(path))
    return e if isinstance(e, Exception) else RuntimeError(str(e))


def check_file(path: Path) -> None:
    """Refuse, before any key is tried, what cannot be one of our files."""
    if not path.exists():
        raise errors.FileMissing(path=path)
    if not path.is_file():
        raise errors.NotADatabase(path=path)
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(16)
    if head == SQLITE_HEADER:
        raise errors.PlainDatabase(path=path)
    if size == 0 or size % PAGE_SIZE:
        raise errors.NotADatabase(path=path)


def probe(path: Path, passphrase: str) -> int:
    """Check that ``path`` is one of our files and return its schema version.

    Reads only; raises a precise error for every kind of wrong file.
    """
    check_file(path)
    return _probe(path, file_key(passphrase, salt_of(path)))


def _probe(path: Path, key: str) -> int:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us
        conn.execute(f'PRAGMA key = "{key}"')
        conn.execute("PRAGMA trusted_schema = OFF")
        return identify(conn, path)
    finally:
        conn.close()


def identify(conn: sqlcipher3.Connection, path: Path) -> int:
    """Given a keyed connection to ``path``, check it is ours and return its schema version."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.dbapi2.DatabaseError as e:
        # Only "not a database" means the key did not decrypt page 1; a truncated file
        # is "malformed", and a read-only folder or a locked file is translated later.
        code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_NOTADB:
            raise errors.WrongPassphrase(path=path) from None
        if code == SQLITE_CORRUPT:
            raise errors.NotADatabase(path=path) from None
        raise
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    if pages * PAGE_SIZE > path.stat().st_size + _wal_size(path):
        raise errors.NotADatabase(path=path)
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlcipher3.dbapi2.DatabaseError:
        raise errors.ForeignDatabase(path=path) from None
    if rows.get("application_id") != APPLICATION_ID:
        raise errors.ForeignDatabase(path=path)
    return int(rows["schema_version"])


def _wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


class Database:
    """An open encrypted database: the engine and a factory for units of work."""

    def __init__(self, path: Path, engine: Engine, passphrase: str) -> None:
        self.path = path
        self.engine = engine
        self.passphrase = passphrase  # the engine holds the key anyway; exports need it
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Decrypts the restricted part of a revision body for this laptop (None: it
        # cannot); set by the services, read by store.revlog through ``Session.info``.
        self.opener: Callable[[Session, Any], dict | None] | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with translated_errors(self.path):
            with self._sessions.begin() as session:
                session.info[OPENER] = self.opener
                yield session

    def read(self) -> Session:
        session = self._sessions()
        session.info[OPENER] = self.opener
        return session

    def close(self) -> None:
        self.engine.dispose()


def _engine(path: Path, key: str, journal: str = "WAL") -> Engine:
    # The dialect's default pool hands one connection to every session of a thread, so a
    # read nested in another would share its transaction; a queue gives each its own.
    engine = create_engine(_key_url(path, key), poolclass=QueuePool,
                           connect_args={"check_same_thread": False})
    event.listen(engine, "connect", functools.partial(_on_connect, journal=journal))
    # The driver's own transaction handling breaks SAVEPOINT; let SQLAlchemy emit BEGIN.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def create(path: Path, passphrase: str, *, building: bool = False) -> Database:
    """Create a new, empty encrypted database at ``path`` (which must not exist).

    ``building``: the file is filled under a temporary name and then moved into place by
    ``publish``. Until then it keeps a rollback journal, which for pages new to the file is
    next to empty, so each page is written once rather than to the WAL and again when
    checkpointed; a crash leaves only the temporary file.
    """
    path = Path(path)
    if path.exists():
        raise errors.FileExists(path=path)
    if not path.parent.is_dir():
        raise errors.FolderMissing(path=path.parent)
    if len(passphrase) < MIN_PASSPHRASE:
        raise errors.PassphraseTooShort(n=MIN_PASSPHRASE)
    engine = _engine(path, file_key(passphrase, os.urandom(SALT_SIZE)),
                     "DELETE" if building else "WAL")
    try:
        with translated_errors(path):
            with engine.begin() as conn:
                Base.metadata.create_all(conn)
                _create_triggers(conn)
                conn.execute(Meta.__table__.insert(), [
                    {"key": "application_id", "value": APPLICATION_ID},
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                    {"key": "created", "value": datetime.now(UTC).isoformat()},
                ])
    except BaseException:
        engine.dispose()
        remove_files(path)
        raise
    return Database(path, engine, passphrase)


def publish(db: Database, path: Path) -> None:
    """Close ``db``, made by ``create(..., building=True)``, and move it to ``path`` (which
    must not exist) in WAL mode like every other database."""
    with translated_errors(db.path):
        raw = db.engine.raw_connection()
        try:
            mode = raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        finally:
            raw.close()
        db.close()
        if mode != "wal":
            raise RuntimeError(f"{db.path} stayed in journal mode {mode}")
        if path.exists():
            raise errors.FileExists(path=path)
        os.replace(db.path, path)


def remove_files(path: Path) -> None:
    """Delete a database file and the journals SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


MIN_PASSPHRASE = 8


def _create_triggers(conn: object, tables: Iterable[str] = IMMUTABLE_TABLES) -> None:
    for table in tables:
        for op in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(  # type: ignore[attr-defined]
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are immutable'); END"
            )


def open_database(path: Path, passphrase: str) -> Database:
    """Open an existing database, upgrading an older schema after backing the file up."""
    path = Path(path)
    with translated_errors(path):
        check_file(path)
        key = file_key(passphrase, salt_of(path))
        version = _probe(path, key)
    if version > SCHEMA_VERSION:
        raise errors.NewerSchema(found=version, supported=SCHEMA_VERSION)
    engine = _engine(path, key)
    db = Database(path, engine, passphrase)
    try:
        with translated_errors(path):
            engine.connect().close()
        if version < SCHEMA_VERSION:
            backup_copy(db, path.with_name(f"{path.name}.v{version}.bak"))
            _upgrade(db, version)
    except BaseException:
        db.close()
        raise
    return db


def _upgrade(db: Database, version: int) -> None:
    with db.session() as session:
        for v in range(version, SCHEMA_VERSION):
            MIGRATIONS[v](session)
        session.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"),
                        {"v": str(SCHEMA_VERSION)})


def backup_copy(db: Database, target: Path, passphrase: str | None = None) -> Path:
    """Write a consistent encrypted snapshot of ``db`` to ``target`` (atomically).

    Uses SQLCipher's export into an attached database; with no ``passphrase`` the snapshot
    keeps the database's own key.
    """
    target = Path(target)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    with translated_errors(target):
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            if passphrase is None:
                cur.execute("ATTACH DATABASE ? AS snapshot", (str(tmp),))
            else:
                cur.execute("ATTACH DATABASE ? AS snapshot KEY ?", (str(tmp), passphrase))
            try:
                cur.execute("SELECT sqlcipher_export('snapshot')")
            finally:
                cur.execute("DETACH DATABASE snapshot")
        finally:
            raw.close()
        os.replace(tmp, target)
    return target


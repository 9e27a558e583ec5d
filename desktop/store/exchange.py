"""Exchange files and merge sources at the file level.

An exchange file is a SQLCipher file keyed with the round's exchange passphrase holding only
the log (revisions, their links, blobs) and a signed manifest; never the laptop's own tables.
Sources are read through a separate read-only connection with ``trusted_schema`` off, and only
from objects that are plain tables, so nothing a source defines (views, triggers) ever runs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from desktop.core import errors
from desktop.store import database
from desktop.store.models import (
    BatchRow,
    Blob,
    Meta,
    RevisionAttachment,
    RevisionParent,
    RevisionRow,
)

LOG_TABLES = (Meta.__table__, RevisionRow.__table__, RevisionParent.__table__,
              Blob.__table__, RevisionAttachment.__table__, BatchRow.__table__)
MANIFEST_DDL = ("CREATE TABLE exchange_manifest (id INTEGER PRIMARY KEY CHECK (id = 1), "
                "manifest BLOB NOT NULL, signature BLOB NOT NULL, certificate BLOB NOT NULL)")
CONTENT_EXCHANGE = "exchange"
# What a merge reads from a source: each must be a plain table with these ordinary columns.
READ_COLUMNS = {"meta": {"key", "value"}, "revision": {"id", "kind", "record_id", "envelope"},
                "blob": {"hash", "data"},
                "exchange_manifest": {"manifest", "signature", "certificate"},
                "revision_batch": {"hash", "device", "payload", "signature"}}
# Tables a source may lack: a file without a manifest is refused by the merge, and one
# without batches (written before revisions were signed) brings no revision signed.
OPTIONAL_TABLES = ("exchange_manifest", "revision_batch")


@dataclass(frozen=True)
class SignedManifest:
    manifest: bytes
    signature: bytes
    certificate: bytes


def _connect(path: Path, key: str, *, read_only: bool) -> sqlcipher3.Connection:
    """A connection to ``path`` with ``key``, a raw key from ``database.file_key``."""
    mode = "rwc"
    if read_only:
        # A file with no journal or WAL content beside it holds everything committed: open it
        # immutable, so reading leaves no -shm or -wal in its folder and works on read-only
        # media. Otherwise read the WAL too (SQLite then needs its -shm).
        side = (path.with_name(path.name + s) for s in ("-wal", "-journal"))
        mode = "ro" if any(p.exists() and p.stat().st_size for p in side) else "ro&immutable=1"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    # A merge opens its sources in worker threads (each key derivation takes 0.1 s of C that
    # runs without the GIL) and reads them in the caller's thread, never two at once.
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{key}"')
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def write_exchange(
    target: Path, rows: ExchangeRows, manifest: SignedManifest,
) -> None:
    """Write an exchange file atomically (a partial file is removed on any failure)."""
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        with database.translated_errors(target):
            conn = _connect(tmp, database.file_key(rows.passphrase, rows.salt),
                            read_only=False)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("BEGIN")
                for table in LOG_TABLES:
                    conn.execute(str(CreateTable(table).compile(dialect=sqlite.dialect())))
                    for index in table.indexes:
                        conn.execute(str(CreateIndex(index).compile(dialect=sqlite.dialect())))
                conn.execute(MANIFEST_DDL)
                conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("application_id", database.APPLICATION_ID),
                    ("schema_version", str(database.SCHEMA_VERSION)),
                    ("content", CONTENT_EXCHANGE)])
                conn.executemany("INSERT INTO revision VALUES (?,?,?,?,?,?,?,?,?)",
                                 rows.revisions)
                conn.executemany("INSERT INTO revision_parent VALUES (?, ?)", rows.parents)
                conn.executemany("INSERT INTO blob VALUES (?, ?, ?)", rows.blobs)
                conn.executemany("INSERT INTO revision_attachment VALUES (?, ?)",
                                 rows.attachments)
                conn.executemany("INSERT INTO revision_batch VALUES (?, ?, ?, ?)",
                                 rows.batches)
                conn.execute("INSERT INTO exchange_manifest VALUES (1, ?, ?, ?)",
                             (manifest.manifest, manifest.signature, manifest.certificate))
                conn.execute("COMMIT")
            finally:
                conn.close()
            os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass
class ExchangeRows:
    """The log of a database, as rows ready to write into an exchange file."""

    passphrase: str
    salt: bytes  # database.exchange_salt of the round
    revisions: list[tuple]
    parents: list[tuple]
    blobs: list[tuple]
    attachments: list[tuple]
    batches: list[tuple]


class Source:
    """A merge source (exchange file or database) opened read-only.

    ``open_source`` has checked its structure. Ids must be stored as text and the envelopes
    read as bytes, or the source is refused; other byte values are read as bytes whatever
    their stored type (a cell edited in a database browser becomes TEXT). Any read failure,
    such as a damaged page, becomes a clear error.
    """

    def __init__(self, path: Path, conn: sqlcipher3.Connection, content: str,
                 has_manifest: bool = True, has_batches: bool = True) -> None:
        self.path = path
        self.conn = conn
        self.is_exchange = content == CONTENT_EXCHANGE
        self._ids: list[str] | None = None
        self.has_manifest = has_manifest
        self.has_batches = has_batches

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            with database.translated_errors(self.path):
                yield
        except sqlcipher3.dbapi2.Error as e:  # damaged pages, undecodable text
            raise errors.NotADatabase(path=self.path) from e

    def revision_ids(self) -> list[str]:
        """Every revision id (read from the id index, not the table); all must be text."""
        if self._ids is None:
            with self._reading():
                ids = [r[0] for r in self.conn.execute("SELECT id FROM revision")]
            if not all(type(i) is str and len(i) == 64 for i in ids):
                raise errors.ForeignDatabase(path=self.path)
            try:  # every id is the hex SHA-256 of its envelope
                bytes.fromhex("".join(ids))
            except ValueError:
                raise errors.ForeignDatabase(path=self.path) from None
            self._ids = ids
        return self._ids

    def envelopes(self, ids: Collection[str]) -> dict[str, bytes]:
        """The envelopes of ``ids``; refused unless each is there and stored as bytes.

        Only these rows are read: a revision the target already holds is never looked at.
        """
        wanted = set(ids)
        out: dict[str, bytes] = {}
        with self._reading():
            if 4 * len(wanted) > len(self.revision_ids()):
                # Most of the table: one pass in page order beats an index look-up per row.
                out = dict(self.conn.execute("SELECT id, envelope FROM revision"))
                for rid in out.keys() - wanted:
                    del out[rid]
            else:
                chunks = sorted(wanted)
                for start in range(0, len(chunks), 900):
                    chunk = chunks[start:start + 900]
                    out.update(self.conn.execute(
                        f"SELECT id, envelope FROM revision WHERE id IN "
                        f"({','.join('?' * len(chunk))})", chunk))
        if not all(type(e) is bytes for e in out.values()):
            raise errors.ForeignDatabase(path=self.path)
        if out.keys() != wanted:  # the id index lists rows the table lacks: pages spliced
            raise errors.NotADatabase(path=self.path)
        return out

    def in_another_round(self, rounds: Collection[str]) -> bool:
        """Whether this source holds round records and none of ``rounds``."""
        if not rounds:
            return False
        marks = ",".join("?" * len(rounds))
        with self._reading():
            if self.conn.execute(f"SELECT 1 FROM revision WHERE kind = 'round' AND "
                                 f"record_id IN ({marks}) LIMIT 1", list(rounds)).fetchone():
                return False
            # Stops at the first rows whenever there is a round: a log begins with it.
            return self.conn.execute(
                "SELECT 1 FROM revision WHERE kind = 'round' LIMIT 1").fetchone() is not None

    def kind_envelopes(self, kind: str) -> list[tuple[str, bytes]]:
        """The revisions the source labels ``kind``, as (id, envelope bytes): the labels are
        the source's word only, so callers parse each envelope and check its kind."""
        with self._reading():
            return list(self.conn.execute(
                "SELECT id, coalesce(CAST(envelope AS BLOB), x'') FROM revision "
                "WHERE kind = ?", (kind,)))

    def batches(self) -> list[tuple[object, object, object, object]]:
        """Every signed batch, as stored: ``batches.Coverage`` checks each."""
        if not self.has_batches:
            return []
        with self._reading():
            return list(self.conn.execute(
                "SELECT hash, device, CAST(payload AS BLOB), CAST(signature AS BLOB) "
                "FROM revision_batch"))

    def blob(self, digest: str) -> bytes | None:
        with self._reading():
            row = self.conn.execute("SELECT CAST(data AS BLOB) FROM blob WHERE hash = ?",
                                    (digest,)).fetchone()
        return row[0] if row else None

    def manifest(self) -> SignedManifest | None:
        if not self.is_exchange or not self.has_manifest:
            return None
        with self._reading():
            row = self.conn.execute(
                "SELECT coalesce(CAST(manifest AS BLOB), x''), "
                "coalesce(CAST(signature AS BLOB), x''), "
                "coalesce(CAST(certificate AS BLOB), x'') FROM exchange_manifest").fetchone()
        return SignedManifest(*row) if row else None

    def close(self) -> None:
        self.conn.close()


@contextlib.contextmanager
def open_source(path: Path, passphrases: list[str],
                keys: database.KeyRing | None = None) -> Iterator[Source]:
    """Open a source with the first passphrase that fits; raise a clear error otherwise.

    ``keys`` may hold keys already derived (from sources of the same round)."""
    path = Path(path)
    keys = keys or database.KeyRing()
    with database.translated_errors(path):
        database.check_file(path)
        salt = database.salt_of(path)
    last: Exception | None = None
    for passphrase in passphrases:
        with database.translated_errors(path):
            conn = _connect(path, keys.key(passphrase, salt), read_only=True)
        try:
            with database.translated_errors(path):
                version = database.identify(conn, path)
                if version > database.SCHEMA_VERSION:
                    raise errors.NewerSchema(found=version, supported=database.SCHEMA_VERSION)
                content, present = _check_tables(conn, path)
        except errors.WrongPassphrase as e:
            conn.close()
            last = e
            continue
        except sqlcipher3.dbapi2.Error as e:  # pages that do not read back: a damaged file
            conn.close()
            raise errors.NotADatabase(path=path) from e
        except BaseException:
            conn.close()
            raise
        source = Source(path, conn, content, "exchange_manifest" in present,
                        "revision_batch" in present)
        try:
            yield source
        finally:
            source.close()
        return
    raise errors.SourcePassphrase(path=path) if last else errors.WrongPassphrase(path=path)


def _check_tables(conn: sqlcipher3.Connection, path: Path) -> tuple[str, set[str]]:
    """Refuse a source unless all a merge reads is plain tables and columns.

    A view, a virtual table or a generated column would run code the source defines. The
    types of ids and envelopes are checked where they are read (``Source``), so only the
    rows a merge takes are ever read in full. Returns the file's content kind and which of
    the optional tables it has.
    """
    objects = {str(name).lower(): (kind, str(sql or "")) for name, kind, sql in
               conn.execute("SELECT name, type, sql FROM sqlite_master")}
    for table, columns in READ_COLUMNS.items():
        kind, sql = objects.get(table, ("", ""))
        if table in OPTIONAL_TABLES and not kind:
            continue
        if kind != "table" or sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            raise errors.ForeignDatabase(path=path)
        plain = {row[1] for row in conn.execute(f"PRAGMA table_xinfo({table})") if not row[6]}
        if not columns <= plain:
            raise errors.ForeignDatabase(path=path)
    content = dict(conn.execute("SELECT key, value FROM meta")).get("content", "")
    return content, {t for t in OPTIONAL_TABLES if t in objects}

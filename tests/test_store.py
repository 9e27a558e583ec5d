"""The evidence store on real SQLCipher files: encryption, immutability, revision hashing,
rebuild from the log, blob de-duplication, the state digest, tamper detection through
``xuncha check``, schema upgrades with a backup, and refusal of files from a newer release.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlcipher3
from conftest import PASSPHRASE, make_tree
from sqlalchemy import exc, func, select, text

from desktop.core import errors, merkle
from desktop.services import roster
from desktop.store import database, revlog
from desktop.store.models import Blob, RevisionAttachment, RevisionParent, RevisionRow, VillageRow

ROOT = Path(__file__).resolve().parents[1]
SECRET_VILLAGE = "机密测试村甲乙丙丁"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XUNCHA_LANG"}
    env["XUNCHA_PASSPHRASE"] = PASSPHRASE
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def raw_connection(path: Path) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    return conn


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_bytes_reveal_no_text(workspace, db_path):
    ids = make_tree(workspace)
    roster.add_village(workspace, SECRET_VILLAGE, ids["town"])
    wal = db_path.with_name(db_path.name + "-wal")
    needles = [SECRET_VILLAGE.encode(), "新桥村".encode(), "王堃".encode(), b"SQLite format 3"]
    assert wal.exists() and wal.stat().st_size > 0  # the new data is (at least) in the WAL
    for path in (db_path, wal):
        data = path.read_bytes()
        assert not [n for n in needles if n in data], path
    workspace.close()  # checkpoint: everything is now in the main file
    data = db_path.read_bytes()
    assert len(data) > 4 * database.PAGE_SIZE
    assert not [n for n in needles if n in data]


def test_immutable_tables_refuse_update_and_delete(workspace):
    ids = make_tree(workspace)
    roster.attach(workspace, ids["village"], b"\x89PNG scan of the minutes")
    tables = {"revision": "kind", "revision_parent": "parent_id",
              "revision_attachment": "blob_hash", "blob": "size"}
    with workspace.read() as s:
        before = {t: s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all() for t in tables}
    assert all(before.values())  # every table has rows the statements would touch
    for table, column in tables.items():
        for sql in (f"UPDATE {table} SET {column} = {column}", f"DELETE FROM {table}"):
            with pytest.raises(exc.DBAPIError, match="immutable") as info:
                with workspace.db.session() as session:
                    session.execute(text(sql))
            assert info.value.__cause__ is not info.value, sql
    with workspace.read() as s:
        assert {t: s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all()
                for t in tables} == before


def test_revision_ids_parents_edits_deletes_and_restore(workspace):
    ids = make_tree(workspace)
    village = ids["village"]
    with workspace.read() as s:
        first = revlog.heads_of(s, village)
    edit = roster.rename(workspace, village, "新桥新村").revisions[0]
    with workspace.read() as s:
        for rid, envelope in s.execute(select(RevisionRow.id, RevisionRow.envelope)):
            assert hashlib.sha256(envelope).hexdigest() == rid
        assert revlog.load(s, edit).parents == tuple(first) and len(first) == 1
    # Two edits from the same head make a conflict; a plain edit keeps it (it builds on the
    # head shown), and only a revision naming both heads as parents joins them.
    a = roster.rename(workspace, village, "甲", seen_head=edit).revisions[0]
    b = roster.rename(workspace, village, "乙", seen_head=edit).revisions[0]
    plain = roster.rename(workspace, village, "丁").revisions[0]
    with workspace.read() as s:
        assert len(revlog.heads_of(s, village)) == 2 and revlog.load(s, plain).parents in \
            ((a,), (b,))
        heads = tuple(revlog.heads_of(s, village))
    with workspace.unit_of_work() as uow:
        joined = uow.write("village", village, {"name": "丙", "town_id": ids["town"]},
                           parents=heads)
    assert joined.parents == tuple(sorted(heads))
    with workspace.read() as s:
        stored = revlog.load(s, joined.id)
        assert list(stored.parents) == sorted(stored.parents) and len(stored.parents) == 2
        assert set(s.scalars(select(RevisionParent.parent_id)
                             .where(RevisionParent.revision_id == joined.id))) == set(heads)
    gone = roster.delete_record(workspace, village)
    with workspace.read() as s:
        deleted = revlog.load(s, gone.revisions[0])
        assert deleted.deleted is True and deleted.parents == (joined.id,)
        assert s.get(VillageRow, village) is None
    roster.restore_record(workspace, village, joined.id)
    with workspace.read() as s:
        assert s.get(VillageRow, village).name == "丙"


def test_rebuild_equals_incremental_tables(workspace):
    ids = make_tree(workspace)
    head = roster.rename(workspace, ids["village"], "新名").revisions[0]
    roster.rename(workspace, ids["village"], "冲突一", seen_head=head)
    roster.rename(workspace, ids["village"], "冲突二", seen_head=head)
    roster.delete_record(workspace, ids["village2"])
    with workspace.db.session() as session:
        before = revlog.snapshot_current(session)
        revlog.rebuild(session)
        after = revlog.snapshot_current(session)
    heads_per_record = Counter(record for record, _ in before["head"])
    assert before["village"] and heads_per_record[ids["village"]] == 2  # a conflict is kept
    assert ids["village2"] in heads_per_record
    assert after == before


def test_same_attachment_is_stored_once(workspace):
    ids = make_tree(workspace)
    photo = os.urandom(50_000)
    roster.attach(workspace, ids["village"], photo)
    roster.attach(workspace, ids["village2"], photo)
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
        assert s.scalar(select(Blob.hash)) == hashlib.sha256(photo).hexdigest()
        assert s.scalar(select(func.count()).select_from(RevisionAttachment)) == 2
        assert revlog.get_blob(s, hashlib.sha256(photo).hexdigest()) == photo


def test_state_digest_follows_revisions(workspace):
    with workspace.read() as s:
        before = revlog.digest(s)
        old_ids = list(s.scalars(select(RevisionRow.id)))
    new = roster.add_district(workspace, "金坛区").revisions[0]
    with workspace.read() as s:
        after = revlog.digest(s)
        ids = list(s.scalars(select(RevisionRow.id)))
    assert after != before and new in ids
    assert before == merkle.state_digest(old_ids)
    assert after == merkle.state_digest(ids) == merkle.state_digest([*old_ids, new])


def test_check_names_a_tampered_revision(workspace, db_path):
    ids = make_tree(workspace)
    with workspace.read() as s:
        victim = revlog.heads_of(s, ids["village"])[0]
    workspace.close()
    ok = run_cli("check", str(db_path))
    assert ok.returncode == 0, ok.stderr
    assert "Traceback" not in ok.stderr
    conn = raw_connection(db_path)
    conn.execute("DROP TRIGGER revision_no_update")
    envelope = conn.execute("SELECT envelope FROM revision WHERE id = ?", (victim,)).fetchone()[0]
    forged = envelope.replace("新桥村".encode(), "旧桥村".encode())
    assert forged != envelope
    conn.execute("UPDATE revision SET envelope = ? WHERE id = ?", (forged, victim))
    conn.commit()
    conn.close()
    bad = run_cli("check", str(db_path))
    assert bad.returncode == 1
    assert victim in bad.stderr and "Traceback" not in bad.stderr


def test_upgrade_backs_up_then_migrates(workspace, db_path, monkeypatch):
    workspace.close()
    original = sha256_file(db_path)

    def add_notes_table(session):
        session.execute(text("CREATE TABLE inspection_note (id TEXT PRIMARY KEY, body TEXT)"))

    current = database.SCHEMA_VERSION
    monkeypatch.setattr(database, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(database, "MIGRATIONS", {current: add_notes_table})
    db = database.open_database(db_path, PASSPHRASE)
    try:
        with db.read() as s:
            tables = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='table'")))
            meta = s.scalar(text("SELECT value FROM meta WHERE key = 'schema_version'"))
            revisions = revlog.count_revisions(s)
    finally:
        db.close()
    assert "inspection_note" in tables and meta == str(current + 1) and revisions > 0
    backup = db_path.with_name(f"{db_path.name}.v{current}.bak")
    assert backup.is_file()
    assert not backup.with_name(backup.name + ".partial").exists()
    assert database.probe(backup, PASSPHRASE) == current
    with pytest.raises(errors.WrongPassphrase):
        database.probe(backup, "not the passphrase")
    conn = raw_connection(backup)
    try:
        assert conn.execute("SELECT count(*) FROM revision").fetchone()[0] == revisions
        assert not conn.execute(
            "SELECT name FROM sqlite_master WHERE name = 'inspection_note'").fetchall()
    finally:
        conn.close()
    assert database.probe(db_path, PASSPHRASE) == current + 1
    assert sha256_file(db_path) != original


REGISTERS = ("finding", "finding_amendment", "clue", "suggestion", "rule_improved",
             "immediate_rectification", "rectification", "numbering")


def test_version_1_file_gains_the_evaluation_step_and_register_tables(workspace, db_path):
    workspace.close()
    conn = raw_connection(db_path)
    for table in ("ballot", "evaluation", "step_record", "local_draft", "person", "revision_batch",
                  "enrolment", *REGISTERS):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert database.probe(db_path, PASSPHRASE) == 1
    db = database.open_database(db_path, PASSPHRASE)
    try:
        with db.read() as s:
            tables = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='table'")))
            report = revlog.check(s)
        assert {"evaluation", "ballot", "step_record", "local_draft", "person",
                *REGISTERS} <= tables
        assert report.ok, report.problems
    finally:
        db.close()
    assert database.probe(db_path, PASSPHRASE) == database.SCHEMA_VERSION
    assert database.probe(db_path.with_name(f"{db_path.name}.v1.bak"), PASSPHRASE) == 1


def test_version_5_pairs_of_ids_lose_their_rowid_and_keep_their_rows(workspace, db_path):
    village = make_tree(workspace)["village"]
    roster.rename(workspace, village, "新桥新村")
    roster.attach(workspace, village, b"a scanned ledger page")
    workspace.close()
    conn = raw_connection(db_path)
    old = {}
    for table, key in (("revision_parent", "revision_id, parent_id"),
                       ("revision_attachment", "revision_id, blob_hash"),
                       ("head", "record_id, revision_id")):
        old[table] = conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        columns = ", ".join(f"{c} VARCHAR NOT NULL" for c in key.split(", "))
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"CREATE TABLE {table} ({columns}, PRIMARY KEY ({key}))")  # as version 5
        conn.executemany(f"INSERT INTO {table} VALUES (?, ?)", old[table])
    conn.execute("CREATE INDEX ix_revision_parent_parent ON revision_parent (parent_id)")
    for table in ("revision_batch", "enrolment"):  # added by version 7
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert all(old.values())
    database.open_database(db_path, PASSPHRASE).close()
    conn = raw_connection(db_path)
    try:
        for table, rows in old.items():
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert "WITHOUT ROWID" in sql[0]
            key = "revision_id, parent_id" if table == "revision_parent" else "1, 2"
            assert conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall() == rows
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                            "AND name LIKE '%_v5'").fetchone()[0] == 0
        with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="immutable"):
            conn.execute("DELETE FROM revision_parent")
    finally:
        conn.close()
    assert run_cli("check", str(db_path)).returncode == 0


def test_newer_schema_is_refused_untouched(workspace, db_path):
    workspace.close()
    conn = raw_connection(db_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = sha256_file(db_path)
    with pytest.raises(errors.NewerSchema) as info:
        database.open_database(db_path, PASSPHRASE)
    assert "99" in str(info.value)
    assert sha256_file(db_path) == before
    assert not list(db_path.parent.glob("*.bak"))
    cli = run_cli("stats", str(db_path))
    assert cli.returncode == 1 and "99" in cli.stderr and "Traceback" not in cli.stderr
    assert sha256_file(db_path) == before

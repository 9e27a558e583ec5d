"""Merging bad, tampered and foreign sources, and merges killed half-way, on real files:
through ``desktop.services.merge`` and ``xuncha merge`` in a subprocess (never a traceback);
sources tampered with through raw SQLCipher connections. A tampered revision refuses its whole
source, naming it and its descendants; a source that does not verify is refused whole, target
untouched, others merged; sources are never written to; a killed merge leaves the target before
or after.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlcipher3
from conftest import PASSPHRASE, make_tree
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select, text
from test_bad_input import AS_NOBODY, CLI, assert_one_line_error, world_dir  # noqa: F401

from desktop.core import canonical, errors
from desktop.core.i18n import tr
from desktop.services import demo, identity, merge, restricted, roster, trust
from desktop.services.workspace import open_workspace
from desktop.store import database, revlog
from desktop.store.models import RevisionRow

EXCHANGE = "round exchange 2026"
ROOT = Path(__file__).resolve().parents[1]
# The command line, saying "ready" once imported: a kill after that lands in the merge.
KILLABLE = "import sys, desktop.cli\nprint('ready', flush=True)\nsys.exit(desktop.cli.main())\n"
# The stdlib may live where nobody cannot read: load the codec canonical JSON needs first.
NOBODY = "import encodings.utf_16_be\n" + AS_NOBODY
EXPORT = NOBODY + """from desktop.services import merge
try:
    merge.export(open_workspace(sys.argv[1], sys.argv[3]), sys.argv[3], sys.argv[2], sys.argv[4])
except errors.ReadOnlyLocation as e:
    print(e); sys.exit(3)
"""


def raw(path: Path, key: str, *statements: str | tuple) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    for statement in statements:
        conn.execute(*(statement if isinstance(statement, tuple) else (statement,)))
    return conn


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() if p.is_file() else b"/" for p in sorted(folder.iterdir())}


def environ(passphrase: str = PASSPHRASE, exchange: str | None = EXCHANGE) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    return env | {"XUNCHA_PASSPHRASE": passphrase} | (
        {"XUNCHA_EXCHANGE_PASSPHRASE": exchange} if exchange else {})


def xuncha(*args: object, exchange: str | None = EXCHANGE, script: str | None = None,
           code: int | None = None) -> subprocess.CompletedProcess[str]:
    head = ["-c", script] if script else ["-m", "desktop.cli"]
    result = subprocess.run([sys.executable, *head, *map(str, args)], cwd=ROOT, text=True,
                            env=environ(exchange=exchange), capture_output=True, timeout=180)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert code is None or result.returncode == code, result.stderr + result.stdout
    return result


def checked(path: Path, passphrase: str = PASSPHRASE) -> tuple[str, set[str], list]:
    """Pass integrity_check and the log's own check; return digest, revision ids, schema.
    The log is read as the laptop reads it, its own key opening what is encrypted to it."""
    with contextlib.closing(database.open_database(path, passphrase)) as db:
        restricted.install(db)
        return _checked(db)


def _checked(db: database.Database) -> tuple[str, set[str], list]:
    with db.session() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert (report := revlog.check(s)).ok, report.problems
        return revlog.digest(s), set(s.scalars(select(RevisionRow.id))), sorted(s.execute(text(
            "SELECT type, name, sql FROM sqlite_master")).all())


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> SimpleNamespace:
    """The leader's database (the target) and two laptops' files, all closed: b renamed a
    village three times (a chain) and made two other edits; c added a village."""
    folder = tmp_path_factory.mktemp("round")
    ws, _ = roster.create_database(folder / "round.db", PASSPHRASE, roster.NewRound(
        "2026年第一轮巡察", 2026, "第二巡察组", "王堃", "leader"))
    ids = make_tree(ws)
    [database.backup_copy(ws.db, folder / f"{n}.db") for n in "bc"]
    b, c = ws.close() or (open_workspace(folder / f"{n}.db", PASSPHRASE) for n in "bc")
    chain = [roster.rename(b, ids["village"], f"{n}村").revisions[0] for n in "一二三"]
    others = {*roster.add_village(b, "西塘村", ids["town"]).revisions,
              *roster.rename(b, ids["village2"], "东塘村").revisions}
    roster.add_village(c, "南塘村", ids["town"])
    for ws in (b, c):
        merge.export(ws, PASSPHRASE, ws.path.with_suffix(".xch"), EXCHANGE)
        ws.close()
    return SimpleNamespace(folder=folder, chain=chain, others=others)


@pytest.fixture
def r(base, tmp_path: Path) -> SimpleNamespace:
    """A fresh copy of the round, and a twin of the target for the command line."""
    shutil.copytree(base.folder, d := tmp_path / "round")
    return SimpleNamespace(**vars(base), dir=d, target=d / "round.db", **{
        f"{n}{x}": d / f"{n}.{x}" for n in "bc" for x in ("xch", "db")},
        twin=shutil.copyfile(d / "round.db", tmp_path / "twin.db"))


def test_a_tampered_revision_refuses_its_whole_file_naming_it_and_its_descendants(r):
    _sql((FLIP_ONE_BYTE, r.chain[:1]))(r, bad := r.dir / "bad.xch")  # no trigger stops the UPDATE
    before = checked(r.target)
    report = merge.merge(r.target, PASSPHRASE, [bad, r.cxch], exchange_passphrase=EXCHANGE)
    expected = {r.chain[0]: tr("revision {rid}: hash does not match its content", rid=r.chain[0]),
                **{c: tr("revision {rid}: builds on rejected revision {parent}", rid=c, parent=p)
                   for p, c in zip(r.chain, r.chain[1:], strict=False)}}
    src, other = report.sources
    assert (src.error, src.signed, src.rejected, src.new_revisions) == (
        str(merge.RevisionsRefused(n=3)), True, expected, 0)
    assert other.error == "" and other.new_revisions > 0  # the other laptop's file merges
    digest, ids, _ = checked(r.target)
    assert not ids & (set(r.chain) | r.others) and before[1] < ids
    assert digest == report.digest_after
    cli = json.loads(xuncha("merge", r.twin, bad, "--json", code=1).stdout)
    assert cli["sources"][0]["rejected"] == expected and cli["digest_after"] == before[0]
    assert [xuncha("check", t, code=0).returncode for t in (r.target, r.twin)] == [0, 0]


def test_no_backup_is_left_when_every_revision_brought_is_rejected(r):
    _sql(*[(FLIP_ONE_BYTE, [rid]) for rid in (r.chain[0], *r.others)])(r, bad := r.dir / "bad.xch")
    before = checked(r.target)
    report = merge.merge(r.target, PASSPHRASE, [bad], exchange_passphrase=EXCHANGE)
    assert report.sources[0].new_revisions == 0 and len(report.sources[0].rejected) == 5
    assert report.sources[0].error and report.backup is None and list(r.dir.glob("round.db.before-merge-*")) == []
    assert checked(r.target)[:2] == before[:2]
    # the control: the same file untampered brings revisions, and a backup is kept
    report = merge.merge(r.target, PASSPHRASE, [r.bxch], exchange_passphrase=EXCHANGE)
    assert report.backup and list(r.dir.glob("round.db.before-merge-*")) == [report.backup]


def _forge(conn: sqlcipher3.Connection, parent: str, **changes: object) -> str:
    """Add to a source a revision on ``parent`` with envelope fields changed, hashed anew."""
    envelope = {**canonical.parse(conn.execute(
        "SELECT envelope FROM revision WHERE id = ?", (parent,)).fetchone()[0]),
        "parents": [parent], **changes}
    data = canonical.canonical_bytes(envelope)
    rid = hashlib.sha256(data).hexdigest()
    row = {k: envelope[k] if isinstance(envelope[k], str) else "x"
           for k in ("kind", "record_id", "author", "device", "hlc", "wall_time")}
    conn.execute("INSERT INTO revision (id, kind, record_id, author, device, hlc, wall_time, "
                 "deleted, envelope) VALUES (:id, :kind, :record_id, :author, :device, :hlc, "
                 ":wall_time, 0, :envelope)", {**row, "id": rid, "envelope": data})
    conn.execute("INSERT INTO revision_parent VALUES (?, ?)", (rid, parent))
    return rid


def test_revisions_with_a_malformed_clock_or_field_refuse_the_file(r):
    conn = raw(shutil.copyfile(r.bdb, bad := r.dir / "forged.db"), PASSPHRASE)
    forged = [_forge(conn, r.chain[-1], hlc="yesterday"),
              _forge(conn, r.chain[-1], hlc=1764000000000),
              _forge(conn, r.chain[-1], parents=[r.chain[-1], 7]),
              _forge(conn, r.chain[-1], author=None)]
    conn.commit()
    conn.close()
    before = checked(r.target)
    report = merge.merge(r.target, PASSPHRASE, [bad])
    wrong = "revision {rid}: a field of its envelope has the wrong type or form"
    assert (src := report.sources[0]).error and src.rejected == {
        rid: tr(wrong, rid=rid) for rid in forged}
    assert checked(r.target) == before and report.backup is None
    cli = xuncha("merge", r.twin, bad, "--json", code=1)
    assert sorted(json.loads(cli.stdout)["sources"][0]["rejected"]) == sorted(forged)


def _signer(r: SimpleNamespace, bad: Path) -> None:  # a true signature by an outside key
    conn = raw(shutil.copyfile(r.bxch, bad), EXCHANGE)
    manifest = canonical.canonical_bytes({**canonical.parse(conn.execute(
        "SELECT manifest FROM exchange_manifest").fetchone()[0]), "device": "01900000-beef"})
    key = identity.load_private_key(OUTSIDER.private_key_pem, PASSPHRASE)
    conn.execute("UPDATE exchange_manifest SET manifest = ?, signature = ?, certificate = ?", (
        manifest, key.sign(manifest, ec.ECDSA(hashes.SHA256())), OUTSIDER.certificate_pem))
    conn.close()


def _unenrolled(path: Path, keys: identity.KeyMaterial) -> errors.XunchaError:
    """The refusal of a file signed by a device the round did not enrol."""
    with contextlib.closing(raw(path, EXCHANGE)) as conn:
        signed = canonical.parse(conn.execute("SELECT manifest FROM exchange_manifest").fetchone()[0])
    return trust.DeviceNotEnrolled(name=signed["author_name"], fingerprint=trust.grouped(
        identity.certificate_fingerprint(keys.certificate_pem)))


def _self_signed_list(r: SimpleNamespace, bad: Path) -> None:  # b's own key signs "[]"
    with contextlib.closing(raw(r.bdb, PASSPHRASE)) as conn:
        pem = conn.execute("SELECT private_key_pem FROM local_identity").fetchone()[0]
    key = identity.load_private_key(pem, PASSPHRASE)
    with contextlib.closing(raw(shutil.copyfile(r.bxch, bad), EXCHANGE)) as conn:
        conn.execute("UPDATE exchange_manifest SET manifest = ?, signature = ?",
                     (b"[]", key.sign(b"[]", ec.ECDSA(hashes.SHA256()))))


def _damage(bad: Path) -> None:  # noise in the page holding the revisions
    with contextlib.closing(raw(bad, EXCHANGE)) as conn, open(bad, "r+b") as f:
        f.seek(conn.execute("SELECT rootpage - 1 FROM sqlite_master WHERE name = 'revision'"
                            ).fetchone()[0] * database.PAGE_SIZE + 512)
        f.write(os.urandom(64))


_sql = lambda *statements, db=False: lambda r, bad: raw(  # noqa: E731 - SQL on a copy of b
    shutil.copyfile(r.bdb if db else r.bxch, bad), PASSPHRASE if db else EXCHANGE,
    *statements).close()
FLIP_ONE_BYTE = ("UPDATE revision SET envelope = CAST(substr(envelope, 1, 99) || iif(substr("
                 "envelope, 100, 1) = x'41', x'42', x'41') || substr(envelope, 101) AS BLOB) "
                 "WHERE id = ?")
OUTSIDER = identity.new_key_material("李四", "别的组", PASSPHRASE)  # a device of no round
# A view that fails whenever it is run: only a refusal before reading it passes.
TRAP = "CREATE VIEW {0} AS SELECT * FROM {0}_real WHERE abs(-9223372036854775808) > 0"
NEWER = "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
FOREIGN, NOT_SIGNED = (errors.ForeignDatabase,), (merge.ManifestInvalid,)
WRONG, NOT_DB = (errors.SourcePassphrase,), (errors.NotADatabase,)
NEWER_SCHEMA = (lambda path: errors.NewerSchema(found=99, supported=database.SCHEMA_VERSION),)
def COPY(r: SimpleNamespace, bad: Path) -> Path:  # noqa: N802 - used like the constants
    return shutil.copyfile(r.bxch, bad)
# case: (make the bad source at ``bad``, what it is refused with: callables taking path=)
REFUSED = {
    "signature-byte": (_sql("UPDATE exchange_manifest SET signature = CAST(substr(signature, 1, "
                            "length(signature) - 1) || iif(substr(signature, -1) = x'01', "
                            "x'02', x'01') AS BLOB)"), NOT_SIGNED),
    "manifest-byte": (_sql("UPDATE exchange_manifest SET manifest = CAST(replace(CAST(manifest"
                           " AS TEXT), 'version\":', 'version\":9') AS BLOB)"), NOT_SIGNED),
    "outside-certificate": (_sql(("UPDATE exchange_manifest SET certificate = ?",
                                  (OUTSIDER.certificate_pem,))), NOT_SIGNED),
    "outside-signer": (_signer, (lambda path: _unenrolled(path, OUTSIDER),)),
    "wrong-exchange-passphrase": (COPY, WRONG, "别的交换口令 x"),
    "no-exchange-passphrase": (COPY, WRONG, None),
    "random": (lambda r, bad: bad.write_bytes(os.urandom(5000)), NOT_DB),
    "random-pages": (lambda r, bad: bad.write_bytes(os.urandom(8192)), WRONG + NOT_DB),
    "text": (lambda r, bad: bad.write_text("巡察工作底稿\n" * 99, encoding="utf-8"), NOT_DB),
    "plain-sqlite": (lambda r, bad: sqlcipher3.connect(bad).executescript(  # no key: plain
        "CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('content', 'exchange')"
    ).connection.close(), (errors.PlainDatabase,)),
    "damaged": (lambda r, bad: _damage(COPY(r, bad)), NOT_DB),
    "directory": (lambda r, bad: bad.mkdir(), NOT_DB),
    "missing": (lambda r, bad: None, (errors.FileMissing,)),
    "newer-exchange": (_sql(NEWER), NEWER_SCHEMA),
    "newer-database": (_sql(NEWER, db=True), NEWER_SCHEMA),
    **{f"{t}-is-a-view": (_sql(f"ALTER TABLE {t} RENAME TO {t}_real", TRAP.format(t)), FOREIGN)
       for t in ("revision", "blob", "exchange_manifest")},
    "column-renamed": (_sql("ALTER TABLE revision RENAME COLUMN envelope TO payload"), FOREIGN),
    "envelope-as-text": (_sql("UPDATE revision SET envelope = CAST(envelope AS TEXT) "
                              "WHERE rowid = (SELECT max(rowid) FROM revision)"), FOREIGN),
    "id-not-hex": (_sql("UPDATE revision SET id = 'zz' || substr(id, 3) "
                        "WHERE rowid = (SELECT max(rowid) FROM revision)"), FOREIGN),
    "no-manifest": (_sql("DROP TABLE exchange_manifest"), NOT_SIGNED),
    "manifest-not-an-object": (_self_signed_list, NOT_SIGNED),
    "relabelled-as-database": (_sql("DELETE FROM meta WHERE key = 'content'"), NOT_SIGNED),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_source_that_does_not_verify_is_refused_whole(case, r):
    make, kinds, exchange = (*REFUSED[case], EXCHANGE)[:3]
    make(r, bad := r.dir / "bad.xch")  # c's database opens with the target's passphrase:
    other = r.cxch if exchange == EXCHANGE else r.cdb
    whys, before = {str(kind(path=bad)) for kind in kinds}, files(r.dir)
    alone = merge.merge(r.target, PASSPHRASE, [bad], exchange_passphrase=exchange)
    assert alone.sources[0].error in whys and alone.nothing_new and alone.backup is None
    assert files(r.dir) == before  # the target's and the source's bytes; nothing left behind
    both = merge.merge(r.target, PASSPHRASE, [bad, other], exchange_passphrase=exchange)
    assert both.sources[0].error in whys and both.sources[1].error == ""
    assert both.sources[1].new_records == 1  # the other source still merges
    cli = json.loads(xuncha("merge", r.twin, bad, other, "--json", code=1,
                            exchange=exchange).stdout)["sources"]
    assert cli[0]["error"] in whys and (cli[1]["error"], cli[1]["new_records"]) == ("", 1)


EXTRAS = ("CREATE TABLE extra (x)", "CREATE VIEW evil AS SELECT id, envelope FROM revision",
    "CREATE TRIGGER evil_log AFTER INSERT ON revision BEGIN INSERT INTO extra VALUES (new.id); END",
    "CREATE TRIGGER evil_blob BEFORE INSERT ON blob BEGIN SELECT RAISE(ABORT, 'evil'); END",
    "CREATE INDEX evil_index ON revision (author, hlc)")


@pytest.mark.parametrize("db", [False, True], ids=["exchange", "database"])
def test_extra_objects_in_a_source_never_reach_the_target(db, r):
    _sql(*EXTRAS, db=db)(r, extra := r.dir / "extra.xch")
    before, (_, _, schema) = files(r.dir)[extra.name], checked(r.target)
    report = merge.merge(r.target, PASSPHRASE, [extra], exchange_passphrase=EXCHANGE)
    src = report.sources[0]
    assert (src.error, src.signed, src.new_revisions) == ("", not db, len(r.chain + [*r.others]))
    assert checked(r.target)[::2] == (report.digest_after, schema)  # no object of the source
    assert files(r.dir)[extra.name] == before  # read only


@pytest.fixture(scope="module")
def six(tmp_path_factory) -> SimpleNamespace:
    """The demo's six exchange files; laptop 1's database; digests before and after merging."""
    laptops = demo.generate(folder := tmp_path_factory.mktemp("demo"), "changzhou", 6, 1).paths
    for ws in (open_workspace(path, demo.DEMO_PASSPHRASE) for path in laptops):
        merge.export(ws, demo.DEMO_PASSPHRASE, ws.path.with_suffix(".xch"), EXCHANGE)
        ws.close()
    d = SimpleNamespace(laptop=laptops[0], sources=[p.with_suffix(".xch") for p in laptops],
                        key=demo.DEMO_PASSPHRASE)
    d.before = checked(full := shutil.copyfile(d.laptop, folder / "full.db"), d.key)[0]
    child, start = start_merge(full, d.sources), time.perf_counter()
    _, err = child.communicate(timeout=180)
    assert child.returncode == 0 and "Traceback" not in err, err
    d.seconds, d.full = time.perf_counter() - start, checked(full, d.key)[0]
    assert d.full != d.before
    print(f"\nfull merge of {len(d.sources)} exchange files: {d.seconds:.2f} s")
    return d


def start_merge(target: Path, sources: list[Path]) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", KILLABLE, "merge", target, *sources],
                             cwd=ROOT, env=environ(demo.DEMO_PASSPHRASE), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout and child.stdout.readline().strip() == "ready"
    return child


def test_a_new_target_takes_all_that_laptop_one_takes(six, tmp_path):
    """The leader merging into a new file judges each source by those before it, as
    laptop 1 does: a team leader's deletion in the fourth file is not refused for want of
    the inspector table a new file builds only at the end."""
    made = merge.merge(tmp_path / "new.db", six.key, six.sources, exchange_passphrase=EXCHANGE)
    assert [(s.error, s.rejected) for s in made.sources] == [("", {})] * len(six.sources)
    assert made.digest_after == six.full == checked(tmp_path / "new.db", six.key)[0]


@pytest.mark.slow
def test_merge_killed_at_random_moments_leaves_before_or_after(six, tmp_path):
    rng, runs, outcomes = random.Random(2026), 8, []
    for i in range(runs):  # even runs: a random delay in each quarter of 0.05 s .. 1.4 × merge
        delay = 0.05 + (1.4 * six.seconds - 0.05) * (i // 2 + rng.random()) / (runs // 2)
        (folder := tmp_path / f"run{i}").mkdir()
        child = start_merge(target := shutil.copyfile(six.laptop, folder / "t.db"), six.sources)
        while i % 2 and child.poll() is None and not any(folder.glob("t.db.before-merge-*")):
            time.sleep(0.005)  # odd runs: a random moment soon after the backup has begun
        time.sleep(delay := rng.uniform(0, 0.2) if i % 2 else delay)
        child.kill()
        _, err = child.communicate(timeout=30)
        killed = child.returncode == -9  # SIGKILL
        assert killed or (child.returncode == 0 and not err), (delay, err)
        begun = any(folder.glob("t.db.before-merge-*"))  # the backup, or its .partial
        digest = checked(target, six.key)[0]
        assert digest in (six.before, six.full) and (killed or digest == six.full), delay
        outcomes.append((f"{'backup+' * (i % 2)}{delay:.2f}", killed, begun, digest == six.full))
        for s in range(6):  # stale partial backups where the next run writes its own
            (folder / time.strftime("t.db.before-merge-%Y%m%d-%H%M%S.bak.partial",
                                    time.localtime(time.time() + s))).write_bytes(b"junk" * 99)
        again = merge.merge(target, six.key, six.sources, exchange_passphrase=EXCHANGE)
        assert [s.error for s in again.sources] == [""] * len(six.sources)
        assert again.digest_after == six.full == checked(target, six.key)[0]
        assert again.backup is None or not Path(f"{again.backup}.partial").exists()
    print(f"\n(delay s, killed, backup begun, merged) for a {six.seconds:.2f} s merge: {outcomes}")
    assert any(killed and begun and not full for _, killed, begun, full in outcomes), outcomes


@pytest.mark.slow
def test_first_merge_killed_leaves_no_target_or_the_whole_one(six, tmp_path):
    whole = merge.merge(tmp_path / "reference.db", six.key, six.sources,
                        exchange_passphrase=EXCHANGE).digest_after
    rng, outcomes = random.Random(6), []
    for i in range(4):
        (folder := tmp_path / f"run{i}").mkdir()
        child = start_merge(target := folder / "new.db", six.sources)
        time.sleep(rng.uniform(0.05, 1.2 * six.seconds))
        child.kill()
        child.communicate(timeout=30)
        made = target.exists()
        assert not made or checked(target, six.key)[0] == whole  # never a part of a target
        outcomes.append((made, sorted(p.name for p in folder.iterdir())))
        again = merge.merge(target, six.key, six.sources, exchange_passphrase=EXCHANGE)
        assert again.digest_after == whole and again.nothing_new == made
        assert [p.name for p in folder.iterdir()] == ["new.db"]  # the interrupted one removed
    print(f"\n(target made, files left) after each kill: {outcomes}")
    assert not all(made for made, _ in outcomes), outcomes


def test_dry_run_into_a_missing_target_leaves_no_file(r):
    report = merge.merge(r.dir / "new.db", PASSPHRASE, [r.bxch], exchange_passphrase=EXCHANGE,
                         dry_run=True)
    assert report.sources[0].new_revisions > 0 and report.dry_run
    assert not list(r.dir.glob("new.db*"))


def test_export_refuses_short_passphrases_and_read_only_folders(r, world_dir):  # noqa: F811
    with contextlib.closing(open_workspace(r.bdb, PASSPHRASE)) as ws, \
            pytest.raises(errors.PassphraseTooShort):
        merge.export(ws, PASSPHRASE, r.dir / "short.xch", "短口令1234")  # 7 characters
    assert_one_line_error(xuncha("export", r.bdb, r.dir / "short.xch", exchange="短口令1234"))
    assert not list(r.dir.glob("short.xch*"))
    laptop, out = world_dir / "laptop", world_dir / "readonly" / "b.xch"
    for folder, mode in ((laptop, 0o777), (out.parent, 0o555)):
        folder.mkdir()
        folder.chmod(mode)
    (db := shutil.copyfile(r.bdb, laptop / "b.db")).chmod(0o666)
    service = xuncha(db, out, PASSPHRASE, EXCHANGE, script=EXPORT, code=3)  # as nobody
    assert str(out) in service.stdout and len(service.stdout.splitlines()) == 1
    assert_one_line_error(xuncha("export", db, out, script=NOBODY + CLI[len(AS_NOBODY):]), out)
    assert list(out.parent.iterdir()) == []

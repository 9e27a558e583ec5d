"""Every bad input ends in a clear error and leaves the data intact.

Wrong passphrases, files that are not (or no longer) our databases, read-only folders, a full
disk and a process killed mid-write are tried through the services and through the ``xuncha``
command line in real subprocesses: the CLI must exit 1 with one line on stderr and no traceback,
and afterwards every file must be unchanged or still pass its checks.
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE, make_tree
from sqlalchemy import text

from desktop.core import errors, kinds
from desktop.services import roster
from desktop.services.workspace import open_workspace
from desktop.store import revlog

ROOT = Path(__file__).resolve().parents[1]
INIT = ["--name", "2026年第一轮巡察", "--inspector", "王堃", "--role", "leader",
        "--team", "第二巡察组"]
NEW_ROUND = roster.NewRound("2026年第一轮巡察", 2026, "第二巡察组", "王堃", "leader")

# The venv's interpreter may live under a folder only root can enter (/root/.pyenv), so the
# child imports everything while still root and only then becomes nobody.
AS_NOBODY = """
import os, sys
import desktop.cli
from desktop.core import errors
from desktop.services import roster
from desktop.services.workspace import open_workspace
from sqlalchemy.dialects.sqlite import pysqlcipher
from cryptography.hazmat.backends.openssl import backend  # what signing imports on first use
if os.geteuid() == 0:
    os.setgroups([]); os.setgid(65534); os.setuid(65534)
    assert os.getuid() == 65534
"""
CLI = AS_NOBODY + "sys.exit(desktop.cli.main(sys.argv[1:]))\n"
WRITE = AS_NOBODY + """
try:
    ws = open_workspace(sys.argv[1], os.environ["XUNCHA_PASSPHRASE"])
    roster.add_district(ws, "新北区")
except errors.ReadOnlyLocation as e:
    print(e); sys.exit(3)
"""
FILL = """
import os, sys
from desktop.core import errors
from desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1], os.environ["XUNCHA_PASSPHRASE"])
try:
    with ws.unit_of_work() as uow:
        for i in range(400):
            uow.write("village", None, {"name": "村" * 190 + str(i), "town_id": sys.argv[2]})
except errors.DiskFull as e:
    print(e); sys.exit(3)
"""
LOOP = """
import os, sys
from desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1], os.environ["XUNCHA_PASSPHRASE"])
per_unit = int(sys.argv[3])
print("ready", flush=True)
while True:
    with ws.unit_of_work() as uow:
        for i in range(per_unit):
            uow.write("village", None, {"name": f"第{i}村" * 40, "town_id": sys.argv[2]})
"""


def run(args: list[str], *, passphrase: str = PASSPHRASE, script: str | None = None,
        **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XUNCHA_LANG"}
    env["XUNCHA_PASSPHRASE"] = passphrase
    head = ["-c", script] if script else ["-m", "desktop.cli"]
    return subprocess.run([sys.executable, *head, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, **kw)


def assert_one_line_error(result: subprocess.CompletedProcess[str], path: Path | None = None,
                          code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xuncha"), result.stderr
    if path is not None:
        assert str(path) in lines[0]


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.iterdir())}


def state(path: Path) -> tuple[int, str]:
    """Open with the services and check everything; return the revision count and digest."""
    ws = open_workspace(path, PASSPHRASE)
    try:
        with ws.db.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            report = revlog.check(session)
            assert report.ok, report.problems
            return revlog.count_revisions(session), revlog.digest(session)
    finally:
        ws.close()


@pytest.fixture
def filled(workspace, db_path) -> tuple[Path, str]:
    """A closed database with a tree of records; returns its path and a town id."""
    ids = make_tree(workspace)
    for i in range(60):
        roster.add_village(workspace, f"测试村{i}" * 20, ids["town"])
    workspace.close()
    return db_path, ids["town"]


@pytest.fixture
def world_dir():
    """A folder that uid 65534 can reach (tmp_path may be 0700)."""
    base = Path(tempfile.mkdtemp(dir="/tmp"))
    base.chmod(0o755)
    yield base
    for p in (base, *base.rglob("*")):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(base)


def test_wrong_passphrase(filled):
    path, _ = filled
    before = fingerprint(path.parent)
    with pytest.raises(errors.WrongPassphrase):
        open_workspace(path, "wrong passphrase 错")
    assert_one_line_error(run(["stats", str(path)], passphrase="wrong passphrase 错"), path)
    assert fingerprint(path.parent) == before


def _plain_sqlite(p: Path) -> None:
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE village (name TEXT)")
        conn.execute("INSERT INTO village VALUES ('新桥村')")
    conn.close()


BAD_FILES = {
    "random": (lambda p, db: p.write_bytes(os.urandom(5000)), errors.NotADatabase),
    # Whole pages of noise look exactly like a file encrypted with another key.
    "random-pages": (lambda p, db: p.write_bytes(os.urandom(8192)),
                     (errors.WrongPassphrase, errors.NotADatabase)),
    "text": (lambda p, db: p.write_text("巡察工作底稿\n" * 99, encoding="utf-8"),
             errors.NotADatabase),
    "empty": (lambda p, db: p.write_bytes(b""), errors.NotADatabase),
    "plain-sqlite": (lambda p, db: _plain_sqlite(p), errors.PlainDatabase),
    "half": (lambda p, db: p.write_bytes(db.read_bytes()[:db.stat().st_size // 2]),
             errors.NotADatabase),
    "three-pages": (lambda p, db: p.write_bytes(db.read_bytes()[:3 * 4096]),
                    errors.NotADatabase),
    "one-page-short": (lambda p, db: p.write_bytes(db.read_bytes()[:-4096]),
                       errors.NotADatabase),
    "directory": (lambda p, db: p.mkdir(), errors.NotADatabase),
    "missing": (lambda p, db: None, errors.FileMissing),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_not_our_database(kind, filled, tmp_path):
    build, expected = BAD_FILES[kind]
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / "input.db"
    build(path, filled[0])
    before = fingerprint(folder)
    with pytest.raises(expected):
        open_workspace(path, PASSPHRASE)
    for command in ("stats", "check"):
        assert_one_line_error(run([command, str(path)]), path)
    assert fingerprint(folder) == before  # nothing changed, no -wal or -shm left behind


def test_create_in_read_only_folder(world_dir):
    folder = world_dir / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / "new.db"
    result = run(["init", str(target), *INIT], script=CLI)
    assert_one_line_error(result, target)
    assert list(folder.iterdir()) == []


def test_write_next_to_database_in_read_only_folder(world_dir):
    folder = world_dir / "readonly"
    folder.mkdir()
    ws, _ = roster.create_database(folder / "round.db", PASSPHRASE, NEW_ROUND)
    ws.close()
    (folder / "round.db").chmod(0o666)  # only the folder forbids the journal files
    folder.chmod(0o555)
    before = fingerprint(folder)
    assert_one_line_error(run(["init", str(folder / "other.db"), *INIT], script=CLI),
                          folder / "other.db")
    service = run([str(folder / "round.db")], script=WRITE)
    assert service.returncode == 3, service.stderr
    assert fingerprint(folder) == before
    folder.chmod(0o755)
    assert state(folder / "round.db")[0] == 4  # round, team, inspector, device


def test_disk_full_rolls_back(filled):
    path, town = filled
    count, digest = state(path)
    limit = path.stat().st_size + 64 * 1024

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run([str(path), town], script=FILL, preexec_fn=small_disk)
    assert result.returncode == 3, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1 and str(path) in result.stdout
    assert state(path) == (count, digest)


@pytest.mark.parametrize("per_unit,seed", [(1, 1), (7, 2), (7, 3), (250, 4), (250, 5)])
def test_killed_mid_write_keeps_whole_transactions(filled, per_unit, seed):
    path, town = filled
    count, _ = state(path)
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-c", LOOP, str(path), town, str(per_unit)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(random.Random(seed).uniform(0.05, 1.5))
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL  # it was still writing
    after, _ = state(path)
    assert after >= count and (after - count) % per_unit == 0


def test_empty_village_name(workspace):
    town = make_tree(workspace)["town"]
    with workspace.read() as s:
        count = revlog.count_revisions(s)
    for name in ("", "   "):
        with pytest.raises(kinds.ValidationError, match="名称"):
            roster.add_village(workspace, name, town)
    with workspace.read() as s:
        assert revlog.count_revisions(s) == count


def test_unknown_role(tmp_path):
    path = tmp_path / "round.db"
    with pytest.raises(kinds.ValidationError, match="职务"):
        roster.create_database(path, PASSPHRASE, roster.NewRound("轮", 2026, "组", "王", "boss"))
    args = ["init", str(path), *INIT[:-3], "boss", *INIT[-2:]]
    assert_one_line_error(run(args), code=2)  # argparse refuses it
    assert list(tmp_path.iterdir()) == []


def test_short_passphrase(tmp_path):
    path = tmp_path / "round.db"
    with pytest.raises(errors.PassphraseTooShort):
        roster.create_database(path, "1234567", NEW_ROUND)
    assert_one_line_error(run(["init", str(path), *INIT], passphrase="短口令123"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", ["database", "text"])
def test_init_over_existing_file(existing, filled, tmp_path):
    path = filled[0] if existing == "database" else tmp_path / "notes.txt"
    if existing == "text":
        path.write_text("别覆盖我", encoding="utf-8")
    before = fingerprint(path.parent)
    with pytest.raises(errors.FileExists):
        roster.create_database(path, PASSPHRASE, NEW_ROUND)
    assert_one_line_error(run(["init", str(path), *INIT]), path)
    assert fingerprint(path.parent) == before

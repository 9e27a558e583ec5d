"""What the program leaves on disk: owner-only files, no half-made database or demo round
after a crash, no backup for a merge that changed nothing."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.services import demo, roster
from desktop.store import database

PASS = "files-pass-123"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def xuncha(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env.update(XUNCHA_PASSPHRASE=PASS, XUNCHA_EXCHANGE_PASSPHRASE="exchange-pass-1",
               XUNCHA_DATA_DIR=str(data), XUNCHA_LANG="en")
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_every_file_the_cli_writes_is_the_users_alone(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    data = tmp_path / "data"
    made = xuncha("demo", str(tmp_path / "round"), "--laptops", "2", data=data)
    assert made.returncode == 0, made.stderr
    laptops = sorted((tmp_path / "round").glob("laptop-*.db"))
    exchange = tmp_path / "laptop-2.xch"
    for args in (["export", str(laptops[1]), str(exchange)],
                 ["merge", str(laptops[0]), str(exchange)]):
        done = xuncha(*args, data=data)
        assert done.returncode == 0, done.stderr
    backups = list((tmp_path / "round").glob("laptop-1.db.before-merge-*"))
    assert len(backups) == 1
    written = [*laptops, exchange, *backups, *data.rglob("*")]
    assert [p for p in written if p.is_file() and mode(p) & 0o077] == []
    assert [p for p in [tmp_path / "round", *data.rglob("*")]
            if p.is_dir() and mode(p) & 0o077] == []
    # the control: this test's own folder is readable by others, so the modes are the CLI's
    assert mode(tmp_path) & 0o055


def _crash_script(body: str) -> str:
    return textwrap.dedent(body)


def test_a_creation_killed_half_way_leaves_no_database_and_a_second_try_works(
        tmp_path: Path) -> None:
    db = tmp_path / "轮次.db"
    # killed (os._exit, as by kill -9) after the round is written and before the rename
    code = _crash_script(f"""
        import os
        from pathlib import Path
        from desktop.services import roster
        from desktop.store import database
        database.publish = lambda db, path: os._exit(9)
        roster.create_database(Path({str(db)!r}), {PASS!r}, roster.NewRound(
            "第一轮", 2026, "第一组", "欧阳𠮷", "leader"))
    """)
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert killed.returncode == 9
    assert not db.exists()
    ws, changes = roster.create_database(db, PASS, roster.NewRound(
        "第一轮", 2026, "第一组", "欧阳𠮷", "leader"))
    try:
        assert changes.created and ws.path == db
    finally:
        ws.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["轮次.db"]
    with pytest.raises(errors.FileExists):
        roster.create_database(db, PASS, roster.NewRound("第二轮", 2026, "组", "䶮", "leader"))


def test_a_demo_killed_half_way_leaves_no_round_to_open(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    code = _crash_script(f"""
        import os
        from pathlib import Path
        from desktop.services import demo
        def progress(message):
            if message.startswith("laptop-2"):
                os._exit(9)
        demo.generate(Path({str(out)!r}), "small", laptops=3, progress=progress)
    """)
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert killed.returncode == 9
    assert list(out.glob("laptop-*")) == []
    result = demo.generate(out, "small", laptops=3)
    assert [p.name for p in result.paths] == ["laptop-1.db", "laptop-2.db", "laptop-3.db"]
    assert sorted(p.name for p in out.iterdir()) == ["laptop-1.db", "laptop-2.db", "laptop-3.db"]
    assert all(database.probe(p, demo.DEMO_PASSPHRASE) for p in result.paths)

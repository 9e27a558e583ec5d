"""The xuncha command line, run as a real subprocess like scripts run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "demo-pass-123"


def xuncha(*args: str, passphrase: str | None = PASS, lang: str = "zh_CN",
           **kw: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env["XUNCHA_LANG"] = lang
    if passphrase is not None:
        env["XUNCHA_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, **kw)  # type: ignore[call-overload]


def test_help_is_chinese_by_default_and_english_on_request() -> None:
    zh = xuncha("--help")
    assert zh.returncode == 0 and "用法" in zh.stdout and "新建加密数据库" in zh.stdout
    en = xuncha("init", "--help", lang="en")
    assert en.returncode == 0 and "usage:" in en.stdout and "--passphrase-file" in en.stdout


def test_version() -> None:
    from desktop import __version__
    out = xuncha("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_init_stats_check(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    made = xuncha("init", str(db), "--name", "2026年第一轮巡察", "--inspector", "赵喆",
                  "--role", "deputy", "--team", "第三巡察组")
    assert made.returncode == 0, made.stderr
    stats = xuncha("stats", str(db), "--json")
    data = json.loads(stats.stdout)
    assert len(data["digest"]) == 64 and data["revisions"] == 4
    assert data["counts"]["inspector"] == 1 and data["counts"]["device"] == 1
    assert data["totals"] == {"villages": 0, "findings": 0, "suggestions": 0,
                              "rules_improved": 0, "clues": 0}
    checked = xuncha("check", str(db))
    assert checked.returncode == 0 and "校验通过" in checked.stdout


def test_passphrase_from_file_and_never_required_as_argument(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    made = xuncha("init", str(db), "--name", "r", "--inspector", "李四", "--role", "member",
                  "--team", "t", "--passphrase-file", str(secret), passphrase=None)
    assert made.returncode == 0, made.stderr
    assert xuncha("stats", str(db), passphrase=None).returncode == 1
    missing = xuncha("stats", str(db), passphrase=None, lang="en")
    assert "XUNCHA_PASSPHRASE" in missing.stderr and "Traceback" not in missing.stderr
    assert xuncha("stats", str(db), "--passphrase-file", str(secret),
                  passphrase=None).returncode == 0


@pytest.mark.parametrize("args", [
    ("stats", "/nonexistent/x.db"),
    ("init", "{tmp}/r.db", "--name", "r", "--inspector", " ", "--role", "member", "--team", "t"),
    ("init", "{tmp}/r.db", "--name", "r", "--inspector", "x", "--role", "boss", "--team", "t"),
    ("demo", "{tmp}/d", "--laptops", "0"),
])
def test_user_mistakes_give_one_line_and_no_traceback(tmp_path: Path, args: tuple) -> None:
    out = xuncha(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert out.returncode in (1, 2)
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.db").exists()


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        out = xuncha("demo", str(tmp_path / name), "--laptops", "3", "--seed", "7",
                     passphrase=None)
        assert out.returncode == 0, out.stderr
        files = sorted((tmp_path / name).glob("laptop-*.db"))
        assert len(files) == 3
        digests.append([json.loads(xuncha("stats", str(f), "--json", passphrase="xuncha-demo")
                                   .stdout)["digest"] for f in files])
    assert digests[0] == digests[1] and len(set(digests[0])) == 3
    other = xuncha("demo", str(tmp_path / "c"), "--laptops", "3", "--seed", "8",
                   passphrase=None)
    assert other.returncode == 0
    assert json.loads(xuncha("stats", str(tmp_path / "c" / "laptop-1.db"), "--json",
                             passphrase="xuncha-demo").stdout)["digest"] != digests[0][0]


@pytest.mark.slow
def test_changzhou_scale_has_the_articles_villages(tmp_path: Path) -> None:
    out = xuncha("demo", str(tmp_path), "--scale", "changzhou", passphrase=None)
    assert out.returncode == 0, out.stderr
    files = sorted(tmp_path.glob("laptop-*.db"))
    totals = [json.loads(xuncha("stats", str(f), "--json", passphrase="xuncha-demo").stdout)
              for f in files]
    assert len(files) == 6
    assert sum(t["totals"]["villages"] for t in totals) == 703
    assert {t["counts"]["district"] for t in totals} == {1}
    # one roster of 36 from the base; laptop 4 deleted a member while laptop 3 corrected them
    assert [t["counts"]["inspector"] for t in totals] == [36, 36, 36, 35, 36, 36]


def test_output_into_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    made = xuncha("demo", str(tmp_path), "--laptops", "1", passphrase=None)
    assert made.returncode == 0
    env = {**os.environ, "XUNCHA_PASSPHRASE": "xuncha-demo"}
    piped = subprocess.run(
        f"'{sys.executable}' -m desktop.cli stats '{tmp_path / 'laptop-1.db'}' --json | head -c 1",
        shell=True, env=env, capture_output=True, text=True, timeout=120)
    assert piped.stdout == "{" and "Traceback" not in piped.stderr


def test_stats_names_kinds_and_totals_in_the_users_language(tmp_path: Path) -> None:
    assert xuncha("demo", str(tmp_path), "--laptops", "1", passphrase=None).returncode == 0
    out = xuncha("stats", str(tmp_path / "laptop-1.db"), passphrase="xuncha-demo").stdout
    assert "村（社区）: 12" in out and "合计：村（社区）12 个" in out and "village" not in out

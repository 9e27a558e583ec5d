"""`xuncha check` on what a real round holds: several records of one step, a damaged page."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from desktop.services import roster, step_records
from desktop.store.database import PAGE_SIZE
from tests.conftest import PASSPHRASE, make_tree

MEETINGS = [
    {"date": "2026-05-11", "place": "村委会会议室",
     "attendees": [{"person": {"name": "张建国"}, "post": "村党总支书记", "side": "branch"},
                   {"person": {"name": "吉𠮷"}, "post": "村委会主任", "side": "committee"}]},
    {"date": "2026-05-12", "place": "党群服务中心",
     "attendees": [{"person": {"name": "王䶮"}, "post": "村务监督委员会主任", "side": "branch"}]},
]


def check(db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env |= {"XUNCHA_LANG": "zh_CN", "XUNCHA_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "check", str(db)], env=env,
                          capture_output=True, text=True, timeout=120)


def _round_with_step_records(db: Path) -> None:
    ws, _ = roster.create_database(db, PASSPHRASE, roster.NewRound(
        round_name="2026年第一轮巡察", year=2026, team_name="第二巡察组",
        inspector_name="王堃", role="leader"))
    try:
        village = make_tree(ws)["village"]
        for values in MEETINGS * 2:  # two records of one step, then edits of both
            draft = step_records.start_draft(ws, village, "opening_meeting")
            step_records.save_draft(ws, draft.id, values)
            step_records.save_record(ws, draft.id)
        assert len(step_records.records_of(ws, village, "opening_meeting")) == 4
    finally:
        ws.close()


def test_check_passes_on_a_village_with_several_records_of_one_step(tmp_path):
    db = tmp_path / "round.db"
    _round_with_step_records(db)
    done = check(db)
    assert done.returncode == 0, done.stderr
    assert "校验通过" in done.stdout and done.stderr == ""


def test_a_damaged_page_is_one_clear_line_and_the_file_is_left_as_it_was(tmp_path):
    db = tmp_path / "round.db"
    _round_with_step_records(db)
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * PAGE_SIZE
    page = len(data) // PAGE_SIZE // 2
    data[page * PAGE_SIZE + 100: page * PAGE_SIZE + 164] = bytes(64)
    db.write_bytes(data)
    done = check(db)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "sqlalchemy" not in done.stderr.lower()
    damage, saved, backup = done.stderr.strip().splitlines()
    assert damage.startswith("xuncha: ") and "损坏" in damage and str(db) in damage
    assert "完好可读" in saved and f"xuncha salvage {db} " in saved
    assert backup == "旁边没有校验通过的备份"
    assert db.read_bytes() == data


def xuncha(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env |= {"XUNCHA_LANG": "zh_CN", "XUNCHA_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def _ids(db: Path) -> set[str]:
    from desktop.store import database
    from desktop.store.models import RevisionRow
    with contextlib.closing(database.open_database(db, PASSPHRASE)) as d, d.read() as s:
        return set(s.scalars(select(RevisionRow.id)))


def _damage(data: bytes, page: int) -> bytearray:
    out = bytearray(data)
    out[page * PAGE_SIZE + 100: page * PAGE_SIZE + 164] = bytes(64)
    return out


def _damaged_in_the_log(db: Path, trial: Path, revisions: int) -> bytearray:
    """``db``'s bytes with a page damaged that holds some of its revisions, not the schema
    (without which nothing at all reads): found by trying each page on a copy."""
    from desktop.services import salvage

    data, found = db.read_bytes(), []
    for page in range(2, len(data) // PAGE_SIZE):
        trial.write_bytes(_damage(data, page))
        with contextlib.suppress(Exception):
            read = salvage.survey(trial, PASSPHRASE)
            if 0 < read.revisions < revisions:  # some lost, some not
                found.append(page)
        if found:
            break
    assert found
    out = bytearray(data)
    for page in found:
        out = _damage(out, page)
    return out


def test_salvage_keeps_every_intact_revision_and_names_the_clean_backup(tmp_path):
    from desktop.services import salvage
    from desktop.store import database

    db = tmp_path / "round.db"
    _round_with_step_records(db)
    whole = _ids(db)
    # an intact file salvages whole: every revision, its identity, the same current rows
    same = salvage.salvage(db, PASSPHRASE, tmp_path / "same.db")
    assert (same.revisions, same.unreadable_ranges, same.refused, same.lost) == (
        len(whole), 0, 0, [])
    assert same.identity and _ids(tmp_path / "same.db") == whole
    assert check(tmp_path / "same.db").returncode == 0
    with contextlib.closing(database.open_database(db, PASSPHRASE)) as d:
        backup = database.backup_copy(d, db.with_name(db.name + ".daily-20260512.bak"))
    data = _damaged_in_the_log(db, tmp_path / "trial.db", len(whole))
    db.write_bytes(data)
    done = check(db)
    assert done.returncode == 1 and done.stderr.strip().splitlines()[-1] == (
        f"校验通过的最新备份：{backup}")
    found = salvage.survey(db, PASSPHRASE)
    assert found.unreadable_ranges + found.refused > 0  # the damage cost something
    made = xuncha("salvage", str(db), str(new := tmp_path / "new.db"))
    assert made.returncode == 0, made.stderr
    assert "Traceback" not in made.stderr and str(new) in made.stdout
    kept = _ids(new)
    assert kept < whole and len(kept) == found.revisions  # intact ones only, all of them
    assert check(new).returncode == 0
    assert db.read_bytes() == data  # only read
    again = xuncha("salvage", str(db), str(new))
    assert again.returncode == 1 and "已有文件" in again.stderr and _ids(new) == kept


def test_every_demo_village_holds_several_records_of_every_step_and_checks_clean(tmp_path):
    from desktop.services import demo, demo_steps
    from desktop.services.workspace import open_workspace
    from desktop.store.models import StepRecordRow, VillageRow

    made = demo.generate(tmp_path / "demo", laptops=2, passphrase=PASSPHRASE)
    names = ""
    for path in made.paths:
        ws = open_workspace(path, PASSPHRASE)
        try:
            with ws.read() as s:
                villages = set(s.scalars(select(VillageRow.id)))
                held = Counter(s.execute(select(StepRecordRow.village_id, StepRecordRow.step)))
                names += "".join(str(v) for v in s.scalars(select(StepRecordRow.values)))
        finally:
            ws.close()
        assert villages
        for village in villages:
            for step, (fewest, _) in demo_steps.RECORDS.items():
                assert held[village, step] >= fewest, (path.name, step)
        assert sum(n for (_, step), n in held.items() if step == "interview") >= 3 * len(villages)
        done = check(path)
        assert done.returncode == 0 and "校验通过" in done.stdout, done.stderr
    assert "𠮷" in names and "䶮" in names

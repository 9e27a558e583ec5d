"""The registers on real encrypted files: the review chain, locking and amendments, clue
visibility, petition reporters, measures closed out, numbers after a merge, round figures and
the demo's totals."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.core import errors
from desktop.core.kinds import ValidationError
from desktop.core.registers import FindingLocked, RegisterRefused
from desktop.services import clues, demo, findings, merge, queries, registers, roster, step_records
from desktop.services.clues import ClueDraft
from desktop.services.findings import FindingDraft
from desktop.services.registers import TaskDraft
from desktop.services.workspace import Actor, Workspace, open_workspace
from desktop.store import database, revlog
from desktop.store.models import FindingRow, TeamRow
from tests.conftest import PASSPHRASE, make_tree

ROOT = Path(__file__).resolve().parents[1]
EXCHANGE = "round exchange 2026"
D = dt.date


@pytest.fixture
def team(workspace: Workspace) -> dict[str, str]:
    """The workspace's round with a district, a town and two villages, and a team of five;
    plus the leader of another team."""
    ids = make_tree(workspace)
    with workspace.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    ids |= {"team": team_id, "leader": workspace.actor.inspector_id}
    for key, name, role in (("deputy", "李副", "deputy"), ("liaison", "周联", "liaison"),
                            ("a", "张甲", "member"), ("b", "陈乙", "member")):
        ids[key] = roster.add_inspector(workspace, name, role, team_id).created[0]
    with workspace.unit_of_work() as uow:
        other = uow.write("team", None, {"name": "第三巡察组", "round_id": roster.round_id(uow)})
        ids["stranger"] = uow.write("inspector", None, {
            "name": "吴外", "role": "leader", "team_id": other.record_id}).record_id
    return ids


@contextlib.contextmanager
def acting(ws: Workspace, inspector_id: str) -> Iterator[Actor]:
    """Hand the laptop to another inspector of the round for a moment."""
    before = ws.actor
    ws.actor = Actor(inspector_id, before.device_id)
    try:
        yield ws.actor
    finally:
        ws.actor = before


def draft(ids: dict[str, str], **changes) -> FindingDraft:
    values = {"title": "村级招待费支出无审批手续", "aspect": "finance", "focus": "three_assets",
              "problem_class": "individual", "description": "2025年招待费12笔无审批",
              "village_id": ids["village"], "basis": "《农村集体经济组织财务制度》"}
    return FindingDraft(**{**values, **changes})


def new_finding(ws: Workspace, ids: dict[str, str], drafter: str = "a", **changes) -> str:
    with acting(ws, ids[drafter]):
        return findings.draft_finding(ws, draft(ids, **changes)).created[0]


def signed(ws: Workspace, ids: dict[str, str], reviewer: str = "deputy", drafter: str = "a",
           **changes) -> str:
    fid = new_finding(ws, ids, drafter, **changes)
    with acting(ws, ids[reviewer]):
        findings.review_finding(ws, fid)
    findings.sign_off_finding(ws, fid)  # the workspace's own inspector is the leader
    return fid


def test_the_review_chain_checks_roles_and_records_who_and_when(workspace, team) -> None:
    fid = new_finding(workspace, team, basis="")
    for who in ("a", "b", "liaison", "stranger"):
        with acting(workspace, team[who]), pytest.raises(RegisterRefused, match="只有组长或副组长"):
            findings.review_finding(workspace, fid)
    with pytest.raises(RegisterRefused, match="须经审核后才能签发"):
        findings.sign_off_finding(workspace, fid)
    with acting(workspace, team["deputy"]), pytest.raises(RegisterRefused, match="定性依据"):
        findings.review_finding(workspace, fid)
    findings.edit_finding(workspace, fid, draft(team, basis="《村民委员会组织法》第三十二条"))
    with acting(workspace, team["deputy"]):
        findings.review_finding(workspace, fid)
        with pytest.raises(RegisterRefused, match="只有组长可以签发"):
            findings.sign_off_finding(workspace, fid)
    with acting(workspace, team["stranger"]), pytest.raises(RegisterRefused, match="只有组长"):
        findings.sign_off_finding(workspace, fid)  # the leader of another team
    findings.sign_off_finding(workspace, fid)
    f = findings.finding(workspace, fid)
    assert (f.status, f.number) == ("signed_off", "〔2026〕巡-2组-01")
    assert (f.drafted_by, f.reviewed_by, f.signed_by) == ("张甲", "李副", "王堃")
    assert f.reviewed_at < f.signed_at and f.text.basis.startswith("《村民委员会组织法》")
    with workspace.read() as s:  # who reviewed and signed is a column, not only history
        assert s.scalars(select(FindingRow.id).where(
            FindingRow.reviewed_by == team["deputy"], FindingRow.signed_by == team["leader"]
        )).all() == [fid]
    trail = findings.review_trail(workspace, fid)
    assert [(t.status, t.by) for t in trail] == [
        ("drafted", "张甲"), ("reviewed", "李副"), ("signed_off", "王堃")]
    assert f.reviewed_at <= trail[1].at <= f.signed_at <= trail[2].at  # one clock, UTC


def test_a_reviewed_finding_edited_or_sent_back_is_reviewed_again(workspace, team) -> None:
    fid = new_finding(workspace, team)
    with acting(workspace, team["deputy"]):
        findings.review_finding(workspace, fid)
    findings.edit_finding(workspace, fid, draft(team, title="招待费无审批（补充）"))
    f = findings.finding(workspace, fid)
    assert (f.status, f.reviewed_by, f.text.title) == ("drafted", "", "招待费无审批（补充）")
    with acting(workspace, team["deputy"]):
        findings.review_finding(workspace, fid)
        findings.send_back_finding(workspace, fid)
    assert findings.finding(workspace, fid).status == "drafted"


def test_signed_off_findings_are_locked_and_amended_keeping_the_original(workspace, team):
    fid = signed(workspace, team)
    with workspace.read() as s:
        signed_head = revlog.heads_of(s, fid)
    for who in ("a", "leader"):
        with acting(workspace, team[who]), pytest.raises(FindingLocked, match="已签发锁定"):
            findings.edit_finding(workspace, fid, draft(team, title="改"))
    with acting(workspace, team["deputy"]), pytest.raises(RegisterRefused, match="只有组长"):
        findings.amend_finding(workspace, fid, {"title": "改"}, "笔误")
    with pytest.raises(RegisterRefused, match="理由"):
        findings.amend_finding(workspace, fid, {"title": "改"}, "")
    with pytest.raises(RegisterRefused, match="至少要修改一项"):
        findings.amend_finding(workspace, fid, {"aspect": "finance"}, "无变化")
    changes = findings.amend_finding(workspace, fid, {
        "title": "村级招待费支出无审批手续（更正）", "problem_class": "stubborn"}, "复核后更正")
    assert changes.kinds == {"finding_amendment"}
    f = findings.finding(workspace, fid)
    assert (f.text.title, f.text.problem_class) == ("村级招待费支出无审批手续（更正）", "stubborn")
    assert (f.signed_text.title, f.signed_text.problem_class) == (
        "村级招待费支出无审批手续", "individual")
    [amendment] = f.amendments
    assert amendment.amends == signed_head[0] and amendment.by == "王堃"
    assert amendment.reason == "复核后更正" and f.status == "signed_off"
    with workspace.read() as s:  # the finding itself has no new revision; the original is kept
        assert revlog.heads_of(s, fid) == signed_head
        assert revlog.load(s, amendment.amends).body["title"] == "村级招待费支出无审批手续"
    with pytest.raises(ValidationError, match="类别"):
        findings.amend_finding(workspace, fid, {"aspect": "sports"}, "错误类别")


def test_bad_places_and_evidence_are_refused(workspace, team) -> None:
    with pytest.raises(RegisterRefused, match="请选择村"):
        new_finding(workspace, team, village_id=None)
    with pytest.raises(errors.RecordMissing):
        new_finding(workspace, team, evidence_files=("0" * 64,))
    with pytest.raises(errors.RecordMissing):
        new_finding(workspace, team, evidence_records=("no-such-record",))
    with acting(workspace, "someone-not-on-the-roster"), pytest.raises(RegisterRefused,
                                                                        match="不在本轮"):
        findings.draft_finding(workspace, draft(team))
    common = new_finding(workspace, team, village_id=None, town_id=team["town"],
                         problem_class="common")
    photo = step_records.store_blob(workspace, b"\x89PNG evidence")
    linked = new_finding(workspace, team, evidence_files=(photo,))
    assert findings.finding(workspace, common).village == ""
    assert findings.finding(workspace, common).town == "湖塘镇"
    assert findings.finding(workspace, linked).text.evidence_files == (photo,)
    with workspace.read() as s:
        assert revlog.load(s, revlog.heads_of(s, linked)[0]).attachments == (photo,)


def clue_draft(ids: dict[str, str]) -> ClueDraft:
    return ClueDraft(person="赵某", post="村会计", category="integrity", source="petition",
                     summary="以虚增青苗补偿费方式化解招待费", proposed_handling="preliminary_check",
                     village_id=ids["village"], sealed=True)


def test_clues_are_seen_only_by_the_drafter_leader_and_deputy(workspace, team) -> None:
    with acting(workspace, team["a"]) as a:
        cid = clues.draft_clue(workspace, clue_draft(team)).created[0]
        assert [c.id for c in clues.clues(workspace, a).clues] == [cid]
    viewers = {who: Actor(team[who], "device") for who in team
               if who in ("leader", "deputy", "a", "b", "liaison", "stranger")}
    seen = {who: clues.clues(workspace, actor) for who, actor in viewers.items()}
    assert {w for w, listed in seen.items() if listed.clues} == {"leader", "deputy", "a"}
    assert seen["b"].hidden == 1 and seen["leader"].hidden == 0
    assert clues.clues(workspace, None).hidden == 1
    with pytest.raises(RegisterRefused, match="无权查看"):
        clues.clue(workspace, cid, viewers["b"])
    with acting(workspace, team["b"]), pytest.raises(RegisterRefused, match="无权查看"):
        clues.edit_clue(workspace, cid, clue_draft(team))
    with acting(workspace, team["a"]), pytest.raises(RegisterRefused, match="只有组长或副组长"):
        clues.hand_over_clue(workspace, cid, "2026-11-30", "discipline_commission", "刘接收")
    with acting(workspace, team["deputy"]):
        with pytest.raises(RegisterRefused, match="接收人"):
            clues.hand_over_clue(workspace, cid, "2026-11-30", "discipline_commission", " ")
        with pytest.raises(ValidationError, match="移交日期"):
            clues.hand_over_clue(workspace, cid, "2026-11-31", "discipline_commission", "刘接收")
        clues.hand_over_clue(workspace, cid, "2026-11-30", "discipline_commission", "刘接收")
    c = clues.clue(workspace, cid, viewers["a"])
    assert (c.number, c.handed_over_by, c.feedback_due) == (
        "〔2026〕巡线-2组-01", "李副", "2027-02-28")
    assert c.feedback_late(D(2027, 3, 1)) and not c.feedback_late(D(2027, 2, 28))
    with acting(workspace, team["a"]), pytest.raises(RegisterRefused, match="已移交"):
        clues.edit_clue(workspace, cid, clue_draft(team))
    clues.record_feedback(workspace, cid, "2027-02-10", "已立案审查")
    c = clues.clue(workspace, cid, viewers["leader"])
    assert c.feedback_result == "已立案审查" and not c.feedback_late(D(2027, 3, 1))


PETITION = {"number": "XF-001", "received_on": "2026-05-12", "channel": "visit",
            "identity": "named", "reporter_name": "钱某某", "reporter_phone": "13812345678",
            "category": "benefit_funds", "summary": "低保评定不公", "handling": "team",
            "subject": {"name": "孙某"}}


def test_petition_reporters_are_masked_but_for_the_leader_and_the_handler(workspace, team):
    for number, values in (("XF-001", {"received_by": {"id": team["a"]}}),
                           ("XF-002", {"received_by": {"id": team["b"]}, "identity": "anonymous",
                                       "reporter_name": None, "reporter_phone": None})):
        d = step_records.start_draft(workspace, team["village"], "petition")
        step_records.save_draft(workspace, d.id, {k: v for k, v in {
            **PETITION, "number": number, **values}.items() if v is not None})
        step_records.save_record(workspace, d.id)

    def listed(who: str) -> list[tuple]:
        return [(p.number, p.reporter_name, p.reporter_phone, p.masked)
                for p in clues.petitions(workspace, Actor(team[who], "device"))]

    hidden = "（已隐去）"
    assert listed("leader") == [("XF-001", "钱某某", "13812345678", False),
                                ("XF-002", None, None, False)]
    assert listed("a") == [("XF-001", "钱某某", "13812345678", False),
                           ("XF-002", None, None, True)]
    assert listed("deputy") == listed("liaison") == [("XF-001", hidden, hidden, True),
                                                     ("XF-002", None, None, True)]
    [p, _] = clues.petitions(workspace, None, village_id=team["village"])
    assert (p.reporter_name, p.subject, p.handler, p.summary) == (hidden, "孙某", "张甲",
                                                                  "低保评定不公")
    assert clues.petitions(workspace, None, village_id=team["village2"]) == []


def test_measures_are_overdue_until_closed_out_with_evidence(workspace, team) -> None:
    fid = new_finding(workspace, team)
    task = TaskDraft("按清单整改招待费问题", "追缴违规支出并公开", "村书记 张建国", "2026-06-30",
                     village_id=team["village"], finding_id=fid)
    tid = registers.add_task(workspace, "rectification", task).created[0]
    sid = registers.add_task(workspace, "suggestion", TaskDraft(
        "健全财务审批制度", "制定审批流程", "镇党委", "2026-09-30", town_id=team["town"])).created[0]
    [t] = registers.tasks(workspace, "rectification", D(2026, 7, 3))
    assert (t.status, t.days_overdue, t.overdue, t.village) == ("open", 3, True, "新桥村")
    assert registers.tasks(workspace, "rectification", D(2026, 6, 30))[0].overdue is False
    assert registers.tasks(workspace, "suggestion", D(2026, 7, 3), overdue_only=True) == []
    with pytest.raises(RegisterRefused, match="销号须有佐证材料"):
        registers.close_out(workspace, tid, "2026-07-02", "已整改")
    scan = step_records.store_blob(workspace, b"%PDF-1.4 rectification report")
    registers.close_out(workspace, tid, "2026-07-02", "已整改", files=[scan])
    [t] = registers.tasks(workspace, "rectification", D(2026, 8, 1))
    assert (t.status, t.overdue, t.closure_files, t.closed_on) == (
        "closed", False, (scan,), "2026-07-02")
    with pytest.raises(RegisterRefused, match="已经销号"):
        registers.close_out(workspace, tid, "2026-07-03", files=[scan])
    with pytest.raises(RegisterRefused, match="须先撤销销号"):
        registers.edit_task(workspace, tid, task)
    with acting(workspace, team["a"]), pytest.raises(RegisterRefused, match="撤销销号"):
        registers.reopen(workspace, tid)
    registers.reopen(workspace, tid)
    [t] = registers.tasks(workspace, "rectification", D(2026, 8, 1))
    assert (t.status, t.closure_files, t.days_overdue) == ("open", (), 32)
    with pytest.raises(errors.RecordMissing):
        registers.add_task(workspace, "finding", task)
    with pytest.raises(errors.RecordMissing):
        registers.close_out(workspace, fid, "2026-07-02", files=[scan])  # not a measure
    assert registers.tasks(workspace, "suggestion", D(2026, 7, 3))[0].id == sid


def test_number_patterns(workspace, team) -> None:
    with acting(workspace, team["deputy"]), pytest.raises(RegisterRefused, match="只有组长"):
        registers.set_number_pattern(workspace, "finding", "{seq}")
    with pytest.raises(RegisterRefused, match="编号规则"):
        registers.set_number_pattern(workspace, "finding", "〔{year}〕X巡")
    registers.set_number_pattern(workspace, "finding", "〔{year}〕X巡-{team_no}组-{seq:02d}")
    registers.set_number_pattern(workspace, "finding", "〔{year}〕X巡-{team_no}组-{seq:03d}")
    assert findings.finding(workspace, signed(workspace, team)).number == "〔2026〕X巡-2组-001"


def sync(a: Workspace, b: Workspace, tmp_path: Path) -> None:
    for src, dst in ((a, b), (b, a)):
        out = tmp_path / f"x-{src.path.stem}.xch"
        out.unlink(missing_ok=True)
        merge.export(src, PASSPHRASE, out, EXCHANGE)
        report = merge.merge(dst.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
        assert not report.sources[0].error, report.sources[0].error


def test_the_same_number_on_two_laptops_is_listed_and_renumbered(workspace, team, tmp_path):
    second = tmp_path / "second.db"
    database.backup_copy(workspace.db, second)
    ws2 = open_workspace(second, PASSPHRASE)
    try:
        # Reviewed by the leader: what merges is written by each laptop's own inspector.
        first = signed(workspace, team, "leader", "leader")
        other = signed(ws2, team, "leader", "leader", title="低保评定未张榜公示", aspect="living")
        assert findings.finding(ws2, other).number == findings.finding(workspace, first).number
        sync(workspace, ws2, tmp_path)
        [dup] = registers.duplicate_numbers(workspace)
        assert (dup.kind, dup.number, set(dup.ids)) == (
            "finding", "〔2026〕巡-2组-01", {first, other})
        with acting(workspace, team["deputy"]), pytest.raises(RegisterRefused, match="只有组长"):
            registers.renumber(workspace, other)
        registers.renumber(workspace, other)
        assert registers.duplicate_numbers(workspace) == []
        renumbered = findings.finding(workspace, other)
        assert renumbered.number == "〔2026〕巡-2组-02" and renumbered.status == "signed_off"
        assert renumbered.text.title == "低保评定未张榜公示"
        assert findings.finding(workspace, signed(workspace, team)).number == "〔2026〕巡-2组-03"
    finally:
        ws2.close()


def test_round_figures_per_town_and_village(workspace, team) -> None:
    signed(workspace, team)
    signed(workspace, team, village_id=team["village2"], aspect="ecology", focus="three_lives")
    new_finding(workspace, team, village_id=None, town_id=team["town"], problem_class="common",
                aspect="party_affairs", focus="three_affairs")
    amended = signed(workspace, team, village_id=team["village2"])
    findings.amend_finding(workspace, amended, {"problem_class": "stubborn"}, "复核")
    registers.add_task(workspace, "suggestion", TaskDraft(
        "建议", "措施", "镇党委", "2026-09-30", town_id=team["town"]))
    registers.add_task(workspace, "rule_improved", TaskDraft(
        "修订财务制度", "措施", "村书记", "2026-09-30", village_id=team["village"]))
    with acting(workspace, team["a"]):
        for _ in range(2):
            clues.draft_clue(workspace, clue_draft(team))
    cid = clues.clues(workspace, workspace.actor).clues[0].id
    clues.hand_over_clue(workspace, cid, "2026-06-01", "discipline_commission", "刘接收")
    figures = queries.round_figures(workspace)
    total = figures.total
    assert (total.villages, total.findings, total.signed_off) == (2, 4, 3)
    assert total.by_aspect == {"ecology": 1, "finance": 2, "party_affairs": 1}
    assert total.by_class == {"common": 1, "individual": 2, "stubborn": 1}
    assert total.by_focus == {"three_affairs": 1, "three_assets": 2, "three_lives": 1}
    assert (total.suggestions, total.rules_improved, total.clues_handed_over) == (1, 1, 1)
    [town] = figures.towns
    assert town.name == "湖塘镇" and town.figures == total
    by_name = {v.name: v.figures for v in figures.villages}
    assert (by_name["新桥村"].findings, by_name["新桥村"].rules_improved,
            by_name["新桥村"].clues_handed_over, by_name["新桥村"].villages) == (1, 1, 1, 1)
    assert by_name["东塘社区"].by_class == {"individual": 1, "stubborn": 1}
    assert by_name["东塘社区"].suggestions == 0  # the town's suggestion is the town's
    assert queries.stats(workspace).totals == {"villages": 2, "findings": 4, "suggestions": 1,
                                               "rules_improved": 1, "clues": 2}


def test_a_version_3_file_gains_the_register_tables(workspace, db_path) -> None:
    workspace.close()
    db = database.open_database(db_path, PASSPHRASE)
    with db.session() as s:
        for table in ("finding", "finding_amendment", "clue", "suggestion", "rule_improved",
                      "immediate_rectification", "rectification", "numbering"):
            s.execute(text(f"DROP TABLE {table}"))
        s.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    db.close()
    ws = open_workspace(db_path, PASSPHRASE)
    try:
        ids = make_tree(ws)
        ids["a"] = ws.actor.inspector_id
        fid = findings.draft_finding(ws, draft(ids)).created[0]
        assert findings.finding(ws, fid).status == "drafted"
        with ws.read() as s:
            assert revlog.check(s).ok
    finally:
        ws.close()
    assert database.probe(db_path.with_name(f"{db_path.name}.v3.bak"), PASSPHRASE) == 3


def demo_totals(outdir: Path, *args: str) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k != "XUNCHA_LANG"}
    env["XUNCHA_PASSPHRASE"] = demo.DEMO_PASSPHRASE
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "demo", str(outdir), *args],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return [json.loads(subprocess.run(
        [sys.executable, "-m", "desktop.cli", "stats", str(f), "--json"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=True).stdout)["totals"]
        for f in sorted(outdir.glob("laptop-*.db"))]


def summed(totals: list[dict]) -> dict[str, int]:
    return {k: sum(t[k] for t in totals) for k in totals[0]}


def test_the_small_demo_has_a_handful_of_each_register(tmp_path: Path) -> None:
    result = demo.generate(tmp_path, "small", laptops=2, seed=3)
    expected = demo.demo_registers.TOTALS["small"]
    counts = {k: 0 for k in expected}
    for path in result.paths:
        ws = open_workspace(path, demo.DEMO_PASSPHRASE)
        try:
            for kind in expected:
                counts[kind] += queries.stats(ws).counts[kind]
            with ws.read() as s:
                assert revlog.check(s).ok  # what the demo batch wrote equals a rebuild
            assert registers.duplicate_numbers(ws) == []
            assert all(f.status != "signed_off" or f.number for f in findings.findings(ws))
        finally:
            ws.close()
    assert counts == expected


@pytest.mark.slow
def test_the_changzhou_demo_has_the_articles_totals(tmp_path: Path) -> None:
    totals = summed(demo_totals(tmp_path, "--scale", "changzhou"))
    assert totals == {"villages": 703, "findings": 3510, "suggestions": 475,
                      "rules_improved": 383, "clues": 292}


def test_no_ordinary_write_gets_round_the_lock_of_a_signed_off_finding(workspace):
    """Delete, restore an earlier version or attach: refused; only amendments change it."""
    from desktop.core.registers import FindingLocked
    from desktop.services import findings as fs
    from desktop.services import history as hist
    from desktop.services import roster as ro
    ids = make_tree(workspace)
    fs.draft_finding(workspace, fs.FindingDraft(
        title="村务公开不及时", aspect="party_affairs", problem_class="individual",
        description="未按季度公开", village_id=ids["village"], basis="村务公开条例"))
    [f] = fs.findings(workspace)
    fs.review_finding(workspace, f.id)
    fs.sign_off_finding(workspace, f.id)
    first = hist.versions(workspace, f.id)[0].revision_id
    for attempt in (lambda: ro.delete_record(workspace, f.id),
                    lambda: ro.restore_record(workspace, f.id, first),
                    lambda: ro.attach(workspace, f.id, b"scan")):
        with pytest.raises(FindingLocked):
            attempt()
    assert fs.finding(workspace, f.id).status == "signed_off"

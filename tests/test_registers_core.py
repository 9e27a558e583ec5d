"""The registers' pure rules: numbering, the review chain, amendments, deadlines, visibility."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from desktop.core import kinds
from desktop.core import registers as rules
from desktop.core.i18n import set_language, tr
from desktop.core.registers import FindingLocked, RegisterRefused, Viewer

D = dt.date


def test_numbers_follow_the_pattern() -> None:
    pattern = "〔{year}〕X巡-{team_no}组-{seq:02d}"
    assert rules.render_number(pattern, year=2026, team="第二巡察组", seq=1) == "〔2026〕X巡-2组-01"
    assert rules.render_number(pattern, year=2026, team="第十二巡察组", seq=123) == \
        "〔2026〕X巡-12组-123"
    assert rules.render_number("{team}第{seq}号", year=2026, team="综合组", seq=7) == "综合组第7号"
    assert [rules.team_number(n) for n in ("第一巡察组", "第十巡察组", "第二十三组", "第4组",
                                           "综合组")] == ["1", "10", "23", "4", "综合组"]
    for name in rules.DEFAULT_PATTERNS.values():
        assert rules.check_pattern(name) == name


@pytest.mark.parametrize(("pattern", "says"), [
    ("〔{year}〕巡-{team_no}组", "{seq}"),
    ("{seq}-{seq}", "{seq}"),
    ("{seq}-{village}", "{village}"),
    ("{year:04d}-{seq}", "{seq:02d}"),
    ("{seq!r}", "{seq:02d}"),
    ("{seq:>5}", "{seq:02d}"),
    ("{seq", "花括号"),
])
def test_bad_patterns_are_refused_in_chinese(pattern: str, says: str) -> None:
    with pytest.raises(RegisterRefused, match="编号规则|位数") as refused:
        rules.check_pattern(pattern)
    assert says in str(refused.value)


def test_sequences_and_duplicate_numbers() -> None:
    assert rules.next_sequence([]) == 1
    assert rules.next_sequence([3, None, 1]) == 4  # gaps are not refilled
    found = rules.duplicate_numbers([("b", "N-01"), ("a", "N-01"), ("c", "N-02"), ("d", None),
                                     ("e", None)])
    assert found == {"N-01": ("a", "b")}


@pytest.mark.parametrize(("status", "action", "role", "after"), [
    ("drafted", "review", "deputy", "reviewed"),
    ("drafted", "review", "leader", "reviewed"),
    ("reviewed", "sign_off", "leader", "signed_off"),
    ("reviewed", "send_back", "deputy", "drafted"),
])
def test_the_review_chain(status: str, action: str, role: str, after: str) -> None:
    assert rules.next_status(status, action, role) == after


@pytest.mark.parametrize(("status", "action", "role", "says"), [
    ("drafted", "review", "member", "只有组长或副组长可以审核"),
    ("drafted", "review", "liaison", "只有组长或副组长可以审核"),
    ("drafted", "review", None, "只有组长或副组长可以审核"),
    ("reviewed", "sign_off", "deputy", "只有组长可以签发"),
    ("drafted", "sign_off", "leader", "须经审核后才能签发"),
    ("reviewed", "review", "deputy", "只有待审核的问题可以审核"),
    ("signed_off", "send_back", "leader", "只有已审核的问题可以退回"),
])
def test_the_review_chain_refuses(status: str, action: str, role: str | None,
                                  says: str) -> None:
    with pytest.raises(RegisterRefused, match=says):
        rules.next_status(status, action, role)


def test_a_signed_off_finding_is_locked_and_amended_with_reason() -> None:
    assert rules.status_after_edit("drafted", None) == "drafted"
    assert rules.status_after_edit("reviewed", None) == "drafted"  # to be reviewed again
    with pytest.raises(FindingLocked, match="问题 N-01 已签发锁定"):
        rules.status_after_edit("signed_off", "N-01")
    set_language("en")
    with pytest.raises(FindingLocked, match="Finding N-01 is signed off and locked"):
        rules.status_after_edit("signed_off", "N-01")
    set_language("zh_CN")
    body = {"title": "旧", "basis": "条例", "evidence_files": ["a"]}
    assert rules.check_amendment(body, {"title": "新", "basis": "条例"}, "笔误", "signed_off",
                                 "leader") == {"title": "新"}
    assert rules.check_amendment(body, {"evidence_files": []}, "撤回", "signed_off",
                                 "leader") == {"evidence_files": None}
    for changes, reason, status, role, says in (
            ({"title": "新"}, "笔误", "reviewed", "leader", "未签发的请直接修改"),
            ({"title": "新"}, "笔误", "signed_off", "deputy", "只有组长可以更正"),
            ({"title": "新"}, "  ", "signed_off", "leader", "须说明理由"),
            ({"title": "旧"}, "笔误", "signed_off", "leader", "至少要修改一项"),
            ({"status": "drafted"}, "笔误", "signed_off", "leader", "status 不能更正")):
        with pytest.raises(RegisterRefused, match=says):
            rules.check_amendment(body, changes, reason, status, role)
    amended = rules.apply_amendments(body, [{"title": "新"}, {"basis": None}, {"title": "再"}])
    assert amended == {"title": "再", "evidence_files": ["a"]} and body["title"] == "旧"


def test_feedback_is_due_three_months_after_handover() -> None:
    assert rules.feedback_due(D(2026, 5, 12)) == D(2026, 8, 12)
    assert rules.feedback_due(D(2026, 11, 30)) == D(2027, 2, 28)
    assert rules.feedback_due(D(2027, 11, 30)) == D(2028, 2, 29)
    assert rules.feedback_due(D(2026, 10, 31)) == D(2027, 1, 31)
    assert rules.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)


def test_overdue_and_close_out() -> None:
    deadline = D(2026, 6, 30)
    assert rules.days_overdue(deadline, D(2026, 6, 30)) == 0
    assert rules.days_overdue(deadline, D(2026, 7, 3)) == 3
    assert rules.days_overdue(deadline, D(2026, 7, 3), closed_on=D(2026, 7, 2)) == 0
    with pytest.raises(RegisterRefused, match="销号须有佐证材料"):
        rules.check_close_out("open", [], [])
    with pytest.raises(RegisterRefused, match="已经销号"):
        rules.check_close_out("closed", ["r"], [])
    rules.check_close_out("open", [], ["digest"])
    rules.check_close_out("open", ["record"], [])


def test_who_sees_clues_and_petition_reporters() -> None:
    team, other = "team-1", "team-2"
    leader, deputy = Viewer("L", "leader", team), Viewer("D", "deputy", team)
    drafter, member = Viewer("A", "member", team), Viewer("B", "member", team)
    liaison, stranger = Viewer("C", "liaison", team), Viewer("X", "leader", other)
    seen = {v.inspector_id for v in (leader, deputy, drafter, member, liaison, stranger)
            if rules.can_see_clue(v, team, drafted_by="A")}
    assert seen == {"L", "D", "A"} and not rules.can_see_clue(None, team, "A")
    assert rules.sees_reporter(leader, "B", team) and rules.sees_reporter(member, "B", team)
    assert not rules.sees_reporter(deputy, "B", team)
    assert not rules.sees_reporter(drafter, "B", team)
    # the leader of another team does not learn who reported to this one
    assert not rules.sees_reporter(stranger, "B", team)
    assert not rules.sees_reporter(drafter, None, team)
    assert not rules.sees_reporter(None, "B", team)
    values = {"reporter_name": "张三", "reporter_phone": "13812345678", "summary": "反映问题",
              "reporter_address": ""}
    masked = rules.mask_reporter(values, visible=False)
    assert masked == {"reporter_name": "（已隐去）", "reporter_phone": "（已隐去）",
                      "summary": "反映问题", "reporter_address": ""}
    assert rules.mask_reporter(values, visible=True) == values


def test_choices_have_labels_and_every_text_a_translation() -> None:
    assert set(rules.ASPECT_LABELS) == set(kinds.ASPECTS)
    assert set(rules.FOCUS_LABELS) == set(kinds.FOCUSES)
    assert set(rules.CLASS_LABELS) == set(kinds.PROBLEM_CLASSES)
    assert set(rules.STATUS_LABELS) == set(kinds.FINDING_STATUSES)
    assert set(rules.CLUE_CATEGORY_LABELS) == set(kinds.CLUE_CATEGORIES)
    assert set(rules.HANDLING_LABELS) == set(kinds.CLUE_HANDLINGS)
    assert set(rules.RECEIVER_LABELS) == set(kinds.RECEIVERS)
    assert set(rules.TASK_STATUS_LABELS) == set(kinds.TASK_STATUSES)
    texts = [v for table in rules.LABEL_TABLES for v in table.values()]
    texts += [m for t in rules.TRANSITIONS.values() for m in (t.role_refusal, t.state_refusal)]
    assert [t for t in texts if tr(t) == t] == []  # the Chinese interface translates them all
    assert tr("Three affairs") == "三务" and tr("Stubborn problem") == "顽固性问题"
    assert all({f for _, f, _, _ in string.Formatter().parse(t) if f} == set() for t in texts)


def test_register_bodies_are_checked() -> None:
    body = {"team_id": "t", "title": "问题", "town_id": "x", "aspect": "finance",
            "problem_class": "individual", "description": "描述", "status": "drafted",
            "drafted_by": "i", "evidence_records": ["r1"]}
    assert kinds.validate("finding", body)["evidence_records"] == ["r1"]
    for bad in ({"aspect": "sports"}, {"evidence_records": ["r1", 2]},
                {"evidence_records": [""]}, {"evidence_files": "abc"}, {"sequence": 0}):
        with pytest.raises(kinds.ValidationError):
            kinds.validate("finding", {**body, **bad})
    with pytest.raises(kinds.ValidationError, match="密封"):
        kinds.validate("clue", {"team_id": "t", "person": "p", "town_id": "x",
                                "category": "integrity", "source": "petition", "summary": "s",
                                "proposed_handling": "hold", "drafted_by": "i", "sealed": 1})

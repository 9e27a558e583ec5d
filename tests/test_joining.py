"""A member's laptop joins the round from the leader's exchange file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.core import errors
from desktop.services import joining, merge, queries, roster
from desktop.store.models import TeamRow
from tests.conftest import PASSPHRASE, make_tree

EXCHANGE = "交换口令 2026"
MEMBER = "member passphrase 1"


def leader_exchange(workspace, tmp_path):
    ids = make_tree(workspace)
    team = queries.round_summary(workspace).team
    with workspace.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    roster.add_inspector(workspace, "李明", "member", team_id)
    out = tmp_path / "leader.xch"
    merge.export(workspace, PASSPHRASE, out, EXCHANGE)
    return out, ids, team


def test_a_member_on_the_roster_joins_and_can_write(workspace, tmp_path):
    exchange, ids, team = leader_exchange(workspace, tmp_path)
    ws, known = joining.join_round(tmp_path / "李明.db", MEMBER, exchange, EXCHANGE, "李明")
    try:
        assert known and ws.actor is not None
        summary = queries.round_summary(ws)
        assert (summary.inspector, summary.team) == ("李明", team)
        roster.add_village(ws, "新村", ids["town"])  # this laptop can write
        assert queries.stats(ws).counts["village"] == 3
    finally:
        ws.close()


def test_someone_new_joins_the_leaders_team(workspace, tmp_path):
    exchange, _, team = leader_exchange(workspace, tmp_path)
    ws, known = joining.join_round(tmp_path / "new.db", MEMBER, exchange, EXCHANGE, "赵赟")
    try:
        summary = queries.round_summary(ws)
        assert not known and (summary.inspector, summary.role, summary.team) == (
            "赵赟", "member", team)
    finally:
        ws.close()


def test_a_failed_join_leaves_no_file(workspace, tmp_path):
    exchange, _, _ = leader_exchange(workspace, tmp_path)
    target = tmp_path / "x.db"
    with pytest.raises(errors.XunchaError):
        joining.join_round(target, MEMBER, exchange, "wrong exchange passphrase", "李明")
    assert not target.exists()
    with pytest.raises(errors.PassphraseTooShort):
        joining.join_round(target, "short", exchange, EXCHANGE, "李明")
    not_exchange = tmp_path / "notes.txt"
    not_exchange.write_text("not a database", encoding="utf-8")
    with pytest.raises(errors.XunchaError):
        joining.join_round(target, MEMBER, not_exchange, EXCHANGE, "李明")
    assert not target.exists()
    target.write_bytes(b"")
    with pytest.raises(errors.FileExists):
        joining.join_round(target, MEMBER, exchange, EXCHANGE, "李明")

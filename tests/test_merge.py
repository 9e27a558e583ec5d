"""Merging laptops' databases: named scenarios on real encrypted files and exchange files."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from desktop.core.i18n import tr
from desktop.services import backups, conflicts, merge, queries, roster
from desktop.services.workspace import Workspace, open_workspace
from desktop.store import database, revlog
from tests.conftest import PASSPHRASE, make_tree

EXCHANGE = "round exchange 2026"


@pytest.fixture
def laptops(workspace: Workspace, tmp_path: Path):
    """Two laptops grown from one base: the base's leader and a second inspector."""
    ids = make_tree(workspace)
    second = tmp_path / "second.db"
    database.backup_copy(workspace.db, second)
    ws2 = open_workspace(second, PASSPHRASE)
    yield workspace, ws2, ids
    ws2.close()


def sync(a: Workspace, b: Workspace, tmp_path: Path) -> None:
    """Merge each laptop's exchange file into the other (as after a round)."""
    for src, dst in ((a, b), (b, a)):
        out = tmp_path / f"x-{src.path.stem}.xch"
        out.unlink(missing_ok=True)
        merge.export(src, PASSPHRASE, out, EXCHANGE)
        report = merge.merge(dst.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
        assert not report.sources[0].error, report.sources[0].error


def heads(ws: Workspace, record_id: str) -> list[str]:
    with ws.read() as s:
        return revlog.heads_of(s, record_id)


def digest(ws: Workspace) -> str:
    return queries.stats(ws).digest


def test_edit_edit_same_field_is_a_conflict_resolved_by_a_person(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.rename(a, ids["village"], "新桥一村")
    roster.rename(b, ids["village"], "新桥二村")
    sync(a, b, tmp_path)
    assert digest(a) == digest(b)
    c = conflicts.conflict(a, ids["village"])
    assert {h.body["name"] for h in c.heads} == {"新桥一村", "新桥二村"}
    assert c.fields == ("name",) and c.ancestor and c.ancestor.body["name"] == "新桥村"
    assert conflicts.conflicted_ids(a) == [ids["village"]]
    village = queries.round_tree(a)[0].children[0].children
    assert any(v.conflict for v in village)
    conflicts.resolve(a, ids["village"], {**c.heads[0].body, "name": "新桥村"},
                      tuple(h.revision_id for h in c.heads))
    assert conflicts.conflicted_ids(a) == []
    resolution = revlog.load(a.read(), heads(a, ids["village"])[0])
    assert set(resolution.parents) == {h.revision_id for h in c.heads}


def test_edit_edit_different_fields_still_needs_a_person(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.rename(a, ids["village"], "新桥社区")
    with b.unit_of_work() as uow:  # move the village to another town on the other laptop
        town = uow.write("town", None, {"name": "牛塘镇", "district_id": ids["district"]})
        current = uow.current(ids["village"])
        uow.write("village", ids["village"], {**current.body, "town_id": town.record_id})
    sync(a, b, tmp_path)
    c = conflicts.conflict(a, ids["village"])
    assert set(c.fields) == {"name", "town_id"}


def test_edit_versus_delete_is_always_a_conflict(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.rename(a, ids["village2"], "东塘村")
    roster.delete_record(b, ids["village2"])
    sync(a, b, tmp_path)
    c = conflicts.conflict(b, ids["village2"])
    assert sorted(h.deleted for h in c.heads) == [False, True]
    names = [v.name for v in queries.round_tree(b)[0].children[0].children]
    assert "东塘村" in names  # the live head stays visible, flagged, until a person decides


def test_delete_delete_leaves_no_visible_record(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.delete_record(a, ids["village2"])
    roster.delete_record(b, ids["village2"])
    sync(a, b, tmp_path)
    assert len(heads(a, ids["village2"])) == 2
    assert "东塘社区" not in [v.name for v in queries.round_tree(a)[0].children[0].children]


def test_same_photo_on_two_laptops_is_stored_once(laptops, tmp_path) -> None:
    a, b, ids = laptops
    photo = b"\xff\xd8\xff" + bytes(range(256)) * 40
    roster.attach(a, ids["village"], photo)
    roster.attach(b, ids["village2"], photo)
    sync(a, b, tmp_path)
    with a.read() as s:
        assert revlog.check(s).blobs == 1
        assert revlog.get_blob(s, revlog.load(s, heads(a, ids["village2"])[0]).attachments[0]) \
            == photo


def test_resolution_on_one_laptop_while_another_edits_the_old_head(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.rename(a, ids["village"], "甲")
    roster.rename(b, ids["village"], "乙")
    sync(a, b, tmp_path)
    c = conflicts.conflict(a, ids["village"])
    conflicts.resolve(a, ids["village"], {**c.heads[0].body, "name": "丙"},
                      tuple(h.revision_id for h in c.heads))
    b_head = next(h.revision_id for h in c.heads if h.body["name"] == "乙")
    roster.rename(b, ids["village"], "乙改", seen_head=b_head)
    sync(a, b, tmp_path)
    again = conflicts.conflict(a, ids["village"])
    assert {h.body["name"] for h in again.heads} == {"丙", "乙改"}  # nobody's work vanished


def test_older_and_newer_export_of_the_same_laptop(laptops, tmp_path) -> None:
    a, b, ids = laptops
    old = tmp_path / "old.xch"
    merge.export(b, PASSPHRASE, old, EXCHANGE)
    roster.rename(b, ids["village"], "新桥村（改）")
    new = tmp_path / "new.xch"
    merge.export(b, PASSPHRASE, new, EXCHANGE)
    first = merge.merge(a.path, PASSPHRASE, [new, old], exchange_passphrase=EXCHANGE)
    assert [s.new_revisions for s in first.sources] == [1, 0]
    assert conflicts.conflicted_ids(a) == []
    assert queries.round_tree(a)[0].children[0].children[1].name == "新桥村（改）"


def test_remerge_gives_nothing_new_and_changes_nothing(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.add_village(b, "西塘村", ids["town"])
    out = tmp_path / "b.xch"
    merge.export(b, PASSPHRASE, out, EXCHANGE)
    first = merge.merge(a.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
    assert first.sources[0].new_records == 1 and first.backup and first.backup.exists()
    before = a.path.read_bytes()
    again = merge.merge(a.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
    assert again.nothing_new and again.sources[0].new_revisions == 0 and again.backup is None
    assert a.path.read_bytes() == before


def test_a_target_written_to_while_the_merge_reads_is_merged_as_it_then_is(
        laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.rename(b, ids["village"], "新桥二村")
    roster.add_village(b, "西塘村", ids["town"])
    merge.export(b, PASSPHRASE, out := tmp_path / "b.xch", EXCHANGE)
    before = digest(a)

    def meanwhile(step: str) -> None:  # the leader renames after the merge has decided
        if step == tr("Backing up the target"):
            roster.rename(a, ids["village"], "新桥一村")

    report = merge.merge(a.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE,
                         progress=meanwhile)
    src = report.sources[0]
    assert (src.new_revisions, src.new_records, src.new_conflicts) == (2, 1, 1)
    assert before != report.digest_before != report.digest_after == digest(a)
    assert conflicts.conflicted_ids(a) == [ids["village"]]
    with a.db.session() as s:
        assert revlog.check(s).ok


def test_revisions_are_written_alike_where_temporary_tables_would_reach_the_disk(
        laptops, tmp_path, monkeypatch) -> None:
    a, b, ids = laptops
    roster.add_village(b, "西塘村", ids["town"])
    roster.attach(b, ids["village"], b"scan of the minutes")
    roster.rename(a, ids["village"], "新桥一村")
    merge.export(b, PASSPHRASE, out := tmp_path / "b.xch", EXCHANGE)
    twin = database.backup_copy(a.db, tmp_path / "twin.db")
    staged = merge.merge(a.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
    monkeypatch.setattr(revlog, "_temp_tables_in_memory", lambda conn: False)
    direct = merge.merge(twin, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
    assert staged.digest_after == direct.digest_after != staged.digest_before
    assert (staged.sources[0].attachments, staged.conflicts) == (1, 1)
    for path in (a.path, twin):
        with contextlib.closing(database.open_database(path, PASSPHRASE)) as db, \
                db.session() as s:
            assert revlog.check(s).ok


def test_dry_run_reports_without_changing_the_target(laptops, tmp_path) -> None:
    a, b, ids = laptops
    roster.add_village(b, "西塘村", ids["town"])
    roster.delete_record(b, ids["village2"])
    out = tmp_path / "b.xch"
    merge.export(b, PASSPHRASE, out, EXCHANGE)
    before = digest(a)
    preview = merge.merge(a.path, PASSPHRASE, [out], exchange_passphrase=EXCHANGE,
                          dry_run=True)
    src = preview.sources[0]
    assert (src.new_revisions, src.new_records, src.deletions, src.signed) == (2, 1, 1, True)
    assert src.author == "王堃" and digest(a) == before


def test_merge_creates_a_missing_target_that_can_be_read_not_edited(laptops, tmp_path) -> None:
    a, b, _ = laptops
    target = tmp_path / "merged.db"
    report = merge.merge(target, PASSPHRASE, [a.path, b.path])
    assert report.revisions_after == queries.stats(a).revisions
    merged = open_workspace(target, PASSPHRASE)
    try:
        assert digest(merged) == digest(a) and merged.actor is None
        with pytest.raises(Exception, match="身份"):
            roster.add_district(merged, "新北区")
    finally:
        merged.close()


def test_the_same_village_created_on_two_laptops_is_listed_not_merged(laptops, tmp_path) -> None:
    from desktop.services import duplicates
    a, b, ids = laptops
    roster.add_village(a, "西塘村", ids["town"])
    roster.add_village(b, "西塘村", ids["town"])
    roster.add_village(b, "北塘村", ids["town"])
    sync(a, b, tmp_path)
    found = duplicates.possible_duplicates(a)
    assert [(d.kind, d.name) for d in found] == [("village", "西塘村")]
    names = [v.name for v in queries.round_tree(a)[0].children[0].children]
    assert names.count("西塘村") == 2  # both kept until the leader decides
    duplicates.decide(a, found[0], same=True)
    assert duplicates.possible_duplicates(a) == []
    sync(a, b, tmp_path)  # the decision is a revision and travels like any other
    assert duplicates.possible_duplicates(b) == []


def test_a_file_from_another_round_is_refused(laptops, tmp_path) -> None:
    a, _, _ = laptops
    stranger, _ = roster.create_database(tmp_path / "other-round.db", PASSPHRASE,
                                         roster.NewRound("另一轮巡察", 2025, "第九巡察组",
                                                         "陈𠮷", "leader"))
    stranger.close()
    before = digest(a)
    report = merge.merge(a.path, PASSPHRASE, [tmp_path / "other-round.db"])
    assert "另一个巡察轮次" in report.sources[0].error and report.refused == 1
    assert digest(a) == before and not backups.backups(a.path)


def test_a_missing_target_is_not_created_when_every_source_fails(tmp_path) -> None:
    report = merge.merge(tmp_path / "new.db", PASSPHRASE, [tmp_path / "nothere.xch"])
    assert report.refused == 1 and not (tmp_path / "new.db").exists()
    from desktop.services.merge_report import as_text
    assert "没有新内容" not in as_text(report) and "1 个文件中有 1 个未合并" in as_text(report)

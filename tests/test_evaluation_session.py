"""Evaluation sessions in the store: setup, keyed ballots, double entry, the count, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import ballot_entry, errors, questionnaire_toml
from desktop.core.ballot_entry import Keyed, LiveTally, Mismatch
from desktop.core.kinds import ValidationError
from desktop.core.scoring import evaluate
from desktop.services import evaluation, history
from desktop.services.ballot_sheet import BallotSheetError
from tests.conftest import make_tree

GOOD_SCALE = questionnaire_toml.available()["good-scale"].read_text(encoding="utf-8")
COMPETENCE = questionnaire_toml.available()["competence"].read_text(encoding="utf-8")


def new_session(ws, issued=10, text=GOOD_SCALE, members=()) -> str:
    ids = make_tree(ws)
    return evaluation.save_setup(ws, evaluation.Setup(
        village_id=ids["village"], held_on="2026-05-12", questionnaire=text, issued=issued,
        members=tuple(members),
        participants={"party_members": (30, 28), "representatives": (12, 11)}))


def test_setup_is_stored_and_read_back(workspace):
    eid = new_session(workspace, members=())
    s = evaluation.load(workspace, eid)
    assert s.village == "新桥村" and s.setup.held_on == "2026-05-12"
    assert s.expected == 42 and s.present == 39
    assert s.questionnaire.key == "good-scale"
    assert s.entries == {"first": (), "second": ()} and not s.final
    [summary] = evaluation.sessions_of(workspace, s.setup.village_id)
    assert (summary.id, summary.keyed, summary.verified) == (eid, 0, 0)
    assert summary.title == s.questionnaire.label.text()


def test_members_become_subjects(workspace):
    eid = new_session(workspace, text=COMPETENCE, members=("张三", "李四"))
    form = evaluation.load(workspace, eid).questionnaire
    assert [s.key for s in form.subjects] == ["branch", "committees", "张三", "李四"]


@pytest.mark.parametrize("held_on", ["2026-13-01", "12/05/2026", "2026-5-1"])
def test_a_bad_date_is_refused_in_chinese(workspace, held_on):
    ids = make_tree(workspace)
    with pytest.raises(ValidationError, match="日期"):
        evaluation.save_setup(workspace, evaluation.Setup(
            ids["village"], held_on, GOOD_SCALE, issued=5))


def test_double_entry_lists_every_difference_then_agrees(workspace):
    eid = new_session(workspace)
    form = evaluation.load(workspace, eid).questionnaire
    width = len(form.columns())
    first = [Keyed("1", "1" * width), Keyed("2", "2" * width), Keyed("3", "0" * width, "两张粘连")]
    for k in first:
        evaluation.key_ballot(workspace, eid, "first", k)
    evaluation.key_ballot(workspace, eid, "second", Keyed("0001", "1" * (width - 1) + "3"))
    evaluation.key_ballot(workspace, eid, "second", Keyed("0003", "0" * width))
    s = evaluation.load(workspace, eid)
    last = form.columns()[-1]
    assert s.mismatches == (
        Mismatch("0001", last, "1 好", "3 一般"),
        Mismatch("0002", None, "已录入", "（未录入）"),
        Mismatch("0003", None, "作废：两张粘连", "已录入"),
    )
    assert not s.final
    # Correcting means keying the serial again in the entry that was wrong.
    evaluation.key_ballot(workspace, eid, "second", Keyed("1", "1" * width))
    evaluation.key_ballot(workspace, eid, "second", Keyed("2", "2" * width))
    evaluation.key_ballot(workspace, eid, "second", Keyed("3", "0" * width, "两张粘连"))
    s = evaluation.load(workspace, eid)
    assert s.mismatches == () and s.final
    assert [k.serial for k in s.entries["second"]] == ["0001", "0002", "0003"]
    result = s.count()
    assert result.reconciliation.returned == 3 and result.reconciliation.void == 1
    assert all(r.counts["good"] + r.counts["fairly_good"] == 2 for r in result.results)


def test_bad_answers_are_refused_and_nothing_is_saved(workspace):
    eid = new_session(workspace)
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    with pytest.raises(evaluation.BallotRefused, match="0007.*需要 .* 个答案"):
        evaluation.key_ballot(workspace, eid, "first", Keyed("7", "1"))
    with pytest.raises(evaluation.BallotRefused, match="0 到 4"):
        evaluation.key_ballot(workspace, eid, "first", Keyed("7", "5" * width))
    with pytest.raises(evaluation.BallotRefused, match="编号为空"):
        evaluation.key_ballot(workspace, eid, "first", Keyed("  ", "1" * width))
    with pytest.raises(errors.RecordMissing):
        evaluation.key_ballot(workspace, "no-such-session", "first", Keyed("1", "1" * width))
    assert evaluation.load(workspace, eid).entries["first"] == ()


def test_the_questionnaire_is_frozen_once_ballots_are_keyed(workspace):
    eid = new_session(workspace)
    s = evaluation.load(workspace, eid)
    evaluation.key_ballot(workspace, eid, "first",
                          Keyed("1", "1" * len(s.questionnaire.columns())))
    with pytest.raises(evaluation.SetupRefused, match="已经录入"):
        evaluation.save_setup(workspace, evaluation.Setup(
            s.setup.village_id, "2026-05-12", COMPETENCE, issued=10), eid)
    # Other details can still be corrected.
    evaluation.save_setup(workspace, evaluation.Setup(
        s.setup.village_id, "2026-05-13", GOOD_SCALE, issued=12), eid)
    assert evaluation.load(workspace, eid).setup.issued == 12


def test_a_removed_ballot_can_be_brought_back_from_history(workspace):
    eid = new_session(workspace)
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    evaluation.key_ballot(workspace, eid, "first", Keyed("1", "2" * width))
    ballot_id = evaluation.load(workspace, eid).ballot_ids["first", "0001"]
    evaluation.remove_ballot(workspace, ballot_id)
    assert evaluation.load(workspace, eid).entries["first"] == ()
    [deleted] = [d for d in history.deleted_records(workspace) if d.record_id == ballot_id]
    from desktop.services import roster
    roster.restore_record(workspace, ballot_id, deleted.last_version)
    assert evaluation.load(workspace, eid).entries["first"] == (Keyed("0001", "2" * width),)


def test_a_serial_keyed_twice_on_two_laptops_blocks_the_count(workspace):
    eid = new_session(workspace)
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    with workspace.unit_of_work() as uow:  # what a merge of two laptops can leave behind
        for answers in ("1" * width, "2" * width):
            uow.write("ballot", None, {"evaluation_id": eid, "serial": "0004", "entry": "first",
                                       "answers": answers})
    s = evaluation.load(workspace, eid)
    assert s.duplicates == ("第一遍录入 0004",)
    assert s.count() is None and not s.final
    evaluation.key_ballot(workspace, eid, "first", Keyed("4", "3" * width))
    s = evaluation.load(workspace, eid)
    assert s.duplicates == () and s.entries["first"] == (Keyed("0004", "3" * width),)


def test_a_sheet_is_imported_whole_or_not_at_all(workspace, tmp_path: Path):
    eid = new_session(workspace)
    form = evaluation.load(workspace, eid).questionnaire
    header = ["serial", *(f"{s}/{i}" for s, i in form.columns()), "void"]
    sheet = tmp_path / "ballots.csv"
    rows = [header, ["1", *["1"] * len(form.columns()), ""],
            ["2", *[""] * len(form.columns()), "x"]]
    sheet.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    evaluation.import_sheet(workspace, eid, "second", sheet)
    s = evaluation.load(workspace, eid)
    assert [(k.serial, k.void) for k in s.entries["second"]] == [("0001", False), ("0002", True)]
    with pytest.raises(BallotSheetError, match="0001, 0002"):
        evaluation.import_sheet(workspace, eid, "second", sheet)
    assert len(evaluation.load(workspace, eid).entries["second"]) == 2


answers_st = st.lists(st.text(alphabet="01234", min_size=3, max_size=3), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(answers_st, st.randoms(use_true_random=False))
def test_tally_and_results_do_not_depend_on_order(rows, rnd):
    form = questionnaire_toml.find("good-scale")
    form = form.__class__(**{**form.__dict__, "subjects": form.subjects[:1]})
    width = len(form.columns())
    keyed = [Keyed(str(n), (a * width)[:width], "破损" if a.startswith("4") else None)
             for n, a in enumerate(rows, 1)]
    shuffled = list(keyed)
    rnd.shuffle(shuffled)
    results = [evaluate(form, [ballot_entry.to_ballot(form, k) for k in order], issued=20)
               for order in (keyed, shuffled)]
    assert results[0] == results[1]
    live = LiveTally(form, shuffled)
    for column, result in zip(range(width), results[0].results, strict=True):
        by_number = [result.blank, *(result.counts[o.key] for o in form.options)]
        assert live.counts[column] == by_number
    assert live.valid == results[0].reconciliation.valid


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(range(6)))
def test_stored_ballots_count_the_same_in_any_keying_order(workspace, order):
    eid = new_session(workspace)
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    for n in order:
        evaluation.key_ballot(workspace, eid, "first",
                              Keyed(str(n + 1), str(n % 5) * width, "污损" if n == 5 else None))
    s = evaluation.load(workspace, eid)
    live = LiveTally(s.questionnaire, s.entries["first"])
    result = s.count()
    assert result.reconciliation.returned == 6 and result.reconciliation.void == 1
    for column, r in enumerate(result.results):
        assert live.counts[column] == [r.blank, *(r.counts[o.key] for o in s.questionnaire.options)]



def test_session_documents_ballots_results_pdf_and_xlsx(workspace, tmp_path: Path):
    import subprocess

    import openpyxl

    eid = new_session(workspace, issued=3)
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    for serial, answers in (("1", "1" * width), ("2", "2" * width)):
        for entry in ("first", "second"):
            evaluation.key_ballot(workspace, eid, entry, Keyed(serial, answers))
    ballots = tmp_path / "ballots.pdf"
    evaluation.print_ballots(workspace, eid, ballots, per_page=1)
    text = subprocess.run(["pdftotext", "-layout", str(ballots), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert all(s in text for s in ("0001", "0002", "0003")) and "新桥村" in text
    with pytest.raises(errors.FileExists):
        evaluation.print_ballots(workspace, eid, ballots)
    pdf, xlsx = tmp_path / "results.pdf", tmp_path / "results.xlsx"
    evaluation.results_pdf(workspace, eid, pdf)
    evaluation.results_xlsx(workspace, eid, xlsx)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "新桥村" in text and "村民代表" in text and "结果一致" in text
    evaluation.key_ballot(workspace, eid, "second", Keyed("3", "1" * width))
    provisional = tmp_path / "provisional.pdf"
    evaluation.results_pdf(workspace, eid, provisional)
    text = subprocess.run(["pdftotext", str(provisional), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "结果未定稿" in text.replace("\n", "")
    rows = list(openpyxl.load_workbook(xlsx).worksheets[1].iter_rows(values_only=True))
    assert len(rows) == 1 + width
    # 好 1 (50 %), 较好 1 (50 %), 一般 0, 差 0; then blank 0, answered 2, counted 2, rate 100 %
    assert rows[1][2:14] == (1, 0.5, 1, 0.5, 0, 0, 0, 0, 0, 2, 2, 1)

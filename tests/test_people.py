"""The people of a village: named in forms and evaluations, kept as records."""

from __future__ import annotations

import pytest

from desktop.core.kinds import ValidationError
from desktop.services import people, roster
from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import make_tree


def test_people_are_listed_committee_first_and_named_in_forms(workspace):
    ids = make_tree(workspace)
    people.add_person(workspace, ids["village"], "周赟", "party_member")
    people.add_person(workspace, ids["village"], "张建国", "committee", "村党总支书记")
    people.add_person(workspace, ids["village2"], "李四", "committee")
    assert [p.name for p in people.people_of(workspace, ids["village"])] == ["张建国", "周赟"]
    assert people.committee_names(workspace, ids["village"]) == ["张建国"]
    offered = [name for _, name in people.nameable(workspace, ids["village"])]
    assert offered[:2] == ["张建国", "周赟"] and "王堃" in offered and "李四" not in offered
    with pytest.raises(ValidationError, match="姓名"):
        people.add_person(workspace, ids["village"], "  ", "committee")
    [zhou] = [p for p in people.people_of(workspace, ids["village"]) if p.name == "周赟"]
    roster.delete_record(workspace, zhou.id)
    assert people.committee_names(workspace, ids["village"]) == ["张建国"]
    assert [p.name for p in people.people_of(workspace, ids["village"])] == ["张建国"]


def test_a_name_borne_twice_is_told_apart_by_post(workspace):
    ids = make_tree(workspace)
    people.add_person(workspace, ids["village"], "王堃", "villager", "老党员")
    assert ("王堃（老党员）" in [n for _, n in people.nameable(workspace, ids["village"])])


def test_the_interview_form_and_a_new_evaluation_offer_the_villages_people(qtbot, workspace):  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    for name, post in (("张建国", "村党总支书记"), ("钱喆", "村委会主任")):
        people.add_person(workspace, ids["village"], name, "committee", post)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.select(ids["village"])
    editor = window.new_record("interview")
    combo = editor.form.editors["interviewee"].edit
    assert [combo.itemText(i) for i in range(1, 3)] == ["张建国", "钱喆"]
    combo.setCurrentText("钱喆")
    [(pid, _)] = [(p.id, p.name) for p in people.people_of(workspace, ids["village"])
                  if p.name == "钱喆"]
    assert editor.form.editors["interviewee"].value() == {"id": pid}
    editor.close()
    dialog = EvaluationSetupDialog(window, ids["village"], "新桥村",
                                   committee=people.committee_names(workspace, ids["village"]))
    qtbot.addWidget(dialog)
    assert dialog.setup().members == ("张建国", "钱喆")

"""Step records in the app: the form rendered from its definition, drafts kept while typing,
one revision per save, and the records listed under their step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from desktop.services import history, step_records
from desktop.ui.form_groups import ChecklistEditor, RepeatEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.record_editor import RecordEditor
from tests.conftest import make_tree


def open_main(qtbot, workspace):  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.select(ids["village"])
    return window, ids["village"]


def test_every_shipped_form_renders_with_an_editor_per_field(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    window, village = open_main(qtbot, workspace)
    for step in step_records.steps():
        if step.form is None:
            continue
        editor = window.new_record(step.key)
        assert editor is not None
        assert list(editor.form.editors) == [f.key for f in step.form.fields]
        editor.form.set_values({})
        editor.close()
    assert step_records.drafts_of(workspace, village) == []  # nothing typed, nothing kept


def test_typing_keeps_a_draft_and_saving_writes_one_revision(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    window, village = open_main(qtbot, workspace)
    editor = window.new_record("opening_meeting")
    qtbot.addWidget(editor)
    editor.form.editors["place"].edit.setText("村委会会议室")
    qtbot.waitUntil(lambda: step_records.drafts_of(workspace, village)[0].values.get("place")
                    == "村委会会议室", timeout=3000)
    editor.save()  # date and attendees are missing: listed, nothing written
    assert "会议日期" in editor.status.text() and "参会人员" in editor.status.text()
    assert step_records.records_of(workspace, village) == []
    editor.close()  # the draft stays; it is listed under the step and opens again
    window.village.steps.setCurrentCell(0, 0)
    item = window.village.records.item(0)
    assert item.text().startswith("（草稿）")
    window.village._open_item(item)
    editor = next(w for w in window.findChildren(RecordEditor) if w.isVisible())
    qtbot.addWidget(editor)
    assert editor.form.editors["place"].value() == "村委会会议室"
    editor.form.editors["date"].edit.setText("2026-05-11")
    attendees = editor.form.editors["attendees"]
    assert isinstance(attendees, RepeatEditor)
    row = attendees.rows[0][1]
    row["person"].edit.setCurrentText("张建国")
    row["post"].edit.setText("村党总支书记")
    row["side"].combo.setCurrentIndex(row["side"].combo.findData("branch"))
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: step_records.records_of(workspace, village) != [], timeout=3000)
    [record] = step_records.records_of(workspace, village)
    assert record.title == "2026-05-11 · 村委会会议室"
    assert step_records.drafts_of(workspace, village) == []
    [version] = history.versions(workspace, record.id)
    assert version.body["values"]["attendees"] == [
        {"person": {"name": "张建国"}, "post": "村党总支书记", "side": "branch"}]
    assert window.village.steps.item(0, 1).text() == "已完成"


def test_checklist_and_attachments_are_saved_with_the_record(qtbot, workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, village = open_main(qtbot, workspace)
    editor = window.new_record("ledger_review")
    qtbot.addWidget(editor)
    form = editor.draft.form
    checklist_key = next(f.key for f in form.fields if f.kind == "checklist")
    checklist = editor.form.editors[checklist_key]
    assert isinstance(checklist, ChecklistEditor)
    first_item = next(iter(checklist.items))
    state, note = checklist.items[first_item]
    state.setCurrentIndex(state.findData("problem"))
    note.setText("2025年3月会议记录缺失")
    photo = tmp_path / "凭证.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(photo))
    attachments_key = next(f.key for f in form.fields if f.kind == "attachments")
    editor.form.editors[attachments_key].add_paths([photo, photo])  # the same file twice
    values = editor.form.values()
    assert values[checklist_key] == {first_item: {"state": "problem",
                                                  "note": "2025年3月会议记录缺失"}}
    assert len(values[attachments_key]) == 1
    assert editor.keep_draft()
    kept = step_records.drafts_of(workspace, village)[0].values
    assert kept[checklist_key] == values[checklist_key]
    data = step_records.read_blob(workspace, values[attachments_key][0])
    assert data == photo.read_bytes()


def test_a_draft_survives_the_window_being_destroyed_mid_edit(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    window, village = open_main(qtbot, workspace)
    editor = window.new_record("petition")
    summary = next(f.key for f in editor.draft.form.fields if f.kind == "long_text")
    editor.form.editors[summary].edit.setPlainText("反映村集体土地租金去向不明")
    # (a waitUntil callback must return a bool: None would count as "done")
    qtbot.waitUntil(lambda: bool(step_records.drafts_of(workspace, village)[0].values),
                    timeout=3000)
    editor.form.editors[summary].edit.appendPlainText("，涉及2019年至2021年")
    # No close event: the window is simply gone, as when the program is killed.
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    editor.deleteLater()
    qtbot.wait(50)
    [draft] = step_records.drafts_of(workspace, village)
    assert draft.values[summary].startswith("反映村集体土地租金去向不明")


def test_a_town_shows_how_far_each_village_has_got(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from tests.test_step_records import MEETING
    window, village = open_main(qtbot, workspace)
    draft = step_records.start_draft(workspace, village, "opening_meeting")
    step_records.save_draft(workspace, draft.id, MEETING)
    step_records.save_record(workspace, draft.id)
    step_records.start_draft(workspace, village, "interview")
    town = next(i for i in window.all_indexes() if i.data().startswith("湖塘镇"))
    window.tree.setCurrentIndex(town)
    assert window.pages.currentWidget() is window.town
    table = window.town.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(table.rowCount())}
    assert rows == {"新桥村": ["● 1", "◐ 0", "○ 0"], "东塘社区": ["○ 0", "○ 0", "○ 0"]}
    assert "2 个村（社区）中 0 个" in window.town.summary.text()


def test_a_round_drops_and_reorders_its_steps(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.step_forms import StepsError
    window, village = open_main(qtbot, workspace)
    step_records.configure_steps(workspace, ["interview", "opening_meeting", "evaluation"])
    window.village.refresh()
    shown = [window.village.steps.item(r, 0).text()
             for r in range(window.village.steps.rowCount())]
    assert shown == ["1. 个别谈话", "2. 见面沟通", "3. 民主测评"]
    assert step_records.configured_steps(workspace) == ["interview", "opening_meeting",
                                                         "evaluation"]
    for bad in ([], ["interview", "interview"], ["no_such_step"]):
        with pytest.raises(StepsError):
            step_records.configure_steps(workspace, bad)
    assert [s.key for s in step_records.steps(workspace)][0] == "interview"

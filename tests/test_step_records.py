"""Step records and their drafts in a real encrypted file: typed, kept, saved, edited."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.forms import FormValuesError
from desktop.services import history, roster, step_records
from desktop.services.workspace import open_workspace
from tests.conftest import PASSPHRASE, make_tree

MEETING = {"date": "2026-05-11", "place": "村委会会议室",
           "attendees": [{"person": {"name": "张建国"}, "post": "村党总支书记", "side": "branch"}]}


def test_a_draft_survives_closing_without_saving(workspace, db_path):
    village = make_tree(workspace)["village"]
    draft = step_records.start_draft(workspace, village, "opening_meeting")
    step_records.save_draft(workspace, draft.id, {"place": "村委会", "date": "2026-05-"})
    workspace.close()  # as after a crash: nothing but the draft was written
    ws = open_workspace(db_path, PASSPHRASE)
    try:
        [kept] = step_records.drafts_of(ws, village)
        assert kept.values == {"place": "村委会", "date": "2026-05-"}
        assert kept.form.ref == ("opening_meeting", 1)
        [state] = [s for s in step_records.step_states(ws, village)
                   if s.step.key == "opening_meeting"]
        assert (state.status, state.records, state.drafts) == ("in_progress", 0, 1)
    finally:
        ws.close()


def test_saving_checks_the_whole_form_and_keeps_the_draft_when_refused(workspace):
    village = make_tree(workspace)["village"]
    draft = step_records.start_draft(workspace, village, "opening_meeting")
    step_records.save_draft(workspace, draft.id, {"place": "村委会"})
    with pytest.raises(FormValuesError, match="会议日期") as refused:
        step_records.save_record(workspace, draft.id)
    assert "参会人员" in str(refused.value)
    assert step_records.drafts_of(workspace, village)[0].values == {"place": "村委会"}
    assert step_records.records_of(workspace, village) == []


def test_one_revision_per_save_and_edits_keep_history(workspace):
    village = make_tree(workspace)["village"]
    draft = step_records.start_draft(workspace, village, "opening_meeting")
    for typed in ({"place": "村"}, {"place": "村委"}, MEETING):  # keystrokes, debounced
        step_records.save_draft(workspace, draft.id, typed)
    changes = step_records.save_record(workspace, draft.id)
    assert len(changes.revisions) == 1 and step_records.drafts_of(workspace, village) == []
    [record] = step_records.records_of(workspace, village, "opening_meeting")
    assert record.title == "2026-05-11 · 村委会会议室"
    again = step_records.edit_record(workspace, record.id)
    assert again.record_id == record.id and again.values["place"] == "村委会会议室"
    assert step_records.edit_record(workspace, record.id).id == again.id  # the same draft
    step_records.save_draft(workspace, again.id, {**again.values, "place": "党群服务中心"})
    step_records.save_record(workspace, again.id)
    assert [v.body["values"]["place"] for v in history.versions(workspace, record.id)] == [
        "村委会会议室", "党群服务中心"]
    [state] = [s for s in step_records.step_states(workspace, village)
               if s.step.key == "opening_meeting"]
    assert (state.status, state.records) == ("complete", 1)
    assert step_records.records_of(workspace, village, search="党群") != []
    assert step_records.records_of(workspace, village, search="不存在的词") == []
    roster.delete_record(workspace, record.id)
    assert step_records.records_of(workspace, village) == []


def test_bad_input_is_refused_clearly(workspace):
    village = make_tree(workspace)["village"]
    with pytest.raises(errors.RecordMissing):
        step_records.start_draft(workspace, "no-such-village", "interview")
    with pytest.raises(errors.RecordMissing, match="evaluation"):
        step_records.start_draft(workspace, village, "evaluation")  # has sessions, not a form
    draft = step_records.start_draft(workspace, village, "interview")
    with pytest.raises(FormValuesError):
        step_records.save_draft(workspace, draft.id, {"no_such_field": "x"})
    with pytest.raises(FormValuesError):
        step_records.save_draft(workspace, draft.id, {"date": 1.5})  # floats never stored
    assert step_records.drafts_of(workspace, village)[0].values == {}
    with pytest.raises(errors.RecordMissing):
        step_records.save_record(workspace, "no-such-draft")


def test_a_newer_form_never_breaks_old_records_or_drafts(workspace, tmp_path, monkeypatch):
    """interview v2 drops "place" and adds "venue": v1 records and drafts stay on v1."""
    import shutil

    from desktop.core import forms_toml

    folder = tmp_path / "steps"
    shutil.copytree(forms_toml.FORMS, folder)
    v1 = (folder / "interview.v1.toml").read_text(encoding="utf-8")
    v2 = v1.replace("version = 1", "version = 2", 1).replace(
        'key = "place"\nkind = "text"\nzh = "谈话地点"\nen = "Place"',
        'key = "venue"\nkind = "text"\nzh = "谈话场所"\nen = "Venue"')
    assert v2 != v1 and 'key = "place"' not in v2
    (folder / "interview.v2.toml").write_text(v2, encoding="utf-8")
    village = make_tree(workspace)["village"]
    draft = step_records.start_draft(workspace, village, "interview")  # v1: forms/ as shipped
    step_records.save_draft(workspace, draft.id, {"place": "村委会二楼"})
    monkeypatch.setattr(step_records, "form_set", lambda: forms_toml.load_all(folder))
    [kept] = step_records.drafts_of(workspace, village)
    assert kept.form.ref == ("interview", 1) and kept.values == {"place": "村委会二楼"}
    step_records.save_draft(workspace, kept.id, {"place": "村委会三楼"})  # still fine on v1
    assert step_records.start_draft(workspace, village, "interview").form.ref == ("interview", 2)

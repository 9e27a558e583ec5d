"""The registers window: a finding through its review chain, locked and amended; a measure
closed out only with evidence; the filter and the summary."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import findings, registers, step_records
from desktop.ui.main_window import MainWindow
from desktop.ui.register_dialogs import FieldsDialog, PlaceCombo
from tests.conftest import make_tree
from tests.test_step_records import MEETING
from tests.test_ui import when_shown


def fill(values: dict, accept: bool = True):  # type: ignore[no-untyped-def]
    def act(dialog: FieldsDialog) -> None:
        for key, value in values.items():
            widget = dialog.editors[key]
            if isinstance(widget, PlaceCombo):
                widget.choose(*value)
            elif hasattr(widget, "setPlainText"):
                widget.setPlainText(value)
            elif hasattr(widget, "findData"):
                widget.setCurrentIndex(widget.findData(value))
            else:
                widget.setText(value)
        dialog.accept() if accept else dialog.reject()
    when_shown(FieldsDialog, act)


def error_text() -> str:
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    text = boxes[-1].text() if boxes else ""
    for box in boxes:
        box.close()
    return text


def test_a_finding_from_draft_to_amendment(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    window = main.show_registers()
    fill({"title": "村务公开栏未按季度更新", "place": (ids["town"], ids["village"]),
          "aspect": "party_affairs", "problem_class": "individual",
          "description": "2025年第三、四季度财务收支未公开。"})
    window.new_finding()
    [f] = findings.findings(workspace)
    window.findings.choose(f.id)
    window._act(findings.review_finding)  # no basis yet: refused, said why
    assert error_text() and findings.finding(workspace, f.id).status == "drafted"
    fill({"title": "村务公开栏未按季度更新", "place": (ids["town"], ids["village"]),
          "aspect": "party_affairs", "problem_class": "individual",
          "description": "2025年第三、四季度财务收支未公开。",
          "basis": "《江苏省村务公开条例》第十条"})
    window.edit_finding()
    [f] = findings.findings(workspace)
    assert window.findings.table.rowCount() == 1
    assert window.findings.table.item(0, 1).text() == "村务公开栏未按季度更新"
    window.findings.choose(f.id)
    window._act(findings.review_finding)
    window._act(findings.sign_off_finding)
    f = findings.finding(workspace, f.id)
    assert f.status == "signed_off" and f.number
    fill({"title": "改了标题", "place": (ids["town"], ids["village"]), "aspect": "party_affairs",
          "problem_class": "individual", "description": "x"})
    window.edit_finding()  # locked: refused with a message, nothing changed
    assert "签发" in error_text()
    assert findings.finding(workspace, f.id).text.title == "村务公开栏未按季度更新"
    fill({"title": "村务公开栏未按季度更新", "aspect": "party_affairs",
          "problem_class": "common", "description": "2025年第三、四季度财务收支未公开。",
          "reason": "同镇另有两个村存在相同问题"})
    window.amend_finding()
    f = findings.finding(workspace, f.id)
    assert f.text.problem_class == "common" and f.signed_text.problem_class == "individual"
    assert [a.reason for a in f.amendments] == ["同镇另有两个村存在相同问题"]
    window.findings.filter.setText("不存在的词")
    assert window.findings.visible_rows() == 0
    window.findings.filter.setText("公开栏")
    assert window.findings.visible_rows() == 1


def test_a_measure_is_closed_out_only_with_evidence(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    draft = step_records.start_draft(workspace, ids["village"], "opening_meeting")
    step_records.save_draft(workspace, draft.id, MEETING)
    step_records.save_record(workspace, draft.id)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    window = main.show_registers()
    fill({"title": "建立村级财务审批制度", "place": (ids["town"], ids["village"]),
          "measure": "制定审批流程并公示", "responsible": "张建国"})
    window.new_task()
    [task] = registers.tasks(workspace, "suggestion", __import__("datetime").date.today())
    window.tasks.choose(task.id)
    fill({"note": "已完成"})
    window.close_out()
    assert "佐证" in error_text() or "evidence" in error_text().lower()

    def with_record(dialog: FieldsDialog) -> None:
        picker = dialog.editors["evidence"]
        from PySide6.QtCore import Qt
        picker.records.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
    when_shown(FieldsDialog, with_record)
    window.close_out()
    [task] = registers.tasks(workspace, "suggestion", __import__("datetime").date.today())
    assert task.status == "closed" and len(task.closure_records) == 1
    window.tabs.setCurrentIndex(4)
    assert window.summary.item(0, 0).text() == "本轮合计"

"""The evaluation screens driven by key clicks: keying, undo, void, double entry, the count."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.ballot_entry import Keyed
from desktop.services import evaluation
from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
from desktop.ui.evaluation_window import EvaluationWindow
from desktop.ui.main_window import MainWindow
from tests.conftest import make_tree
from tests.test_evaluation_session import GOOD_SCALE
from tests.test_ui import answer_input, when_shown


def open_window(qtbot, workspace, issued=10) -> EvaluationWindow:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    eid = evaluation.save_setup(workspace, evaluation.Setup(
        ids["village"], "2026-05-12", GOOD_SCALE, issued=issued,
        participants={"representatives": (12, 11)}))
    window = EvaluationWindow(workspace, eid)
    # A failed test may leave a half-keyed ballot, whose close would ask and wait for a person.
    qtbot.addWidget(window, before_close_func=lambda w: [
        e.answers.clear() for e in w.entries.values()])
    window.show()
    return window


def key(qtbot, widget, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys on the entry widget: digits, "<" Backspace, "\\n" Enter."""
    for k in keys:
        if k == "<":
            qtbot.keyClick(widget, Qt.Key.Key_Backspace)
        elif k == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(widget, k)


def counts(widget, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The tally cells of one row: options 1…n, then blank."""
    return [widget.table.item(row, c).text() for c in range(3, widget.table.columnCount())]


def test_keying_with_corrections_undo_and_void(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, workspace)
    first = window.entries["first"]
    width = len(first.columns)
    assert first.serial.text() == "0001"
    key(qtbot, first, "3" + "<" + "1" * width)
    assert counts(first, 0) == ["1", "0", "0", "0", "0"]  # the typed ballot counts already
    key(qtbot, first, "7")  # not an option: refused, nothing counted
    assert "只能" in first.status.text()
    key(qtbot, first, "\n")
    assert first.serial.text() == "0002"
    key(qtbot, first, "2" * (width - 1) + "\n")  # one answer short: not saved
    assert "还有 1 项" in first.status.text()
    key(qtbot, first, "0\n")
    # Ctrl+Z on an empty ballot reopens the last one; correct its last answer to 4.
    qtbot.keyClick(first, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.serial.text() == "0002" and first.answers == ["2"] * (width - 1) + ["0"]
    key(qtbot, first, "<4\n")
    answer_input(qtbot, "两项都打了勾")
    qtbot.keyClick(first, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: first.serial.text() == "0004")
    stored = evaluation.load(workspace, window.session.id).entries["first"]
    assert stored == (Keyed("0001", "1" * width), Keyed("0002", "2" * (width - 1) + "4"),
                      Keyed("0003", "0" * width, "两项都打了勾"))
    assert counts(first, 0) == ["1", "1", "0", "0", "0"]
    assert counts(first, width - 1) == ["1", "0", "0", "1", "0"]
    assert "3 张" in first.title.text() and "1 张作废" in first.title.text()


def test_double_entry_lists_the_mismatches_exactly(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, workspace)
    first, second = window.entries["first"], window.entries["second"]
    width = len(first.columns)
    key(qtbot, first, "1" * width + "\n" + "2" * width + "\n" + "3" * width + "\n")
    window.tabs.setCurrentWidget(second)
    key(qtbot, second, "1" * width + "\n" + "2" * (width - 1) + "1\n")
    window.tabs.setCurrentIndex(2)
    table = window.differences
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    last_item = window.session.questionnaire.subjects[-1]
    assert rows == [
        ["0002", f"{last_item.label.text()} · {last_item.items[-1].label.text()}",
         "2 较好", "1 好"],
        ["0003", "整张票", "已录入", "（未录入）"],
    ]
    assert "2 处" in window.differences_note.text()
    # The paper says 2: correct the verifying entry, then key the missing ballot.
    table.selectRow(0)
    window.correct_in("second")
    assert window.tabs.currentWidget() is second and second.serial.text() == "0002"
    key(qtbot, second, "<2\n" + "3" * width + "\n")
    window.tabs.setCurrentIndex(3)
    assert window.session.final and table.rowCount() == 0
    assert "已定稿" in window.results.summary.text()
    assert window.results.table.rowCount() == width
    assert window.results.table.item(0, 2).text() == "1 (33.3%)"


def test_new_evaluation_from_the_village_panel(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.select(ids["village"])

    def fill(dialog: EvaluationSetupDialog) -> None:
        dialog.issued.setValue(120)
        dialog.counts["party_members"][0].setValue(40)
        dialog.accept()
    when_shown(EvaluationSetupDialog, fill)
    window.new_evaluation()
    [summary] = evaluation.sessions_of(workspace, ids["village"])
    assert summary.issued == 120
    assert window.village.evaluations.count() == 1
    assert window.village.steps.item(2, 2).text() == "1"
    opened = [w for w in window.findChildren(EvaluationWindow) if w.isVisible()]
    assert opened and opened[0].session.expected == 40

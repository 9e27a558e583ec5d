"""The desktop shell driven through its widgets with pytest-qt, on real encrypted files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.app import main as app_main
from desktop.services import queries, roster
from desktop.ui.create_dialog import CreateDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.start_dialog import StartDialog, recent
from tests.conftest import PASSPHRASE, make_tree


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def fill_create_form(qtbot, dialog: CreateDialog, path: Path, confirm: str) -> None:  # type: ignore[no-untyped-def]
    # QTest can only type ASCII: Chinese text goes in as an input method would commit it.
    dialog.path.setText(str(path))
    dialog.round_name.setText("2026年第一轮巡察")
    dialog.team.setText("第二巡察组")
    dialog.inspector.setText("吴赟")
    dialog.role.setCurrentIndex(1)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(confirm)
    qtbot.keyClicks(dialog.confirm, "!")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Backspace)


def test_create_dialog_refuses_differing_passphrases_then_creates(qtbot, tmp_path: Path) -> None:
    dialog = CreateDialog()
    qtbot.addWidget(dialog)
    path = tmp_path / "mine.db"
    fill_create_form(qtbot, dialog, path, PASSPHRASE + "x")
    dialog.create()
    assert "不一致" in dialog.error.text() and not path.exists()
    dialog.confirm.setText(PASSPHRASE)
    dialog.create()
    assert dialog.result() == CreateDialog.DialogCode.Accepted and path.exists()
    summary = queries.round_summary(dialog.workspace)
    assert (summary.inspector, summary.role, summary.team) == ("吴赟", "deputy", "第二巡察组")
    dialog.workspace.close()


def test_create_dialog_shows_service_errors_inline(qtbot, tmp_path: Path) -> None:
    dialog = CreateDialog()
    qtbot.addWidget(dialog)
    fill_create_form(qtbot, dialog, tmp_path / "a.db", PASSPHRASE)
    dialog.inspector.clear()
    dialog.create()
    assert "姓名" in dialog.error.text() and not (tmp_path / "a.db").exists()


def test_start_dialog_wrong_passphrase_says_so_and_opens_with_the_right_one(
        qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    path = workspace.path
    workspace.close()
    before = path.read_bytes()
    start = StartDialog(settings)
    qtbot.addWidget(start)
    assert not start.open_path(path, "wrong passphrase")
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "口令错误" in box.text()
    box.close()
    assert path.read_bytes() == before
    assert start.open_path(path, PASSPHRASE)
    assert recent(settings) == [path.resolve()]
    start.workspace.close()
    again = StartDialog(settings)  # the next start offers it first
    qtbot.addWidget(again)
    assert again.recent_paths == [path.resolve()] and again.recent_buttons[0].isDefault()


def test_demo_round_opens_from_the_start_dialog(qtbot, settings, data_dir: Path) -> None:
    start = StartDialog(settings)
    qtbot.addWidget(start)
    assert start.demo_button.isDefault()
    qtbot.mouseClick(start.demo_button, Qt.MouseButton.LeftButton)
    assert start.workspace is not None
    assert queries.stats(start.workspace).totals["villages"] > 0
    assert start.workspace.path.is_relative_to(data_dir)
    start.workspace.close()


def when_shown(kind: type, act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act`` on the next visible top-level dialog of ``kind`` once it appears."""
    def attempt() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            act(shown[0])
        else:
            QTimer.singleShot(10, attempt)
    QTimer.singleShot(0, attempt)


def answer_input(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into the next QInputDialog and accept it."""
    def fill(dialog: QInputDialog) -> None:
        dialog.setTextValue(text)
        dialog.accept()
    when_shown(QInputDialog, fill)


def test_main_window_shows_the_tree_and_adds_renames_deletes(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    top = window.tree_model.index(0, 0)
    assert window.tree_model.rowCount() == 1 and "武进区" in top.data()
    assert window.pages.currentWidget() is window.overview
    assert window.overview.fields["me"].text() == "王堃（组长）"

    assert window.select(ids["village"])
    assert window.pages.currentWidget() is window.village
    assert window.village.title.text() == "新桥村"
    assert window.village.steps.item(0, 0).text() == "1. 见面沟通"
    assert not window.add_action.isEnabled()

    window.select(ids["town"])
    answer_input(qtbot, "西塘村")
    window.add_child()
    node = window.current_node()
    assert node.kind == "village" and node.name == "西塘村"

    answer_input(qtbot, "西塘社区")
    window.rename_current()
    assert window.current_node().name == "西塘社区"
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.delete_current()
    names = [v.name for v in queries.round_tree(workspace)[0].children[0].children]
    assert "西塘社区" not in names and set(names) == {"新桥村", "东塘社区"}


def test_main_window_reports_an_invalid_name(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    ids = make_tree(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.select(ids["village"])
    answer_input(qtbot, "   ")
    window.rename_current()
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "名称" in box.text()
    assert queries.round_tree(workspace)[0].children[0].children[1].name == "新桥村"


def test_smoke_test_visits_every_screen(capsys) -> None:  # type: ignore[no-untyped-def]
    assert app_main(["--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "screen MainWindow: ok" in out and "smoke test passed" in out


def test_history_shows_who_changed_what_and_restores_a_version(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.history_dialog import HistoryDialog
    ids = make_tree(workspace)
    roster.rename(workspace, ids["village"], "新桥社区")
    dialog = HistoryDialog(workspace, ids["village"])
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["新桥村", "新桥社区"]
    assert dialog.table.item(0, 1).text() == "王堃"
    dialog.table.selectRow(0)
    dialog.restore()
    assert dialog.table.rowCount() == 3 and dialog.table.item(2, 3).text() == "新桥村"
    assert queries.round_tree(workspace)[0].children[0].children[1].name == "新桥村"


def test_a_deleted_village_comes_back_from_deleted_records(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.history_dialog import DeletedDialog
    ids = make_tree(workspace)
    roster.delete_record(workspace, ids["village2"])
    dialog = DeletedDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "东塘社区"
    assert dialog.table.item(0, 0).text() == "村（社区）"
    dialog.restore()
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    names = {v.name for v in queries.round_tree(workspace)[0].children[0].children}
    assert names == {"新桥村", "东塘社区"}

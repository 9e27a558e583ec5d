"""Everyday comfort in the app: locking when idle, settings, the daily backup and restoring it."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.services import backups, queries, roster
from desktop.ui.lock import LockDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import IDLE_KEY, LANGUAGE_KEY, SettingsDialog
from tests.conftest import PASSPHRASE
from tests.test_ui import answer_input, when_shown


def make_window(qtbot, workspace, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_locks_every_window_until_the_passphrase_is_given(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, workspace, tmp_path)
    seen: dict[str, object] = {}

    def unlock(dialog: LockDialog) -> None:
        seen["hidden"] = not window.isVisible()
        dialog.passphrase.setText("not the passphrase")
        dialog.try_unlock()
        seen["refused"] = dialog.isVisible() and "口令错误" in dialog.problem.text()
        dialog.reject()  # Escape does not unlock
        seen["still"] = dialog.isVisible()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.try_unlock()
    when_shown(LockDialog, unlock)
    window.idle.set_minutes(1, unit_ms=30)  # 30 ms instead of a minute
    qtbot.waitUntil(lambda: "still" in seen and window.isVisible(), timeout=5000)
    assert seen == {"hidden": True, "refused": True, "still": True}
    assert not window.locked and window.ws.db.engine is not None
    assert queries.round_summary(window.ws).name  # the database is still open


def test_settings_are_kept(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, workspace, tmp_path)
    dialog = SettingsDialog(window.settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle.setValue(3)
    dialog.accept()
    assert window.settings.value(LANGUAGE_KEY) == "en"
    assert int(window.settings.value(IDLE_KEY)) == 3 == window.idle_minutes()


def test_the_daily_backup_is_made_and_restored_from_the_menu(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, workspace, tmp_path)
    qtbot.waitUntil(lambda: bool(backups.backups(workspace.path)), timeout=5000)
    [daily] = backups.backups(workspace.path)
    assert ".daily-" in daily.name
    roster.add_district(window.ws, "新北区")
    window.refresh()
    assert any(d.name == "新北区" for d in queries.round_tree(window.ws))
    answer_input(qtbot, daily.name)
    window.restore_backup()
    assert all(d.name != "新北区" for d in queries.round_tree(window.ws))
    assert window.village.ws is window.ws


def test_joining_from_the_start_dialog(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import merge
    from desktop.ui.join_dialog import JoinDialog
    from desktop.ui.start_dialog import StartDialog, recent
    exchange = tmp_path / "leader.xch"
    merge.export(workspace, PASSPHRASE, exchange, "exchange passphrase")
    settings = QSettings(str(tmp_path / "start.ini"), QSettings.Format.IniFormat)
    start = StartDialog(settings)
    qtbot.addWidget(start)

    def fill(dialog: JoinDialog) -> None:
        dialog.exchange.setText(str(exchange))
        dialog.exchange_passphrase.setText("wrong")
        dialog.path.setText(str(tmp_path / "member.db"))
        dialog.name.setText("李明")
        dialog.secret.passphrase.setText("member passphrase")
        assert dialog.secret.hint.text()  # a strength hint while typing
        dialog.secret.confirm.setText("member passphrase")
        dialog.join()
        assert dialog.error.text() and not (tmp_path / "member.db").exists()
        dialog.exchange_passphrase.setText("exchange passphrase")
        dialog.join()
    when_shown(JoinDialog, fill)
    start.join()
    assert start.workspace is not None and start.workspace.actor is not None
    assert queries.round_summary(start.workspace).inspector == "李明"
    assert recent(settings) == [(tmp_path / "member.db").resolve()]
    start.workspace.close()

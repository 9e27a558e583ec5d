"""Builds the application once and passes everything in: `python -m desktop`, `xuncha-gui`.

``--smoke-test`` starts offscreen on a fresh demo database, opens every main screen and exits
0; ``--lang en`` switches the interface to English.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    from desktop.core.i18n import tr, translate_argparse
    translate_argparse()
    p = argparse.ArgumentParser(prog="xuncha-gui",
                                description=tr("Village inspection workbench"))
    p.add_argument("--smoke-test", action="store_true",
                   help=tr("open a demo round offscreen, visit every main screen and exit"))
    p.add_argument("--lang", choices=("zh_CN", "en"),
                   help=tr("interface language (default: Chinese)"))
    from desktop import __version__
    p.add_argument("--version", action="version", version=f"xuncha {__version__}",
                   help=tr("show the version and exit"))
    p.add_argument("--verbose", action="store_true",
                   help=tr("with --version: also every library and its version"))
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import paths, translations
    paths.keep_new_files_private()
    catalogue = translations.install()  # before the first tr(): --help speaks Chinese too
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--version" in argv and "--verbose" in argv:
        from desktop.paths import version_report
        print(version_report())
        return 0
    args = _parse(argv)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop import APP_NAME, logs
    from desktop.core import i18n
    from desktop.core.i18n import tr
    from desktop.ui import fonts
    from desktop.ui.settings_dialog import LANGUAGE_KEY
    logs.capture_warnings()
    logs.configure()
    logs.install_excepthook()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    chosen = args.lang or (None if args.smoke_test else QSettings().value(LANGUAGE_KEY, None))
    if chosen in ("zh_CN", "en"):
        i18n.set_language(chosen)
    app.setApplicationDisplayName(tr("Village inspection workbench"))
    app.setDesktopFileName(APP_NAME)  # resources/xuncha.desktop (the Wayland app id)
    app.setWindowIcon(_icon())
    fonts.install_fallbacks(app)
    qt_texts = _translate_qt(app, i18n.language())
    if args.smoke_test:
        print(f"icon: {'missing' if app.windowIcon().isNull() else 'ok'}; "
              f"catalogue: {translations.CATALOGUE} {'loaded' if catalogue else 'missing'}; "
              f"Qt translation: {qt_texts}")
        print(f"interface: {i18n.language()}, {tr('Village inspection workbench')}")
        return smoke_test()
    from desktop.ui.main_window import MainWindow
    from desktop.ui.start_dialog import StartDialog
    settings = QSettings()
    while True:
        start = StartDialog(settings)
        if not start.exec() or start.workspace is None:
            return 0
        if not _run_window(app, MainWindow(start.workspace)):
            return 0


def _run_window(app, window) -> bool:  # type: ignore[no-untyped-def]
    """Show the main window until it closes; True when the user asked for another database."""
    again: list[bool] = []
    window.switch_database.connect(lambda: (again.append(True), window.close()))
    window.show()
    app.exec()
    return bool(again)


def _icon():  # type: ignore[no-untyped-def]
    """The window icon (resources/icons, found by desktop.paths in a build too)."""
    from PySide6.QtGui import QIcon

    from desktop import paths
    icon = QIcon(str(paths.icon()))
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.icon(size)))
    return icon


def _translate_qt(app, language: str) -> str:  # type: ignore[no-untyped-def]
    """Qt's own texts (OK, Cancel, Yes, file dialogs) in the interface language, and its
    locale too: a calendar's month and day names follow it, not the system's."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == "zh_CN" else QLocale(QLocale.Language.English))
    for earlier in app.findChildren(QTranslator, "qtbase"):  # of another language
        app.removeTranslator(earlier)
        earlier.deleteLater()
    if language != "zh_CN":
        return "not needed"
    translator = QTranslator(app)
    translator.setObjectName("qtbase")
    if translator.load("qtbase_zh_CN",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        return "qtbase_zh_CN loaded"
    return "qtbase_zh_CN missing"


def smoke_test() -> int:
    """Open a fresh demo round offscreen and visit every main screen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.services import demo, evaluation, merge
    from desktop.services.workspace import open_workspace
    from desktop.ui.conflicts_dialog import ConflictsDialog
    from desktop.ui.create_dialog import CreateDialog
    from desktop.ui.duplicates_dialog import DuplicatesDialog
    from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
    from desktop.ui.history_dialog import DeletedDialog, HistoryDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.merge_wizard import MergeWizard
    from desktop.ui.packet_dialog import PacketDialog
    from desktop.ui.round_tree import NODE_ROLE
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.start_dialog import StartDialog
    from desktop.ui.steps_dialog import StepsDialog

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XUNCHA_DATA_DIR"] = tmp
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        for screen in (StartDialog(settings), CreateDialog()):
            screen.show()
            QApplication.processEvents()
            screen.close()
            print(f"screen {type(screen).__name__}: ok")
        paths = demo.generate(Path(tmp) / "demo", "small", laptops=2, seed=1).paths
        report = merge.merge(paths[0], demo.DEMO_PASSPHRASE, [paths[1]])
        print(f"merge: {report.sources[0].new_revisions} revisions, "
              f"{report.conflicts} conflicts")
        window = MainWindow(open_workspace(paths[0], demo.DEMO_PASSPHRASE))
        window.show()
        visited = 0
        for index in list(window.all_indexes()):
            window.tree.setCurrentIndex(index)
            QApplication.processEvents()
            visited += 1
        assert window.pages.currentWidget() is window.village, "no village page shown"
        print(f"screen MainWindow: ok ({visited} tree entries visited)")
        village = window.current_node()
        for screen in (ConflictsDialog(window.ws, window), DuplicatesDialog(window.ws, window),
                       HistoryDialog(window.ws, village.id, window),
                       DeletedDialog(window.ws, window),
                       MergeWizard(window.ws.path, window.ws.db.passphrase, window)):
            screen.show()
            QApplication.processEvents()
            screen.close()
            print(f"screen {type(screen).__name__}: ok")
        village_id, session_id = evaluation.first_session(window.ws)
        window.select(village_id)
        screen = window.open_evaluation(session_id)
        for tab in range(screen.tabs.count()):
            screen.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
        screen.close()
        print(f"screen {type(screen).__name__}: ok ({screen.tabs.count()} tabs)")
        setup = EvaluationSetupDialog(window, village_id, "")
        setup.show()
        QApplication.processEvents()
        setup.close()
        print(f"screen {type(setup).__name__}: ok")
        for step in ("opening_meeting", "ledger_review", "petition"):
            editor = window.new_record(step)
            assert editor is not None, f"no editor for {step}"
            QApplication.processEvents()
            editor.close()
        print("screen RecordEditor: ok (3 forms)")
        registers = window.show_registers()
        for tab in range(registers.tabs.count()):
            registers.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
        print(f"screen {type(registers).__name__}: ok ({registers.tabs.count()} tabs, "
              f"{registers.findings.table.rowCount()} findings)")
        registers.close()
        town = next(i for i in window.all_indexes() if i.data(NODE_ROLE).kind == "town")
        window.tree.setCurrentIndex(town)
        QApplication.processEvents()
        assert window.pages.currentWidget() is window.town, "no town page shown"
        print(f"screen TownPanel: ok ({window.town.table.rowCount()} villages)")
        for screen in (StepsDialog(window.ws, window), PacketDialog(window.ws, window.ws.db.passphrase,
                                                                    window),
                       SettingsDialog(window.settings, window)):
            screen.show()
            QApplication.processEvents()
            screen.close()
            print(f"screen {type(screen).__name__}: ok")
        window.close()
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

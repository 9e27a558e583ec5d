"""The Chinese interface reads as Chinese: no English is left on the main screens.

A demo round (the one ``--smoke-test`` opens) is shown in Chinese, with Qt's own texts
translated as the program translates them, and every text a user reads is collected from its
screens: window titles, labels, buttons, check and radio boxes, group box titles, tab texts,
menus and actions, table, tree and list headers and cells, combo items, placeholders, spin box
suffixes, wizard pages and tooltips. A text reads as English when it still has a run of three
or more ASCII letters (or is an ASCII word alone, such as Qt's "OK") that is not in the short
allow-list below; the failure lists the screen, the widget and the text.

In English the same screens must not show the Chinese of any catalogue entry.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.app import _translate_qt
from desktop.core import i18n
from desktop.services import demo, evaluation, handover, merge, roster, step_records
from desktop.services.workspace import open_workspace
from desktop.ui.conflicts_dialog import ConflictsDialog
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.history_dialog import DeletedDialog, HistoryDialog
from desktop.ui.lock import LockDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.merge_wizard import MergeWizard
from desktop.ui.packet_dialog import PacketDialog
from desktop.ui.people_dialog import PeopleDialog
from desktop.ui.register_dialogs import FieldsDialog
from desktop.ui.round_tree import NODE_ROLE
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.start_dialog import StartDialog
from desktop.ui.steps_dialog import StepsDialog
from tests.test_i18n import TS, catalogue
from tests.test_ui import when_shown
from tests.test_ui_fit import main_screens

# ASCII that a Chinese interface shows as it is. Kept short: anything else is a missed
# translation.
ALLOWED = {
    "Ctrl", "Shift", "Alt", "Del",  # key names, as printed on keyboards and in shortcuts
    "PDF", "Excel", "xlsx", "csv",  # file formats, named as their programs name them
    "SHA", "PKCS", "ID", "QR",  # standards and short forms: SHA-256, PKCS#12
    "English",  # the language's own name in the language chooser
}
# User data and machine text, taken out before looking: file names (the database's, a saved
# PDF's), version numbers and hexadecimal digests (the status bar's state digest).
NOT_WORDS = re.compile(r"[\w.-]*\.(?:db|xch|pdf|xlsx|csv|zip|toml|bak)\b"
                       r"|\b\d+(?:\.\d+)+\w*|\b[0-9a-f]{8,}\b")
ASCII_RUN = re.compile(r"[A-Za-z]{3,}")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3400-\u9fff]")
MAX_ROWS = 60  # enough of a long table to see every kind of cell


def english(text: str) -> list[str]:
    """The words of ``text`` that are still English (none when it reads as Chinese)."""
    text = NOT_WORDS.sub(" ", text)
    words = [w for w in ASCII_RUN.findall(text) if w not in ALLOWED]
    if not words and not CJK.search(text):  # "OK", "No": an ASCII word alone
        words = [w for w in ASCII_WORD.findall(text) if w not in ALLOWED]
    return words


# -- what a user reads -----------------------------------------------------------------------

def _plain(text: str) -> str:
    """A label's text as read: no markup, no mnemonic ampersands."""
    if "<" in text and ">" in text:
        text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    return re.sub(r"&(&?)", r"\1", text)


def _name(widget: QWidget) -> str:
    kind = type(widget).__name__
    return f"{kind}#{widget.objectName()}" if widget.objectName() else kind


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        yield f"{where} > action", action.text()
        yield f"{where} > shortcut", action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText)
        if action.toolTip() != action.text().replace("&", "").rstrip(".…"):  # Qt's default
            yield f"{where} > action tooltip", action.toolTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} > {action.text()}")


def _rows(model: QAbstractItemModel, columns: int, tree: bool,
          parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(min(model.rowCount(parent), MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if tree and column == 0:
                yield from _rows(model, columns, tree, index)


def _view_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """The cells of a table, tree or list (its headers are widgets of their own)."""
    model = view.model()
    if model is None:
        return
    if isinstance(view, QHeaderView):
        for section in range(view.count()):
            if not view.isSectionHidden(section):
                yield "header", str(model.headerData(section, view.orientation()) or "")
        return
    if isinstance(view, QTableView):
        columns = view.horizontalHeader().count()
    elif isinstance(view, QTreeView):
        columns = view.header().count()
    else:
        columns = 1
    for index in _rows(model, columns, isinstance(view, QTreeView)):
        yield "cell", str(index.data() or "")
        yield "cell tooltip", str(index.data(Qt.ItemDataRole.ToolTipRole) or "")


def _calendar_texts(edit: QDateTimeEdit) -> Iterator[tuple[str, str]]:
    """The month and the day names of a date field's calendar, shown when it pops up."""
    calendar = edit.calendarWidget()
    for button in calendar.findChildren(QToolButton):
        yield "calendar", button.text()
    days = calendar.findChild(QTableView)
    if days is not None:
        model = days.model()
        yield from (("calendar", str(model.index(0, c).data() or ""))
                    for c in range(days.horizontalHeader().count()))


def _own_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    """What ``w`` itself shows (its children aside)."""
    if w.isWindow():
        yield "window title", w.windowTitle()
    if isinstance(w, QLabel):
        yield "text", w.text()
    elif isinstance(w, QAbstractButton):
        yield "text", w.text()
        if isinstance(w, QToolButton | QPushButton) and w.menu() is not None:
            yield from _menu_texts(w.menu(), "menu")
    elif isinstance(w, QGroupBox):
        yield "title", w.title()
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield f"tab {i}", w.tabText(i)
            yield f"tab {i} tooltip", w.tabToolTip(i)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"item {i}", w.itemText(i)
        if w.isEditable() and w.lineEdit() is not None:
            yield "placeholder", w.lineEdit().placeholderText()
    elif isinstance(w, QLineEdit):
        yield "placeholder", w.placeholderText()
        if w.isReadOnly() and w.echoMode() == QLineEdit.EchoMode.Normal:
            yield "text", w.text()
    elif isinstance(w, QTextEdit | QPlainTextEdit):
        yield "placeholder", w.placeholderText()
        if w.isReadOnly():
            yield "text", w.toPlainText()
    elif isinstance(w, QDateTimeEdit):
        yield "text", w.text()
        if w.calendarPopup():
            yield from _calendar_texts(w)
    elif isinstance(w, QAbstractSpinBox):
        for what in ("prefix", "suffix", "specialValueText"):
            if hasattr(w, what):
                yield what, getattr(w, what)()
    elif isinstance(w, QProgressBar) and w.isTextVisible():
        yield "text", w.text()
    elif isinstance(w, QAbstractItemView):
        yield from _view_texts(w)
    if isinstance(w, QMainWindow):
        for action in w.menuBar().actions():
            yield "menu", action.text()
            if action.menu() is not None:
                yield from _menu_texts(action.menu(), f"menu {action.text()}")
        yield "status message", w.statusBar().currentMessage()
    if isinstance(w, QWizard):
        for page_id in w.pageIds():
            page = w.page(page_id)
            yield f"page {page_id} title", page.title()
            yield f"page {page_id} subtitle", page.subTitle()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):
            yield f"{which.name}", w.buttonText(which)
    if w.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
        for action in w.actions():
            yield "context menu", action.text()
    yield "tooltip", w.toolTip()


def screen_texts(screen: QWidget) -> list[tuple[str, str]]:
    """(widget, text) of every text shown by ``screen`` and its visible widgets."""
    found: list[tuple[str, str]] = []
    for w in [screen, *screen.findChildren(QWidget)]:
        if w is not screen and (w.isWindow() or not w.isVisibleTo(screen)):
            continue  # another window, or hidden (a page not shown, an empty error line)
        found += [(f"{_name(w)} {what}", _plain(text)) for what, text in _own_texts(w)
                  if text and text.strip()]
    return found


def visit(screen: QWidget, name: str, seen: dict[str, list[tuple[str, str]]]) -> None:
    """Show ``screen``, then each tab of its tab widgets in turn, and add what it shows to
    ``seen`` under ``name``."""
    screen.show()
    QApplication.processEvents()
    texts = seen.setdefault(name, [])
    texts += screen_texts(screen)
    for tabs in screen.findChildren(QTabWidget):
        if not tabs.isVisibleTo(screen):
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            texts += screen_texts(screen)


def reported(seen: dict[str, list[tuple[str, str]]]) -> list[str]:
    """"screen: widget: text [words]" for every text that reads as English, once each."""
    out: dict[str, None] = {}
    for name, texts in seen.items():
        for where, text in texts:
            words = english(text)
            if words:
                out[f"{name}: {where}: {text!r} {words}"] = None
    return list(out)


# -- the screens -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_round(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The smoke test's demo round: two laptops merged into the first."""
    folder = tmp_path_factory.mktemp("demo")
    paths = demo.generate(folder / "laptops", "small", laptops=2, seed=1).paths
    merge.merge(paths[0], demo.DEMO_PASSPHRASE, [paths[1]])
    return paths[0]


@pytest.fixture
def qt_in_chinese(qapp):  # type: ignore[no-untyped-def]
    """Qt's own texts (OK, Cancel, Yes) and its locale (a calendar's month and day names) as
    the program sets them."""
    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    _translate_qt(qapp, "zh_CN")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


@pytest.fixture
def in_english(qapp):  # type: ignore[no-untyped-def]
    """The interface in English, before any screen is built (the conftest turns it back), and
    Qt's own texts as the program leaves them in English (an earlier test may have started
    the program in Chinese)."""
    locale = QLocale()
    i18n.set_language("en")
    _translate_qt(qapp, "en")
    yield
    QLocale.setDefault(locale)


@pytest.fixture
def main(qtbot, demo_round: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window on a copy of the demo round (and of the other laptop's database)."""
    for laptop in demo_round.parent.glob("laptop-*.db"):
        shutil.copyfile(laptop, tmp_path / laptop.name)
    path = tmp_path / demo_round.name
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(open_workspace(path, demo.DEMO_PASSPHRASE), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(kind: type, act: Callable[[QWidget], None]) -> None:
    """Let ``act`` look at, then close, the next modal ``kind`` that a call opens."""
    def once(dialog: QWidget) -> None:
        act(dialog)
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
    when_shown(kind, once)


def visit_main_window(qtbot, main: MainWindow, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """The round overview, every town and every step of the first village."""
    visit(main, "MainWindow (round)", seen)
    for index in main.all_indexes():
        node = index.data(NODE_ROLE)
        if node.kind == "town":
            main.tree.setCurrentIndex(index)
            visit(main, "MainWindow (town)", seen)
            break
    village_id, _ = evaluation.first_session(main.ws)
    main.select(village_id)
    for row in range(main.village.steps.rowCount()):
        main.village.steps.setCurrentCell(row, 0)
        visit(main, "MainWindow (village)", seen)


def visit_dialogs(qtbot, main: MainWindow, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """The dialogs of the menus and of the start, on the village chosen in the main window."""
    ws = main.ws
    village_id, session_id = evaluation.first_session(ws)
    gone = [i.data(NODE_ROLE) for i in main.all_indexes()][-1]
    assert gone.kind == "village" and gone.id != village_id
    roster.delete_record(ws, gone.id)  # for the deleted records' list
    main.refresh()
    main.select(village_id)
    village = main.current_node()
    for screen in (StartDialog(main.settings),
                   *main_screens(main, village.id, village.name, session_id),
                   ConflictsDialog(ws, main), DuplicatesDialog(ws, main),
                   HistoryDialog(ws, village.id, main), DeletedDialog(ws, main),
                   MergeWizard(ws.path, ws.db.passphrase, main), StepsDialog(ws, main),
                   PacketDialog(ws, ws.db.passphrase, main), SettingsDialog(main.settings, main),
                   LockDialog(ws.path.name, ws.db.passphrase, main)):
        visit(screen, type(screen).__name__, seen)
        screen.close()
    for step in step_records.steps(ws):
        editor = main.new_record(step.key) if step.form is not None else None
        if editor is not None:
            visit(editor, f"RecordEditor ({step.key})", seen)
            editor.close()
    _answer(PeopleDialog, lambda d: visit(d, "PeopleDialog", seen))
    main.edit_people()
    _answer(QInputDialog, lambda d: visit(d, "Rename (QInputDialog)", seen))
    main.rename_current()
    _answer(QMessageBox, lambda d: visit(d, "Delete (QMessageBox)", seen))
    main.delete_step_record("")


def visit_registers(qtbot, main: MainWindow, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """The registers window, every kind of measure, and the dialogs of its buttons."""
    window = main.show_registers()
    visit(window, "RegistersWindow", seen)
    window.tabs.setCurrentWidget(window.tasks.parentWidget())
    for i in range(window.task_kind.count()):
        window.task_kind.setCurrentIndex(i)
        visit(window, "RegistersWindow (measures)", seen)
    window.findings.table.selectRow(0)
    window.clues.table.selectRow(0)
    window.tasks.table.selectRow(0)
    for name, open_dialog in (("new finding", window.new_finding),
                              ("edit finding", window.edit_finding),
                              ("amend finding", window.amend_finding),
                              ("new clue", window.new_clue), ("hand over", window.hand_over),
                              ("feedback", window.feedback), ("new measure", window.new_task),
                              ("close out", window.close_out)):
        _answer(FieldsDialog, lambda d, name=name: visit(d, f"FieldsDialog ({name})", seen))
        open_dialog()
    _answer(QMessageBox, lambda d: visit(d, "Review trail (QMessageBox)", seen))
    window.show_trail()
    window.close()


def visit_evaluation(qtbot, main: MainWindow, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """The demo's evaluation, keyed twice with two differences: its four tabs."""
    village_id, session_id = evaluation.first_session(main.ws)
    main.select(village_id)
    window = main.open_evaluation(session_id)
    visit(window, "EvaluationWindow", seen)
    _answer(QInputDialog, lambda d: visit(d, "Print blank ballots (QInputDialog)", seen))
    window.print_ballots()
    window.close()


def visit_merge_and_packet(qtbot, main: MainWindow, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """The merge wizard's preview of the other laptop, and a packet opened to be checked."""
    ws = main.ws
    wizard = MergeWizard(ws.path, ws.db.passphrase, main)
    wizard.show()
    wizard.sources.add_paths(sorted(ws.path.parent.glob("laptop-*.db"))[1:])
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview.report is not None, timeout=30000)
    visit(wizard, "MergeWizard (preview)", seen)
    wizard.reject()
    village_id, _ = evaluation.first_session(ws)
    packet = ws.path.with_name("packet.pdf")
    handover.make_packet(ws.path, ws.db.passphrase, packet,
                         handover.Request(villages=(village_id,), receiver="县委巡察办"))
    preview = main.show_packet(packet)
    assert preview is not None
    visit(preview, "PdfPreview (packet check)", seen)
    preview.close()


SCREENS = {"main window": visit_main_window, "dialogs": visit_dialogs,
           "registers": visit_registers, "evaluation": visit_evaluation,
           "merge and packet": visit_merge_and_packet}


@pytest.mark.parametrize("screens", list(SCREENS))
def test_the_chinese_interface_shows_no_english(qtbot, qt_in_chinese, main, screens) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[tuple[str, str]]] = {}
    SCREENS[screens](qtbot, main, seen)
    assert sum(len(t) for t in seen.values()) > 20, "hardly any text collected"
    problems = reported(seen)
    assert not problems, "English in the Chinese interface:\n" + "\n".join(problems)


@pytest.mark.parametrize("screens", list(SCREENS))
def test_the_english_interface_shows_no_chinese_of_the_catalogue(qtbot, in_english, main, screens) -> None:  # type: ignore[no-untyped-def]
    chinese = {t for s, t in catalogue(TS).items() if t and t != s and len(t) > 1}
    seen: dict[str, list[tuple[str, str]]] = {}
    SCREENS[screens](qtbot, main, seen)
    found = sorted({f"{name}: {where}: {text!r}" for name, texts in seen.items()
                    for where, text in texts if text in chinese})
    assert found == []
    assert any(english(text) for texts in seen.values() for _, text in texts)


# -- the check itself ------------------------------------------------------------------------

def test_the_check_reports_english_and_lets_allowed_tokens_pass(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle("村（社区）巡察工作台 — laptop-1.db")
    window.menuBar().addMenu("文件").addAction("Open file…")
    page = QWidget()
    layout = QVBoxLayout(page)
    for text in ("Open file", "导出 PDF… (Ctrl+Shift+E)", "SHA-256 摘要 3fa9b0c1d2e4", "OK"):
        layout.addWidget(QLabel(text))
    hidden = QLabel("Not shown")
    layout.addWidget(hidden)
    hidden.hide()
    combo = QComboBox()
    combo.addItems(["简体中文", "English", "Other"])
    layout.addWidget(combo)
    window.setCentralWidget(page)
    seen: dict[str, list[tuple[str, str]]] = {}
    visit(window, "Test", seen)
    assert reported(seen) == [
        "Test: QMainWindow menu 文件 > action: 'Open file…' ['Open', 'file']",
        "Test: QLabel text: 'Open file' ['Open', 'file']",
        "Test: QLabel text: 'OK' ['OK']",
        "Test: QComboBox item 2: 'Other' ['Other']",
    ]

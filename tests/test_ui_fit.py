"""Every label and button of the main screens fits its text, in Chinese and in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.core import i18n
from desktop.services import evaluation
from desktop.ui.create_dialog import CreateDialog
from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
from desktop.ui.evaluation_window import EvaluationWindow
from desktop.ui.join_dialog import JoinDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import make_tree
from tests.test_evaluation_session import GOOD_SCALE


def cut_off(window: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (word-wrapped labels and
    elided texts aside)."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text() or w.pixmap() is not None
                                      and not w.pixmap().isNull()):
            continue
        if w.width() + 1 < w.minimumSizeHint().width():
            found.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < "
                         f"{w.minimumSizeHint().width()}")
    return found


def main_screens(main: MainWindow, village_id: str, village: str,
                 evaluation_id: str) -> list[QWidget]:
    """The screens opened from the main window (with ``village`` chosen in it) that a user
    spends the most time in: creating and joining a round, an evaluation and a record."""
    screens: list[QWidget] = [CreateDialog(main), JoinDialog(main),
                              EvaluationSetupDialog(main, village_id, village),
                              EvaluationWindow(main.ws, evaluation_id, main)]
    editor = main.new_record("interview")
    assert editor is not None
    return [*screens, editor]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_main_screens_fit_their_texts(qtbot, workspace, language) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    ids = make_tree(workspace)
    eid = evaluation.save_setup(workspace, evaluation.Setup(
        ids["village"], "2026-05-12", GOOD_SCALE, issued=10))
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.select(ids["village"])
    screens = [main, *main_screens(main, ids["village"], "新桥村", eid)]
    problems = []
    for screen in screens:
        screen.show()
        QApplication.processEvents()
        problems += [f"{type(screen).__name__}: {p}" for p in cut_off(screen)]
    for screen in screens[1:]:
        screen.close()
    assert problems == []


def test_the_check_sees_a_cut_off_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("村（社区）巡察工作台 · Village inspection workbench", window)
    label.setFixedWidth(40)
    window.show()
    assert len(cut_off(window)) == 1

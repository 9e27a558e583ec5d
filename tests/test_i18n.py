"""Every user-facing string has a Chinese translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from desktop.core.i18n import set_language, tr
from desktop.core.i18n_zh import ZH
from desktop.core.kinds import FIELD_LABELS, KIND_LABELS, ROLE_LABELS
from desktop.ui.main_window import ADD_LABEL
from desktop.ui.merge_wizard import COLUMNS

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def source_strings() -> dict[str, str]:
    """Literal arguments of tr(...) and the ``message`` of every error class, with where."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
            if isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
                            and getattr(stmt.targets[0], "id", "") == "message"
                            and stmt.value.value):  # empty: the detail alone is shown
                        found.setdefault(stmt.value.value, f"{path.name}:{stmt.lineno}")
    for value in (*ROLE_LABELS.values(), *ADD_LABEL.values(), *FIELD_LABELS.values(),
                  *KIND_LABELS.values(), *COLUMNS):
        found.setdefault(value, "label table")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_scanner_finds_the_strings() -> None:
    assert len(source_strings()) > 50


def test_every_string_has_a_chinese_translation() -> None:
    missing = {s: where for s, where in source_strings().items() if s not in ZH}
    assert missing == {}


def test_translations_keep_the_placeholders() -> None:
    wrong = [s for s in ZH if fields(s) != fields(ZH[s])]
    assert wrong == []


def test_language_switch() -> None:
    set_language("en")
    assert tr("Open {name}", name="a.db") == "Open a.db"
    set_language("zh_CN")
    assert tr("Open {name}", name="a.db") == "打开 a.db"

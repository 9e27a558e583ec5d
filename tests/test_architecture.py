"""The layers of DESIGN.md, proven by reading every module's imports.

ui → services → store → core; packet → core; core imports neither Qt nor SQLAlchemy;
nothing outside ui/ (and the app entry point) imports ui/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"

# layer -> layers it must not import
FORBIDDEN = {
    "core": ("desktop.store", "desktop.services", "desktop.ui", "desktop.packet",
             "desktop.cli", "desktop.app", "PySide6", "sqlalchemy", "sqlcipher3"),
    "store": ("desktop.services", "desktop.ui", "desktop.packet", "desktop.cli",
              "desktop.app", "PySide6"),
    "services": ("desktop.ui", "desktop.cli", "desktop.app", "PySide6"),
    "packet": ("desktop.store", "desktop.services", "desktop.ui", "desktop.cli",
               "desktop.app", "PySide6", "sqlalchemy"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_inwards(layer: str) -> None:
    offences = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in modules(layer)
        for name in imports_of(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offences == []


def test_only_ui_and_the_app_import_ui() -> None:
    outside = [p for p in PACKAGE.rglob("*.py")
               if "ui" not in p.relative_to(PACKAGE).parts[:1] and p.name != "app.py"]
    offences = [f"{p} imports {n}" for p in outside for n in imports_of(p)
                if n == "desktop.ui" or n.startswith("desktop.ui.")]
    assert outside and offences == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert {"PySide6.QtWidgets", "sqlalchemy.orm"} <= imports_of(bad)

"""Where the data shipped with the program lives: ``forms/`` and ``resources/``.

The one place that knows the three layouts:

- a frozen build (PyInstaller, ``sys.frozen``): the bundle folder, ``sys._MEIPASS``;
- the source tree (``python -m desktop``, an editable install): the folder above ``desktop/``;
- an installed wheel: ``<prefix>/share/xuncha`` (the data files of pyproject.toml).

Pure standard library, so that core/ may use it.
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

from desktop import APP_NAME

BUILD_INFO = "build-info.json"  # written into the bundle by packaging/xuncha.spec


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def root() -> Path:
    """The folder holding ``forms/`` and ``resources/``."""
    if frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    source = Path(__file__).resolve().parent.parent
    if _is_dir(source / "forms"):
        return source
    installed = Path(sys.prefix) / "share" / APP_NAME
    return installed if _is_dir(installed / "forms") else source


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a folder this user may not look into
        return False


def forms(kind: str) -> Path:
    """``forms/evaluation`` (questionnaires) or ``forms/steps`` (step forms)."""
    return root() / "forms" / kind


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def icon(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG of one size (16, 24, 32, 48, 64, 128, 256)."""
    return resource("icons", f"{APP_NAME}-{size}.png" if size else f"{APP_NAME}.svg")


def build_info() -> str:
    """One line for the About box: how this copy runs, and for a build, when it was made."""
    python = f"Python {platform.python_version()}"
    qt = getattr(sys.modules.get("PySide6"), "__version__", None)  # only when already loaded
    runtime = f"{python}, Qt {qt}" if qt else python
    if not frozen():
        return runtime
    try:
        made = json.loads((root() / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"PyInstaller, {runtime}"
    commit = f" {made['commit']}" if made.get("commit") else ""
    return f"PyInstaller {made.get('built', '')}{commit}, {runtime}"

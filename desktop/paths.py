"""Where the data shipped with the program lives: ``forms/`` and ``resources/``.

The one place that knows the three layouts:

- a frozen build (PyInstaller, ``sys.frozen``): the bundle folder, ``sys._MEIPASS``;
- the source tree (``python -m desktop``, an editable install): the folder above ``desktop/``;
- an installed wheel: ``<prefix>/share/xuncha`` (the data files of pyproject.toml).

Pure standard library, so that core/ may use it.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from desktop import APP_NAME

BUILD_INFO = "build-info.json"  # written into the bundle by packaging/xuncha.spec


def keep_new_files_private() -> None:
    """Files this process creates are its user's alone: 0600, folders 0700 (POSIX umask).

    Databases, their journals and backups, exchange files, packets, logs and settings all
    name villages and people; on a shared machine no other account should read them.
    """
    if os.name == "posix":
        os.umask(0o077)


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


def build_record() -> dict:
    """What packaging/xuncha.spec wrote into a build (version, commit, locked packages); {} else."""
    if not frozen():
        return {}
    try:
        made = json.loads((root() / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return made if isinstance(made, dict) else {}


def library_versions() -> dict[str, str]:
    """The libraries this copy runs on: as recorded in a build, else as installed here."""
    recorded = build_record().get("packages")
    if isinstance(recorded, dict) and recorded:
        return {str(name): str(version) for name, version in recorded.items()}
    from importlib import metadata

    found = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name.lower() not in ("xuncha", "pip"):
            found[name] = distribution.version
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def version_report(extra: dict[str, str] | None = None) -> str:
    """``--version --verbose`` and the About box: the program, how it runs, every library."""
    from desktop import __version__

    lines = [f"xuncha {__version__} ({build_info()})", f"{platform.platform()}"]
    lines += [f"{name} {version}" for name, version in (extra or {}).items()]
    lines += [f"  {name} {version}" for name, version in library_versions().items()]
    return "\n".join(lines)


def build_info() -> str:
    """One line for the About box: how this copy runs, and for a build, when it was made."""
    python = f"Python {platform.python_version()}"
    qt = getattr(sys.modules.get("PySide6"), "__version__", None)  # only when already loaded
    runtime = f"{python}, Qt {qt}" if qt else python
    if not frozen():
        return runtime
    made = build_record()
    if not made:
        return f"PyInstaller, {runtime}"
    commit = f" {made['commit']}" if made.get("commit") else ""
    return f"PyInstaller {made.get('built', '')}{commit}, {runtime}"

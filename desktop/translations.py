"""The Chinese catalogue of the interface, compiled by Qt's lrelease and read by QTranslator.

``resources/i18n/xuncha_zh_CN.ts`` holds every source string with its translation (kept up to
date by ``packaging/translations.py update``); ``xuncha_zh_CN.qm`` beside it is its compiled
form, made by the set-up and the packaging step (``packaging/translations.py release``) and
shipped in a build. ``install`` loads the .qm and hands ``core.i18n.tr`` the lookup. Run from
the source tree, it first rebuilds a .qm that is missing or older than the .ts; when the
catalogue still cannot be loaded, it logs a warning and the interface stays in English.

QtCore only (no widgets, no QCoreApplication needed), so the command line uses it too.
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from PySide6.QtCore import QTranslator

from desktop import paths
from desktop.core import i18n

CATALOGUE = "xuncha_zh_CN"
log = logging.getLogger("xuncha")
_installed: QTranslator | None = None  # kept alive while its lookup is in use


def ts_file() -> Path:
    return paths.resource("i18n", CATALOGUE + ".ts")


def qm_file() -> Path:
    return paths.resource("i18n", CATALOGUE + ".qm")


def qt_tool(name: str) -> Path:
    """A Linguist tool shipped in the PySide6 wheel: ``lupdate`` or ``lrelease``."""
    import PySide6

    return Path(PySide6.__file__).parent / (name + (".exe" if os.name == "nt" else ""))


def release(ts: Path | None = None, qm: Path | None = None) -> Path:
    """Compile ``ts`` (the catalogue by default) into ``qm`` (beside it, .qm) with lrelease.

    Written to a temporary file first and then renamed, so that a reader never sees half a
    catalogue. Raises OSError or CalledProcessError when lrelease fails.
    """
    ts = ts or ts_file()
    qm = qm or ts.with_suffix(".qm")
    partial = qm.with_name(f"{qm.name}.{os.getpid()}.partial")
    try:
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(partial)],
                       check=True, capture_output=True, timeout=120)
        os.replace(partial, qm)
    finally:
        partial.unlink(missing_ok=True)
    return qm


def _stale(ts: Path, qm: Path) -> bool:
    return ts.is_file() and (not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime)


def _load() -> QTranslator | None:
    ts, qm = ts_file(), qm_file()
    try:
        if not paths.frozen() and _stale(ts, qm):
            release(ts, qm)
    except (OSError, subprocess.SubprocessError) as e:  # a folder this user may not read
        log.warning("could not compile the Chinese catalogue %s.ts: %s", CATALOGUE,
                    type(e).__name__)
    translator = QTranslator()
    if translator.load(str(qm)):
        return translator
    log.warning("the Chinese catalogue %s.qm could not be loaded; the interface stays in "
                "English", CATALOGUE)
    return None


def install() -> bool:
    """Hand ``tr`` the Chinese catalogue (loaded once per process); False, and English, when
    it cannot be loaded."""
    global _installed
    if _installed is None:
        _installed = _load()
    translator = _installed
    if translator is None:
        i18n.use_catalogue(None)
        return False
    i18n.use_catalogue(lambda text: translator.translate("", text) or text)
    return True

"""The log file: what happened, never what was recorded.

Lines go to ``xuncha.log`` in the platform's log folder (platformdirs; ``XUNCHA_DATA_DIR``/logs
when that is set), rotated at 1 MiB with three old files kept. What may be logged: versions,
which screen or command ran, counts, timings, error kinds and the code locations of defects.
What may not: names, passphrases, record contents, file paths (they name villages and people),
and the messages of user errors (they quote what was typed). ``log_defect`` keeps only the
exception's type and its frames.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import traceback
from pathlib import Path

import platformdirs

from desktop import APP_NAME, __version__

LOG_NAME = "xuncha.log"
log = logging.getLogger("xuncha")
# Python's warnings (third-party deprecations) once capture_warnings has run
warnings_log = logging.getLogger("py.warnings")


def log_dir() -> Path:
    override = os.environ.get("XUNCHA_DATA_DIR")
    path = (Path(override) / "logs" if override
            else platformdirs.user_log_path(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def configure() -> Path:
    """Start logging to the file (once per process and folder); returns its path."""
    path = log_dir() / LOG_NAME
    for old in [h for h in log.handlers if isinstance(h, logging.FileHandler)]:
        if Path(old.baseFilename) != path:  # the log folder moved (XUNCHA_DATA_DIR)
            log.removeHandler(old)
            warnings_log.removeHandler(old)
            old.close()
    if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        warnings_log.addHandler(handler)
    log.info("start %s %s, Python %s, %s", APP_NAME, __version__, platform.python_version(),
             platform.platform())
    return path


def capture_warnings() -> None:
    """Python warnings (a library's deprecation notice) go to the log file, never to the user.

    Without this, a third-party ``warnings.warn`` prints its text on the console of the CLI and
    of the app; the file handler is attached by ``configure``.
    """
    logging.captureWarnings(True)
    warnings_log.propagate = False
    if not warnings_log.handlers:
        warnings_log.addHandler(logging.NullHandler())


def log_defect(error: BaseException) -> None:
    """An unexpected error: its type and where it happened, without its message."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    log.error("defect %s at %s", type(error).__name__, where or "?")


def install_excepthook() -> None:
    """Log defects that reach the top (Qt slots included), then let Python report them."""
    previous = sys.excepthook

    def hook(kind, error, tb):  # type: ignore[no-untyped-def]
        log_defect(error.with_traceback(tb))
        previous(kind, error, tb)
    sys.excepthook = hook

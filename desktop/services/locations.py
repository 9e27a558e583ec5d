"""Where the app keeps its own files on each platform (platformdirs), overridable for tests
and portable installs with XUNCHA_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop import APP_NAME


def data_dir() -> Path:
    override = os.environ.get("XUNCHA_DATA_DIR")
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database() -> Path:
    return data_dir() / "demo" / "laptop-1.db"

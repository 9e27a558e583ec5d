"""“Export diagnostics”: the log files and the versions of everything, for support; no data.

The bundle is a .zip holding ``versions.json`` (the program, Python, the platform and the
libraries) and the log files (see ``desktop.logs`` for what they may contain). Databases,
exchange files, settings and backups are never included.
"""

from __future__ import annotations

import json
import platform
import zipfile
from pathlib import Path

from desktop import __version__
from desktop.core import errors
from desktop.logs import LOG_NAME, log_dir
from desktop.paths import library_versions


def versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The program, Python, the platform, then every library (locked versions in a build)."""
    return {"xuncha": __version__, "python": platform.python_version(),
            "platform": platform.platform(), **(extra or {}), **library_versions()}


def export_diagnostics(path: Path, extra: dict[str, str] | None = None) -> Path:
    """Write the bundle to ``path`` (an existing file is refused)."""
    path = Path(path)
    if path.exists():
        raise errors.FileExists(path=path)
    try:
        with zipfile.ZipFile(path, "x", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("versions.json", json.dumps(versions(extra), indent=2))
            for log in sorted(log_dir().glob(LOG_NAME + "*")):
                bundle.write(log, f"logs/{log.name}")
    except OSError:
        path.unlink(missing_ok=True)
        raise errors.ReadOnlyLocation() from None
    return path

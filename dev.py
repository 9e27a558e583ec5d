"""Set up the project and start the app or run the tests, on any machine with Python 3.11+.

    python3 dev.py app    # first time: creates .venv and installs everything, then starts
    python3 dev.py test   # same set-up, then the whole test suite (headless)

Extra arguments after the command go to the app or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MARKER = VENV / ".setup-done"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
SYSTEM_TOOLS = ("pdftotext", "pdftoppm", "qpdf", "fc-list")


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on older Pythons to say so
        sys.exit("Python 3.11 or newer is needed / 需要 Python 3.11 或更新版本")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if MARKER.exists() and MARKER.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    # the compiled Chinese catalogue (resources/i18n/*.qm, not committed)
    subprocess.run([str(PYTHON), str(ROOT / "packaging" / "translations.py"), "release"],
                   check=True)
    MARKER.write_text(wanted)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command not in ("app", "test"):
        print(__doc__)
        return 2
    setup()
    if command == "app":
        return subprocess.call([str(PYTHON), "-m", "desktop", *rest])
    missing = [tool for tool in SYSTEM_TOOLS if shutil.which(tool) is None]
    if missing:
        print("Missing system tools: " + ", ".join(missing)
              + "\nOn Debian/Ubuntu/Kylin/UOS: sudo bash packaging/install-system-packages.sh",
              file=sys.stderr)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

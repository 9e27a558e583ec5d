"""Keep the Chinese catalogue in step with the code, and compile it.

    python3 packaging/translations.py update    # code → resources/i18n/xuncha_zh_CN.ts
    python3 packaging/translations.py release   # .ts → resources/i18n/xuncha_zh_CN.qm

``update`` runs pyside6-lupdate over every module of ``desktop/``: it collects the literal
arguments of ``tr(...)`` and the strings marked ``N_(...)``, adds new ones to the .ts as
unfinished, and drops the ones the code no longer has. Translate the unfinished ones in the
.ts (Qt Linguist, ``pyside6-linguist``, or any editor) and commit it; tests/test_i18n.py fails
while one is missing. ``release`` runs pyside6-lrelease to make the .qm beside the .ts (not
committed: dev.py's set-up and packaging/build.py make it, and the program makes it when run
from the source tree and it is missing or older than the .ts).

Run with the project's .venv Python (the PySide6 wheel has both tools).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import translations  # noqa: E402

TS = ROOT / "resources" / "i18n" / (translations.CATALOGUE + ".ts")
LUPDATE_OPTIONS = ("-tr-function-alias", "QT_TR_NOOP+=N_", "-locations", "none",
                   "-no-obsolete", "-source-language", "en", "-target-language", "zh_CN")


def sources() -> list[Path]:
    """Every module of the program, in a stable order."""
    return sorted((ROOT / "desktop").rglob("*.py"))


def update(ts: Path = TS, files: Iterable[Path] | None = None) -> str:
    """Run lupdate over ``files`` (the program by default) into ``ts``; returns its report."""
    files = sources() if files is None else list(files)
    ts.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([str(translations.qt_tool("lupdate")), *LUPDATE_OPTIONS,
                          *(str(f) for f in files), "-ts", str(ts)],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"lupdate failed ({run.returncode}): {run.stderr or run.stdout}")
    return run.stdout


def release(ts: Path = TS) -> Path:
    """Compile ``ts`` into the .qm beside it."""
    return translations.release(ts, ts.with_suffix(".qm"))


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["release"]):
        print(__doc__)
        return 2
    if argv == ["update"]:
        print(update().strip())
    else:
        print(f"{release().relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Build the program into one folder with PyInstaller: dist/xuncha/ (Linux and Windows alike).

    python3 packaging/build.py            # Windows: py packaging\\build.py
    python3 packaging/build.py --smoke    # then run packaging/smoke_test_build.py on it
    python3 packaging/build.py --clean    # forget PyInstaller's cache first

Sets up .venv as dev.py does (exactly uv.lock, PyInstaller included), compiles the Chinese catalogue (packaging/translations.py release), builds
packaging/xuncha.spec with build/ as the work folder and dist/ as
the output (both git-ignored), and prints the build time and the size of the result. The build
records the locked versions of its libraries (build-info.json: About, ``--version --verbose``,
the diagnostics export).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "xuncha.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "xuncha"


def in_venv_python(argv: list[str]) -> None:
    """Run again with the project's .venv Python (created and filled by dev.py) unless in it."""
    sys.path.insert(0, str(ROOT))
    import dev

    dev.setup()
    if Path(sys.prefix).resolve() != dev.VENV.resolve():
        sys.exit(subprocess.call([str(dev.PYTHON), __file__, *argv]))


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--smoke", action="store_true", help="smoke-test the result")
    args = parser.parse_args(argv)
    in_venv_python(argv)
    import PyInstaller  # locked in uv.lock (the build extra), installed by dev.setup

    # the compiled Chinese catalogue, bundled by the spec (resources/i18n/*.qm)
    subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "release"],
                   check=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    print(f"PyInstaller {PyInstaller.__version__}, Python {sys.version.split()[0]}, "
          f"{sys.platform}", flush=True)
    started = time.monotonic()
    build = subprocess.run(command, cwd=ROOT)
    seconds = time.monotonic() - started
    if build.returncode != 0:
        print(f"build FAILED after {seconds:.0f} s", file=sys.stderr)
        return build.returncode
    size, count = folder_size(BUNDLE)
    suffix = ".exe" if os.name == "nt" else ""
    print(f"built {BUNDLE.relative_to(ROOT)}{os.sep} in {seconds:.0f} s: "
          f"{size / 2**20:.0f} MiB in {count} files")
    for program in ("xuncha-gui", "xuncha"):
        print(f"  {(BUNDLE / (program + suffix)).relative_to(ROOT)}")
    if args.smoke:
        return subprocess.call([sys.executable, str(ROOT / "packaging" / "smoke_test_build.py"),
                                str(BUNDLE)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

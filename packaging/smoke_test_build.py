"""Smoke-test the BUILT program (dist/xuncha/), not the source: run its two executables.

    python3 packaging/smoke_test_build.py [dist/xuncha]

In a fresh temporary folder (XUNCHA_DATA_DIR too), with the Qt offscreen platform and without
PYTHONPATH or a virtual environment in the way:

1. ``xuncha --version`` prints the version the bundle was built with (build-info.json);
2. ``xuncha-gui --smoke-test`` opens every main screen, with the icon, the program's Chinese
   catalogue and Qt's Chinese texts;
3. ``xuncha demo``, ``stats``, ``check``: SQLCipher, the forms and the services;
4. ``xuncha ballots``: reportlab, the Chinese fonts of the system, a questionnaire from forms/;
5. ``xuncha packet`` and ``verify`` when the build has them (pyHanko signatures).

Prints every command with its output and time; exits 1 when anything fails. Slow (about a
minute), so not part of the pytest suite; CI may run it after packaging/build.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""
DEMO_PASSPHRASE = "xuncha-demo"


class Runner:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle, self.work, self.failures = bundle, work, []
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "XUNCHA_LANG",
                                 "XUNCHA_PDF_FONT")}
        self.env.update(QT_QPA_PLATFORM="offscreen", XUNCHA_DATA_DIR=str(work / "data"),
                        XUNCHA_PASSPHRASE=DEMO_PASSPHRASE, PYTHONIOENCODING="utf-8")

    def run(self, program: str, *args: str, expect: tuple[str, ...] = (),
            lines: int = 12) -> str:
        command = [str(self.bundle / (program + EXE)), *args]
        shown = " ".join([program, *args])
        print(f"$ {shown}", flush=True)
        started = time.monotonic()
        try:
            done = subprocess.run(command, cwd=self.work, env=self.env, capture_output=True,
                                  timeout=600)
        except (OSError, subprocess.TimeoutExpired) as e:
            self.failures.append(f"{shown}: {e}")
            print(f"  FAILED: {e}")
            return ""
        seconds = time.monotonic() - started
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        text = out.rstrip().splitlines()
        for line in text[:lines]:
            print(f"  {line}")
        if len(text) > lines:
            print(f"  … ({len(text) - lines} more lines)")
        # A windowed program on Windows may have no stdout at all; its exit code still counts.
        missing = [e for e in expect if e not in out] if out or not program.endswith("gui") else []
        ok = done.returncode == 0 and not missing
        print(f"  → exit {done.returncode} in {seconds:.1f} s" + ("" if ok else "  FAILED"))
        if not ok:
            for line in [ln for ln in err.splitlines() if "propagateSizeHints" not in ln][-15:]:
                print(f"  ! {line}")
            self.failures.append(shown + (f" (missing: {', '.join(missing)})" if missing else ""))
        return out


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "xuncha").resolve()
    info_file = bundle / "_internal" / "build-info.json"
    if not (bundle / ("xuncha" + EXE)).is_file() or not info_file.is_file():
        print(f"no build in {bundle}: run packaging/build.py first", file=sys.stderr)
        return 2
    info = json.loads(info_file.read_text(encoding="utf-8"))
    print(f"bundle {bundle}: version {info['version']}, built {info['built']} "
          f"{info.get('commit', '')}")
    with tempfile.TemporaryDirectory(prefix="xuncha-smoke-") as tmp:
        work = Path(tmp)
        r = Runner(bundle, work)
        r.run("xuncha", "--version", expect=(f"xuncha {info['version']}",))
        r.run("xuncha-gui", "--smoke-test", lines=40,
              expect=("icon: ok", "xuncha_zh_CN loaded", "qtbase_zh_CN loaded",
                      "村（社区）巡察工作台", "smoke test passed"))
        r.run("xuncha", "demo", "demo", "--scale", "small", "--laptops", "2", "--seed", "1",
              expect=("laptop-1.db",))
        db = str(work / "demo" / "laptop-1.db")
        r.run("xuncha", "stats", db, lines=30)
        r.run("xuncha", "check", db)
        r.run("xuncha", "ballots", "satisfaction", "--count", "4", "--out", "ballots.pdf")
        if not (work / "ballots.pdf").is_file():
            r.failures.append("ballots.pdf not written")
        if " packet " in r.run("xuncha", "--help", lines=3):
            r.run("xuncha", "packet", db, "--out", "packet.pdf")
            # the demo laptop's key is self-made: intact, but not trusted without --trust
            r.run("xuncha", "verify", "packet.pdf", "--allow-untrusted")
    if r.failures:
        print(f"BUILD SMOKE TEST FAILED: {len(r.failures)} problem(s)")
        for failure in r.failures:
            print(f"  - {failure}")
        return 1
    print("build smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

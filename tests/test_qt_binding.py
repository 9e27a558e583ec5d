"""Guards against Qt binding releases with known crashes (PySide6 6.12.0 released None once
per processEvents call until Python aborted); the app and its tests pump events a lot."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
for _ in range(300_000):
    app.processEvents()
print("pumped")
"""


def test_pumping_events_many_times_does_not_crash() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0 and "pumped" in run.stdout, run.stderr[-500:]

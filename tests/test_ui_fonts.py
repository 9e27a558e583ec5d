"""Rare characters in names show on screen, not as blanks: 䶮 (CJK Extension A) in a label is
drawn once the app installs its font fallbacks. It runs in a fresh process, since Qt keeps the
fallback it found for a font for the process's life."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import sys
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "with":
    from desktop.ui import fonts
    assert fonts.install_fallbacks(app)
label = QLabel("䶮")
label.resize(40, 40)
image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
ground = image.pixel(0, 0)
print(sum(image.pixel(x, y) != ground for x in range(40) for y in range(40)))
"""


def _ink(case: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE, case],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="the Debian fonts CI installs")
def test_a_character_of_extension_a_is_drawn_with_the_fallbacks() -> None:
    # Without them this machine's Qt draws nothing for it (0 pixels): the blank users saw.
    assert _ink("with") > 10

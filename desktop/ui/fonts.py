"""Rare characters on screen: the application font falls back on installed Chinese fonts
that hold the CJK extensions (䶮 is in Extension A, 𠮷 in B), which Qt's own fallback for Han
text does not always reach."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Windows first, then what Debian packages install (the same fonts the PDFs fall back on).
FALLBACKS = ("Microsoft YaHei", "SimSun", "SimSun-ExtB", "WenQuanYi Micro Hei",
             "AR PL UMing CN", "AR PL UKai CN", "WenQuanYi Zen Hei", "HanaMinA", "HanaMinB",
             "BabelStone Han")


def install_fallbacks(app: QApplication) -> list[str]:
    """Make the application font fall back on the installed ``FALLBACKS``; returns them."""
    installed = set(QFontDatabase.families())
    found = [family for family in FALLBACKS if family in installed]
    if found:
        QFont.insertSubstitutions(app.font().family(), found)
    return found

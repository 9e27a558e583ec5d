"""Render the app icon: resources/icons/xuncha.svg → xuncha-N.png (16…256) and xuncha.ico.

    .venv/bin/python packaging/make_icons.py

The PNGs are drawn by Qt's QSvgRenderer. The Windows .ico holds every size; it is written with
Pillow (already installed with reportlab), used here only, never by the program at run time.
The outputs are committed; run this again after editing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "xuncha.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # QSvgRenderer needs it
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = ICONS / f"xuncha-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    return written


def write_ico(pngs: list[Path]) -> Path:
    from PIL import Image

    target = ICONS / "xuncha.ico"
    images = [Image.open(p) for p in pngs]
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[im.size for im in images],
                 append_images=images[:-1])
    return target


def main() -> int:
    pngs = render_pngs()
    ico = write_ico(pngs)
    for path in (*pngs, ico):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

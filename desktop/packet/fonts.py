"""The one place that picks and registers the Chinese TrueType fonts for reportlab.

reportlab embeds TrueType outlines only (not CFF/OTF), so the fonts are, by role:

- body (仿宋): simfang.ttf, else AR PL UMing;
- title (宋体, standing in for 小标宋): simsun.ttc, else AR PL UMing;
- heading (黑体): simhei.ttf, else WenQuanYi Micro Hei;
- kai (楷体): simkai.ttf, else AR PL UKai.

The Windows fonts are looked for in %WINDIR%/Fonts, the free ones where Debian installs them
(fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-microhei). A role whose font is missing
borrows any other Chinese font found. ``XUNCHA_PDF_FONT`` (or the ``font`` argument) names one
.ttf/.ttc file used for every role. Each file is registered with reportlab once per process.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core import errors

ENVIRONMENT = "XUNCHA_PDF_FONT"
ROLES = ("body", "title", "heading", "kai")
WINDOWS_FILES = {"body": "simfang.ttf", "title": "simsun.ttc", "heading": "simhei.ttf",
                 "kai": "simkai.ttf"}
FREE_FILES = {"body": "arphic/uming.ttc", "title": "arphic/uming.ttc",
              "heading": "wqy/wqy-microhei.ttc", "kai": "arphic/ukai.ttc"}
_PROBE = "中文测评"  # a font without these glyphs is not a Chinese font


class FontMissing(errors.XunchaError):
    message = ("No Chinese TrueType font for PDF documents: install fonts-wqy-microhei and "
               "fonts-arphic-uming, or set XUNCHA_PDF_FONT to a .ttf or .ttc file")


class FontUnusable(errors.XunchaError):
    message = ("The font {path} cannot be used in PDF documents: a TrueType font (.ttf or "
               ".ttc) with Chinese characters is needed")


@dataclass(frozen=True)
class FontSet:
    """reportlab names of the registered fonts, by role."""

    body: str
    title: str
    heading: str
    kai: str


def default_places() -> tuple[Path, Path]:
    """Where the Windows fonts and Debian's free TrueType fonts are installed."""
    return (Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
            Path("/usr/share/fonts/truetype"))


def cjk_fonts(font: str | os.PathLike[str] | None = None, *,
              places: tuple[Path, Path] | None = None) -> FontSet:
    """The fonts to use: ``font`` (or XUNCHA_PDF_FONT) for every role, else the search."""
    chosen = font if font is not None else os.environ.get(ENVIRONMENT) or None
    return _cjk_fonts(None if chosen is None else str(chosen), places or default_places())


@functools.cache
def _cjk_fonts(font: str | None, places: tuple[Path, Path]) -> FontSet:
    if font is not None:
        name = _register(Path(font))
        if name is None:
            raise FontUnusable(path=font)
        return FontSet(name, name, name, name)
    windows, free = places
    found: dict[str, str] = {}
    for role in ROLES:
        for path in (windows / WINDOWS_FILES[role], free / FREE_FILES[role]):
            name = _register(path) if path.is_file() else None
            if name is not None:
                found[role] = name
                break
    if not found:
        raise FontMissing()
    spare = next(iter(found.values()))
    return FontSet(*(found.get(role, spare) for role in ROLES))


@functools.cache
def _register(path: Path) -> str | None:
    """The reportlab name of the first face of ``path``, registered; None if unusable."""
    name = "xuncha-" + path.name.replace(".", "-")
    if name in pdfmetrics.getRegisteredFontNames():
        name += f"-{len(pdfmetrics.getRegisteredFontNames())}"
    try:
        face = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # noqa: BLE001 - reportlab fails in many ways on foreign files
        return None
    if any(ord(c) not in face.face.charToGlyph for c in _PROBE):
        return None
    pdfmetrics.registerFont(face)
    return name

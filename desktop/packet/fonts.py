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

A character the chosen font lacks is looked for along a fallback chain (``fallback_chain``):
the fonts of the roles, then the Windows fonts 宋体/黑体/仿宋/楷体 and SimSun-ExtB, then
WenQuanYi Micro Hei, AR PL UMing/UKai, WenQuanYi Zen Hei, HanaMin A/B (fonts-hanazono) and
BabelStone Han, each loaded only when a character needs it. A character no font has is a
``GlyphMissing`` error naming it, never an empty box on the page.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core import errors
from desktop.core.i18n import N_

ENVIRONMENT = "XUNCHA_PDF_FONT"
ROLES = ("body", "title", "heading", "kai")
WINDOWS_FILES = {"body": "simfang.ttf", "title": "simsun.ttc", "heading": "simhei.ttf",
                 "kai": "simkai.ttf"}
FREE_FILES = {"body": "arphic/uming.ttc", "title": "arphic/uming.ttc",
              "heading": "wqy/wqy-microhei.ttc", "kai": "arphic/ukai.ttc"}
_PROBE = "中文测评"  # a font without these glyphs is not a Chinese font
# The fallback chain after the fonts of the roles, in order (see the module docstring).
FALLBACK_WINDOWS = ("simsun.ttc", "simhei.ttf", "simfang.ttf", "simkai.ttf", "simsunb.ttf")
FALLBACK_FREE = ("wqy/wqy-microhei.ttc", "arphic/uming.ttc", "arphic/ukai.ttc",
                 "wqy/wqy-zenhei.ttc", "hanazono/HanaMinA.ttf", "hanazono/HanaMinB.ttf",
                 "babelstone/BabelStoneHan.ttf")


class FontMissing(errors.XunchaError):
    message = N_("No Chinese TrueType font for PDF documents: install fonts-wqy-microhei and "
                 "fonts-arphic-uming, or set XUNCHA_PDF_FONT to a .ttf or .ttc file")


class FontUnusable(errors.XunchaError):
    message = N_("The font {path} cannot be used in PDF documents: a TrueType font (.ttf or "
                 ".ttc) with Chinese characters is needed")


class GlyphMissing(errors.XunchaError):
    message = N_("No installed font has the character “{char}” ({code}), in “{context}”: "
                 "install a font that has it (e.g. fonts-hanazono) or set XUNCHA_PDF_FONT to one")

    def __init__(self, char: str, text: str) -> None:
        shown = text if len(text) <= 30 else text[:29] + "…"
        super().__init__(char=char, code=f"U+{ord(char):04X}", context=shown)
        self.char = char


class NoSingleFont(errors.XunchaError):
    message = N_("No single installed font has every character of “{context}”")


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


def _register(path: Path) -> str | None:
    """The reportlab name of the first face of ``path``, registered; None if unusable or
    not a Chinese font."""
    name = _load(path)
    if name is None or not all(has_glyph(name, c) for c in _PROBE):
        return None
    return name


@functools.cache
def _load(path: Path) -> str | None:
    """The reportlab name of the first face of ``path``, registered; None if unusable."""
    name = "xuncha-" + path.name.replace(".", "-")
    if name in pdfmetrics.getRegisteredFontNames():
        name += f"-{len(pdfmetrics.getRegisteredFontNames())}"
    try:
        face = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # noqa: BLE001 - reportlab fails in many ways on foreign files
        return None
    pdfmetrics.registerFont(face)
    return name


def has_glyph(font: str, char: str) -> bool:
    """Whether the registered TrueType font ``font`` draws ``char``."""
    return ord(char) in pdfmetrics.getFont(font).face.charToGlyph


def neutral(char: str) -> bool:
    """Spaces and control characters: they take the font of the text around them."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


class FallbackChain:
    """Fonts tried in order for a character that the font asked for lacks."""

    def __init__(self, fonts: tuple[str, ...], paths: tuple[Path, ...]) -> None:
        self._fonts = list(dict.fromkeys(fonts))
        self._paths = list(paths)  # loaded on first need, then moved into _fonts
        self._found: dict[str, str | None] = {}

    def font_for(self, char: str, preferred: str) -> str | None:
        """``preferred`` when it has ``char``, else the first font of the chain that has it."""
        if neutral(char) or has_glyph(preferred, char):
            return preferred
        if char not in self._found:
            self._found[char] = self._search(char)
        return self._found[char]

    def _search(self, char: str) -> str | None:
        for font in self._fonts:
            if has_glyph(font, char):
                return font
        while self._paths:
            font = _load(self._paths.pop(0))
            if font is not None and font not in self._fonts:
                self._fonts.append(font)
                if has_glyph(font, char):
                    return font
        return None

    def runs(self, text: str, font: str) -> list[tuple[str, str]]:
        """``text`` cut into (font, piece) runs, each piece drawn by its font.

        Raises GlyphMissing for a character that no font of the chain has.
        """
        out: list[tuple[str, str]] = []
        for char in text:
            chosen = self.font_for(char, font)
            if chosen is None:
                raise GlyphMissing(char, text)
            if neutral(char) and out:
                chosen = out[-1][0]
            if out and out[-1][0] == chosen:
                out[-1] = (chosen, out[-1][1] + char)
            else:
                out.append((chosen, char))
        return out

    def font_for_all(self, text: str, font: str) -> str:
        """One font that has every character of ``text`` (for text drawn in a single font,
        such as a chart label): ``font`` if it does."""
        self.runs(text, font)  # raises GlyphMissing; loads the fonts the text needs
        for candidate in (font, *self._fonts):
            if all(self.font_for(c, candidate) == candidate for c in text):
                return candidate
        raise NoSingleFont(context=text)


def fallback_chain(fonts: FontSet, *, places: tuple[Path, Path] | None = None
                   ) -> FallbackChain:
    """The chain for ``fonts``: its roles, then the fonts found in ``places``."""
    return _fallback_chain(fonts, places or default_places())


@functools.cache
def _fallback_chain(fonts: FontSet, places: tuple[Path, Path]) -> FallbackChain:
    windows, free = places
    paths = [windows / name for name in FALLBACK_WINDOWS] + [free / name for name in
                                                             FALLBACK_FREE]
    return FallbackChain((fonts.body, fonts.title, fonts.heading, fonts.kai),
                         tuple(p for p in paths if p.is_file()))


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 pairs
    (reportlab writes them as five hex digits, which readers take for another character)."""
    cmap = _REPORTLAB_TO_UNICODE(fontname, subset)
    for n, code in enumerate(subset):
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{n:02X}> <{code:04X}>", f"<{n:02X}> <{pair}>", 1)
    return cmap


# Installed once; a reload of this module wraps reportlab's own function, not the wrapper.
_REPORTLAB_TO_UNICODE = getattr(ttfonts.makeToUnicodeCMap, "reportlab_original",
                                ttfonts.makeToUnicodeCMap)
_to_unicode_cmap.reportlab_original = _REPORTLAB_TO_UNICODE  # type: ignore[attr-defined]
ttfonts.makeToUnicodeCMap = _to_unicode_cmap

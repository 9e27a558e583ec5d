"""Shared layout of the documents: A4 in the spirit of GB/T 9704, styles, page numbers, dates,
and writing a finished document into a new file (never over an existing one).

GB/T 9704 sets the type area at 156 × 225 mm (margins 37 top, 35 bottom, 28 left, 26 right),
the title in 小标宋 22 pt, headings in 黑体 then 楷体 and the body in 仿宋 16 pt, and page
numbers "— 1 —" in 4号 (14 pt), on the right of odd pages and the left of even ones. Tables
use 五号 (10.5 pt).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph

from desktop import __version__
from desktop.core import errors
from desktop.core.i18n import language, tr
from desktop.packet.fonts import FontSet

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
CREATOR = f"xuncha {__version__}"  # the PDF and .xlsx metadata name the program's version
_DIGITS = "零一二三四五六七八九"
# Chinese line breaking (禁则): reportlab's list of characters that cannot start a line lacks
# the full-width punctuation, so "：" or "，" could begin a line. Added once, for every document.
_CANNOT_START = "，：；？！”’）》〉」』】…"
paragraph.ALL_CANNOT_START += "".join(c for c in _CANNOT_START
                                      if c not in paragraph.ALL_CANNOT_START)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle  # 黑体, first level
    subheading: ParagraphStyle  # 楷体, second level
    body: ParagraphStyle
    notice: ParagraphStyle  # a warning that must not be missed
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    small: ParagraphStyle


def for_language(fonts: FontSet) -> FontSet:
    """In English the body and title are set in the sans font (黑体), whose Latin letters are
    proportional, where a Ming font's are often fixed-width and too wide."""
    return fonts if language() == "zh_CN" else replace(fonts, body=fonts.heading,
                                                       title=fonts.heading)


def styles(fonts: FontSet, body_size: float = 16) -> Styles:
    wrap = "CJK" if language() == "zh_CN" else None
    fonts = for_language(fonts)

    def style(name: str, font: str, size: float, spacing: float = 1.45,
              **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * spacing,
                              wordWrap=wrap, **kw)

    return Styles(
        title=style("title", fonts.title, 22, alignment=TA_CENTER, spaceAfter=6 * mm),
        heading=style("heading", fonts.heading, 16, spaceBefore=5 * mm, spaceAfter=2 * mm),
        subheading=style("subheading", fonts.kai, 16, spaceBefore=2 * mm, spaceAfter=1 * mm),
        body=style("body", fonts.body, body_size, spaceAfter=1 * mm),
        notice=style("notice", fonts.heading, body_size, textColor="#b00000",
                     borderColor="#b00000", borderWidth=0.8, borderPadding=2 * mm,
                     spaceBefore=3 * mm, spaceAfter=4 * mm),
        cell=style("cell", fonts.body, 10.5, 1.3),
        cell_centre=style("cell_centre", fonts.body, 10.5, 1.3, alignment=TA_CENTER),
        small=style("small", fonts.body, 9, 1.35),
    )


def text(value: object) -> str:
    """``value`` as Paragraph markup (escaped)."""
    return escape(str(value))


def long_date(day: date) -> str:
    return tr("{year}-{month:02d}-{day:02d}", year=day.year, month=day.month, day=day.day)


def ordinal_heading(n: int) -> str:
    """一、二、… in Chinese (GB/T 9704 first-level numbering), "1. " in English."""
    if language() != "zh_CN":
        return f"{n}. "
    if not 0 < n < 100:
        return f"{n}、"
    tens, units = divmod(n, 10)
    numeral = ((_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") \
        + (_DIGITS[units] if units or not tens else "")
    return numeral + "、"


def page_number(canvas: Canvas, number: int, font: str) -> None:
    """"— n —" at the foot of the page: right on odd pages, left on even ones."""
    label = f"— {number} —"
    canvas.saveState()
    canvas.setFont(font, 14)
    y = BOTTOM - 14 * mm
    if number % 2:
        canvas.drawRightString(PAGE_WIDTH - RIGHT - 14, y, label)
    else:
        canvas.drawString(LEFT + 14, y, label)
    canvas.restoreState()


def ensure_new(path: Path) -> None:
    """Refuse early, before any work, when ``path`` exists or its folder does not."""
    if path.exists() or path.is_symlink():
        raise errors.FileExists(path=path)
    if not path.parent.is_dir():
        raise errors.FolderMissing(path=path.parent)


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` into a new file at ``path``; on failure nothing is left behind."""
    ensure_new(path)
    try:
        handle = path.open("xb")
    except FileExistsError:
        raise errors.FileExists(path=path) from None
    except OSError:
        raise errors.ReadOnlyLocation() from None
    try:
        with handle:
            handle.write(data)
    except OSError as e:
        path.unlink(missing_ok=True)
        if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise errors.DiskFull() from None
        raise errors.ReadOnlyLocation() from None

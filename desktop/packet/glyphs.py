"""Every character checked against its font before anything is drawn.

reportlab draws a character its font lacks as an empty box, silently. Before a document is
built, ``check_story`` walks its flowables (paragraphs, tables, drawings, groups kept
together) and gives each run of characters a font of the fallback chain that has them
(``fonts.FallbackChain``); a character that no font has stops the build with
``fonts.GlyphMissing``, which names it. ``draw_string`` does the same for text drawn
straight on a canvas (page headers, the signature block).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.graphics.shapes import Drawing, Group, String, UserNode
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from desktop.packet.fonts import FallbackChain


def check_story(story: Iterable[Flowable], chain: FallbackChain) -> list[Flowable]:
    """The story with fallback fonts where needed (drawings are replaced by checked copies)."""
    return [_check(f, chain) for f in story]


def _check(item: Any, chain: FallbackChain) -> Any:
    if isinstance(item, Paragraph):
        _paragraph(item, chain)
    elif isinstance(item, Table):
        _table(item, chain)
    elif isinstance(item, Drawing):
        return _drawing(item, chain)
    elif isinstance(item, list | tuple):
        return type(item)(_check(x, chain) for x in item)
    elif isinstance(getattr(item, "_content", None), list):  # KeepTogether, KeepInFrame
        item._content = [_check(x, chain) for x in item._content]
    return item


def _paragraph(paragraph: Paragraph, chain: FallbackChain) -> None:
    """Cut each fragment whose font lacks a character into runs of fonts that have them."""
    frags = []
    changed = False
    for frag in paragraph.frags:
        text = getattr(frag, "text", None)
        if not isinstance(text, str) or not text or getattr(frag, "cbDefn", None):
            frags.append(frag)
            continue
        runs = chain.runs(text, frag.fontName)
        if len(runs) == 1 and runs[0][0] == frag.fontName:
            frags.append(frag)
            continue
        changed = True
        frags.extend(frag.clone(text=piece, fontName=font) for font, piece in runs)
    if changed:
        paragraph.frags = frags


def _table(table: Table, chain: FallbackChain) -> None:
    for r, row in enumerate(table._cellvalues):
        for c, value in enumerate(row):
            if isinstance(value, str):
                if value:
                    style = table._cellStyles[r][c]
                    style.fontname = chain.font_for_all(value, style.fontname)
            else:
                row[c] = _check(value, chain)


def _drawing(drawing: Drawing, chain: FallbackChain) -> Drawing:
    """A copy whose widgets (charts) are expanded into shapes, each string in a font that
    has its characters (chart labels only exist once the chart is drawn)."""
    expanded = _expand(drawing)
    _fix_strings(expanded, chain)
    return expanded


def _expand(node: Any) -> Any:
    while isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        copy = Drawing(node.width, node.height) if isinstance(node, Drawing) else Group()
        copy.__dict__.update((k, v) for k, v in node.__dict__.items() if k != "contents")
        copy.contents = [_expand(child) for child in node.contents]
        return copy
    return node


def _fix_strings(node: Any, chain: FallbackChain) -> None:
    if isinstance(node, String) and node.text:
        node.fontName = chain.font_for_all(node.text, node.fontName)
    for child in getattr(node, "contents", ()):
        _fix_strings(child, chain)


def string_width(text: str, font: str, size: float, chain: FallbackChain) -> float:
    return sum(stringWidth(piece, f, size) for f, piece in chain.runs(text, font))


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float,
                chain: FallbackChain, anchor: str = "start") -> None:
    """Draw ``text`` at (x, y) with fallback fonts; ``anchor`` start, middle or end."""
    runs = chain.runs(text, font)
    width = sum(stringWidth(piece, f, size) for f, piece in runs)
    x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
    for f, piece in runs:
        canvas.setFont(f, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, f, size)

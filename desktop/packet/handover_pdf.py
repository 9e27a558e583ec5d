"""The page machinery of a handover packet: A4 per GB/T 9704, built in passes.

Every page carries the packet number and "第 n 页 共 N 页" at the head and "— n —" at the
foot. N, the page of each section (for the contents) and the place of each signature box
(for the signature fields) are only known once the document has been laid out, so
``render`` builds it again with what the previous pass learned until nothing moves (two
passes, a third when the contents themselves shift a page). Sections open on a new page
with a ``Marker`` that becomes a PDF bookmark (outline entry).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desktop.core.i18n import tr
from desktop.packet import layout
from desktop.packet.fonts import FallbackChain, FontSet
from desktop.packet.glyphs import check_story, draw_string, string_width
from desktop.packet.layout import LEFT, PAGE_HEIGHT, PAGE_WIDTH, RIGHT, TOP

TEXT_HEIGHT = PAGE_HEIGHT - layout.TOP - layout.BOTTOM  # 225 mm
HEAD_SIZE = 10.5  # 五号
MAX_PASSES = 4


@dataclass(frozen=True)
class Box:
    """Where a signature field goes: page index (from 0) and (x1, y1, x2, y2) in points."""

    page: int
    rect: tuple[float, float, float, float]


@dataclass
class Learned:
    """What a pass found out: the page count, each section's page, the signature boxes."""

    pages: int = 0
    sections: dict[str, int] = field(default_factory=dict)
    boxes: dict[str, Box] = field(default_factory=dict)

    def settled(self, other: Learned) -> bool:
        return (self.pages, self.sections) == (other.pages, other.sections)


class Marker(Flowable):
    """Zero-size: where a section starts, for the contents and the PDF outline."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ContentsLine(Flowable):
    """One line of the contents: title, dot leaders, page number on the right."""

    def __init__(self, title: str, page: int | None, font: str, size: float,
                 chain: FallbackChain, indent: float = 0) -> None:
        super().__init__()
        self.title, self.page, self.font, self.size = title, page, font, size
        self.chain, self.indent = chain, indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.9

    def draw(self) -> None:
        canvas, y = self.canv, self.size * 0.5
        number = "" if self.page is None else str(self.page)
        end = self.width - string_width(number or "00", self.font, self.size, self.chain) - 4
        title = self._fitted(end - self.indent - 4)
        draw_string(canvas, self.indent, y, title, self.font, self.size, self.chain)
        draw_string(canvas, self.width, y, number, self.font, self.size, self.chain, "end")
        start = self.indent + string_width(title, self.font, self.size, self.chain) + 4
        canvas.saveState()
        canvas.setDash(0.8, 3.2)
        canvas.setLineWidth(0.8)
        if end > start:
            canvas.line(start, y + 1, end, y + 1)
        canvas.restoreState()


    def _fitted(self, room: float) -> str:
        """The title, cut short with "…" where it would run into the page number (the
        bookmark keeps it whole)."""
        title = self.title
        if string_width(title, self.font, self.size, self.chain) <= room:
            return title
        while title and string_width(title + "…", self.font, self.size, self.chain) > room:
            title = title[:-1]
        return title + "…"


def record_box(flowable: Flowable, learned: Learned, key: str, x: float, y: float,
               width: float, height: float) -> None:
    """Note where a rectangle of ``flowable``, being drawn, lands on the page."""
    x1, y1 = flowable.canv.absolutePosition(x, y)
    x2, y2 = flowable.canv.absolutePosition(x + width, y + height)
    learned.boxes[key] = Box(flowable.canv.getPageNumber() - 1,
                             (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)))


class _Template(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, learned: Learned, **kw: object) -> None:
        super().__init__(buffer, **kw)
        self.learned = learned

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Marker):
            self.learned.sections[flowable.key] = self.page
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level,
                                      closed=flowable.level > 0)


StoryMaker = Callable[[Learned | None, Learned], list[Flowable]]


def render(story: StoryMaker, *, number: str, title: str, author: str, fonts: FontSet,
           chain: FallbackChain, marking: str = "") -> tuple[bytes, Learned]:
    """Build the document until a pass learns what the previous one did.

    ``story(previous, learned)`` makes the flowables afresh for each pass: ``previous`` is
    what the last pass learned (None at first), ``learned`` collects this pass's findings
    (signature boxes register themselves in it).
    """
    previous: Learned | None = None
    for _ in range(MAX_PASSES):
        learned = Learned()
        pdf = _build(story(previous, learned), learned, previous, number=number, title=title,
                     author=author, fonts=fonts, chain=chain, marking=marking)
        if previous is not None and learned.settled(previous):
            return pdf, learned
        previous = learned
    return pdf, learned


def _build(flowables: list[Flowable], learned: Learned, previous: Learned | None, *,
           number: str, title: str, author: str, fonts: FontSet,
           chain: FallbackChain, marking: str) -> bytes:
    buffer = io.BytesIO()
    doc = _Template(buffer, learned, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=title,
                    author=author, subject=number, creator=layout.CREATOR, invariant=True,
                    initialFontName=fonts.body, leftMargin=LEFT, rightMargin=RIGHT,
                    topMargin=TOP, bottomMargin=layout.BOTTOM)
    total = previous.pages if previous else None

    def decorate(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        page = canvas.getPageNumber()
        if page == 1:
            canvas.showOutline()
        learned.pages = max(learned.pages, page)
        head = PAGE_HEIGHT - TOP + 9 * mm
        left = tr("No. {number}", number=number)
        draw_string(canvas, LEFT, head, f"{marking}　{left}" if marking else left,
                    fonts.body, HEAD_SIZE, chain)
        pages = tr("Page {page} of {total}", page=page, total=total if total else "—")
        draw_string(canvas, PAGE_WIDTH - RIGHT, head, pages, fonts.body, HEAD_SIZE, chain,
                    "end")
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, head - 2 * mm, PAGE_WIDTH - RIGHT, head - 2 * mm)
        canvas.restoreState()
        number_at = layout.BOTTOM - 14 * mm  # "— n —": right on odd pages, left on even
        if page % 2:
            draw_string(canvas, PAGE_WIDTH - RIGHT - 14, number_at, f"— {page} —",
                        fonts.body, 14, chain, "end")
        else:
            draw_string(canvas, LEFT + 14, number_at, f"— {page} —", fonts.body, 14, chain)

    frame = Frame(LEFT, layout.BOTTOM, layout.TEXT_WIDTH, TEXT_HEIGHT, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="packet", frames=[frame], onPage=decorate)])
    doc.build(check_story(flowables, chain))
    return buffer.getvalue()

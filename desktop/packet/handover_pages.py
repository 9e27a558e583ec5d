"""The pages of a handover packet: cover, contents, the round's roster, the results of the
democratic evaluations, further documents, the evidence list and the signature block.

``story`` makes the whole packet for one pass of ``handover_pdf.render``: the cover shows the
page count and the contents the pages learned by the previous pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.i18n import tr
from desktop.core.kinds import ROLE_LABELS
from desktop.packet import layout
from desktop.packet.evaluation_pdf import evaluation_flowables
from desktop.packet.evidence_pictures import MEDIA_LABELS, PICTURES, printed
from desktop.packet.fonts import FallbackChain, FontSet
from desktop.packet.glyphs import check_story, draw_string
from desktop.packet.handover_model import CLASSIFICATIONS, Document, PacketContent
from desktop.packet.handover_pdf import ContentsLine, Learned, Marker, record_box
from desktop.packet.layout import TEXT_WIDTH, Styles, text
from desktop.packet.letter_pdf import clue_summary

HANDOVER, RECEIVER = "handover", "receiver"  # keys of the two signature boxes
_GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
         ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8")]


@dataclass(frozen=True)
class Facts:
    """What the cover states besides the content: fingerprints known before signing."""

    fingerprint: str  # SHA-256 of the signer's certificate
    manifest_sha256: str
    issued_by: str = ""  # who issued the signer's certificate; empty: self-signed


def grouped(hex_text: str, size: int = 8) -> str:
    """A long hex digest in groups, so that it can wrap and be read aloud."""
    return " ".join(hex_text[i:i + size] for i in range(0, len(hex_text), size))


def role_text(role: str) -> str:
    return tr(ROLE_LABELS[role]) if role in ROLE_LABELS else role


def story(content: PacketContent, facts: Facts, fonts: FontSet, chain: FallbackChain,
          previous: Learned | None, learned: Learned) -> list[Flowable]:
    st = layout.styles(fonts)
    sections = _sections(content)
    out = _cover(content, facts, st, previous) + [PageBreak()]
    out += _contents(sections, fonts, chain, st, previous)
    heading, empty = 0, False
    for key, title, level, flowables in _bodies(content, fonts, st, chain, previous, learned):
        # Sections open a page; a subsection follows a heading that has nothing of its own.
        out += [] if level and empty else [PageBreak()]
        empty = not flowables
        if level == 0:
            heading += 1
            title = layout.ordinal_heading(heading) + title
        out.append(Marker(key, title, level))
        if level == 0:
            out.append(Paragraph(text(title), st.heading))
        out += flowables
    return out


def _sections(content: PacketContent) -> list[tuple[str, str, int]]:
    """(key, title, level) of the contents, in order."""
    leading, rest = _documents(content)
    out = [(key, title, level) for key, title, level, _ in _document_sections(leading)]
    out += [("roster", tr("The round and the team"), 0),
            ("evaluations", tr("Democratic evaluation results"), 0)]
    out += [(key, title, level) for key, title, level, _ in
            _nested("evaluation", _evaluation_parts(content))]
    out += [(key, title, level) for key, title, level, _ in _document_sections(rest)]
    out += [("evidence", tr("Evidence files"), 0), ("signatures", tr("Handover and receipt"), 0)]
    return out


def section_titles(content: PacketContent) -> list[str]:
    """The titles of the packet's sections (first level), in order, for the manifest."""
    return [title for _, title, level in _sections(content) if level == 0]


def _documents(content: PacketContent) -> tuple[list[tuple[int, Document]],
                                                list[tuple[int, Document]]]:
    """The further documents, numbered as given: those that lead the packet, the others."""
    numbered = list(enumerate(content.documents, 1))
    return [x for x in numbered if x[1].leading], [x for x in numbered if not x[1].leading]


def _document_sections(documents: list[tuple[int, Document]]):  # type: ignore[no-untyped-def]
    """(key, title, level, document) of each document and of each of its parts."""
    for n, document in documents:
        yield f"document-{n}", document.title, 0, document
        yield from _nested(f"document-{n}", document.parts)


_GROUP = Document("", lambda _fonts: [])  # a town or village heading of the outline only


def _nested(key: str, parts: tuple[Document, ...]):  # type: ignore[no-untyped-def]
    """The parts one level down, under a level for their town and one for their village
    when they span several: no level of the outline is a long run of
    siblings (a reader lists them, and a verifier walks the chain of them)."""
    by_town = len({p.place[0] for p in parts}) > 1
    by_village = len({p.place for p in parts}) > 1
    towns = {t: n for n, t in enumerate(dict.fromkeys(p.place[0] for p in parts))}
    places = {t: n for n, t in enumerate(dict.fromkeys(p.place for p in parts))}
    # each town and village where it first comes, the parts in their order within it
    order = sorted(range(len(parts)), key=lambda i: (towns[parts[i].place[0]],
                                                     places[parts[i].place], i))
    town = village = None
    for m in order:
        part, level = parts[m], 1
        if by_town:
            if part.place[0] != town:
                town, village = part.place[0], None
                yield f"{key}-town-{m}", town or "—", level, _GROUP
            level += 1
        if by_village:
            if part.place != village:
                village = part.place
                yield f"{key}-village-{m}", part.place[1] or tr(
                    "{town} (whole town)", town=part.place[0]), level, _GROUP
            level += 1
        yield f"{key}-{m + 1}", part.title, level, part


def _evaluation_parts(content: PacketContent) -> tuple[Document, ...]:
    town_of = {p.village: p.town for p in content.roster.chosen}
    return tuple(Document(_evaluation_title(r), partial(_evaluation_body, r),
                          place=(town_of.get(r.village, ""), r.village))
                 for r in content.evaluations)


def _evaluation_body(results, fonts: FontSet) -> list[Flowable]:  # type: ignore[no-untyped-def]
    if results.evaluation is None:
        st = layout.styles(fonts)
        return [Paragraph(text(_evaluation_title(results)), st.subheading),
                Paragraph(text(tr("These results cannot be counted: {problem}",
                                  problem=results.problem)), st.notice)]
    return evaluation_flowables(results.questionnaire, results.evaluation, results.header,
                                fonts=fonts)


def _evaluation_title(results) -> str:  # type: ignore[no-untyped-def]
    return f"{results.village} · {results.questionnaire.label.text()}"


def _cover(content: PacketContent, facts: Facts, st: Styles,
           previous: Learned | None) -> list[Flowable]:
    # 14 pt (四号) rather than the body's 16 keeps the cover on its one page
    label = st.body.clone("cover_label", fontName=st.heading.fontName, fontSize=14, leading=20)
    value = st.body.clone("cover_value", fontSize=14, leading=20)
    digest = st.body.clone("cover_digest", fontSize=11, leading=15)
    pages = str(previous.pages) if previous else "—"
    rows = [
        (tr("Issued by"), text(content.team), value),
        (tr("Classification and copy number"), text("　".join((
            tr(CLASSIFICATIONS[content.classification]),
            f"{content.copy:06d}" if content.copy else "—"))), value),
        (tr("Packet number"), text(content.number), value),
        (tr("Receiver"), text(content.receiver or "—"), value),
        (tr("Date of handover"), text(layout.long_date(content.issued_on)), value),
        (tr("Handed over by"), text(f"{content.issuer}（{role_text(content.issuer_role)}）"),
         value),
        (tr("Problem clues"), text(clue_summary(content.clues, content.clue_selection)), value),
        (tr("Unfinished material"), text(_unfinished(content)), value),
        (tr("Pages"), text(tr("{n} pages", n=pages)), value),
        (tr("Evidence attached"), text(tr("{n} files", n=len(content.evidence))), value),
        (tr("State digest of the data"), grouped(content.digest), digest),
        (tr("Signer's certificate"), text(
            tr("{holder}, issued by {issuer}", holder=content.issuer, issuer=facts.issued_by)
            if facts.issued_by else tr("{holder}, this laptop's own key (self-signed)",
                                       holder=content.issuer))
         + "<br/>" + grouped(facts.fingerprint), digest),
        (tr("Manifest"), grouped(facts.manifest_sha256), digest),
    ]
    table = Table([[Paragraph(text(a), label), Paragraph(b, style)] for a, b, style in rows],
                  colWidths=[52 * mm, TEXT_WIDTH - 52 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONT", (0, 0), (-1, -1), st.body.fontName),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#999999"),
                               ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    note = tr("This packet is signed by the person handing it over (PAdES). Check it with "
              "“xuncha verify FILE.pdf”; the manifest and the evidence files are attached.")
    return [Spacer(1, 4 * mm), Paragraph(text(content.roster.round_name), st.subheading.clone(
                "cover_round", alignment=1)),
            Paragraph(text(tr("Handover packet")), st.title.clone("cover_title", fontSize=26,
                                                                   leading=38)),
            Spacer(1, 8 * mm), table, Spacer(1, 8 * mm), Paragraph(text(note), st.small)]


def _unfinished(content: PacketContent) -> str:
    findings, evaluations = content.unfinished
    what = tr("{findings} findings not signed off, {evaluations} evaluation results not "
              "verified, the village report frameworks", findings=findings,
              evaluations=evaluations)
    if content.drafts:
        return tr("In the annex “Unfinished material”, not final: {what}", what=what)
    return tr("Left out (only final material is signed): {what}", what=what)


def _contents(sections: list[tuple[str, str, int]], fonts: FontSet, chain: FallbackChain,
              st: Styles, previous: Learned | None) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(text(tr("Contents")), st.title)]
    heading = 0
    for key, title, level in sections:
        if level > 1:  # a village's or a town's items: in the outline, not the contents
            continue
        page = previous.sections.get(key) if previous else None
        if level == 0:
            heading += 1
            title = layout.ordinal_heading(heading) + title
        out.append(ContentsLine(title, page, fonts.heading if level == 0 else fonts.body,
                                14 if level == 0 else 12, chain, indent=level * 2 * 14))
    return out


def _bodies(content: PacketContent, fonts: FontSet, st: Styles, chain: FallbackChain,
            previous: Learned | None, learned: Learned):  # type: ignore[no-untyped-def]
    """(key, title, level, flowables) of each section after the contents."""
    leading, rest = _documents(content)
    for key, title, level, document in _document_sections(leading):
        yield key, title, level, document.flowables(fonts)
    yield "roster", tr("The round and the team"), 0, _roster(content, st)
    first = [] if content.evaluations else [Paragraph(text(tr(
        "The chosen villages have no democratic evaluation yet.")), st.body)]
    yield "evaluations", tr("Democratic evaluation results"), 0, first
    for key, title, level, part in _nested("evaluation", _evaluation_parts(content)):
        yield key, title, level, part.flowables(fonts)
    for key, title, level, document in _document_sections(rest):
        yield key, title, level, document.flowables(fonts)
    yield "evidence", tr("Evidence files"), 0, _evidence(content, st)
    yield "signatures", tr("Handover and receipt"), 0, _signatures(content, fonts, st, chain,
                                                                    previous, learned)


def _table(rows: list[list[str]], widths: list[float], st: Styles) -> Table:
    table = Table([[Paragraph(c, st.cell_centre if r == 0 else st.cell) for c in row]
                   for r, row in enumerate(rows)], colWidths=widths, repeatRows=1,
                  hAlign="LEFT", spaceBefore=1 * mm, spaceAfter=3 * mm)
    table.setStyle(TableStyle([*_GRID, ("FONT", (0, 0), (-1, -1), st.cell.fontName)]))
    return table


def _roster(content: PacketContent, st: Styles) -> list[Flowable]:
    r = content.roster
    out: list[Flowable] = [
        Paragraph(text(tr("Round: {name} ({year})", name=r.round_name, year=r.year)), st.body),
        Paragraph(text(tr("Team: {team}, {n} members:", team=r.team, n=len(r.members))),
                  st.body),
        _table([[tr("No."), tr("Full name"), tr("Role")],
                *([str(n), text(m.name), text(role_text(m.role))]
                  for n, m in enumerate(r.members, 1))], [16 * mm, 60 * mm, 50 * mm], st),
        Paragraph(text(tr("The round covers {districts} districts, {towns} towns and "
                          "{villages} villages; this packet concerns {n} of the villages:",
                          districts=r.districts, towns=r.towns, villages=r.villages,
                          n=len(r.chosen))), st.body)]
    if r.chosen:
        out.append(_table([[tr("No."), tr("District"), tr("Town"), tr("Village")],
                           *([str(n), text(p.district), text(p.town), text(p.village)]
                             for n, p in enumerate(r.chosen, 1))],
                          [16 * mm, 46 * mm, 47 * mm, 47 * mm], st))
    return out


def _evidence(content: PacketContent, st: Styles) -> list[Flowable]:
    if not content.evidence:
        return [Paragraph(text(tr("This packet has no evidence files.")), st.body)]
    intro = tr("The {n} files below are attached to this PDF (the attachments panel of a PDF "
               "reader, or pdfdetach, takes them out); their SHA-256 lets anyone check them.",
               n=len(content.evidence))
    digest = st.cell.clone("evidence_digest", fontSize=8, leading=10, textColor="#333333")
    rows = [[Paragraph(text(c), st.cell_centre) for c in
             (tr("No."), tr("File and SHA-256"), tr("Type"), tr("Size"), tr("Belongs to"))]]
    for n, e in enumerate(content.evidence, 1):
        rows.append([Paragraph(str(n), st.cell_centre),
                     [Paragraph(text(e.name), st.cell),
                      Paragraph(text(e.sha256[:32]) + "<br/>" + text(e.sha256[32:]), digest)],
                     Paragraph(text(tr(MEDIA_LABELS[e.media_type]) if e.media_type in
                                    MEDIA_LABELS else e.media_type), st.cell),
                     Paragraph(text(_size(e.size)), st.cell_centre),
                     Paragraph(text(e.described_as), st.cell)])
    table = Table(rows, colWidths=[12 * mm, 66 * mm, 28 * mm, 20 * mm, 30 * mm], repeatRows=1,
                  spaceBefore=1 * mm)
    table.setStyle(TableStyle([*_GRID, ("FONT", (0, 0), (-1, -1), st.cell.fontName)]))
    return [Paragraph(text(intro), st.body), table, *_pictures(content, st)]


def _pictures(content: PacketContent, st: Styles) -> list[Flowable]:
    """Each photo of the evidence, printed downscaled under its number and name."""
    out: list[Flowable] = []
    for n, e in enumerate(content.evidence, 1):
        picture = printed(e.data, TEXT_WIDTH, 110 * mm) if e.media_type in PICTURES else None
        if picture is None:
            continue
        if not out:
            out.append(Paragraph(text(tr("The photos among them, printed smaller (the "
                                         "attached files are the originals):")), st.body))
        caption = Paragraph(text(tr("Evidence {n}: {name} ({owner})", n=n, name=e.name,
                                    owner=e.described_as)), st.small)
        out.append(KeepTogether([caption, picture, Spacer(1, 4 * mm)]))
    return out


def _size(size: int) -> str:
    if size < 1024:
        return tr("{n} B", n=size)
    if size < 1024 * 1024:
        return tr("{n} KB", n=f"{size / 1024:.1f}")
    return tr("{n} MB", n=f"{size / 1024 / 1024:.1f}")


def _signatures(content: PacketContent, fonts: FontSet, st: Styles, chain: FallbackChain,
                previous: Learned | None, learned: Learned) -> list[Flowable]:
    intro = tr("This packet has {pages} pages and {n} evidence files. The person handing it "
               "over signs it digitally; the receiver signs in the field below, which leaves "
               "the first signature valid.", pages=previous.pages if previous else "—",
               n=len(content.evidence))
    mine = [f"{content.issuer}（{content.team}，{role_text(content.issuer_role)}）",
            tr("Date: {date}", date=layout.long_date(content.issued_on))]
    return [Paragraph(text(intro), st.body), Spacer(1, 6 * mm),
            SignatureBlock(HANDOVER, tr("Handed over by (signature)"), "", mine, fonts,
                           chain, learned, st.cell),
            Spacer(1, 8 * mm),
            SignatureBlock(RECEIVER, tr("Received by (signature)"), content.receiver, [],
                           fonts, chain, learned, st.cell.clone("receiver", fontSize=12,
                                                                leading=16))]


class SignatureBlock(Flowable):
    """A framed block: the role (and name) on the left, the signature field on the right.

    The right part's place is recorded (``record_box``) for the signature field's widget;
    for the handover signature the signer's name and date are printed there too.
    """

    HEIGHT = 36 * mm
    LABEL_WIDTH = 50 * mm

    def __init__(self, key: str, role: str, name: str, lines: list[str], fonts: FontSet,
                 chain: FallbackChain, learned: Learned, style: ParagraphStyle) -> None:
        super().__init__()
        self.key, self.role, self.lines = key, role, lines
        self.fonts, self.chain, self.learned = fonts, chain, learned
        self.name = check_story([Paragraph(text(name), style)], chain)[0] if name else None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        c, h, split = self.canv, self.HEIGHT, self.LABEL_WIDTH
        c.saveState()
        c.setLineWidth(0.8)
        c.rect(0, 0, self.width, h)
        c.line(split, 0, split, h)
        c.restoreState()
        draw_string(c, 4 * mm, h - 10 * mm, self.role, self.fonts.heading, 14, self.chain)
        if self.name is not None:  # wrapped within the left part, under the role
            _, used = self.name.wrapOn(c, split - 8 * mm, h - 16 * mm)
            self.name.drawOn(c, 4 * mm, h - 14 * mm - used)
        for n, line in enumerate(self.lines):
            draw_string(c, split + 4 * mm, h - 10 * mm - n * 8 * mm, line, self.fonts.body,
                        12, self.chain)
        record_box(self, self.learned, self.key, split + 1, 1, self.width - split - 2, h - 2)

"""Building a signed handover packet, and the receiver's signature.

``build_packet`` is a pure function of a ``PacketContent`` and a signing identity (whose
certificate must name the packet's 移交人, so that the cover names the signer): it writes
the manifest, lays the pages out (``handover_pdf.render`` over ``handover_pages.story``),
embeds the evidence files and the manifest, creates the receiver's empty signature field
and certifies the whole (``signing.sign_packet``). ``receive_packet`` adds the receiver's
signature later without invalidating the first.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.packet import layout, manifest
from desktop.packet.fonts import cjk_fonts, fallback_chain
from desktop.packet.glyphs import draw_string
from desktop.packet.handover_model import PacketContent, marking
from desktop.packet.handover_pages import HANDOVER, RECEIVER, Facts, section_titles, story
from desktop.packet.handover_pdf import render
from desktop.packet.signing import Attachment, SigningIdentity, countersign, sign_packet

Places = tuple[Path, Path]


class NotTheIssuersKey(errors.XunchaError):
    message = N_("The signing key is {holder}'s, but the packet names {issuer} as the person "
                 "handing it over: sign with {issuer}'s own key; nothing was signed")


@dataclass(frozen=True)
class BuiltPacket:
    pdf: bytes
    pages: int
    manifest_sha256: str
    evidence: int


def build_packet(content: PacketContent, identity: SigningIdentity, *,
                 font: str | os.PathLike[str] | None = None,
                 places: Places | None = None) -> BuiltPacket:
    """The packet as signed PDF bytes. Raises fonts.GlyphMissing before anything is drawn
    when a character has no font; signing.SigningFailed when pyHanko cannot sign."""
    if identity.name.strip() != content.issuer.strip():
        raise NotTheIssuersKey(holder=identity.name or "—", issuer=content.issuer or "—")
    fonts = layout.for_language(cjk_fonts(font, places=places))
    chain = fallback_chain(fonts, places=places)
    listing = manifest.manifest_bytes(content, identity.fingerprint, section_titles(content))
    facts = Facts(identity.fingerprint, manifest.sha256(listing), identity.issued_by)
    pdf, learned = render(
        lambda previous, learned: story(content, facts, fonts, chain, previous, learned),
        number=content.number, title=tr("Handover packet {number}", number=content.number),
        author=content.issuer, fonts=fonts, chain=chain,
        marking=marking(content.classification, content.copy))
    attachments = [Attachment(e.name, e.data, e.media_type, e.described_as)
                   for e in content.evidence]
    attachments.append(Attachment(manifest.NAME, listing, "application/json",
                                  tr("Manifest of the packet")))
    handover, receiver = learned.boxes[HANDOVER], learned.boxes[RECEIVER]
    signed = sign_packet(pdf, identity, attachments=attachments,
                         manifest_sha256=facts.manifest_sha256,
                         handover=(handover.page, handover.rect),
                         receiver=(receiver.page, receiver.rect), signer_name=content.issuer,
                         reason=tr("Handover of inspection materials"), location=content.team)
    return BuiltPacket(signed, learned.pages, facts.manifest_sha256, len(content.evidence))


def write_packet(path: str | os.PathLike[str], content: PacketContent,
                 identity: SigningIdentity, **options: object) -> BuiltPacket:
    """Build the packet into a new file at ``path`` (an existing file is refused first)."""
    target = Path(path)
    layout.ensure_new(target)
    built = build_packet(content, identity, **options)  # type: ignore[arg-type]
    layout.write_new(target, built.pdf)
    return built


def receive_packet(pdf: bytes, identity: SigningIdentity, name: str, *,
                   when: dt.datetime | None = None,
                   font: str | os.PathLike[str] | None = None) -> bytes:
    """The packet with the receiver's signature in its 接收人 field."""
    when = when or dt.datetime.now().astimezone()
    return countersign(pdf, identity, receipt_stamp(name, when, font=font), signer_name=name,
                       reason=tr("Receipt of inspection materials"))


def receipt_stamp(name: str, when: dt.datetime, *, width: float = 96 * mm,
                  height: float = 28 * mm, font: str | os.PathLike[str] | None = None) -> bytes:
    """A small one-page PDF: who received the packet and when (the signature's look)."""
    fonts = layout.for_language(cjk_fonts(font))
    chain = fallback_chain(fonts)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True,
                    initialFontName=fonts.body)
    canvas.setStrokeColor("#b00000")
    canvas.setFillColor("#b00000")
    canvas.roundRect(1, 1, width - 2, height - 2, 3 * mm)
    draw_string(canvas, 4 * mm, height - 9 * mm, tr("Received by {name}", name=name),
                fonts.heading, 13, chain)
    draw_string(canvas, 4 * mm, height - 17 * mm,
                tr("Signed on {date} at {time}", date=layout.long_date(when.date()),
                   time=when.strftime("%H:%M")), fonts.body, 11, chain)
    draw_string(canvas, 4 * mm, 4 * mm, tr("Digital signature (PAdES)"), fonts.body, 8, chain)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

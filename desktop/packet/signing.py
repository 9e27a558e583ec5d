"""Signing handover packets with pyHanko: PAdES baseline B-B, offline, no time-stamp.

The person handing over **certifies** the packet (DocMDP, P=2 "form filling and signing
allowed"): a certification signature says the document itself is final, and that the only
change to come is a signature in a field that is already there. The receiver's field
(接收人) is created empty in the same update, with a field lock (FieldMDP "all fields",
and DocMDP P=1 once it is signed), so the receiver's later approval signature is an allowed
change that leaves the first signature valid, and after it nothing else is.

The visible handover block is drawn by reportlab on the page (Chinese in an embedded
TrueType subset); the signature widget covers it with a frame and no text of its own, so no
font that cannot be embedded enters the file. The receiver's stamp, whose text is known only
when signing, is a small reportlab PDF imported as the widget's appearance.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import FieldMDPAction, FieldMDPSpec, MDPPerm, SigFieldSpec
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.core import errors
from desktop.core.i18n import N_

HANDOVER_FIELD, RECEIVER_FIELD = "Handover", "Receiver"
CATALOG_KEY = "/XunchaPacket"  # the manifest's SHA-256, inside the signed revision


class KeyUnusable(errors.XunchaError):
    message = N_("The signing key cannot be used ({what}): wrong password, or not a key file")


class SigningFailed(errors.XunchaError):
    message = N_("The packet could not be signed")


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate (and any chain certificates)."""

    key: asn1_keys.PrivateKeyInfo
    certificate: asn1_x509.Certificate
    chain: tuple[asn1_x509.Certificate, ...] = ()

    @property
    def name(self) -> str:
        return str(self.certificate.subject.native.get("common_name", ""))

    @property
    def issued_by(self) -> str:
        """Who issued the certificate; empty for a self-signed one (a laptop's own key)."""
        if self.certificate.self_signed != "no":
            return ""
        issuer = self.certificate.issuer
        return str(issuer.native.get("organization_name") or issuer.native.get(
            "common_name") or issuer.human_friendly)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate (DER), hex."""
        return hashlib.sha256(self.certificate.dump()).hexdigest()

    @classmethod
    def from_pem(cls, key_pem: bytes, certificate_pem: bytes, passphrase: str,
                 what: str = "") -> SigningIdentity:
        """The device key (PKCS#8 PEM, encrypted with ``passphrase``) and its certificate."""
        try:
            key = serialization.load_pem_private_key(key_pem, passphrase.encode("utf-8"))
            cert = x509.load_pem_x509_certificate(certificate_pem)
        except (ValueError, TypeError):
            raise KeyUnusable(what=what) from None
        return cls._of(key, cert, ())

    @classmethod
    def from_pkcs12(cls, data: bytes, password: str | None, what: str = "") -> SigningIdentity:
        """A PKCS#12 (.p12/.pfx) file, such as one issued by the organisation."""
        try:
            key, cert, others = pkcs12.load_key_and_certificates(
                data, password.encode("utf-8") if password else None)
        except (ValueError, TypeError):
            raise KeyUnusable(what=what) from None
        if key is None or cert is None:
            raise KeyUnusable(what=what)
        return cls._of(key, cert, tuple(others or ()))

    @classmethod
    def _of(cls, key, cert, others) -> SigningIdentity:  # type: ignore[no-untyped-def]
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        return cls(asn1_keys.PrivateKeyInfo.load(der), _asn1(cert),
                   tuple(_asn1(c) for c in others))

    def signer(self) -> signers.SimpleSigner:
        return signers.SimpleSigner(
            signing_cert=self.certificate, signing_key=self.key,
            # pyHanko embeds the signing certificate itself; the registry adds the chain only
            cert_registry=SimpleCertificateStore.from_certs(list(self.chain)))


def _asn1(cert) -> asn1_x509.Certificate:  # type: ignore[no-untyped-def]
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    media_type: str
    description: str = ""


Rect = tuple[float, float, float, float]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """pyHanko logs expected findings (a self-signed certificate) with tracebacks."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def sign_packet(pdf: bytes, identity: SigningIdentity, *, attachments: Sequence[Attachment],
                manifest_sha256: str, handover: tuple[int, Rect], receiver: tuple[int, Rect],
                signer_name: str, reason: str, location: str = "") -> bytes:
    """Embed the attachments, add the receiver's empty field and certify the packet.

    ``handover`` and ``receiver`` are (page index, rectangle) of the two signature widgets.
    Everything goes into one incremental update, covered by the certification signature.
    """
    with quiet():
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
            for a in attachments:
                stream = embed.EmbeddedFileObject.from_file_data(
                    writer, a.data, mime_type=a.media_type, params=embed.EmbeddedFileParams())
                embed.embed_file(writer, embed.FileSpec(a.name, file_name=a.name,
                                                        embedded_data=stream,
                                                        description=a.description or None))
            writer.root[CATALOG_KEY] = generic.DictionaryObject({
                generic.pdf_name("/ManifestSHA256"): generic.pdf_string(manifest_sha256)})
            writer.update_root()
            fields.append_signature_field(writer, SigFieldSpec(
                RECEIVER_FIELD, on_page=receiver[0], box=_box(receiver[1]),
                empty_field_appearance=True, readable_field_name="接收人 Receiver",
                field_mdp_spec=FieldMDPSpec(FieldMDPAction.ALL),
                doc_mdp_update_value=MDPPerm.NO_CHANGES))
            meta = signers.PdfSignatureMetadata(
                field_name=HANDOVER_FIELD, certify=True, docmdp_permissions=MDPPerm.FILL_FORMS,
                subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
                name=signer_name, reason=reason, location=location or None)
            field = SigFieldSpec(HANDOVER_FIELD, on_page=handover[0], box=_box(handover[1]),
                                 readable_field_name="移交人 Handed over by")
            out = io.BytesIO()
            signers.PdfSigner(meta, identity.signer(), new_field_spec=field,
                              stamp_style=StaticStampStyle(border_width=1)).sign_pdf(
                writer, output=out)
        except errors.XunchaError:
            raise
        except Exception as e:  # noqa: BLE001 - pyHanko's errors are many; say which
            raise SigningFailed(str(e)) from e
    return out.getvalue()


def countersign(pdf: bytes, identity: SigningIdentity, stamp: bytes, *, signer_name: str,
                reason: str) -> bytes:
    """Sign the receiver's field of a packet (an approval signature, incremental update).

    ``stamp`` is a one-page PDF drawn as the signature's appearance (see ``receipt_stamp``).
    """
    with quiet():
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
            meta = signers.PdfSignatureMetadata(
                field_name=RECEIVER_FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                md_algorithm="sha256", docmdp_permissions=MDPPerm.NO_CHANGES,
                name=signer_name, reason=reason)
            style = StaticStampStyle(background=_ImportedPage(stamp), border_width=0,
                                     background_opacity=1.0)
            out = io.BytesIO()
            signers.PdfSigner(meta, identity.signer(), stamp_style=style).sign_pdf(
                writer, existing_fields_only=True, output=out)
        except Exception as e:  # noqa: BLE001
            raise SigningFailed(str(e)) from e
    return out.getvalue()


def _box(rect: Rect) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = rect
    return round(x1), round(y1), round(x2), round(y2)


class _ImportedPage(PdfContent):
    """The first page of a PDF held in memory, as a form XObject (pyHanko imports pages
    from files by name only)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)))
        self.resources.xobject["/XunchaStamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/XunchaStamp Do"

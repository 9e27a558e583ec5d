"""Checking a handover packet: every signature, what came after it, the evidence, the manifest.

For each signature: the signed bytes are intact, the signature value matches the certificate,
the certificate leads to a trust anchor when some are given (a self-signed one is reported as
such otherwise), and what was appended after it is allowed by the certification (only the
receiver's signature). The last signature must cover the whole file: bytes appended after it
(an incremental update, or anything else) are reported, which ``pdfsig`` does not do. Then
each embedded evidence file must match its SHA-256 in the manifest, and the manifest must be
the one whose SHA-256 the signed document records. Problems are translated, one line each.

Damage and trust are two findings: ``problems`` says what is damaged (the file, a signature,
the evidence, the manifest), ``distrust`` which signer does not lead to a trust anchor, and
``verdict`` sums them up. Intact but untrusted is not good enough by itself: anyone can make a
key and a certificate under any name. The file is untrusted input; whatever it holds ends in a
problem line, never in an exception.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import io
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from desktop.core.i18n import N_, tr
from desktop.packet import manifest
from desktop.packet.signing import CATALOG_KEY, HANDOVER_FIELD, RECEIVER_FIELD, quiet

# A packet's two signature fields as the boxes on its last page name them (移交人, 接收人).
T = TypeVar("T")
FIELD_LABELS = {HANDOVER_FIELD: N_("Handed over by"), RECEIVER_FIELD: N_("Receiver")}

_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"},
                             match_all_key_usages=False)


class Verdict(enum.Enum):
    DAMAGED = "damaged"      # some problem: the file, a signature, the evidence, the manifest
    UNTRUSTED = "untrusted"  # intact, but some signer does not lead to a trust anchor
    TRUSTED = "trusted"      # intact, and every signer leads to a trust anchor


@dataclass(frozen=True)
class SignatureFinding:
    field: str
    signer: str
    fingerprint: str  # SHA-256 of the signer's certificate
    signed_at: dt.datetime | None
    certification: bool
    trusted: bool | None  # None: no trust anchor was given
    self_signed: bool
    issuer: str


@dataclass
class Verification:
    signatures: list[SignatureFinding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what is damaged
    distrust: list[str] = field(default_factory=list)  # signers not leading to an anchor
    unsigned: list[str] = field(default_factory=list)  # empty signature fields
    manifest: dict[str, Any] | None = None
    evidence: int = 0

    @property
    def intact(self) -> bool:
        """Nothing is damaged (whoever signed it: see ``verdict``)."""
        return not self.problems

    @property
    def verdict(self) -> Verdict:
        if self.problems:
            return Verdict.DAMAGED
        if self.signatures and all(s.trusted for s in self.signatures):
            return Verdict.TRUSTED
        return Verdict.UNTRUSTED

    def lines(self) -> list[str]:
        """What was found, for people: one line per signature, its trust, open fields."""
        out = []
        for n, s in enumerate(self.signatures, 1):
            when = s.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if s.signed_at else "—"
            out.append(tr("Signature {n} ({field}): {signer}, signed {time}; certificate "
                          "SHA-256 {fingerprint}", n=n, field=field_label(s.field),
                          signer=s.signer, time=when, fingerprint=s.fingerprint))
            if s.trusted:
                out.append("  " + tr("trusted: the certificate leads to a --trust certificate"))
            elif s.trusted is None and s.self_signed:
                out.append("  " + tr("self-signed certificate: not checked against a trust "
                                     "anchor"))
            elif s.trusted is None:
                out.append("  " + tr("certificate issued by {issuer}: not checked against a "
                                     "trust anchor", issuer=s.issuer))
        out += [tr("Signature field {field} is not signed yet", field=field_label(f))
                for f in self.unsigned]
        return out

    @property
    def unchecked(self) -> bool:
        """Some signature's certificate was not checked against a trust anchor (none given)."""
        return any(s.trusted is None for s in self.signatures)


def field_label(name: str) -> str:
    """A signature field for people: a packet's by its box's label, another one by its name."""
    return tr(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def load_trust(data: bytes) -> list[asn1_x509.Certificate]:
    """Certificates from PEM or DER bytes; ValueError when there are none."""
    try:
        certs = list(load_certs_from_pemder_data(data))
    except Exception as e:  # noqa: BLE001 - asn1crypto raises many kinds
        raise ValueError(str(e)) from None
    if not certs:
        raise ValueError("no certificate")
    return certs


def verify_packet(data: bytes, trust: Sequence[asn1_x509.Certificate] = ()) -> Verification:
    """Check a packet held in memory (see the module docstring)."""
    return deep_stack(_verify, data, trust)


DEEP_RECURSION, DEEP_STACK = 200_000, 512 * 1024 * 1024


def deep_stack(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` on a thread with a large stack and recursion limit.

    pyHanko walks a signed file's object graph recursively, one frame per link of a chain
    (an outline's /Next, a field's /Kids), so a long chain in an honest file, or one made
    long on purpose, would otherwise end the check at Python's default limit of 1,000.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        before = sys.getrecursionlimit()
        sys.setrecursionlimit(max(before, DEEP_RECURSION))
        try:
            outcome["value"] = function(*args)
        except BaseException as e:  # noqa: BLE001 - raised again on the caller's thread
            outcome["error"] = e
        finally:
            sys.setrecursionlimit(before)

    size = threading.stack_size(DEEP_STACK)
    try:
        worker = threading.Thread(target=run, name="deep-stack")
        worker.start()
    finally:
        threading.stack_size(size)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _verify(data: bytes, trust: Sequence[asn1_x509.Certificate]) -> Verification:
    result = Verification()
    with quiet():
        try:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            filled = list(enumerate_sig_fields(reader, filled_status=True))
            result.unsigned = [name for name, _, _ in
                               enumerate_sig_fields(reader, filled_status=False)]
        except Exception as e:  # noqa: BLE001 - a damaged file fails anywhere
            result.problems.append(tr("Not a readable PDF file: {detail}",
                                      detail=_unreadable(data) or e))
            return result
        signatures = _signatures(reader, filled, result)
        if not filled:
            result.problems.append(tr("The file has no signature"))
        certifying = _certifying(reader)
        for n, sig in enumerate(signatures):
            # the coverage of the whole file is only asked of the last signature when every
            # signature could be read: a damaged one is reported already
            last = n == len(signatures) - 1 and len(signatures) == len(filled)
            _check_signature(sig, trust, last, len(data), result, certifying)
        try:
            embedded, recorded = _embedded(reader), _recorded(reader)
        except Exception as e:  # noqa: BLE001
            result.problems.append(tr("The attached files cannot be read: {detail}",
                                      detail=e))
            return result
    listing = embedded.pop(manifest.NAME, None)
    result.manifest, problems = manifest.check(listing, embedded, recorded)
    result.problems += problems
    named = (result.manifest or {}).get("signer_certificate_sha256")
    certified = [s for s in result.signatures if s.certification]
    if named and certified and certified[0].fingerprint != named:
        result.problems.append(tr("The packet is certified with another certificate than "
                                  "the one its manifest names"))
    issuer = (result.manifest or {}).get("issuer")
    if issuer is not None and certified and certified[0].signer.strip() != str(issuer).strip():
        result.problems.append(tr("The packet names {issuer} as the person handing it over, "
                                  "but {signer} signed it", issuer=issuer,
                                  signer=certified[0].signer))
    result.evidence = len(embedded)
    return result


def _unreadable(data: bytes) -> str | None:
    """Why a file that cannot be read is no PDF, when the reason is plain to see."""
    if b"%PDF-" not in data[:1024]:
        return tr("it does not begin with %PDF-")
    if b"%%EOF" not in data[-1024:]:
        return tr("it is cut short (it does not end with %%EOF): perhaps it was copied or "
                  "downloaded only in part")
    return None


def _signatures(reader: PdfFileReader, filled: list[tuple[str, Any, Any]],
                result: Verification) -> list[EmbeddedPdfSignature]:
    """The signatures of the filled fields in signing order; a damaged one is a problem."""
    found = []
    for name, _, sig_field in filled:
        try:
            found.append(EmbeddedPdfSignature(reader, sig_field, name))
        except Exception:  # noqa: BLE001 - the signature dictionary or its value is damaged
            result.problems.append(tr("Signature {field}: the signature value is damaged and "
                                      "cannot be read", field=field_label(str(name))))
    return sorted(found, key=lambda sig: sig.signed_revision)


def _check_signature(sig: Any, trust: Sequence[asn1_x509.Certificate], last: bool,
                     size: int, result: Verification, certifying: int | None) -> None:
    label = {"field": field_label(str(sig.field_name)), "signer": "?"}
    try:
        cert = sig.signer_cert
        label["signer"] = (str(cert.subject.native.get("common_name", ""))
                           or cert.subject.human_friendly)
        fingerprint = hashlib.sha256(cert.dump()).hexdigest()
        self_signed, issuer = cert.self_signed != "no", cert.issuer.human_friendly
    except Exception as e:  # noqa: BLE001 - damaged, replaced or missing certificate
        missing = AdESIndeterminate.NO_SIGNING_CERTIFICATE_FOUND
        if getattr(e, "ades_subindication", None) == missing:
            result.problems.append(tr("Signature {field}: the certificate in it is not the one "
                                      "it was made with (replaced or damaged)", **label))
        else:
            result.problems.append(tr("Signature {field}: the signature value is damaged and "
                                      "cannot be read", **label))
        return
    try:
        context = ValidationContext(trust_roots=list(trust), allow_fetching=False)
        status = validate_pdf_signature(sig, context, key_usage_settings=_USAGE)
        certification = (certifying is not None
                         and sig.sig_field.raw_get("/V").idnum == certifying)
        covered = _covered(sig) if last else size
    except Exception as e:  # noqa: BLE001
        result.problems.append(tr("Signature {field} ({signer}) cannot be checked: {detail}",
                                  detail=e, **label))
        return
    trusted = bool(status.trusted) if trust else None
    result.signatures.append(SignatureFinding(
        field=str(sig.field_name), signer=label["signer"], fingerprint=fingerprint,
        signed_at=status.signer_reported_dt, certification=certification, trusted=trusted,
        self_signed=self_signed, issuer=issuer))
    if not status.intact:
        result.problems.append(tr("Signature {field} ({signer}): the signed content has "
                                  "been changed", **label))
    elif not status.valid:
        result.problems.append(tr("Signature {field} ({signer}): the signature does not "
                                  "match the signer's certificate", **label))
    if trusted is False:
        result.distrust.append(tr("Signature {field} ({signer}): the certificate is not "
                                  "trusted (it does not lead to a --trust certificate)",
                                  **label))
    if status.intact and (status.docmdp_ok is False
                          or status.modification_level == ModificationLevel.OTHER):
        result.problems.append(tr("Signature {field} ({signer}): the file was changed after "
                                  "it in a way its permissions do not allow", **label))
    if last and status.intact and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        result.problems.append(tr("{n} bytes were added after the last signature ({field}): "
                                  "the file was changed after it was signed",
                                  n=max(size - covered, 0), field=label["field"]))


def _certifying(reader: PdfFileReader) -> int | None:
    """The object number of the certification signature (the catalog's /Perms /DocMDP)."""
    try:
        return int(reader.root["/Perms"].raw_get("/DocMDP").idnum)
    except (KeyError, AttributeError):
        return None


def _covered(sig: Any) -> int:
    start1, length1, start2, length2 = (int(x) for x in sig.sig_object["/ByteRange"])
    return max(start1 + length1, start2 + length2)


def _recorded(reader: PdfFileReader) -> str | None:
    entry = reader.root.get(CATALOG_KEY)
    if entry is None:
        return None
    value = entry.get_object().get("/ManifestSHA256")
    return None if value is None else str(value)


def _embedded(reader: PdfFileReader) -> dict[str, bytes]:
    """The files of the document's EmbeddedFiles name tree, by name."""
    try:
        tree = reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return {}
    out: dict[str, bytes] = {}
    pending = [(tree.get_object(), 0)]
    while pending:
        node, depth = pending.pop()
        names = node.get("/Names")
        if names is not None:
            names = names.get_object()
            for i in range(0, len(names) - 1, 2):
                try:
                    files = names[i + 1].get_object()["/EF"].get_object()
                    out[str(names[i])] = (files.get("/UF") or files["/F"]).get_object().data
                except Exception:  # noqa: BLE001 - a damaged stream: it matches no hash
                    out[str(names[i])] = b""
        if depth < 32:
            pending += [(kid.get_object(), depth + 1) for kid in node.get("/Kids", ())]
    return out

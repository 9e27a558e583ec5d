"""Signed batches: each device's signature over the revisions it wrote.

Every unit of work ends with a batch: the ids of the revisions it wrote, the hash of the
device's previous batch, signed with the device key. Batches travel with the revisions (in
exchange files and in databases), so a revision re-exported by anyone still carries its own
author's signature. One batch per unit of work rather than one signature per revision: a
merge of 100,000 revisions would spend 6 s verifying them one by one, while a chain of
batches is vouched for by the signature of its newest batch and a hash of each one below it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy.orm import Session

from desktop.core import canonical
from desktop.store.models import BatchRow, LocalState

HEAD_KEY = "batch_head"  # local state: hash of this laptop's newest batch


def sign(session: Session, device: str, revision_ids: Iterable[str],
         key: ec.EllipticCurvePrivateKey) -> BatchRow:
    """Add this device's batch over ``revision_ids`` to the session."""
    head = session.get(LocalState, HEAD_KEY)
    payload = canonical.canonical_bytes({
        "device": device, "prev": head.value if head else "",
        "revisions": sorted(set(revision_ids))})
    row = BatchRow(hash=hashlib.sha256(payload).hexdigest(), device=device, payload=payload,
                   signature=key.sign(payload, ec.ECDSA(hashes.SHA256())))
    session.add(row)
    session.merge(LocalState(key=HEAD_KEY, value=row.hash))
    return row


@dataclass(frozen=True)
class _Batch:
    hash: str
    device: str
    prev: str
    revisions: tuple[str, ...]
    payload: bytes
    signature: bytes


class Coverage:
    """The batches of one source, and which revisions each device's signatures cover.

    Rows whose bytes are not what they claim (hash, canonical form, types) are ignored: a
    revision they name is simply not covered, and the merge refuses it.
    """

    def __init__(self, rows: Iterable[tuple[object, object, object, object]]) -> None:
        self.batches: dict[str, _Batch] = {}
        for digest, _device, payload, signature in rows:
            batch = _parse(digest, payload, signature)
            if batch is not None:
                self.batches[batch.hash] = batch
        self._covered: dict[tuple[str, bytes], frozenset[str]] = {}
        self.verified: set[str] = set()  # hashes of batches whose signature chain holds

    def of(self, device: str, certificate_pem: bytes) -> frozenset[str]:
        """The revision ids covered by valid batches of ``device`` under this certificate."""
        cached = self._covered.get((device, certificate_pem))
        if cached is not None:
            return cached
        try:
            public = x509.load_pem_x509_certificate(certificate_pem).public_key()
        except ValueError:
            public = None
        mine = {h: b for h, b in self.batches.items() if b.device == device}
        trusted: set[str] = set()
        if isinstance(public, ec.EllipticCurvePublicKey):
            below = {b.prev for b in mine.values()}
            # Newest first: each signature that holds vouches for the chain beneath it.
            for digest in sorted(mine, key=lambda h: h in below):
                if digest in trusted or not _holds(public, mine[digest]):
                    continue
                while digest in mine and digest not in trusted:
                    trusted.add(digest)
                    digest = mine[digest].prev
        self.verified |= trusted
        covered = frozenset(rid for h in trusted for rid in mine[h].revisions)
        self._covered[(device, certificate_pem)] = covered
        return covered

    def rows(self) -> list[tuple[str, str, bytes, bytes]]:
        """The verified batches, as rows of ``revision_batch``."""
        return [(b.hash, b.device, b.payload, b.signature)
                for h, b in sorted(self.batches.items()) if h in self.verified]


def _holds(public: ec.EllipticCurvePublicKey, batch: _Batch) -> bool:
    try:
        public.verify(batch.signature, batch.payload, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def _parse(digest: object, payload: object, signature: object) -> _Batch | None:
    if type(payload) is not bytes or type(signature) is not bytes \
            or hashlib.sha256(payload).hexdigest() != digest:
        return None
    try:
        text = payload.decode("utf-8")
        body = canonical.parse(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(body, dict) or body.keys() != {"device", "prev", "revisions"} \
            or not canonical.is_canonical(body, text):
        return None
    device, prev, ids = body["device"], body["prev"], body["revisions"]
    if type(device) is not str or type(prev) is not str or type(ids) is not list \
            or not all(type(i) is str for i in ids):
        return None
    return _Batch(str(digest), device, prev, tuple(ids), payload, signature)


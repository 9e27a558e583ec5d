"""Exchange files out of a laptop, and merging any number of them into one database.

A merge is the union of the revisions and blobs of the sources, each revision re-verified,
in one transaction on the target after a backup of it. Nothing is resolved automatically:
records that end with more than one head are conflicts for a person to resolve.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select

from desktop.core import canonical, errors, hlc, merge_rules
from desktop.core.i18n import tr
from desktop.core.merkle import state_digest
from desktop.core.revision import Revision, RevisionError, open_envelope
from desktop.services import identity
from desktop.services.backups import unique_backup_path
from desktop.services.workspace import Workspace
from desktop.store import database, exchange, revlog
from desktop.store.models import (
    Blob,
    Head,
    InspectorRow,
    LocalIdentity,
    LocalState,
    RevisionAttachment,
    RevisionParent,
    RevisionRow,
)

MANIFEST_FORMAT = "xuncha-exchange/1"


class OtherRound(errors.XunchaError):
    message = "This file belongs to another inspection round; it was not merged: {path}"


class ManifestInvalid(errors.XunchaError):
    message = "The exchange file's signed manifest does not verify; the file was not merged"


@dataclass
class SourceReport:
    path: Path
    device: str = ""
    author: str = ""
    signed: bool = False
    revisions: int = 0
    new_revisions: int = 0
    new_records: int = 0
    deletions: int = 0
    attachments: int = 0
    new_conflicts: int = 0
    rejected: dict[str, str] = field(default_factory=dict)
    error: str = ""
    touched: set[str] = field(default_factory=set, repr=False)


@dataclass
class MergeReport:
    target: Path
    dry_run: bool
    sources: list[SourceReport]
    digest_before: str
    digest_after: str
    revisions_after: int
    conflicts: int
    backup: Path | None = None

    @property
    def nothing_new(self) -> bool:
        return self.digest_before == self.digest_after

    @property
    def refused(self) -> int:
        return sum(1 for s in self.sources if s.error)


class _DryRun(Exception):
    """Raised to roll back the merge transaction of a dry run."""


# -- export ---------------------------------------------------------------------------------

def export(ws: Workspace, passphrase: str, out: Path, exchange_passphrase: str) -> dict:
    """Write this laptop's log to an exchange file with a signed manifest; return the manifest."""
    out = Path(out)
    if ws.actor is None:
        raise errors.NoIdentity(path=ws.path)
    if out.exists():
        raise errors.FileExists(path=out)
    if not out.parent.is_dir():
        raise errors.FolderMissing(path=out.parent)
    if len(exchange_passphrase) < database.MIN_PASSPHRASE:
        raise errors.PassphraseTooShort(n=database.MIN_PASSPHRASE)
    with ws.read() as s:  # one read transaction: a consistent snapshot of the log
        revisions = [tuple(r) for r in s.execute(select(
            RevisionRow.id, RevisionRow.kind, RevisionRow.record_id, RevisionRow.author,
            RevisionRow.device, RevisionRow.hlc, RevisionRow.wall_time, RevisionRow.deleted,
            RevisionRow.envelope))]
        parents = [tuple(r) for r in s.execute(select(RevisionParent.revision_id,
                                                      RevisionParent.parent_id))]
        blobs = [tuple(r) for r in s.execute(select(Blob.hash, Blob.size, Blob.data))]
        attachments = [tuple(r) for r in s.execute(select(RevisionAttachment.revision_id,
                                                          RevisionAttachment.blob_hash))]
        ident = s.get(LocalIdentity, ws.actor.device_id)
        me = s.get(InspectorRow, ws.actor.inspector_id)
    if ident is None:
        raise errors.ForeignDatabase(path=ws.path)
    body = {
        "format": MANIFEST_FORMAT, "device": ws.actor.device_id,
        "author": ws.actor.inspector_id, "author_name": me.name if me else "",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "schema_version": database.SCHEMA_VERSION,
        "counts": {"revisions": len(revisions), "blobs": len(blobs)},
        "digest": state_digest(r[0] for r in revisions),
    }
    data = canonical.canonical_bytes(body)
    key = identity.load_private_key(ident.private_key_pem, passphrase)
    signature = key.sign(data, ec.ECDSA(hashes.SHA256()))
    exchange.write_exchange(out, exchange.ExchangeRows(
        exchange_passphrase, revisions, parents, blobs, attachments),
        exchange.SignedManifest(data, signature, ident.certificate_pem))
    return body


# -- merge ----------------------------------------------------------------------------------

def merge(
    target: Path, target_passphrase: str, sources: Iterable[Path], *,
    exchange_passphrase: str | None = None, dry_run: bool = False,
    progress: Callable[[str], None] = lambda _m: None,
) -> MergeReport:
    """Merge ``sources`` into ``target`` (created when missing) and report per source.

    Every source is opened and its signed manifest checked first; when none brings anything
    new the target is not touched at all. Otherwise the target is backed up and the merge
    runs in one transaction.
    """
    target = Path(target)
    passphrases = [p for p in (exchange_passphrase, target_passphrase) if p]
    with contextlib.ExitStack() as stack:
        opened = [_open(stack, Path(path), passphrases, progress) for path in sources]
        reports = [r for r, _ in opened]
        if not target.exists() and not any(src for _, src in opened):
            return MergeReport(target, dry_run, reports, "", "", 0, 0)  # nothing to create
        db = (database.open_database(target, target_passphrase) if target.exists()
              else database.create(target, target_passphrase))
        stack.callback(db.close)
        with db.read() as s:
            known_ids = set(s.connection().exec_driver_sql("SELECT id FROM revision").scalars())
            rounds = set(s.connection().exec_driver_sql(
                "SELECT DISTINCT record_id FROM revision WHERE kind = 'round'").scalars())
        for report, source in opened:
            theirs = set(source.round_ids()) if source else set()
            if rounds and theirs and not rounds & theirs:
                report.error = str(OtherRound(path=report.path))
        opened = [(r, None if r.error else src) for r, src in opened]
        if not any(src and not set(src.revision_ids()) <= known_ids for _, src in opened):
            with db.read() as s:
                conflicts = len(_conflicted(s))
            digest = state_digest(known_ids)
            return MergeReport(target, dry_run, reports, digest, digest, len(known_ids),
                               conflicts)
        backup = None
        if known_ids and not dry_run:
            progress(tr("Backing up the target"))
            backup = database.backup_copy(db, unique_backup_path(target, "before-merge"))
        holder: list[MergeReport] = []
        try:
            with db.session() as session:
                holder.append(_merge_in(session, target, opened, progress, dry_run))
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        report = holder[0]
        report.backup = backup
        return report


def _open(stack: contextlib.ExitStack, path: Path, passphrases: list[str],
          progress: Callable[[str], None]) -> tuple[SourceReport, exchange.Source | None]:
    """Open a source and check its manifest; a refused source is reported, not raised."""
    progress(str(path))
    report = SourceReport(path=path)
    try:
        source = stack.enter_context(exchange.open_source(path, passphrases))
        report.revisions = len(source.revision_ids())
        _check_manifest(source, report, source.revision_ids())
    except errors.XunchaError as e:
        report.error = str(e)
        return report, None
    return report, source


def _conflicted(session) -> set[str]:  # type: ignore[no-untyped-def]
    return set(session.scalars(select(Head.record_id).group_by(Head.record_id)
                               .having(func.count() > 1)))


def _merge_in(session, target: Path,  # type: ignore[no-untyped-def]
              opened: list[tuple[SourceReport, exchange.Source | None]],
              progress: Callable[[str], None], dry_run: bool) -> MergeReport:
    known = {rid: (record, kind) for rid, record, kind in session.connection().exec_driver_sql(
        "SELECT id, record_id, kind FROM revision")}
    known_records = {record for record, _ in known.values()}
    blobs = set(session.connection().exec_driver_sql("SELECT hash FROM blob").scalars())
    digest_before = state_digest(known)
    conflicts_before = _conflicted(session)
    latest = hlc.ZERO
    taken: dict[str, Revision] = {}
    for report, source in opened:
        if source is not None:
            progress(str(report.path))
            latest = max(latest, _take(session, source, report, known, known_records, blobs,
                                       taken))
    reports = [r for r, _ in opened]
    touched = set().union(*(r.touched for r in reports)) if reports else set()
    progress(tr("Refreshing"))
    revlog.refresh(session, touched, taken)
    new_conflicts = _conflicted(session) - conflicts_before
    for report in reports:
        report.new_conflicts = len(report.touched & new_conflicts)
    if latest > hlc.ZERO:
        state = session.get(LocalState, "hlc")
        current = hlc.Timestamp.parse(state.value) if state else hlc.ZERO
        session.merge(LocalState(key="hlc", value=str(hlc.observe(current, latest))))
    session.flush()
    return MergeReport(
        target=target, dry_run=dry_run, sources=reports, digest_before=digest_before,
        digest_after=state_digest(known), revisions_after=len(known),
        conflicts=len(_conflicted(session)))


class _SourceBlobs:
    """Blob hashes available to a merge: the target's, or verified on demand in the source."""

    def __init__(self, known: set[str], source: exchange.Source) -> None:
        self.known = known
        self.source = source
        self.fresh: dict[str, bytes] = {}

    def __contains__(self, digest: object) -> bool:
        if digest in self.known or digest in self.fresh:
            return True
        data = self.source.blob(str(digest))
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            return False
        self.fresh[str(digest)] = data
        return True


def _take(session, source: exchange.Source, report: SourceReport,  # type: ignore[no-untyped-def]
          known: dict[str, tuple[str, str]], known_records: set[str], blobs: set[str],
          taken: dict[str, Revision]) -> hlc.Timestamp:
    # Everything is read from the source before anything is written, so a damaged page
    # refuses this source alone and leaves nothing of it in the transaction.
    try:
        ids = source.revision_ids()
        envelopes = source.envelopes([i for i in ids if i not in known])
        available = _SourceBlobs(blobs, source)
        chosen = merge_rules.select(envelopes, known, available)  # type: ignore[arg-type]
    except errors.NotADatabase as e:
        report.error = str(e)
        return hlc.ZERO
    report.rejected = chosen.rejected
    needed = {h for rev in chosen.accepted for h in rev.attachments if h in available.fresh}
    for digest in sorted(needed):
        revlog.put_blob(session, available.fresh[digest])
    blobs.update(needed)
    revlog.append(session, chosen.accepted)
    latest = hlc.ZERO
    for rev in chosen.accepted:
        known[rev.id] = (rev.record_id, rev.kind)
        taken[rev.id] = rev
        if rev.record_id not in known_records:
            known_records.add(rev.record_id)
            report.new_records += 1
        report.deletions += rev.deleted
        report.touched.add(rev.record_id)
        latest = max(latest, hlc.Timestamp.parse(rev.hlc))
    report.new_revisions = len(chosen.accepted)
    report.attachments = len(needed)
    return latest


def _check_manifest(source: exchange.Source, report: SourceReport, ids: list[str]) -> None:
    signed = source.manifest()
    if signed is None:
        if source.is_exchange or source.has_manifest:  # a stripped or relabelled export
            raise ManifestInvalid()
        return
    try:
        body = canonical.parse(signed.manifest)
        cert = x509.load_pem_x509_certificate(signed.certificate)
        public = cert.public_key()
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise ValueError("not an EC key")
        public.verify(signed.signature, signed.manifest, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError, TypeError):
        raise ManifestInvalid() from None
    if not isinstance(body, dict) or not isinstance(body.get("counts"), dict):
        raise ManifestInvalid()
    if body.get("digest") != state_digest(ids) or \
            body.get("counts", {}).get("revisions") != len(ids):
        raise ManifestInvalid(tr("its revisions differ from the signed list"))
    if not _device_certificate_matches(source, body.get("device", ""), signed.certificate):
        raise ManifestInvalid(tr("it was signed by a key this round does not know"))
    report.device = body.get("device", "")
    report.author = body.get("author_name", "")
    report.signed = True


def _device_certificate_matches(source: exchange.Source, device: str, pem: bytes) -> bool:
    """The manifest's certificate must be the one the device record of the round carries."""
    wanted = identity.certificate_fingerprint(pem)
    for rid, envelope in source.device_envelopes(device):
        try:
            rev = open_envelope(rid, envelope)
        except RevisionError:
            continue
        certificate = rev.body.get("certificate", "")
        if certificate and identity.certificate_fingerprint(certificate.encode()) == wanted:
            return True
    return False

"""Exchange files out of a laptop, and merging any number of them into one database.

A merge is the union of the revisions and blobs of the sources, each revision re-verified,
in one transaction on the target after a backup of it. A source is taken whole or refused
whole: one revision of it that does not hold (its bytes, its body, its clock, an attachment)
refuses all of it, each such revision named in the report. Nothing is resolved automatically:
records that end with more than one head are conflicts for a person to resolve.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select

from desktop.core import canonical, errors, hlc, merge_rules, revision_bodies, visibility
from desktop.core.i18n import N_, tr
from desktop.core.merkle import state_digest
from desktop.core.revision import Revision
from desktop.services import batches, identity, restricted, step_records, trust
from desktop.services.backups import unique_backup_path
from desktop.services.workspace import Workspace
from desktop.store import database, exchange, revlog
from desktop.store.models import (
    BatchRow,
    Blob,
    Head,
    InspectorRow,
    LocalIdentity,
    LocalState,
    RevisionAttachment,
    RevisionParent,
    RevisionRow,
    RoundRow,
)

MANIFEST_FORMAT = "xuncha-exchange/1"
# Local state: "<revision count> <state digest>" as the last merge left the target, so that
# merging again need not hash every revision id to report it.
DIGEST_KEY = "state_digest"
# How far a revision's clock may run ahead of the time its file was signed, and of this
# laptop's clock: laptops' clocks disagree by minutes or hours, and a clock value taken in
# sets the target's clock, so one from far in the future would hold it there for good.
CLOCK_SKEW_MS = 7 * 24 * 3600 * 1000


class OtherRound(errors.XunchaError):
    message = N_("This file belongs to another inspection round; it was not merged: {path}")


class ManifestInvalid(errors.XunchaError):
    message = N_("The exchange file's signed manifest does not verify; the file was not merged")


class RevisionsRefused(errors.XunchaError):
    message = N_("{n} of its revisions do not hold (each is listed); nothing of this file was "
                 "merged")


@dataclass
class SourceReport:
    path: Path
    device: str = ""
    author: str = ""
    signed: bool = False
    signed_ms: int | None = None  # when the manifest says the file was written
    certificate: bytes = field(default=b"", repr=False)  # the manifest's signer's
    unenrolled: bool = False  # refused until the leader enrols the device that signed it
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
        # Only files a revision attaches: a restricted file is kept here in clear for its
        # readers, but travels only sealed (services.restricted.protect).
        blobs = [tuple(r) for r in s.execute(select(Blob.hash, Blob.size, Blob.data).where(
            Blob.hash.in_(select(RevisionAttachment.blob_hash))))]
        attachments = [tuple(r) for r in s.execute(select(RevisionAttachment.revision_id,
                                                          RevisionAttachment.blob_hash))]
        signed = [tuple(r) for r in s.execute(select(BatchRow.hash, BatchRow.device,
                                                     BatchRow.payload, BatchRow.signature))]
        ident = s.get(LocalIdentity, ws.actor.device_id)
        me = s.get(InspectorRow, ws.actor.inspector_id)
        round_id = s.scalar(select(RoundRow.id).order_by(RoundRow.id).limit(1))
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
    salt = database.exchange_salt(round_id) if round_id else os.urandom(database.SALT_SIZE)
    exchange.write_exchange(out, exchange.ExchangeRows(
        exchange_passphrase, salt, revisions, parents, blobs, attachments, signed),
        exchange.SignedManifest(data, signature, ident.certificate_pem))
    return body


# -- merge ----------------------------------------------------------------------------------

def merge(
    target: Path, target_passphrase: str, sources: Iterable[Path], *,
    exchange_passphrase: str | None = None, dry_run: bool = False,
    progress: Callable[[str], None] = lambda _m: None,
) -> MergeReport:
    """Merge ``sources`` into ``target`` (created when missing) and report per source.

    Every source is opened and its signed manifest checked, and the envelopes of the
    revisions the target lacks are read before anything of it is written; when no source
    brings any, the target is not touched at all. Otherwise the target is backed up and the
    merge runs in one transaction.
    """
    target = Path(target)
    passphrases = [p for p in (exchange_passphrase, target_passphrase) if p]
    building = target.with_name(target.name + ".partial")  # a new target until it is whole
    with contextlib.ExitStack() as stack, _collector_paused():
        if not target.exists():
            database.remove_files(building)  # left by a merge that was interrupted
            stack.callback(database.remove_files, building)  # last: after it is closed
        files = _Opening(stack)
        mine = files.submit(_Target.open, target, target_passphrase) if target.exists() else None
        keys = database.KeyRing()
        pending = [files.submit(_open, Path(path), passphrases, keys) for path in sources]
        old = mine.result() if mine else None
        ids, rounds = (old.ids, old.rounds) if old else (set(), set())
        digest = old and old.digest or state_digest(ids)  # while the sources open
        opened: list[_Opened] = []
        for future in pending:  # up to the first source that brings something
            opened.append(_read(future, ids, rounds, progress))
            if opened[-1].envelopes:
                break
        else:  # every source read: nothing new
            reports = [one.report for one in opened]
            if old is None:
                return MergeReport(target, dry_run, reports, "", "", 0, 0)  # nothing to create
            with old.db.read() as s:
                conflicts = len(_conflicted(s))
            return MergeReport(target, dry_run, reports, digest, digest, len(ids), conflicts)
        # The target is made, or backed up, in a thread while the other sources are read.
        preparing = None
        if old is None:
            preparing = files.submit(database.create, building, target_passphrase,
                                     building=True)
        elif old.ids and not dry_run:
            progress(tr("Backing up the target"))
            preparing = files.pool.submit(database.backup_copy, old.db,
                                          unique_backup_path(target, "before-merge"))
        try:
            opened += [_read(future, ids, rounds, progress) for future in pending[len(opened):]]
            db = old.db if old else preparing.result()  # type: ignore[union-attr]
            backup = preparing.result() if old and preparing else None
            try:
                with db.session() as session:
                    report, held = _merge_in(session, target, (ids, digest), opened, progress,
                                             dry_run)
                    # Hashed in a thread while this one waits for the commit to be written.
                    after = files.pool.submit(state_digest, held)
                    if dry_run or not any(one.new_revisions for one in report.sources):
                        raise _DryRun()  # nothing taken: not a byte of the target changes
            except _DryRun:
                pass
        except BaseException:
            # Refused before anything was written: the target is as it was, so a backup made
            # for this merge would only be a stale copy of it.
            if old is not None and preparing is not None:
                with contextlib.suppress(BaseException):
                    database.remove_files(preparing.result())
            raise
        report.digest_after = after.result()
        if backup is not None and report.digest_after == report.digest_before:
            database.remove_files(backup)  # every revision brought was refused: nothing changed
            backup = None
        if not dry_run and report.digest_after != report.digest_before:
            with db.session() as session:  # for the next merge: see DIGEST_KEY
                session.merge(LocalState(key=DIGEST_KEY,
                                         value=f"{report.revisions_after} {report.digest_after}"))
        if old is None and not dry_run:
            database.publish(db, target)
        report.backup = backup
        return report


class _Opening:
    """Opens files in two threads, since opening one derives its key: 0.1 s of C that runs
    without the GIL, while the caller reads and merges those already open. Whatever opens
    is closed when ``stack`` unwinds."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        self.opened: list[Callable[[], None]] = []
        stack.callback(lambda: [close() for close in self.opened])
        self.pool = stack.enter_context(ThreadPoolExecutor(2))  # shut down before closing

    def submit(self, task: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        future = self.pool.submit(task, *args, **kwargs)
        future.add_done_callback(self._opened)
        return future

    def _opened(self, future: Future[Any]) -> None:
        if future.exception() is None:
            self.opened.append(future.result().close)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cycle collector off: a merge keeps 100,000 parsed envelopes alive, and the
    collector would walk them again and again as they pile up, adding a fifth to the time
    it takes to verify them. A merge makes next to no reference cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Target:
    """An existing target as a merge first reads it: its revision ids and round records."""

    db: database.Database
    ids: set[str]
    rounds: set[str]
    digest: str | None  # of ``ids``, as the last merge into it left it, if still true

    @classmethod
    def open(cls, path: Path, passphrase: str) -> _Target:
        db = database.open_database(path, passphrase)
        restricted.install(db)
        try:
            with db.read() as s:
                cursor = s.connection().connection.cursor()
                ids = {rid for rid, in cursor.execute("SELECT id FROM revision")}
                # The round's current row; the heads (every record has one, and there are
                # far fewer than revisions) only when none is left: a round deleted.
                rounds = {record for record, in cursor.execute("SELECT id FROM round")} or {
                    record for record, in cursor.execute(
                        "SELECT h.record_id FROM head h JOIN revision r "
                        "ON r.id = h.revision_id WHERE r.kind = 'round'")}
                row = cursor.execute("SELECT value FROM local_state WHERE key = ?",
                                     (DIGEST_KEY,)).fetchone()
        except BaseException:
            db.close()
            raise
        count, _, digest = (row[0] if row else "").partition(" ")
        # Revisions are never deleted, so the same count means the same revisions.
        return cls(db, ids, rounds, digest if count == str(len(ids)) else None)

    def close(self) -> None:
        self.db.close()


@dataclass
class _Opened:
    """A source opened for a merge (``source`` is None once it is refused)."""

    report: SourceReport
    source: exchange.Source | None = None
    closing: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    envelopes: dict[str, bytes] = field(default_factory=dict)  # of revisions to consider
    coverage: batches.Coverage | None = None  # its signed batches

    def refuse(self, error: errors.XunchaError) -> None:
        self.report.error = str(error)
        self.source, self.envelopes = None, {}

    def close(self) -> None:
        self.closing.close()


def _open(path: Path, passphrases: list[str], keys: database.KeyRing) -> _Opened:
    """Open a source and check its manifest; a refused source is reported, not raised."""
    one = _Opened(SourceReport(path=path))
    try:
        source = one.closing.enter_context(exchange.open_source(path, passphrases, keys))
        one.report.revisions = len(source.revision_ids())
        check_manifest(source, one.report, source.revision_ids())
        one.source = source
    except errors.XunchaError as e:
        one.refuse(e)
    except BaseException:
        one.close()
        raise
    return one


def _read(future: Future[_Opened], target_ids: Collection[str], rounds: set[str],
          progress: Callable[[str], None]) -> _Opened:
    """A source once it is open, with the envelopes of the revisions the target lacks read.
    One of another round, or one that does not read back, is refused here, before anything
    of it is written."""
    one = future.result()
    progress(str(one.report.path))
    if one.source is not None:
        try:
            if one.source.in_another_round(rounds):
                raise OtherRound(path=one.report.path)
            one.envelopes = one.source.envelopes(
                [rid for rid in one.source.revision_ids() if rid not in target_ids])
        except errors.XunchaError as e:
            one.refuse(e)
    return one


def _roster(conn, opened: list[_Opened]) -> trust.Roster:  # type: ignore[no-untyped-def]
    """The target's roster, with the enrolments the root signed in any source: those hold
    whoever carried them, so a member's file may come before the leader's that enrols it.
    A new target (a member joining) takes the root of the first source with a round."""
    roster = trust.Roster.of_connection(conn)
    for one in opened:
        if one.source is None or not one.envelopes:
            continue
        try:
            one.coverage = batches.Coverage(one.source.batches())
            if not roster.root:
                roster = trust.Roster.founded(one.source.kind_envelopes, one.coverage)
            else:
                roster.enrol(one.source.kind_envelopes, one.coverage)
        except errors.XunchaError as e:
            one.refuse(e)
    return roster


def _conflicted(session) -> set[str]:  # type: ignore[no-untyped-def]
    return set(session.scalars(select(Head.record_id).group_by(Head.record_id)
                               .having(func.count() > 1)))


def _merge_in(session, target: Path,  # type: ignore[no-untyped-def]
              first_read: tuple[set[str], str], opened: list[_Opened],
              progress: Callable[[str], None],
              dry_run: bool) -> tuple[MergeReport, Collection[str]]:
    """Take what each source brings, in order. ``first_read`` is the target's revision ids
    and digest as first read. Returns the report, its digest after still to be filled in,
    and the ids of every revision the target then holds."""
    conn = session.connection()
    known = {rid: (record, kind) for rid, record, kind in conn.exec_driver_sql(
        "SELECT id, record_id, kind FROM revision")}
    # Revisions only ever grow: the same count means the target is as it was first read.
    first_ids, first_digest = first_read
    digest_before = first_digest if len(first_ids) == len(known) else state_digest(known)
    records = {record for record, _ in known.values()}
    old_records = set(records)
    blobs = set(conn.exec_driver_sql("SELECT hash FROM blob").scalars())
    conflicts_before = _conflicted(session)
    taken: dict[str, Revision] = {}
    roster = _roster(conn, opened)
    with revlog.Appender(session) as appender:
        for one in opened:
            if one.envelopes:
                _take(appender, one, known, records, blobs, taken, roster)
    reports = [one.report for one in opened]
    touched = set().union(*(r.touched for r in reports))
    progress(tr("Refreshing"))
    revlog.refresh(session, touched, taken, complete=touched - old_records)
    new_conflicts = _conflicted(session) - conflicts_before
    for report in reports:
        report.new_conflicts = len(report.touched & new_conflicts)
    if taken:
        # Clock values are fixed-width, so the greatest string is the latest time.
        latest = hlc.Timestamp.parse(max(rev.hlc for rev in taken.values()))
        state = session.get(LocalState, "hlc")
        current = hlc.Timestamp.parse(state.value) if state else hlc.ZERO
        session.merge(LocalState(key="hlc", value=str(hlc.observe(current, latest))))
    session.flush()
    return MergeReport(target=target, dry_run=dry_run, sources=reports,
                       digest_before=digest_before, digest_after="", revisions_after=len(known),
                       conflicts=len(_conflicted(session))), known.keys()


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


def _take(appender: revlog.Appender, one: _Opened,
          known: dict[str, tuple[str, str]], records: set[str], blobs: set[str],
          taken: dict[str, Revision], roster: trust.Roster) -> None:
    assert one.source is not None and one.coverage is not None
    report, coverage = one.report, one.coverage
    if report.signed:
        try:
            roster.check_signer(report.device, report.certificate, report.author)
        except errors.XunchaError as e:
            report.unenrolled = isinstance(e, trust.DeviceNotEnrolled)
            one.refuse(e)
            return
    incoming = {rid: data for rid, data in one.envelopes.items() if rid not in known}
    one.envelopes = {}
    available = _SourceBlobs(blobs, one.source)
    forms = step_records.form_set()
    known_people: list[visibility.People] = []

    def target() -> Any:
        """The session, to read the target: after the batch moving in a thread is in."""
        appender.wait()
        return appender.session

    def people() -> visibility.People:  # as the target knows them, read once if needed
        if not known_people:
            known_people.append(restricted.people(target(), roster.root))
        return known_people[0]

    existing = set(records)  # what the target holds before this source
    unsealed: dict[str, bytes] = {}  # restricted files opened here, kept for this reader

    def file_of(digest: str) -> bytes | None:
        return available.fresh.get(digest) or revlog.get_blob(target(), digest)

    try:
        chosen = merge_rules.select(
            incoming, known, available,  # type: ignore[arg-type]
            latest_clock=_latest_clock(report),
            body_problem=lambda rev: (roster.problem(rev, coverage)
                                      or _anew(rev, existing)
                                      or _body_problem(target, rev, forms, people, roster.root,
                                                       file_of, unsealed)))
    except errors.XunchaError as e:  # a damaged blob page: nothing of this source is written
        one.refuse(e)
        return
    if chosen.rejected:  # a file is taken whole or not at all
        report.rejected = chosen.rejected
        one.refuse(RevisionsRefused(n=len(chosen.rejected)))
        return
    needed = {h for rev in chosen.accepted for h in rev.attachments if h in available.fresh}
    # The signatures travel on with the revisions they cover.
    appender.add(chosen.accepted, [available.fresh[h] for h in sorted(needed)]
                 + [unsealed[h] for h in sorted(unsealed)], coverage.rows())
    blobs.update(needed)
    for rev in chosen.accepted:
        known[rev.id] = (rev.record_id, rev.kind)
        taken[rev.id] = rev
        if rev.record_id not in records:
            records.add(rev.record_id)
            report.new_records += 1
        report.deletions += rev.deleted
        report.touched.add(rev.record_id)
    report.new_revisions = len(chosen.accepted)
    report.attachments = len(needed)


def _anew(rev: Revision, existing: set[str]) -> str:
    """A record is created once: a second first version would fork its history (and could
    make someone else its creator)."""
    if not rev.parents and rev.record_id in existing:
        return tr("revision {rid}: creates anew a record that exists already", rid=rev.id)
    return ""


def _body_problem(target: Callable[[], Any], rev: Revision, forms: Any,
                  people: Callable[[], visibility.People], root: str,
                  file_of: Callable[[str], bytes | None], unsealed: dict[str, bytes]) -> str:
    """Why a revision's body is refused: its kind and form, and its restricted part.
    ``target`` gives the session to read the target with (only some revisions need it);
    the restricted files this laptop may read are opened (``file_of`` gives a file's bytes)
    into ``unsealed``."""
    problem = restricted.problem(rev, forms) or restricted.key_problem(rev)
    if rev.deleted and not problem and restricted.deletion_refused(
            target(), rev.record_id, rev.author, people()):
        return tr("revision {rid}: deletes a record of another inspector", rid=rev.id)
    if problem or rev.deleted or visibility.SEALED not in rev.body:
        return problem or revision_bodies.problem(rev, forms)
    rule = visibility.rule(rev.kind, rev.body, forms)
    assert rule is not None  # restricted.problem refuses an encrypted part without one
    # What anyone reads of it first, then, where this laptop may, the whole of it.
    problem = revision_bodies.problem(rev, forms, revision_bodies.with_stand_ins(
        rev.kind, visibility.withheld(rev.body), rule, forms))
    session = target()
    problem = problem or restricted.reader_problem(session, rev, rule, root, people())
    if problem:
        return problem
    opened = revlog.opened(session, rev)
    if not opened.withheld:
        if visibility.split(rule, opened.body)[0] != visibility.withheld(rev.body):
            return tr("revision {rid}: its encrypted part holds more than its restricted "
                      "content", rid=rev.id)
        problem, files = restricted.files_problem(
            rev, opened.body, restricted.sealed_files(session, rev), rule, file_of)
        unsealed.update(files)
        return problem or revision_bodies.problem(rev, forms, opened.body)
    if restricted.encrypted_here(session, rev, root):
        return tr("revision {rid}: its restricted content is encrypted to this laptop but "
                  "does not open with its key", rid=rev.id)
    return ""


def _latest_clock(report: SourceReport) -> str:
    """The greatest clock value a source's revisions may carry (see CLOCK_SKEW_MS)."""
    now = time.time_ns() // 1_000_000
    base = min(now, report.signed_ms) if report.signed_ms is not None else now
    return str(hlc.Timestamp(min(base + CLOCK_SKEW_MS, 10**13 - 1), 99_999))


def check_manifest(source: exchange.Source, report: SourceReport, ids: list[str]) -> None:
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
    if not isinstance(body, dict) or not isinstance(body.get("counts"), dict) or not all(
            type(body.get(k)) is str for k in ("device", "author", "author_name", "created")):
        raise ManifestInvalid()
    if body.get("digest") != state_digest(ids) or \
            body.get("counts", {}).get("revisions") != len(ids):
        raise ManifestInvalid(tr("its revisions differ from the signed list"))
    try:
        created = dt.datetime.fromisoformat(body.get("created", ""))
    except (TypeError, ValueError):
        raise ManifestInvalid() from None
    if created.tzinfo is None:
        raise ManifestInvalid()
    report.device = body.get("device", "")
    report.author = body.get("author_name", "")
    report.signed = True
    report.signed_ms = int(created.timestamp() * 1000)
    report.certificate = signed.certificate  # checked against the roster by the merge


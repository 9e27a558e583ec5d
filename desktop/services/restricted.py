"""Restricted content on this laptop: encrypted to its readers' devices when written, decrypted
where this laptop is one of them when read (the policy is core.visibility's).

A record's readers are worked out from the round's roster as this laptop knows it: each reader
inspector's enrolled devices (the root's included) that published an encryption key in their
own device record, and always the writing device itself. A reader whose laptop was not yet
known when the record was written cannot read that version; the next version written by
anyone who can read it reaches them.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import forms, secrecy, visibility
from desktop.core.errors import XunchaError
from desktop.core.i18n import N_, tr
from desktop.core.revision import Revision, read_stored
from desktop.services import identity, trust
from desktop.store import database, revlog
from desktop.store.models import (
    Blob,
    DeviceRow,
    LocalIdentity,
    RevisionParent,
    RevisionRow,
)

_NO_IDENTITY = "restricted.no_identity"


class NotYours(XunchaError):
    message = N_("Only the inspector who created this record, or a team leader, can delete it")


class Withheld(XunchaError):
    message = N_("Part of this record is restricted to the people entitled to it, and you "
                 "are not one of them: you cannot change it")


def context(kind: str, record_id: str) -> str:
    """What an encrypted part is bound to: it opens on this record only."""
    return f"{kind}/{record_id}"


class Opener:
    """Decrypts restricted parts with the key of the laptop's own device (``Database.opener``)."""

    def __init__(self, passphrase: str) -> None:
        self.passphrase = passphrase
        self.device = ""
        self.key: Any = None  # X25519PrivateKey once the identity is known

    def __call__(self, session: Session, rev: Revision) -> dict[str, Any] | None:
        rule, secret = self._open(session, rev)
        if rule is None or secret is None:
            return None
        secret.pop(secrecy.FILES, None)
        return visibility.joined(rule, rev.body, secret)

    def files(self, session: Session, rev: Revision) -> dict[str, dict[str, str]] | None:
        """The keys of the files ``rev``'s restricted part seals ({} when it seals none);
        None when this laptop cannot open it, or they are malformed."""
        files = self._open(session, rev)[1]
        files = {} if files is None else files.get(secrecy.FILES, {})
        return None if secrecy.files_problem(files) else files

    def _open(self, session: Session, rev: Revision
              ) -> tuple[visibility.Rule | None, dict[str, Any] | None]:
        rule = visibility.rule(rev.kind, rev.body, forms_shipped())
        if rule is None or rev.deleted or visibility.SEALED not in rev.body \
                or not self.identity_known(session):
            return rule, None
        try:
            return rule, secrecy.decrypt(rev.body[visibility.SEALED], self.device, self.key,
                                         context(rev.kind, rev.record_id))
        except secrecy.SecrecyError:
            return rule, None

    def identity_known(self, session: Session) -> bool:
        if self.key is None and not session.info.get(_NO_IDENTITY):
            ident = session.scalars(select(LocalIdentity)).first()
            if ident is None:
                session.info[_NO_IDENTITY] = True  # a merged file: asked once per session
                return False
            signing = identity.load_private_key(ident.private_key_pem, self.passphrase)
            self.device, self.key = ident.device_id, identity.encryption_key(signing)
        return self.key is not None


def install(db: database.Database) -> None:
    """Let ``db``'s sessions decrypt what is restricted to this laptop."""
    if not isinstance(db.opener, Opener):
        db.opener = Opener(db.passphrase)


def forms_shipped() -> forms.FormSet:
    from desktop.services import step_records  # step_records writes through this module
    return step_records.form_set()


def people(session: Session, root: str) -> visibility.People:
    """The round's inspectors with the role and team that decide what they read: as the
    root (the leader's laptop) last set them, else as they were first written (the join the
    leader enrolled); a member's own later change of role is shown but opens nothing.

    Read from the log, not the inspector table: a merge into a new database builds its
    tables only at the end, and must judge each source by the sources before it."""
    out = {}
    for record_id in session.scalars(select(RevisionRow.record_id).where(
            RevisionRow.kind == "inspector").distinct()):
        history = revlog.history(session, record_id)  # in clock order
        if not history or history[-1].deleted:
            continue
        live = [r for r in history if not r.deleted]
        by_root = [r for r in live if r.device == root]
        first = by_root[-1] if by_root else next((r for r in live if not r.parents), None)
        role, team = (first.body.get("role"), first.body.get("team_id")) if first \
            else (None, None)
        out[record_id] = visibility.Viewer(record_id, role, team)
    return out


class Recipients:
    """The round as a writer encrypts to it: the readers' roles and their devices' keys, read
    at the first need and kept for the rest of a unit of work."""

    def __init__(self) -> None:
        self.people: visibility.People = {}
        self.devices: dict[str, tuple[str, bytes]] | None = None  # device → (inspector, key)

    def read(self, session: Session) -> Recipients:
        if self.devices is not None:
            return self
        roster = trust.Roster.of_connection(session.connection())
        self.people = people(session, roster.root)
        enrolled = {d: m.inspector_id for d, m in roster.members.items() if not m.revoked}
        self.devices = {}
        for row in session.scalars(select(DeviceRow).where(DeviceRow.id.in_(enrolled))):
            # Only a key the device published itself counts, never one written for it.
            writer = session.scalar(select(RevisionRow.device).where(RevisionRow.id == row.head))
            if writer == row.id and row.encryption_key and (raw := _raw(row.encryption_key)) \
                    and secrecy.usable(raw):
                self.devices[row.id] = (enrolled[row.id], raw)
        return self

    def of(self, inspectors: frozenset[str]) -> dict[str, bytes]:
        return {d: key for d, (who, key) in (self.devices or {}).items() if who in inspectors}


def protect(session: Session, kind: str, record_id: str, author: str, device: str,
            own_key: str, body: dict[str, Any], recipients: Recipients,
            random_bytes: Callable[[int], bytes], attachments: tuple[str, ...] = (),
            earlier: Revision | None = None) -> tuple[dict[str, Any], tuple[str, ...]]:
    """``body`` as it is stored, its restricted part encrypted to its readers' devices, and
    the revision's ``attachments`` as they travel: a file the restricted part attaches is
    sealed (``secrecy.seal_file``), its key kept in the encrypted part, and only the sealed
    file is attached. The sealed files of ``earlier`` (the version this one follows) are
    kept, so an edit does not copy them.

    ``own_key`` is the writing device's encryption key (base64): the writer always reads
    what it wrote.
    """
    rule = visibility.rule(kind, body, forms_shipped())
    if rule is None:
        return body, attachments
    public, secret = visibility.split(rule, body)
    if not secret:
        return public, attachments
    plain = visibility.files(rule, secret)
    files = _sealed(session, plain, sealed_files(session, earlier) if earlier else {},
                    random_bytes)
    recipients.read(session)
    made_by = creator(session, record_id) or author  # the author of a new record
    keys = recipients.of(visibility.readers(rule, body, made_by, recipients.people))
    keys[device] = _raw(own_key)
    content = {**secret, secrecy.FILES: files} if files else secret
    part = secrecy.encrypt(content, keys, context(kind, record_id), random_bytes)
    travelling = (set(attachments) - set(plain)) | {f["blob"] for f in files.values()}
    return {**public, visibility.SEALED: part}, tuple(sorted(travelling))


class AttachmentMissing(XunchaError):
    message = N_("An attached file is not in this database; attach it again")


def _sealed(session: Session, plain: list[str], earlier: dict[str, dict[str, str]] | None,
            random_bytes: Callable[[int], bytes]) -> dict[str, dict[str, str]]:
    out = {}
    for digest in plain:
        kept = (earlier or {}).get(digest)
        if kept is not None and _has_blob(session, kept["blob"]):
            out[digest] = kept
            continue
        data = revlog.get_blob(session, digest)
        if data is None:
            raise AttachmentMissing()
        sealed, key = secrecy.seal_file(data, digest, random_bytes)
        out[digest] = {"blob": revlog.put_blob(session, sealed), "key": key}
    return out


def _has_blob(session: Session, digest: str) -> bool:
    return session.scalar(select(Blob.hash).where(Blob.hash == digest)) is not None


def sealed_files(session: Session, rev: Revision) -> dict[str, dict[str, str]] | None:
    """The keys of the files ``rev`` seals, where this laptop opens it (else None);
    ``rev`` as stored, or as ``revlog.load`` opened it."""
    opener = session.info.get(database.OPENER)
    if not isinstance(opener, Opener):
        return None
    if visibility.SEALED not in rev.body and not rev.withheld and rev.id:
        envelope = session.scalar(select(RevisionRow.envelope).where(RevisionRow.id == rev.id))
        rev = read_stored(rev.id, envelope) if envelope is not None else rev
    return opener.files(session, rev)


def files_problem(rev: Revision, body: dict[str, Any], files: dict[str, dict[str, str]] | None,
                  rule: visibility.Rule, blob: Callable[[str], bytes | None]
                  ) -> tuple[str, dict[str, bytes]]:
    """Why the files of ``rev`` (from a merge, its restricted part opened into ``body``)
    are refused, or "" and the files it seals, opened, for this laptop to keep: each
    restricted file is sealed, attached only sealed, and opens to the file it names."""
    if files is None:
        return tr("revision {rid}: the keys of its sealed files are malformed",
                  rid=rev.id), {}
    plain = visibility.files(rule, visibility.split(rule, body)[1])
    if set(files) != set(plain) or set(plain) & set(rev.attachments) \
            or any(f["blob"] not in rev.attachments for f in files.values()):
        return tr("revision {rid}: a file of its restricted content is not sealed with it",
                  rid=rev.id), {}
    opened = {}
    for digest, entry in files.items():
        try:
            opened[digest] = secrecy.open_file(blob(entry["blob"]) or b"", entry["key"], digest)
        except secrecy.SecrecyError:
            return tr("revision {rid}: a sealed file does not open to the file it names",
                      rid=rev.id), {}
    return "", opened


def _raw(text: str) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return b""
    return raw if len(raw) == secrecy.KEY else b""


def creator(session: Session, record_id: str) -> str | None:
    """Who wrote a record's first version, as this database knows it (None: unknown)."""
    return session.scalar(select(RevisionRow.author).where(
        RevisionRow.record_id == record_id,
        ~RevisionRow.id.in_(select(RevisionParent.revision_id))).order_by(
        RevisionRow.hlc).limit(1))


def deletion_refused(session: Session, record_id: str, author: str,
                     known: visibility.People | None = None) -> bool:
    """Whether ``author`` may not delete the record (core.visibility.may_delete);
    ``known`` the round's people, when the caller has them already."""
    made_by = creator(session, record_id)
    if made_by is None:
        return False  # a record this database never saw loses nothing here
    if known is None:
        known = people(session, trust.Roster.of_connection(session.connection()).root)
    viewer = known.get(author) or visibility.Viewer(author, None, None)
    return not visibility.may_delete(viewer, made_by)


def refuse_deletion(session: Session, record_id: str, author: str) -> None:
    if deletion_refused(session, record_id, author):
        raise NotYours()


def refuse_withheld(rev: Revision) -> None:
    """A version whose restricted part this laptop cannot read is not built upon here."""
    if rev.withheld:
        raise Withheld()


def encrypted_here(session: Session, rev: Revision, root: str) -> bool:
    """Whether ``rev``'s restricted part names this laptop, the root, among its recipients.
    Elsewhere a part that does not open is only withheld: whoever passed it on may not have
    written it, and refusing it would stop that laptop's merges for good."""
    opener = session.info.get(database.OPENER)
    return isinstance(opener, Opener) and opener.identity_known(session) \
        and opener.device == root and root in rev.body[visibility.SEALED]["keys"]


def reader_problem(session: Session, rev: Revision, rule: visibility.Rule, root: str,
                   known: visibility.People) -> str:
    """Why ``rev`` (of a restricted record, from a merge) is refused for whom it is written
    by and to: only a reader of the version it changes changes it, and on the root (the
    leader's laptop, which every writer knows) a version the leader reads must be encrypted
    to the leader's device."""
    made_by = creator(session, rev.record_id)
    if rev.parents and made_by is not None:
        before = _last_live(session, rev.record_id)
        if before is not None and rev.author not in visibility.readers(
                rule_of(before) or rule, before.body, made_by, known):
            return tr("revision {rid}: changes a record whose restricted content is not for "
                      "its author", rid=rev.id)
    me = session.get(LocalIdentity, root)  # on the root's own laptop only
    if me is not None and not rev.deleted and visibility.SEALED in rev.body:
        readers = visibility.readers(rule, visibility.withheld(rev.body), made_by or rev.author,
                                     known)
        if me.inspector_id in readers and root not in rev.body[visibility.SEALED]["keys"]:
            return tr("revision {rid}: its restricted content is not encrypted to the team "
                      "leader", rid=rev.id)
    return ""


def rule_of(rev: Revision) -> visibility.Rule | None:
    return visibility.rule(rev.kind, rev.body, forms_shipped())


def _last_live(session: Session, record_id: str) -> Revision | None:
    live = [r for r in revlog.history(session, record_id) if not r.deleted]
    return live[-1] if live else None


def problem(rev: Revision, form_set: forms.FormSet) -> str:
    """Why the restricted part of ``rev`` (from a merge) is refused before it is even
    decrypted; "" when it is sound: restricted content is never in clear, an encrypted part
    only where a record has restricted content, and well formed."""
    if rev.deleted:
        return ""
    rule = visibility.rule(rev.kind, rev.body, form_set)
    part = rev.body.get(visibility.SEALED)
    if rule is None:
        return tr("revision {rid}: an encrypted part on a record that has none",
                  rid=rev.id) if part is not None else ""
    public = rev.body.get("values", {}) if rule.in_values else rev.body
    if isinstance(public, dict) and any(k in public for k in rule.keys):
        return tr("revision {rid}: restricted content written in clear", rid=rev.id)
    if part is None:
        return ""
    if secrecy.shape_problem(part):
        return tr("revision {rid}: its encrypted part is malformed", rid=rev.id)
    return ""


def key_problem(rev: Revision) -> str:
    """Why a device record's published encryption key is refused; "" when it is usable."""
    key = rev.body.get("encryption_key") if rev.kind == "device" and not rev.deleted else None
    if key is None:
        return ""
    raw = _raw(key) if isinstance(key, str) else b""
    if not raw or not secrecy.usable(raw):
        return tr("revision {rid}: publishes an encryption key that cannot be used", rid=rev.id)
    return ""

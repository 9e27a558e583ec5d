"""Who may write in a round: the enrolled devices, rooted in the device that founded it.

The device that wrote the round record first is the round's root: the leader's laptop. The
root enrols every other device with an ``enrolment`` revision naming the device's inspector
and certificate, and revokes a lost one the same way. A revision a merge takes must have been
written on an enrolled device that is not revoked, in the name of that device's inspector,
and be covered by a batch that device signed (``batches``). A member trusts the root it
joined from: the fingerprint shown at joining is the leader's to compare.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.core.revision import Revision, RevisionError, open_envelope
from desktop.services import batches, identity

# Rows (revision id, envelope bytes) of one kind, from a target or a source.
Envelopes = Callable[[str], Iterable[tuple[str, bytes]]]


class DeviceNotEnrolled(errors.XunchaError):
    message = N_("It was signed on a device the team leader has not enrolled in this round "
                 "({name}, certificate {fingerprint}). The leader enrols it after comparing "
                 "this fingerprint with the one that laptop shows, then merges again. Nothing "
                 "of this file was merged")


class DeviceRevoked(errors.XunchaError):
    message = N_("It was signed on a device whose enrolment the team leader revoked ({name}); "
                 "nothing of this file was merged")


@dataclass
class Member:
    inspector_id: str
    certificate: bytes  # PEM
    revoked: bool = False


@dataclass
class Roster:
    """The root device and every device it enrolled (the root included)."""

    root: str = ""
    members: dict[str, Member] = field(default_factory=dict)
    enrolments: dict[str, Revision] = field(default_factory=dict)  # the root's, by id

    @classmethod
    def founded(cls, envelopes: Envelopes,
                coverage: batches.Coverage | None = None) -> Roster:
        """The roster a log holds. ``coverage`` None: a target's own log, already checked;
        otherwise a source's, whose enrolments count only when the root signed them."""
        created = [r for r in parsed(envelopes("round")) if not r.parents]
        if not created:
            return cls()
        first = min(created, key=lambda r: (r.hlc, r.id))
        own = [r for r in parsed(envelopes("device")) if r.record_id == first.device
               and r.device == first.device and not r.deleted
               and r.body.get("inspector_id") == first.author]
        if not own:
            return cls()
        certificate = str(min(own, key=lambda r: (r.hlc, r.id)).body.get("certificate", ""))
        roster = cls(first.device, {first.device: Member(first.author, certificate.encode())})
        roster.enrol(envelopes, coverage)
        return roster

    @classmethod
    def of_connection(cls, conn: Any) -> Roster:
        """The roster of a database's own log (a SQLAlchemy connection to it)."""
        return cls.founded(lambda kind: conn.exec_driver_sql(
            "SELECT id, envelope FROM revision WHERE kind = ?", (kind,)))

    def enrol(self, envelopes: Envelopes, coverage: batches.Coverage | None) -> None:
        """Take the enrolments and revocations the root wrote (and, in a source, signed).

        All those known so far are applied again in clock order, wherever each came from: a
        file still carrying a device's first enrolment never undoes a later one.
        """
        if not self.root:
            return
        root = self.members[self.root]
        signed = coverage.of(self.root, root.certificate) if coverage is not None else None
        for rev in parsed(envelopes("enrolment")):
            if rev.device == self.root and rev.author == root.inspector_id and not rev.deleted \
                    and type(rev.body.get("device_id")) is str \
                    and rev.body["device_id"] != self.root \
                    and (signed is None or rev.id in signed):
                self.enrolments[rev.id] = rev
        self.members = {self.root: root}
        for rev in sorted(self.enrolments.values(), key=lambda r: (r.hlc, r.id)):
            device = rev.body["device_id"]
            known = self.members.get(device)
            if rev.body.get("status") == "revoked":
                self.members[device] = Member(known.inspector_id if known else "",
                                              known.certificate if known else b"", True)
            elif known is None or not known.revoked:
                self.members[device] = Member(str(rev.body.get("inspector_id", "")),
                                              str(rev.body.get("certificate", "")).encode())

    def problem(self, rev: Revision, coverage: batches.Coverage) -> str:
        """Why ``rev`` may not be taken from a source with ``coverage``; "" when it may."""
        if rev.kind == "round" and not rev.parents and rev.device != self.root:
            # The root is the device that founded the round: nobody founds it again.
            return tr("revision {rid}: founds the round anew on another device", rid=rev.id)
        member = self.members.get(rev.device)
        if member is None:
            return tr("revision {rid}: written on a device not enrolled in this round",
                      rid=rev.id)
        if member.revoked:
            return tr("revision {rid}: written on a device whose enrolment was revoked",
                      rid=rev.id)
        if rev.author != member.inspector_id:
            return tr("revision {rid}: written in the name of another inspector than the one "
                      "its device is enrolled for", rid=rev.id)
        if rev.id not in coverage.of(rev.device, member.certificate):
            return tr("revision {rid}: not signed by the device that wrote it", rid=rev.id)
        if rev.kind == "device" and rev.record_id != rev.device:
            # A device publishes its own certificate and encryption key, nobody else's.
            return tr("revision {rid}: the record of another device", rid=rev.id)
        return ""

    def check_signer(self, device: str, certificate: bytes, name: str) -> None:
        """Raise unless an exchange file's manifest was signed by an enrolled device."""
        member = self.members.get(device)
        fingerprint = identity.certificate_fingerprint(certificate)
        if member is not None and member.revoked:
            raise DeviceRevoked(name=name)
        try:
            enrolled = identity.certificate_fingerprint(member.certificate) if member else ""
        except ValueError:  # an enrolment whose certificate does not parse vouches for none
            enrolled = ""
        if enrolled != fingerprint:
            raise DeviceNotEnrolled(name=name, fingerprint=grouped(fingerprint))


def grouped(fingerprint: str) -> str:
    """A fingerprint as people compare it aloud: groups of four, the first 32 characters."""
    head = fingerprint[:32].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def parsed(rows: Iterable[tuple[str, bytes]]) -> list[Revision]:
    """The rows' revisions that verify, the others left out."""
    out = []
    for rid, data in rows:
        try:
            out.append(open_envelope(rid, data))
        except RevisionError:
            continue  # a damaged one names nobody; the merge refuses it on its own
    return out

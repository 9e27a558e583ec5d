"""Enrolling team members' laptops in the round, and revoking a lost one.

Only the root device (the leader's laptop that founded the round) enrols. The leader reads
who a device is from the first exchange file it signed, compares the fingerprint with the
one that laptop shows (`xuncha devices`), and enrols it: an ``enrolment`` revision that then
travels in every file of the round.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.core import canonical, errors, kinds
from desktop.core.i18n import N_, tr
from desktop.services import identity, merge, trust
from desktop.services.workspace import Changes, UnitOfWork, Workspace
from desktop.store import exchange
from desktop.store.models import DeviceRow, EnrolmentRow, InspectorRow, LocalIdentity


class NotRoot(errors.XunchaError):
    message = N_("Only the laptop that founded the round (the team leader's) enrols or "
                 "revokes devices")


class FingerprintMismatch(errors.XunchaError):
    message = N_("The fingerprint you typed ({typed}) is not that of the device that signed "
                 "this file ({fingerprint}); nothing was enrolled")


class CannotEnrol(errors.XunchaError):
    message = N_("This device cannot be enrolled: {reason}")


@dataclass(frozen=True)
class Candidate:
    """A device as the exchange file it signed presents it."""

    device_id: str
    inspector_id: str
    name: str
    certificate: bytes
    fingerprint: str  # SHA-256 of the certificate, hex


@dataclass(frozen=True)
class Device:
    device_id: str
    inspector_id: str
    name: str
    fingerprint: str
    status: str  # "root", "enrolled", "revoked" or "" (known from its own record only)
    this_laptop: bool


def candidate(exchange_file: Path, exchange_passphrase: str,
              ws: Workspace | None = None) -> Candidate:
    """Who signed ``exchange_file``: the manifest's signer and its device record, which
    must name the same inspector. With ``ws`` the name shown is the one on its roster."""
    with exchange.open_source(Path(exchange_file), [exchange_passphrase]) as source:
        signed = source.manifest()
        report = merge.SourceReport(path=Path(exchange_file))
        merge.check_manifest(source, report, source.revision_ids())
        assert signed is not None  # check_manifest refuses a file without one
        author = canonical.parse(signed.manifest)["author"]
        fingerprint = identity.certificate_fingerprint(signed.certificate)
        named = {str(rev.body.get("inspector_id", ""))
                 for rev in trust.parsed(source.kind_envelopes("device"))
                 if rev.record_id == report.device and rev.device == report.device
                 and _fingerprint(rev.body.get("certificate")) == fingerprint}
        # The role the member gave themselves on joining, if the roster did not know them:
        # it decides what they read (services.restricted.people), so the leader sees it.
        claimed = [rev for rev in trust.parsed(source.kind_envelopes("inspector"))
                   if rev.record_id == author and not rev.parents]
        role = str(min(claimed, key=lambda r: r.hlc).body.get("role", "")) if claimed else ""
    if not named:
        raise CannotEnrol(reason=tr("the file holds no record of the device that signed it"))
    if named != {author}:
        raise CannotEnrol(reason=tr("its device record names another inspector than the file"))
    name = report.author
    if ws is not None:
        with ws.read() as s:
            row = s.get(InspectorRow, author)
            name, role = (row.name, row.role) if row else (name, role)
    if role in kinds.ROLE_LABELS:
        name = tr("{name} ({role})", name=name, role=tr(kinds.ROLE_LABELS[role]))
    return Candidate(report.device, author, name, signed.certificate, fingerprint)


def enrol(ws: Workspace, who: Candidate, typed_fingerprint: str) -> Changes:
    """Enrol ``who`` once the leader typed (a prefix of at least 8 characters of) its
    fingerprint as the member's laptop shows it."""
    typed = "".join(typed_fingerprint.split()).lower()
    if len(typed) < 8 or not who.fingerprint.startswith(typed):
        raise FingerprintMismatch(typed=typed_fingerprint.strip(),
                                  fingerprint=trust.grouped(who.fingerprint))
    return enrol_device(ws, who.device_id, who.inspector_id, who.certificate)


def enrol_device(ws: Workspace, device_id: str, inspector_id: str,
                 certificate_pem: bytes) -> Changes:
    """Enrol a device whose certificate the leader already holds (checked or made here)."""
    with ws.unit_of_work() as uow:
        roster = trust.Roster.of_connection(uow.session.connection())
        if roster.root != uow.actor.device_id:
            raise NotRoot()
        if inspector_id == uow.actor.inspector_id:
            raise CannotEnrol(reason=tr("it claims to be the team leader's own laptop"))
        known = roster.members.get(device_id)
        if known is not None:  # a device is enrolled once: never re-keyed or given back
            raise CannotEnrol(reason=tr("it was revoked") if known.revoked else
                              tr("it is enrolled already"))
        fingerprint = _fingerprint(certificate_pem.decode("ascii"))
        if any(_fingerprint(m.certificate.decode()) == fingerprint
               for m in roster.members.values()):
            raise CannotEnrol(reason=tr("its key is enrolled for another laptop"))
        uow.write("enrolment", _record_of(uow, device_id), {
            "device_id": device_id, "inspector_id": inspector_id,
            "certificate": certificate_pem.decode("ascii"), "status": "enrolled"})
        return uow.changes


def revoke(ws: Workspace, device_id: str) -> Changes:
    """Revoke a device for good (a lost or replaced laptop): nothing new from it merges."""
    with ws.unit_of_work() as uow:
        roster = trust.Roster.of_connection(uow.session.connection())
        if roster.root != uow.actor.device_id:
            raise NotRoot()
        member = roster.members.get(device_id)
        if member is None or device_id == roster.root:
            raise errors.RecordMissing(record_id=device_id)
        uow.write("enrolment", _record_of(uow, device_id), {
            "device_id": device_id, "inspector_id": member.inspector_id,
            "certificate": member.certificate.decode(), "status": "revoked"})
        return uow.changes


def devices(ws: Workspace) -> list[Device]:
    """Every device the round knows, enrolled or not, this laptop's marked."""
    with ws.read() as s:
        roster = trust.Roster.of_connection(s.connection())
        names = {i.id: i.name for i in s.query(InspectorRow)}
        mine = {i.device_id for i in s.query(LocalIdentity)}
        own = {row.id: row for row in s.query(DeviceRow).order_by(DeviceRow.hlc)}
        out = []
        for device_id in [*own, *(d for d in roster.members if d not in own)]:
            member, row = roster.members.get(device_id), own.get(device_id)
            status = ("root" if device_id == roster.root else "" if member is None
                      else "revoked" if member.revoked else "enrolled")
            inspector = member.inspector_id if member else row.inspector_id  # type: ignore[union-attr]
            pem = member.certificate if member else row.certificate  # type: ignore[union-attr]
            out.append(Device(device_id, inspector, names.get(inspector, ""),
                              _fingerprint(pem if isinstance(pem, str) else pem.decode()),
                              status, device_id in mine))
    return out


def _record_of(uow: UnitOfWork, device_id: str) -> str | None:
    """The enrolment record of a device, None when it has none yet."""
    return uow.session.scalar(select(EnrolmentRow.id).where(
        EnrolmentRow.device_id == device_id).order_by(EnrolmentRow.hlc).limit(1))


def _fingerprint(pem: object) -> str:
    try:
        return identity.certificate_fingerprint(str(pem).encode())
    except ValueError:
        return ""


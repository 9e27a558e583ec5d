"""Handover packets (移交材料): gather what the packet holds from the store, sign, check.

``gather`` reads the read models the packet is made of against one state digest (read first
and checked again at the end; a write in between refuses the packet): the round, the team,
the chosen villages with their towns and districts, their democratic-evaluation sessions
(with the ballots), the documents' registers (``handover_documents``: clues chosen by the
request's rule, findings, interview records, measures, report figures), the attachments of
those records, and the head revisions of every record used. Gathering only reads: it never
registers a clue as handed over. ``make_packet`` signs the packet with the inspector's own
device key (unlocked by the database passphrase) or a PKCS#12 file, and writes a new file;
``check_signer`` first refuses an empty packet, a maker who is not the team leader, and a key
that is not the 移交人's;
``make_posting`` writes the public posting (unsigned, nothing attached). ``verify_file``
checks a packet; its verdict keeps a damaged packet apart from an intact one whose signer does
not lead to one of the given trust anchors (``verify.Verdict``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.core.kinds import ROLE_LABELS
from desktop.packet import handover_model, layout, letter_pdf, posting_pdf, verify
from desktop.packet.document_model import FileRef, Posting
from desktop.packet.documents import packet_documents
from desktop.packet.handover import BuiltPacket, NotTheIssuersKey, build_packet
from desktop.packet.handover_model import (
    EvaluationResults,
    Evidence,
    Member,
    PacketContent,
    Place,
    RecordRef,
    RosterSummary,
    evidence_name,
    sniff,
)
from desktop.packet.signing import SigningIdentity
from desktop.services import evaluation, handover_documents
from desktop.services.handover_documents import Chosen
from desktop.services.identity import certificate_fingerprint
from desktop.services.workspace import Workspace, open_workspace
from desktop.store import revlog
from desktop.store.models import (
    MATERIALISED,
    BallotRow,
    DeviceRow,
    DistrictRow,
    EnrolmentRow,
    EvaluationRow,
    Head,
    InspectorRow,
    LocalIdentity,
    RevisionAttachment,
    RoundRow,
    TeamRow,
    TownRow,
    VillageRow,
)


class VillageUnknown(errors.XunchaError):
    message = N_("No village called {name} (give its name or id)")


class VillageAmbiguous(errors.XunchaError):
    message = N_("More than one village is called {name}: give its id ({ids})")


HANDOVER_ROLES = ("leader",)  # DOMAIN.md: the team leader hands clues over to the 纪委监委


class NothingChosen(errors.XunchaError):
    message = N_("The packet would cover no village (this database holds none, or none was "
                 "chosen); a packet is made from the database the villages are in")


class MayNotHandOver(errors.XunchaError):
    message = N_("{name} is the team's {role}: only the team leader hands a packet over; make "
                 "it from the leader's database")


class KeyNotKnown(errors.XunchaError):
    message = N_("The signing key names {name} but is self-signed and is none of {name}'s "
                 "laptops in this round: sign with this laptop's own key or a certificate an "
                 "organisation issued to {name}; nothing was signed")


class DataChanged(errors.XunchaError):
    message = N_("The data changed while the packet was being made; make it again")


@dataclass(frozen=True)
class Request:
    villages: tuple[str, ...] = ()  # names or ids; none: every village of the round
    receiver: str = ""
    number: str | None = None  # default: made from the date, the digest and the choice
    issued_on: dt.date | None = None
    clues: str = "new"  # document_model.CLUE_RULES (see services.handover_documents)
    classification: str = "secret"  # handover_model.CLASSIFICATIONS
    copy: int = 1  # 份号
    drafts: bool = False  # unfinished material in a 未定稿附件 (else it stays out)


def gather(ws: Workspace, request: Request) -> PacketContent:
    """The packet's content as of now (raises DataChanged if a write slips in between)."""
    issued_on = request.issued_on or dt.date.today()
    with ws.read() as s:
        digest = revlog.digest(s)
        villages = _choose(s, request.villages)
        parts = _roster(s, ws, villages)
        sessions = list(s.scalars(select(EvaluationRow.id).where(
            EvaluationRow.village_id.in_([v.id for v in villages])).order_by(
            EvaluationRow.held_on, EvaluationRow.id)))
        ballots = list(s.scalars(select(BallotRow.id).where(
            BallotRow.evaluation_id.in_(sessions)))) if sessions else []
    chosen: list[Chosen] = parts["chosen"]
    reads = handover_documents.read(ws, [c.village_id for c in chosen],
                                    sorted({c.town_id for c in chosen}), request.clues,
                                    issued_on, request.drafts)
    with ws.read() as s:
        shown = parts["ids"] + sessions + ballots + reads.record_ids()
        refs = _records(s, shown + reads.sealed_ids() + reads.linked_ids())
        wanted = set(shown)
        evidence = _evidence(s, tuple(r for r in refs if r.id in wanted),
                             {**reads.described(), **{v.id: v.name for v in villages}})
    results = tuple(_results(ws, sid) for sid in sessions)
    final = tuple(r for r in results if r.final)
    provisional = tuple(r for r in results if not r.final)
    with ws.read() as s:
        if revlog.digest(s) != digest:
            raise DataChanged()
    number = request.number or _number(issued_on, digest, [r.id for r in refs],
                                       request.receiver)
    files = {e.sha256: FileRef(e.sha256, e.name, e.size) for e in evidence}
    dossier = handover_documents.dossier(
        reads, round_name=parts["roster"].round_name, team=parts["team"],
        receiver=request.receiver.strip(), issued_on=issued_on, places=chosen, files=files)
    return PacketContent(
        number=number, issued_on=issued_on, team=parts["team"], issuer=parts["issuer"],
        issuer_role=parts["role"], receiver=request.receiver.strip(), digest=digest,
        roster=parts["roster"], evaluations=final,
        documents=packet_documents(dossier, provisional),
        evidence=evidence, records=refs, clues=dossier.clues,
        clue_selection=dossier.selection, classification=request.classification,
        copy=request.copy, drafts=request.drafts,
        unfinished=(reads.unsigned, len(provisional)))


def gather_posting(ws: Workspace, request: Request) -> Posting:
    """The public posting of the chosen villages (what a notice board may show)."""
    issued_on = request.issued_on or dt.date.today()
    with ws.read() as s:
        villages = _choose(s, request.villages)
        parts = _roster(s, ws, villages)
    chosen: list[Chosen] = parts["chosen"]
    reads = handover_documents.read(ws, [c.village_id for c in chosen],
                                    sorted({c.town_id for c in chosen}), "none", issued_on)
    return handover_documents.posting(ws, reads, round_name=parts["roster"].round_name,
                                      team=parts["team"], issued_on=issued_on, places=chosen)


def _choose(s: Session, wanted: Sequence[str]) -> list[VillageRow]:
    rows = list(s.scalars(select(VillageRow).order_by(VillageRow.name, VillageRow.id)))
    if not wanted:
        return rows
    chosen: dict[str, VillageRow] = {}
    for name in wanted:
        found = [v for v in rows if v.id == name.strip()] or \
            [v for v in rows if v.name == name.strip()]
        if not found:
            raise VillageUnknown(name=name)
        if len(found) > 1:
            raise VillageAmbiguous(name=name, ids=", ".join(v.id for v in found))
        chosen[found[0].id] = found[0]
    return list(chosen.values())


def _roster(s: Session, ws: Workspace, villages: list[VillageRow]) -> dict:
    round_ = s.scalars(select(RoundRow).order_by(RoundRow.hlc)).first()
    me = s.get(InspectorRow, ws.actor.inspector_id) if ws.actor else None
    team = s.get(TeamRow, me.team_id) if me else s.scalars(
        select(TeamRow).order_by(TeamRow.hlc)).first()
    members = list(s.scalars(select(InspectorRow).where(
        InspectorRow.team_id == team.id).order_by(InspectorRow.hlc))) if team else []
    towns = {t.id: t for t in s.scalars(select(TownRow))}
    districts = {d.id: d for d in s.scalars(select(DistrictRow))}
    places, used, chosen = [], set[str](), []
    for v in villages:
        town = towns.get(v.town_id)
        district = districts.get(town.district_id) if town else None
        places.append(Place(district.name if district else "", town.name if town else "",
                            v.name))
        chosen.append(Chosen(places[-1].district, places[-1].town, v.name, v.id, v.town_id))
        used.update(x.id for x in (town, district) if x is not None)
    order = {"leader": 0, "deputy": 1, "liaison": 2, "member": 3}
    members.sort(key=lambda m: order.get(m.role, 9))
    roster = RosterSummary(
        round_name=round_.name if round_ else "", year=round_.year if round_ else 0,
        team=team.name if team else "", members=tuple(Member(m.name, m.role) for m in members),
        districts=len(districts), towns=len(towns),
        villages=s.scalar(select(func.count()).select_from(VillageRow)) or 0,
        chosen=tuple(places))
    ids = [x.id for x in (round_, team) if x is not None] + [m.id for m in members] \
        + sorted(used) + [v.id for v in villages]
    return {"roster": roster, "team": roster.team, "issuer": me.name if me else "",
            "role": me.role if me else "", "ids": ids, "chosen": chosen}


def _records(s: Session, ids: list[str]) -> tuple[RecordRef, ...]:
    wanted = set(ids)
    heads: dict[str, list[str]] = {}
    for record_id, revision_id in s.execute(select(Head.record_id, Head.revision_id)):
        if record_id in wanted:
            heads.setdefault(record_id, []).append(revision_id)
    kinds: dict[str, str] = {}
    for kind, model in MATERIALISED.items():
        kinds.update((i, kind) for i in s.scalars(select(model.id)) if i in wanted)
    return tuple(RecordRef(i, kinds.get(i, ""), tuple(sorted(heads.get(i, ()))))
                 for i in dict.fromkeys(ids))


def _evidence(s: Session, refs: tuple[RecordRef, ...],
              names: dict[str, str]) -> tuple[Evidence, ...]:
    """The attachments of the head revisions of the packet's records, each once."""
    owner = {rev: ref.id for ref in refs for rev in ref.revisions}
    by_blob: dict[str, list[str]] = {}
    for revision_id, blob in s.execute(select(RevisionAttachment.revision_id,
                                              RevisionAttachment.blob_hash)):
        if revision_id in owner:
            by_blob.setdefault(blob, []).append(owner[revision_id])
    out = []
    for n, (blob, records) in enumerate(sorted(by_blob.items()), 1):
        data = revlog.get_blob(s, blob)
        if data is None:  # a merge never takes a revision without its blobs; be safe
            raise errors.IntegrityFailure(tr("attachment {blob} is missing", blob=blob))
        owners = list(dict.fromkeys(names.get(r, r[:8]) for r in records))
        described = "、".join(owners[:3]) + (tr(" and {n} more", n=len(owners) - 3)
                                            if len(owners) > 3 else "")
        out.append(Evidence(evidence_name(n, data), sniff(data)[0], data,
                            tuple(dict.fromkeys(records)), described))
    return tuple(out)


def _results(ws: Workspace, session_id: str) -> EvaluationResults:
    session = evaluation.load(ws, session_id)
    counted = session.count()
    problem = "" if counted is not None else tr(
        "serials keyed twice: {serials}", serials=", ".join(session.duplicates))
    return EvaluationResults(session.village, session.questionnaire, counted,
                             evaluation.header(session), problem)


def _number(day: dt.date, digest: str, ids: list[str], receiver: str) -> str:
    """XC-20260531-1A2B3C: the date and a hash of what the packet holds and for whom."""
    seed = "\n".join([day.isoformat(), digest, receiver, *ids]).encode("utf-8")
    return f"XC-{day:%Y%m%d}-{hashlib.sha256(seed).hexdigest()[:6].upper()}"


def device_identity(ws: Workspace, passphrase: str) -> SigningIdentity:
    """This laptop's signing key, unlocked with the database passphrase."""
    with ws.read() as s:
        ident = s.scalars(select(LocalIdentity)).first()
    if ident is None:
        raise errors.NoIdentity(path=ws.path)
    return SigningIdentity.from_pem(ident.private_key_pem, ident.certificate_pem, passphrase,
                                    what=tr("this laptop's own key"))


def pkcs12_identity(path: Path, password: str | None) -> SigningIdentity:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise errors.FileMissing(path=path) from None
    return SigningIdentity.from_pkcs12(data, password, what=str(path))


def check_signer(ws: Workspace, content: PacketContent, identity: SigningIdentity) -> None:
    """Refuse a packet of no village, one not made by the team leader, or one signed with a
    key that is not the 移交人's: a laptop of theirs in the round, or a certificate an
    organisation issued in their name (whose issuer ``verify --trust`` then checks)."""
    if not content.roster.chosen:
        raise NothingChosen()
    if content.issuer_role not in HANDOVER_ROLES:
        raise MayNotHandOver(name=content.issuer or "—",
                             role=tr(ROLE_LABELS.get(content.issuer_role, content.issuer_role))
                             or "—")
    if identity.name.strip() != content.issuer.strip():
        raise NotTheIssuersKey(holder=identity.name or "—", issuer=content.issuer)
    if identity.issued_by:
        return
    me = ws.actor.inspector_id if ws.actor else ""
    with ws.read() as s:
        known = [pem.decode("ascii") for pem in s.scalars(select(
            LocalIdentity.certificate_pem).where(LocalIdentity.inspector_id == me))]
        known += s.scalars(select(DeviceRow.certificate).where(DeviceRow.inspector_id == me))
        known += s.scalars(select(EnrolmentRow.certificate).where(
            EnrolmentRow.inspector_id == me, EnrolmentRow.status == "enrolled"))
    if identity.fingerprint not in {certificate_fingerprint(c.encode("ascii")) for c in known}:
        raise KeyNotKnown(name=content.issuer)


def make_packet(db: Path, passphrase: str, out: Path | None, request: Request, *,
                key: Path | None = None, key_password: str | None = None,
                font: str | None = None, progress: Callable[[str], None] = lambda _m: None,
                cancelled: Callable[[], bool] = lambda: False
                ) -> tuple[PacketContent, BuiltPacket]:
    """Build and sign a packet from the database ``db`` into the new file ``out``.

    ``progress`` hears each step; ``cancelled`` is asked between steps, and a cancelled
    packet leaves nothing behind (the file is written last, in one go). With ``out`` None
    nothing is written: the signed bytes are returned to be looked at, then ``save_packet``.
    """
    if out is not None:
        layout.ensure_new(Path(out))
    identity = pkcs12_identity(key, key_password) if key else None
    progress(tr("Reading the data…"))
    ws = open_workspace(Path(db), passphrase)
    try:
        identity = identity or device_identity(ws, passphrase)
        content = gather(ws, request)
        check_signer(ws, content, identity)
    finally:
        ws.close()
    if cancelled():
        raise Cancelled()
    progress(tr("Laying out and signing {n} villages…", n=len(content.roster.chosen)))
    built = build_packet(content, identity, font=font)
    if cancelled():
        raise Cancelled()
    if out is not None:
        layout.write_new(Path(out), built.pdf)
    return content, built


def save_packet(out: Path, built: BuiltPacket) -> None:
    """Write a packet that was looked at before saving (an existing file is refused)."""
    layout.ensure_new(Path(out))
    layout.write_new(Path(out), built.pdf)


def make_posting(db: Path, passphrase: str, out: Path, request: Request, *,
                 font: str | None = None) -> tuple[Posting, int]:
    """Write the public posting (张榜公布) of the chosen villages into the new file ``out``:
    unsigned, nothing attached. Returns it and its page count."""
    out = Path(out)
    layout.ensure_new(out)
    ws = open_workspace(Path(db), passphrase)
    try:
        posting = gather_posting(ws, request)
    finally:
        ws.close()
    return posting, posting_pdf.write_posting(out, posting, font=font)


class Cancelled(errors.XunchaError):
    message = N_("Cancelled; nothing was written")


Verdict = verify.Verdict  # for the screens, which do not import desktop.packet
CLASSIFICATIONS = handover_model.CLASSIFICATIONS
rule_text = letter_pdf.rule_text


def verify_file(path: Path, trust: Sequence[Path] = ()) -> verify.Verification:
    """Check the packet at ``path`` against the certificates in ``trust`` (PEM or DER).

    With no ``trust`` the verdict is at best ``UNTRUSTED``: the signatures may be intact, but
    nothing says who made the key.
    """
    anchors = []
    for cert in trust:
        try:
            anchors += verify.load_trust(Path(cert).read_bytes())
        except OSError:
            raise errors.FileMissing(path=cert) from None
        except ValueError:
            raise CertificateUnreadable(path=cert) from None
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise errors.FileMissing(path=path) from None
    return verify.verify_packet(data, anchors)


class CertificateUnreadable(errors.XunchaError):
    message = N_("Not a certificate (PEM or DER): {path}")

"""The round roster as the root of trust: a member's laptop joins, the leader enrols it after
comparing fingerprints, and only then does its work merge. An insider who knows every
passphrase of the round cannot put an edit in the leader's name: not with a new key, not
with the leader's device id, not as a plain database, not by stripping or altering the
signed batches, and not from a revoked laptop. Each is refused whole, the leader's bytes
untouched.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import PASSPHRASE, make_tree
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from test_merge_bad_input import files as _files
from test_merge_bad_input import raw

from desktop.core import canonical, errors, hlc
from desktop.core.i18n import tr
from desktop.services import batches, enrolment, identity, joining, merge, roster, trust
from desktop.services.workspace import Actor, open_workspace
from desktop.store import database
from desktop.store.models import BatchRow, InspectorRow, LocalIdentity, RevisionRow, TeamRow

EXCHANGE = "交换口令 2026 第二组"
MEMBER = "member passphrase 𠮷"


@pytest.fixture
def team(workspace, tmp_path: Path) -> SimpleNamespace:
    """The leader's round, a member 欧阳䶮 who joined from the leader's file and added a
    village, and the member's exchange file (not yet enrolled)."""
    ids = make_tree(workspace)
    with workspace.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    roster.add_inspector(workspace, "欧阳䶮", "member", team_id)
    merge.export(workspace, PASSPHRASE, leader_xch := tmp_path / "leader.xch", EXCHANGE)
    member, _ = joining.join_round(tmp_path / "member.db", MEMBER, leader_xch, EXCHANGE,
                                   "欧阳䶮")
    roster.add_village(member, "𠮷家村", ids["town"])
    merge.export(member, MEMBER, member_xch := tmp_path / "member.xch", EXCHANGE)
    with member.read() as s:
        ident = s.scalars(select(LocalIdentity)).one()
    return SimpleNamespace(leader=workspace, member=member, ids=ids, dir=tmp_path,
                           member_xch=member_xch, certificate=ident.certificate_pem,
                           fingerprint=identity.certificate_fingerprint(ident.certificate_pem))


def files(folder: Path) -> dict[str, bytes]:
    """The folder's bytes, but for SQLite's shared-memory index of an open database."""
    return {name: data for name, data in _files(folder).items() if not name.endswith("-shm")}


def _merge(team: SimpleNamespace, *sources: Path) -> merge.MergeReport:
    return merge.merge(team.leader.path, PASSPHRASE, list(sources), exchange_passphrase=EXCHANGE)


def _enrol(team: SimpleNamespace) -> None:
    who = enrolment.candidate(team.member_xch, EXCHANGE)
    enrolment.enrol(team.leader, who, team.fingerprint[:8])


def _export(ws, passphrase: str, out: Path) -> Path:  # type: ignore[no-untyped-def]
    merge.export(ws, passphrase, out, EXCHANGE)
    return out


def test_a_members_file_waits_for_enrolment_then_merges_and_travels_back(team):
    before = files(team.dir)
    report = _merge(team, team.member_xch)
    src = report.sources[0]
    assert src.error == str(trust.DeviceNotEnrolled(
        name="欧阳䶮", fingerprint=trust.grouped(team.fingerprint)))
    assert report.nothing_new and files(team.dir) == before  # no backup, no byte changed
    who = enrolment.candidate(team.member_xch, EXCHANGE)
    assert (who.name, who.fingerprint) == ("欧阳䶮（组员）", team.fingerprint)  # and the role
    with pytest.raises(enrolment.FingerprintMismatch):
        enrolment.enrol(team.leader, who, "0000 0000")
    with pytest.raises(enrolment.FingerprintMismatch):
        enrolment.enrol(team.leader, who, team.fingerprint[:6])  # too short to mean anything
    enrolment.enrol(team.leader, who, trust.grouped(team.fingerprint).lower())
    report = _merge(team, team.member_xch)
    assert report.sources[0].error == "" and report.sources[0].new_records == 2  # device, village
    listed = {d.name: d.status for d in enrolment.devices(team.leader)}
    assert listed["欧阳䶮"] == "enrolled" and "root" in listed.values()
    # The leader's file now carries the enrolment and the member's signed revisions.
    back = merge.merge(team.member.path, MEMBER, [_export(team.leader, PASSPHRASE,
                                                          team.dir / "leader2.xch")],
                       exchange_passphrase=EXCHANGE)
    assert back.sources[0].error == "" and back.sources[0].new_revisions >= 1
    fresh = merge.merge(team.dir / "office.db", PASSPHRASE, [team.dir / "leader2.xch"],
                        exchange_passphrase=EXCHANGE)
    assert fresh.sources[0].error == "" and fresh.digest_after == _merge(team).digest_after


def _forger(team: SimpleNamespace, *, device: str | None) -> None:
    """On the member's laptop, become the leader: a new key and a device record in the
    leader's name (``device`` None: a new device id; else that id), then edit the leader's
    village."""
    ws = team.member
    leader = team.leader.actor
    ws.actor = Actor(leader.inspector_id, device or "01900000-0000-7000-8000-00000000f0f0")
    with ws.unit_of_work() as uow:
        roster.register_device(uow, identity.new_key_material("王堃", "第二巡察组", MEMBER))
    roster.rename(ws, team.ids["village"], "被改名的村")


def _as_plain_database(exchange_file: Path) -> Path:
    plain = shutil.copyfile(exchange_file, exchange_file.with_name("plain.db"))
    with contextlib.closing(raw(plain, EXCHANGE)) as conn:
        conn.execute("DROP TABLE exchange_manifest")
        conn.execute("DELETE FROM meta WHERE key = 'content'")
    return plain


@pytest.mark.parametrize("device", ["new", "the leader's"])
@pytest.mark.parametrize("as_database", [False, True], ids=["exchange file", "plain database"])
def test_an_edit_in_the_leaders_name_from_a_forged_device_is_refused_whole(team, device,
                                                                           as_database):
    _enrol(team)
    assert _merge(team, team.member_xch).sources[0].error == ""
    _forger(team, device=team.leader.actor.device_id if device != "new" else None)
    forged = _export(team.member, MEMBER, team.dir / "forged.xch")
    source = _as_plain_database(forged) if as_database else forged
    before = files(team.dir)
    report = _merge(team, source)
    src = report.sources[0]
    assert src.error and src.new_revisions == 0 and report.nothing_new
    if as_database:
        assert src.error == str(merge.RevisionsRefused(n=len(src.rejected)))
        reasons = {r.replace(rid, "{rid}") for rid, r in src.rejected.items()}
        assert reasons <= {tr(m) for m in (
            "revision {rid}: written on a device not enrolled in this round",
            "revision {rid}: not signed by the device that wrote it")}, reasons
    else:
        assert src.error == str(trust.DeviceNotEnrolled(name="王堃", fingerprint=trust.grouped(
            identity.certificate_fingerprint(_certificate(team.member)))))
    assert files(team.dir) == before
    with team.leader.read() as s:
        assert "被改名的村" not in set(s.scalars(select(RevisionRow.envelope)))


def _certificate(ws) -> bytes:  # type: ignore[no-untyped-def]
    with ws.read() as s:
        return s.scalars(select(LocalIdentity)).one().certificate_pem


def test_an_enrolled_member_cannot_write_in_the_leaders_name(team):
    """The member's own genuine key and batch, but the revision's author is the leader."""
    _enrol(team)
    team.member.actor = Actor(team.leader.actor.inspector_id, team.member.actor.device_id)
    changed = roster.rename(team.member, team.ids["village"], "被改名的村")
    report = _merge(team, _export(team.member, MEMBER, team.dir / "in-his-name.xch"))
    src = report.sources[0]
    assert src.error == str(merge.RevisionsRefused(n=1)) and report.nothing_new
    assert list(src.rejected) == changed.revisions
    assert src.rejected[changed.revisions[0]] == tr(
        "revision {rid}: written in the name of another inspector than the one its device is "
        "enrolled for", rid=changed.revisions[0])


@pytest.mark.parametrize("damage", ["batches dropped", "signature altered", "member batches removed"])
def test_a_file_whose_signed_batches_do_not_hold_is_refused_whole(team, damage):
    _enrol(team)
    bad = shutil.copyfile(team.member_xch, team.dir / "bad.xch")
    with contextlib.closing(raw(bad, EXCHANGE)) as conn:
        if damage == "batches dropped":
            conn.execute("DROP TABLE revision_batch")
        elif damage == "signature altered":  # every batch of the member's device
            conn.execute("DROP TRIGGER IF EXISTS revision_batch_no_update")
            conn.execute("UPDATE revision_batch SET signature = "
                         "substr(signature, 1, 20) || x'00' || substr(signature, 22) "
                         "WHERE device = ?", (team.member.actor.device_id,))
        else:  # the member's batches only, the leader's left
            conn.execute("DELETE FROM revision_batch WHERE device = ?",
                         (team.member.actor.device_id,))
    before = files(team.dir)
    report = _merge(team, bad)
    src = report.sources[0]
    assert src.error == str(merge.RevisionsRefused(n=len(src.rejected))) and src.rejected
    assert report.nothing_new and files(team.dir) == before


def test_a_revoked_laptop_brings_nothing_new_and_what_it_brought_stays(team):
    _enrol(team)
    assert _merge(team, team.member_xch).sources[0].new_records == 2
    enrolment.revoke(team.leader, team.member.actor.device_id)
    roster.add_village(team.member, "丢失后写的村", team.ids["town"])
    report = _merge(team, _export(team.member, MEMBER, team.dir / "after.xch"))
    assert report.sources[0].error == str(trust.DeviceRevoked(name="欧阳䶮"))
    assert report.nothing_new
    with team.leader.read() as s:
        names = set(s.scalars(select(RevisionRow.envelope)))
    assert any("𠮷家村".encode() in e for e in names)  # its earlier work is kept
    with pytest.raises(enrolment.CannotEnrol):
        enrolment.enrol(team.leader, enrolment.candidate(team.member_xch, EXCHANGE),
                        team.fingerprint[:8])


def test_only_the_founding_laptop_enrols_and_never_a_second_leader(team):
    with pytest.raises(enrolment.NotRoot):
        enrolment.enrol_device(team.member, "01900000-0000-7000-8000-00000000abcd",
                               team.member.actor.inspector_id, team.certificate)
    with pytest.raises(enrolment.CannotEnrol):
        enrolment.enrol_device(team.leader, "01900000-0000-7000-8000-00000000abcd",
                               team.leader.actor.inspector_id, team.certificate)
    with team.leader.read() as s:
        assert s.scalar(select(InspectorRow.name).where(
            InspectorRow.id == team.member.actor.inspector_id)) == "欧阳䶮"


def test_one_signature_vouches_for_the_chain_beneath_it(team):
    """Three units of work make three linked batches; altering an older batch's signature
    changes nothing, since the newest vouches for it by hash; altering the newest's leaves
    the older ones to their own signatures and its own revisions uncovered."""
    for name in ("一村", "二村"):
        roster.add_village(team.member, name, team.ids["town"])
    device = team.member.actor.device_id
    with team.member.read() as s:
        rows = [tuple(r) for r in s.execute(select(BatchRow.hash, BatchRow.device,
                                                   BatchRow.payload, BatchRow.signature)
                                            .where(BatchRow.device == device))]
        mine = set(s.scalars(select(RevisionRow.id).where(RevisionRow.device == device)))
    assert len(rows) >= 3
    assert batches.Coverage(rows).of(device, team.certificate) == mine
    below = {batches.Coverage(rows).batches[h].prev for h, *_ in rows}
    newest = next(r for r in rows if r[0] not in below)
    older = next(r for r in rows if r[0] in below)

    def spoilt(row: tuple) -> tuple:
        return (*row[:3], row[3][:-1] + bytes([row[3][-1] ^ 1]))

    assert batches.Coverage([spoilt(r) if r is older else r for r in rows]).of(
        device, team.certificate) == mine
    uncovered = set(batches.Coverage([newest]).batches[newest[0]].revisions)
    assert batches.Coverage([spoilt(r) if r is newest else r for r in rows]).of(
        device, team.certificate) == mine - uncovered
    other = identity.new_key_material("别人", "别的组", MEMBER).certificate_pem
    assert batches.Coverage(rows).of(device, other) == frozenset()


def test_a_laptop_upgraded_from_unsigned_revisions_signs_its_own_once(workspace, db_path):
    make_tree(workspace)
    device = workspace.actor.device_id
    workspace.close()
    with contextlib.closing(raw(db_path, PASSPHRASE)) as conn:
        for table in ("revision_batch", "enrolment"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM local_state WHERE key = ?", (batches.HEAD_KEY,))
        conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    ws = open_workspace(db_path, PASSPHRASE)
    try:
        with ws.read() as s:
            rows = [tuple(r) for r in s.execute(select(
                BatchRow.hash, BatchRow.device, BatchRow.payload, BatchRow.signature))]
            mine = set(s.scalars(select(RevisionRow.id)))
            certificate = s.scalars(select(LocalIdentity)).one().certificate_pem
        assert len(rows) == 1 and batches.Coverage(rows).of(device, certificate) == mine
    finally:
        ws.close()
    ws = open_workspace(db_path, PASSPHRASE)  # once: opening again signs nothing more
    with contextlib.closing(ws), ws.read() as s:
        assert len(s.scalars(select(BatchRow.hash)).all()) == 1
    assert database.probe(db_path.with_name(f"{db_path.name}.v6.bak"), PASSPHRASE) == 6


def test_the_command_line_enrols_with_the_fingerprint_and_lists_devices(team, monkeypatch):
    from test_merge_bad_input import xuncha

    refused = xuncha("merge", team.leader.path, team.member_xch, code=1, exchange=EXCHANGE)
    assert trust.grouped(team.fingerprint) in refused.stdout + refused.stderr
    team.leader.close()
    shown = xuncha("enrol", team.leader.path, team.member_xch, code=1, exchange=EXCHANGE)
    assert trust.grouped(team.fingerprint) in shown.stdout + shown.stderr
    xuncha("enrol", team.leader.path, team.member_xch, "--fingerprint", team.fingerprint[:12],
           code=0, exchange=EXCHANGE)
    listed = xuncha("devices", team.leader.path, code=0).stdout
    assert "欧阳䶮" in listed and trust.grouped(team.fingerprint) in listed
    xuncha("merge", team.leader.path, team.member_xch, code=0, exchange=EXCHANGE)


def test_a_member_sees_its_own_fingerprint_to_read_to_the_leader(team):
    mine = [d for d in enrolment.devices(team.member) if d.this_laptop]
    assert [(d.name, d.fingerprint, d.status) for d in mine] == [
        ("欧阳䶮", team.fingerprint, "")]
    with pytest.raises(errors.XunchaError):
        enrolment.revoke(team.member, team.leader.actor.device_id)


def test_an_enrolled_member_cannot_found_the_round_anew_and_become_its_root(team):
    """A round record of the member's own, with a clock older than the leader's."""
    _enrol(team)
    ws = team.member
    with ws.unit_of_work() as uow:
        uow._clock = hlc.ZERO
        now, ws.now_ms = ws.now_ms, lambda: 1_000_000_000_000  # 2001
        founded = uow.write("round", None, {"name": "假轮次", "year": 2026}, parents=())
        ws.now_ms = now
    report = _merge(team, _export(ws, MEMBER, team.dir / "refounded.xch"))
    src = report.sources[0]
    assert src.rejected[founded.id] == tr(
        "revision {rid}: founds the round anew on another device", rid=founded.id)
    assert report.nothing_new
    assert [d.status for d in enrolment.devices(team.leader) if d.this_laptop] == ["root"]


def test_the_leader_enrols_a_device_once_under_the_inspector_its_file_names(team):
    _enrol(team)
    with pytest.raises(enrolment.CannotEnrol):  # once: never re-keyed
        _enrol(team)
    # The member makes a key for a colleague's device id and a device record in the colleague's
    # name, and signs the file as themselves: the two do not agree, so nothing is enrolled.
    with team.leader.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    colleague = roster.add_inspector(team.leader, "司马𬌗", "member", team_id).created[0]
    ws = team.member
    forged = identity.new_key_material("欧阳䶮", "第二巡察组", MEMBER)
    with ws.unit_of_work() as uow:
        uow.session.query(LocalIdentity).update({"certificate_pem": forged.certificate_pem,
                                                 "private_key_pem": forged.private_key_pem})
        uow.write("device", ws.actor.device_id, {
            "inspector_id": colleague, "certificate": forged.certificate_pem.decode()})
    out = _export(ws, MEMBER, team.dir / "relabelled.xch")
    with pytest.raises(enrolment.CannotEnrol):
        enrolment.candidate(out, EXCHANGE, team.leader)


def test_a_manifest_whose_fields_have_the_wrong_type_is_refused_not_a_traceback(team):
    for device in ([], {}, 7):
        bad = shutil.copyfile(team.member_xch, team.dir / "typed.xch")
        with contextlib.closing(raw(bad, EXCHANGE)) as conn:
            body = canonical.parse(conn.execute("SELECT manifest FROM exchange_manifest")
                                   .fetchone()[0]) | {"device": device}
            data = canonical.canonical_bytes(body)
            key = identity.load_private_key(OUTSIDER.private_key_pem, MEMBER)
            conn.execute("UPDATE exchange_manifest SET manifest = ?, signature = ?, "
                         "certificate = ?", (data, key.sign(data, ec.ECDSA(hashes.SHA256())),
                                             OUTSIDER.certificate_pem))
        report = _merge(team, bad)
        assert report.sources[0].error == str(merge.ManifestInvalid()) and report.nothing_new
        bad.unlink()


OUTSIDER = identity.new_key_material("李四", "别的组", MEMBER)

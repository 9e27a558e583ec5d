"""Need to know: a member's laptop holds the round but never, in clear, the clues it may not
read, a petition's reporter or what was said in a talk others held. The restricted content
travels through the member's database and exchange files encrypted to the leader's device and
merges back without loss; the member cannot change or delete what is not theirs, and an
insider's modified software that writes restricted content in clear, moves an encrypted part
onto another record, or deletes the leader's records is refused whole at the leader's merge.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlcipher3
from conftest import PASSPHRASE, make_tree
from sqlalchemy import select

from desktop.core import secrecy, visibility
from desktop.services import (
    clues,
    enrolment,
    history,
    identity,
    joining,
    merge,
    queries,
    restricted,
    roster,
    step_records,
)
from desktop.services.clues import ClueDraft
from desktop.services.workspace import Actor, Workspace
from desktop.store import revlog
from desktop.store.models import (
    Blob,
    ClueRow,
    LocalIdentity,
    RevisionRow,
    StepRecordRow,
    TeamRow,
)

EXCHANGE = "交换口令 2026 第二组"
MEMBER = "member passphrase 𠮷"
# What only the leader may read, each distinctive enough to find in any byte written.
SECRETS = {"reporter": "𠮷钱䶮某", "id_card": "320412198001010015", "phone": "13912345678",
           "clue": "以虚增青苗补偿费方式化解招待费𠮷", "transcript": "谈话中反映䶮书记私分征地款",
           "interviewee": "欧阳𠮷老会计", "scan": "来信扫描件：举报人𠮷钱䶮某亲笔"}


def _scan(text: str = SECRETS["scan"]) -> bytes:
    return f"%PDF-1.4\n% {text}\n".encode()


def _petition(ws: Workspace, village: str, handler: str, number: str,
              scan: bytes = _scan()) -> str:
    d = step_records.start_draft(ws, village, "petition")
    step_records.save_draft(ws, d.id, {"attachments": [step_records.store_blob(ws, scan)],
        "number": number, "received_on": "2026-05-12", "channel": "visit",
        "identity": "named", "reporter_name": SECRETS["reporter"],
        "reporter_id_card": SECRETS["id_card"], "reporter_phone": SECRETS["phone"],
        "category": "benefit_funds", "summary": "低保评定不公", "handling": "team",
        "subject": {"name": "孙某"}, "received_by": {"id": handler}})
    return step_records.save_record(ws, d.id).created[0]


def _interview(ws: Workspace, village: str, interviewer: str) -> str:
    d = step_records.start_draft(ws, village, "interview")
    step_records.save_draft(ws, d.id, {
        "date": "2026-05-13", "interviewee": {"name": SECRETS["interviewee"]},
        "interviewee_category": "former_cadre", "selection": "required",
        "interviewers": [{"id": interviewer}], "recorder": {"id": interviewer},
        "transcript": SECRETS["transcript"]})
    return step_records.save_record(ws, d.id).created[0]


def _clue(ws: Workspace, village: str, summary: str = SECRETS["clue"]) -> str:
    return clues.draft_clue(ws, ClueDraft(
        person="赵某", post="村会计", category="integrity", source="petition", summary=summary,
        proposed_handling="preliminary_check", village_id=village, sealed=True)).created[0]


@pytest.fixture
def team(workspace, tmp_path: Path) -> SimpleNamespace:
    """The leader's round with a clue, a petition and a talk of the leader's; a member 司马𬌗
    who joined from the leader's file and was enrolled."""
    ids = make_tree(workspace)
    with workspace.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    member_id = roster.add_inspector(workspace, "司马𬌗", "member", team_id).created[0]
    leader_id = workspace.actor.inspector_id
    ids |= {"clue": _clue(workspace, ids["village"]),
            "petition": _petition(workspace, ids["village"], leader_id, "XF-001"),
            "interview": _interview(workspace, ids["village"], leader_id)}
    merge.export(workspace, PASSPHRASE, leader_xch := tmp_path / "leader.xch", EXCHANGE)
    member, _ = joining.join_round(tmp_path / "member.db", MEMBER, leader_xch, EXCHANGE,
                                   "司马𬌗")
    merge.export(member, MEMBER, first := tmp_path / "member-first.xch", EXCHANGE)
    with member.read() as s:
        pem = s.scalars(select(LocalIdentity)).one().certificate_pem
    enrolment.enrol(workspace, enrolment.candidate(first, EXCHANGE),
                    identity.certificate_fingerprint(pem)[:8])
    return SimpleNamespace(leader=workspace, member=member, ids=ids, dir=tmp_path,
                           leader_xch=leader_xch, member_id=member_id, leader_id=leader_id)


def _plain_text(path: Path, passphrase: str) -> str:
    """Every value of every table of an encrypted file, as text: the file opened with a
    standard SQLCipher 4 and the passphrase, as anyone who knows it could."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        tables = [t for t, in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        parts = []
        for table in tables:
            for row in conn.execute(f"SELECT * FROM \"{table}\""):
                parts += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                          for v in row]
        return "\n".join(parts)
    finally:
        conn.close()


def _holds(text: str, secret: str) -> bool:
    """Whether ``text`` holds ``secret`` as UTF-8 or as JSON writes it escaped."""
    return secret in text or json.dumps(secret)[1:-1] in text


def _merge(team: SimpleNamespace, *sources: Path) -> merge.MergeReport:
    return merge.merge(team.leader.path, PASSPHRASE, list(sources), exchange_passphrase=EXCHANGE)


def _export(ws: Workspace, passphrase: str, out: Path) -> Path:
    merge.export(ws, passphrase, out, EXCHANGE)
    return out


def test_restricted_content_is_stored_in_clear_only_for_its_readers(team):
    leader_text = _plain_text(team.leader.path, PASSPHRASE)
    assert all(_holds(leader_text, s) for s in SECRETS.values())  # the positive control
    member_text = _plain_text(team.member.path, MEMBER)
    assert [s for s in SECRETS.values() if _holds(member_text, s)] == []
    assert "司马𬌗" in member_text and "新桥村" in member_text  # the rest of the round is there
    # Not even the leader's own exchange file holds them in clear: it is encrypted to devices.
    xch = _export(team.leader, PASSPHRASE, team.dir / "again.xch")
    exchange_key_text = _plain_text(xch, EXCHANGE)
    assert [s for s in SECRETS.values() if _holds(exchange_key_text, s)] == []
    assert "新桥村" in exchange_key_text


def test_every_path_of_the_members_laptop_withholds_what_is_not_theirs(team):
    member, ids = team.member, team.ids
    me = Actor(team.member_id, member.actor.device_id)
    listed = clues.clues(member, me)
    assert listed.clues == () and listed.hidden == 1
    [petition] = clues.petitions(member, me)
    assert petition.masked and petition.reporter_name in (None, "")
    assert petition.summary == "低保评定不公"  # what is not restricted stays readable
    # the search of a village finds nothing by what is withheld
    assert step_records.records_of(member, ids["village"], search=SECRETS["reporter"]) == []
    assert step_records.records_of(member, ids["village"], search=SECRETS["transcript"]) == []
    assert len(step_records.records_of(member, ids["village"], "interview")) == 1
    for record in (ids["petition"], ids["interview"], ids["clue"]):
        versions = history.versions(member, record)
        assert versions and all(visibility.SEALED not in v.body for v in versions)
        assert not any(s in repr(v.body) for v in versions for s in SECRETS.values())
    assert queries.stats(member).counts["clue"] == 0
    with member.read() as s:
        assert s.get(StepRecordRow, ids["petition"]).withheld
        assert s.get(ClueRow, ids["clue"]).withheld
    # nothing withheld can be edited (refused before a draft is made) or deleted
    for record in (ids["petition"], ids["interview"]):
        with pytest.raises(restricted.Withheld, match="不能修改"):
            step_records.edit_record(member, record)
    for record in (ids["petition"], ids["clue"], ids["village"]):
        with pytest.raises(restricted.NotYours, match="只有"):
            roster.delete_record(member, record)
    # the leader reads it all
    leader = Actor(team.leader_id, team.leader.actor.device_id)
    [mine] = clues.petitions(team.leader, leader)
    assert mine.reporter_name == SECRETS["reporter"] and not mine.masked
    assert clues.clues(team.leader, leader).clues[0].summary == SECRETS["clue"]
    assert queries.stats(team.leader).counts["clue"] == 1


def test_the_members_own_restricted_work_reaches_the_leader_and_round_trips(team):
    member, ids = team.member, team.ids
    own_clue = _clue(member, ids["village2"], "村委会主任𠮷某违规发包鱼塘")
    own_petition = _petition(member, ids["village2"], team.member_id, "XF-002")
    me = Actor(team.member_id, member.actor.device_id)
    assert [c.summary for c in clues.clues(member, me).clues] == ["村委会主任𠮷某违规发包鱼塘"]
    # the member's file carries the leader's records still encrypted, and its own new ones
    report = _merge(team, _export(member, MEMBER, team.dir / "member.xch"))
    assert report.sources[0].error == "" and report.sources[0].new_revisions > 0
    leader = Actor(team.leader_id, team.leader.actor.device_id)
    seen = {c.id: c.summary for c in clues.clues(team.leader, leader).clues}
    assert seen == {ids["clue"]: SECRETS["clue"], own_clue: "村委会主任𠮷某违规发包鱼塘"}
    reporters = {p.id: p.reporter_name for p in clues.petitions(team.leader, leader)}
    assert reporters == {ids["petition"]: SECRETS["reporter"], own_petition: SECRETS["reporter"]}
    # and back: the member merges the leader's file, still reads only their own
    back = merge.merge(member.path, MEMBER, [_export(team.leader, PASSPHRASE,
                                                     team.dir / "back.xch")],
                       exchange_passphrase=EXCHANGE)
    assert back.sources[0].error == ""
    with team.leader.read() as a, member.read() as b:
        assert revlog.digest(a) == revlog.digest(b)
    assert [c.id for c in clues.clues(member, me).clues] == [own_clue]
    assert not _holds(_plain_text(member.path, MEMBER), SECRETS["transcript"])


def _leaders_merge_refuses(team, out: str, reason: str) -> None:
    before = _plain_text(team.leader.path, PASSPHRASE)
    report = _merge(team, _export(team.member, MEMBER, team.dir / out))
    src = report.sources[0]
    assert src.error and src.new_revisions == 0, src
    assert any(reason in line for line in src.rejected.values()), src.rejected
    assert _plain_text(team.leader.path, PASSPHRASE) == before


@contextlib.contextmanager
def _modified_software(monkeypatch, **changes):  # type: ignore[no-untyped-def]
    with monkeypatch.context() as m:
        for name, value in changes.items():
            m.setattr(restricted, name, value)
        yield


def test_restricted_content_written_in_clear_is_refused_whole(team, monkeypatch):
    with _modified_software(monkeypatch, protect=lambda *args: (args[6], args[9])):  # as typed
        _clue(team.member, team.ids["village2"], "明文线索")
    _leaders_merge_refuses(team, "clear.xch", "明文")


def test_an_encrypted_part_moved_onto_another_record_is_refused(team, monkeypatch):
    with team.member.read() as s:
        head = s.get(ClueRow, team.ids["clue"]).head
    stolen = _stored_body(team.member, head)[visibility.SEALED]
    original = restricted.protect

    def moved(*args):  # type: ignore[no-untyped-def]
        body, attachments = original(*args)
        return {**body, visibility.SEALED: stolen}, attachments

    with _modified_software(monkeypatch, protect=moved):
        _clue(team.member, team.ids["village2"], "换壳线索")
    _leaders_merge_refuses(team, "moved.xch", "无法")


def test_deleting_or_rewriting_others_records_is_refused_at_the_merge(team, monkeypatch):
    with _modified_software(monkeypatch, refuse_deletion=lambda *a: None):
        roster.delete_record(team.member, team.ids["village"])
    _leaders_merge_refuses(team, "deleted.xch", "删除")


def test_a_device_record_written_for_the_leaders_device_is_refused(team):
    device = team.leader.actor.device_id
    with team.member.unit_of_work() as uow:
        own = uow.current(team.member.actor.device_id)
        uow.write("device", device, {**own.body, "inspector_id": team.leader_id}, parents=())
    _leaders_merge_refuses(team, "device.xch", "设备")


def test_a_members_later_change_of_role_opens_nothing(team):
    member = team.member
    with member.unit_of_work() as uow:
        me = uow.current(team.member_id)
        uow.write("inspector", team.member_id, {**me.body, "role": "deputy"})
    with member.read() as s:
        people = restricted.people(s, _root(s))
    assert people[team.member_id].role == "member"  # as the leader's laptop enrolled it
    # a clue the leader writes after the member's change is not encrypted to the member
    _merge(team, _export(member, MEMBER, team.dir / "promoted.xch"))
    later = _clue(team.leader, team.ids["village"], "组长新线索")
    with team.leader.read() as s:
        stored = _stored_body(team.leader, s.get(ClueRow, later).head)
    assert set(stored[visibility.SEALED]["keys"]) == {team.leader.actor.device_id}


def _root(session) -> str:  # type: ignore[no-untyped-def]
    from desktop.services import trust
    return trust.Roster.of_connection(session.connection()).root


def _stored_body(ws: Workspace, revision_id: str) -> dict:
    with ws.read() as s:
        envelope = s.scalar(select(RevisionRow.envelope).where(RevisionRow.id == revision_id))
    return json.loads(envelope)["body"]


def test_a_deputy_enrolled_before_a_clue_is_written_reads_it(team, tmp_path):
    with team.leader.read() as s:
        team_id = s.scalar(select(TeamRow.id))
    deputy_id = roster.add_inspector(team.leader, "李副", "deputy", team_id).created[0]
    merge.export(team.leader, PASSPHRASE, xch := tmp_path / "l2.xch", EXCHANGE)
    deputy, _ = joining.join_round(tmp_path / "deputy.db", MEMBER, xch, EXCHANGE, "李副")
    merge.export(deputy, MEMBER, first := tmp_path / "d.xch", EXCHANGE)
    with deputy.read() as s:
        pem = s.scalars(select(LocalIdentity)).one().certificate_pem
    enrolment.enrol(team.leader, enrolment.candidate(first, EXCHANGE),
                    identity.certificate_fingerprint(pem)[:8])
    _merge(team, first)  # the deputy's device record, with its key, reaches the leader
    # the member writes a clue: encrypted to the leader's device, once the member knows the
    # deputy's, to the deputy's too
    merge.merge(team.member.path, MEMBER, [_export(team.leader, PASSPHRASE, tmp_path / "l3.xch")],
                exchange_passphrase=EXCHANGE)
    cid = _clue(team.member, team.ids["village2"], "副组长可见的线索")
    merge.merge(deputy.path, MEMBER, [_export(team.member, MEMBER, tmp_path / "m.xch")],
                exchange_passphrase=EXCHANGE)
    deputy_actor = Actor(deputy_id, deputy.actor.device_id)
    assert [c.summary for c in clues.clues(deputy, deputy_actor).clues
            if c.id == cid] == ["副组长可见的线索"]
    # the old clue of the leader's, written before the deputy was enrolled, stays closed
    assert team.ids["clue"] not in {c.id for c in clues.clues(deputy, deputy_actor).clues}
    deputy.close()


def test_a_member_cannot_overwrite_a_record_withheld_from_them(team, monkeypatch):
    """Modified software, writing a genuinely signed version: the leader's clue overwritten
    and encrypted to the member alone, which would lock the leader out. Refused whole."""
    cid = team.ids["clue"]
    with _modified_software(monkeypatch, refuse_withheld=lambda rev: None):
        monkeypatch.setattr(restricted.Recipients, "of", lambda self, who: {})
        with team.member.unit_of_work() as uow:
            current = uow.current(cid)
            uow.write("clue", cid, {**current.body, "person": "无关人员", "post": "-",
                                    "category": "integrity", "source": "petition",
                                    "summary": "已核实无问题", "proposed_handling": "close"})
    _leaders_merge_refuses(team, "overwrite.xch", "不是")


def test_a_member_cannot_name_themselves_a_reader_of_a_withheld_record(team, monkeypatch):
    """The leader's petition, its own encrypted part kept (it opens: same record), with the
    member named its registrar: the leader's next edit would have encrypted it to them."""
    pid = team.ids["petition"]
    with team.member.read() as s:
        kept = _stored_body(team.member, s.get(StepRecordRow, pid).head)[visibility.SEALED]
    with _modified_software(monkeypatch, refuse_withheld=lambda rev: None,
                            protect=lambda *a: ({**a[6], visibility.SEALED: kept}, a[9])):
        with team.member.unit_of_work() as uow:
            current = uow.current(pid)
            values = {**current.body["values"], "received_by": {"id": team.member_id}}
            uow.write("step_record", pid, {**current.body, "values": values})
    _leaders_merge_refuses(team, "replay.xch", "不是")


def test_a_second_first_version_cannot_make_someone_else_the_creator(team):
    village = team.ids["village"]
    with team.member.unit_of_work() as uow:
        uow.write("village", village, uow.current(village).body, parents=())
    _leaders_merge_refuses(team, "anew.xch", "已存在的记录")
    with team.leader.read() as s:
        assert restricted.creator(s, village) == team.leader_id


def test_an_unusable_encryption_key_is_refused_and_never_used(team):
    with team.member.unit_of_work() as uow:
        own = uow.current(team.member.actor.device_id)
        uow.write("device", team.member.actor.device_id,
                  {**own.body, "encryption_key": base64.b64encode(bytes(32)).decode()})
    _leaders_merge_refuses(team, "zero.xch", "无法使用")
    _interview(team.leader, team.ids["village2"], team.member_id)  # names the member: saves


def test_a_withheld_version_is_not_restored_and_the_author_keeps_reading(team):
    member, ids = team.member, team.ids
    roster.delete_record(team.leader, ids["petition"])
    merge.merge(member.path, MEMBER, [_export(team.leader, PASSPHRASE, team.dir / "d.xch")],
                exchange_passphrase=EXCHANGE)
    [gone] = [d for d in history.deleted_records(member) if d.record_id == ids["petition"]]
    with pytest.raises(restricted.Withheld):
        roster.restore_record(member, ids["petition"], gone.last_version)
    # the member's own talk, edited by the leader, stays readable to the member who wrote it
    talk = _interview(member, ids["village2"], team.leader_id)
    _merge(team, _export(member, MEMBER, team.dir / "talk.xch"))
    draft = step_records.edit_record(team.leader, talk)
    step_records.save_draft(team.leader, draft.id, {**draft.values, "place": "村委会"})
    step_records.save_record(team.leader, draft.id)
    merge.merge(member.path, MEMBER, [_export(team.leader, PASSPHRASE, team.dir / "t.xch")],
                exchange_passphrase=EXCHANGE)
    with member.read() as s:
        assert not s.get(StepRecordRow, talk).withheld


def test_the_leader_sees_the_role_a_member_gave_themselves_before_enrolling(team, tmp_path):
    merge.export(team.leader, PASSPHRASE, xch := tmp_path / "l.xch", EXCHANGE)
    newcomer, _ = joining.join_round(tmp_path / "new.db", MEMBER, xch, EXCHANGE, "上官𠮷",
                                     "deputy")
    merge.export(newcomer, MEMBER, first := tmp_path / "n.xch", EXCHANGE)
    assert enrolment.candidate(first, EXCHANGE, team.leader).name == "上官𠮷（副组长）"
    newcomer.close()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_restricted_file_travels_sealed_and_opens_for_its_readers(team):
    """The scanned letter of a petition names its reporter: it is sealed with the restricted
    part, the member's laptop holds only the sealed copy, and a reader (the member named
    registrar) gets it in clear at the merge, as the leader does the member's."""
    leader, member = team.leader, team.member
    with member.read() as s:
        stored = {h for h, in s.execute(select(Blob.hash))}
        head = s.get(StepRecordRow, team.ids["petition"]).head
        sealed = set(revlog.load(s, head).attachments)
    assert _sha(_scan()) not in stored and sealed and sealed <= stored
    # once the leader has the member's device key (from the member's file), a petition
    # naming the member its registrar is sealed for them too: they read its letter
    assert _merge(team, _export(member, MEMBER, team.dir / "m0.xch")).sources[0].error == ""
    letter = _scan("第二封来信：䶮某实名举报")
    pid = _petition(leader, team.ids["village2"], team.member_id, "XF-003", letter)
    back = merge.merge(member.path, MEMBER, [_export(leader, PASSPHRASE, team.dir / "l.xch")],
                       exchange_passphrase=EXCHANGE)
    assert back.sources[0].error == ""
    assert step_records.read_blob(member, _sha(letter)) == letter
    assert step_records.read_blob(member, _sha(_scan())) is None  # still not theirs
    with member.read() as s:
        assert s.get(StepRecordRow, pid).withheld is False
    # the member's own petition's letter reaches the leader the same way
    own = _scan("村民𠮷某的来信")
    _petition(member, team.ids["village2"], team.member_id, "XF-004", own)
    xch = _export(member, MEMBER, team.dir / "m.xch")
    assert not _holds(_plain_text(xch, EXCHANGE), "村民𠮷某的来信")
    assert _merge(team, xch).sources[0].error == ""
    assert step_records.read_blob(leader, _sha(own)) == own
    # an edit keeps the sealed copy instead of sealing the letter again
    with leader.read() as s:
        before = {h for h, in s.execute(select(Blob.hash))}
    d = step_records.edit_record(leader, pid)
    step_records.save_draft(leader, d.id, {**d.values, "summary": "补充：已电话回访"})
    step_records.save_record(leader, d.id)
    with leader.read() as s:
        assert {h for h, in s.execute(select(Blob.hash))} == before


def test_a_restricted_file_attached_in_clear_is_refused_whole(team, monkeypatch):
    original = restricted.protect
    letter = _scan("明文附件：举报人𠮷某")

    def leaked(*args):  # type: ignore[no-untyped-def]
        body, attachments = original(*args)
        return body, (*attachments, _sha(letter))  # the letter itself travels as well

    with _modified_software(monkeypatch, protect=leaked):
        _petition(team.member, team.ids["village2"], team.member_id, "XF-005", letter)
    _leaders_merge_refuses(team, "leak.xch", "未随之密封")


def test_a_sealed_file_that_opens_to_another_file_is_refused_whole(team, monkeypatch):
    seal = secrecy.seal_file
    monkeypatch.setattr(secrecy, "seal_file", lambda data, digest, random_bytes: seal(
        b"%PDF-1.4\n% another letter\n", digest, random_bytes))
    _petition(team.member, team.ids["village2"], team.member_id, "XF-006", _scan("换过的信"))
    monkeypatch.undo()
    _leaders_merge_refuses(team, "swapped.xch", "解开后")

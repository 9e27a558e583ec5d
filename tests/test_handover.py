"""Handover packets from a real encrypted database (desktop.services.handover and ``xuncha
packet``): what is gathered (villages, records with their revisions, attachments, digest), the
packet number, and the command line's bad paths (wrong passphrase, existing output file,
unknown or ambiguous village, wrong PKCS#12 password), each one translated line."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from conftest import PASSPHRASE, make_tree
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image
from sqlalchemy import select
from test_packet_ballots import one_line_error, tool, xuncha

from desktop.core import questionnaire_toml
from desktop.core.ballot_entry import Keyed
from desktop.services import evaluation, handover, identity, queries, roster
from desktop.services.workspace import Workspace, open_workspace
from desktop.store.models import Head, TeamRow

MEMBERS = ("陈喆", "刘赟")


def image(kind: str, seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small real JPEG or PNG (a colour gradient)."""
    picture = Image.new("RGB", size)
    picture.putdata([((x * 4 + seed) % 256, (y * 5 + seed) % 256, seed % 256)
                     for y in range(size[1]) for x in range(size[0])])
    out = io.BytesIO()
    picture.save(out, format=kind)
    return out.getvalue()


def fill_round(ws: Workspace) -> dict[str, str]:
    """Two villages, three inspectors, photos on both villages, an evaluation in the first."""
    ids = make_tree(ws)
    with ws.read() as s:
        team = s.scalars(select(TeamRow.id)).one()
    roster.add_inspector(ws, "李赟", "member", team)
    roster.add_inspector(ws, "赵喆", "deputy", team)
    roster.attach(ws, ids["village"], image("JPEG", 1))
    roster.attach(ws, ids["village"], image("PNG", 2))
    roster.attach(ws, ids["village2"], image("PNG", 3))  # not in a packet of 新桥村 alone
    text = questionnaire_toml.available()["satisfaction"].read_text(encoding="utf-8")
    eid = evaluation.save_setup(ws, evaluation.Setup(
        ids["village"], "2026-03-15", text, issued=12, members=MEMBERS,
        participants={"party_members": (12, 10)}))
    width = len(evaluation.load(ws, eid).questionnaire.columns())
    for n in range(1, 11):
        keyed = Keyed(str(n), "".join("1112"[(n + c) % 4] for c in range(width)))
        evaluation.key_ballot(ws, eid, "first", keyed)
        evaluation.key_ballot(ws, eid, "second", keyed)
    ids["evaluation"] = eid
    return ids


def make_round(path: Path) -> dict[str, str]:
    ws, _ = roster.create_database(path, PASSPHRASE, roster.NewRound(
        round_name="2026年第一轮巡察", year=2026, team_name="第二巡察组",
        inspector_name="王堃", role="leader"))
    try:
        return fill_round(ws)
    finally:
        ws.close()


def p12(path: Path, name: str, password: str, *, issuer: str | None = "市委巡察办") -> Path:
    """A PKCS#12 file such as an organisation issues: a certificate for ``name`` signed by a
    small CA called ``issuer`` (self-signed when ``issuer`` is None)."""
    keys = identity.new_key_material(name, "市纪委监委", "k")
    key = serialization.load_pem_private_key(keys.private_key_pem, b"k")
    cert = x509.load_pem_x509_certificate(keys.certificate_pem)
    if issuer is not None:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder().subject_name(cert.subject)
                .issuer_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, issuer),
                                        x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                .public_key(cert.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=365))
                .sign(ca_key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        name.encode(), key, cert, None,  # type: ignore[arg-type]
        serialization.BestAvailableEncryption(password.encode())))
    return path


def test_gather_takes_the_chosen_village_its_records_and_attachments(workspace: Workspace
                                                                      ) -> None:
    ids = fill_round(workspace)
    content = handover.gather(workspace, handover.Request(
        villages=("新桥村",), receiver="市纪委监委 赵喆", issued_on=dt.date(2026, 5, 31)))
    assert content.digest == queries.stats(workspace).digest
    assert re.fullmatch(r"XC-20260531-[0-9A-F]{6}", content.number)
    assert (content.team, content.issuer, content.issuer_role) == ("第二巡察组", "王堃", "leader")
    roster_ = content.roster
    assert [m.name for m in roster_.members] == ["王堃", "赵喆", "李赟"]  # leader, deputy…
    assert (roster_.districts, roster_.towns, roster_.villages) == (1, 1, 2)
    assert [(p.district, p.town, p.village) for p in roster_.chosen] == [
        ("武进区", "湖塘镇", "新桥村")]
    kinds = {r.kind for r in content.records}
    assert {"round", "team", "inspector", "district", "town", "village", "evaluation",
            "ballot"} <= kinds
    assert ids["village2"] not in {r.id for r in content.records}
    with workspace.read() as s:
        heads = {r: h for r, h in s.execute(select(Head.record_id, Head.revision_id))}
    assert all(r.revisions == (heads[r.id],) for r in content.records)
    assert len([r for r in content.records if r.kind == "ballot"]) == 20  # both entries
    assert [e.media_type for e in content.evidence] and len(content.evidence) == 2
    assert {e.media_type for e in content.evidence} == {"image/jpeg", "image/png"}
    assert all(e.records == (ids["village"],) and e.described_as == "新桥村"
               for e in content.evidence)
    assert all(e.name.startswith(f"E0{n}-{e.sha256[:8]}") for n, e in
               enumerate(content.evidence, 1))
    (results,) = content.evaluations
    assert results.village == "新桥村" and results.evaluation is not None
    assert results.evaluation.reconciliation.returned == 10
    assert [s.label.text() for s in results.questionnaire.subjects][-2:] == list(MEMBERS)


def test_every_village_by_default_and_by_id(workspace: Workspace) -> None:
    ids = fill_round(workspace)
    everything = handover.gather(workspace, handover.Request())
    assert len(everything.roster.chosen) == 2 and len(everything.evidence) == 3
    by_id = handover.gather(workspace, handover.Request(villages=(ids["village2"],)))
    assert [p.village for p in by_id.roster.chosen] == ["东塘社区"]
    assert by_id.evaluations == () and len(by_id.evidence) == 1
    assert by_id.number != everything.number


def test_unknown_and_ambiguous_villages(workspace: Workspace) -> None:
    ids = fill_round(workspace)
    with pytest.raises(handover.VillageUnknown, match="没有名为 西村 的村"):
        handover.gather(workspace, handover.Request(villages=("西村",)))
    roster.add_village(workspace, "新桥村", ids["town"])
    with pytest.raises(handover.VillageAmbiguous, match="请给出编号"):
        handover.gather(workspace, handover.Request(villages=("新桥村",)))


def test_evaluation_results_not_verified_stay_out_unless_asked_for(workspace: Workspace
                                                                  ) -> None:
    ids = fill_round(workspace)
    text = questionnaire_toml.available()["satisfaction"].read_text(encoding="utf-8")
    eid = evaluation.save_setup(workspace, evaluation.Setup(
        ids["village2"], "2026-03-16", text, issued=5, members=MEMBERS, participants={}))
    width = len(evaluation.load(workspace, eid).questionnaire.columns())
    evaluation.key_ballot(workspace, eid, "first", Keyed("1", "1" * width))  # no second entry
    content = handover.gather(workspace, handover.Request())
    assert [r.village for r in content.evaluations] == ["新桥村"]
    assert content.unfinished == (0, 1) and not content.drafts
    assert "未定稿" not in "".join(d.title for d in content.documents)
    drafts = handover.gather(workspace, handover.Request(drafts=True))
    assert [r.village for r in drafts.evaluations] == ["新桥村"]
    annex = drafts.documents[-1]
    assert annex.title == "未定稿附件（非定稿材料）"
    assert [p.title for p in annex.parts if "测评" in p.title] == ["东塘社区 · 群众满意度测评"]


def test_cli_packet_then_verify(tmp_path: Path) -> None:
    make_round(tmp_path / "r.db")
    out = tmp_path / "packet.pdf"
    made = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out), "--village", "新桥村",
                  "--receiver", "市纪委监委第三审查调查室", "--date", "2026-05-31",
                  XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert re.search(r"已生成并签名移交材料 .*：编号 XC-20260531-[0-9A-F]{6}，共 \d+ 页，证据文件 2 个",
                     made.stdout)
    checked = xuncha("verify", str(out), "--allow-untrusted")
    assert checked.returncode == 0, checked.stderr
    assert "签名 1（移交人）：王堃" in checked.stdout and "自签名证书" in checked.stdout
    assert "接收人签名栏尚未签名" in checked.stdout
    english = xuncha("verify", str(out), "--allow-untrusted", lang="en")
    assert "self-signed certificate" in english.stdout
    assert "Intact, but the signer was NOT checked" in english.stdout
    assert "Signature field Receiver is not signed yet" in english.stdout
    untrusted = xuncha("verify", str(out), lang="en")  # no trust anchor: intact is not enough
    assert untrusted.returncode == 1 and "Traceback" not in untrusted.stderr
    assert "NOT TRUSTED: the packet is intact" in untrusted.stderr
    assert "--trust CERT.pem" in untrusted.stderr and "--allow-untrusted" in untrusted.stderr


def test_cli_packet_signed_with_a_pkcs12_file(tmp_path: Path) -> None:
    make_round(tmp_path / "r.db")
    key = p12(tmp_path / "org.p12", "王堃", "p12-密码")
    secret = tmp_path / "p12.txt"
    secret.write_text("p12-密码\n", encoding="utf-8")
    out = tmp_path / "packet.pdf"
    made = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out), "--key", str(key),
                  "--key-password-file", str(secret), XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert "王堃" in tool("pdfsig", str(out))
    cover = tool("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert "王堃，由市委巡察办签发" in cover
    wrong = xuncha("packet", str(tmp_path / "r.db"), "--out", str(tmp_path / "w.pdf"),
                   "--key", str(key), XUNCHA_PASSPHRASE=PASSPHRASE,
                   XUNCHA_KEY_PASSWORD="not it")
    assert "无法使用签名密钥" in one_line_error(wrong) and not (tmp_path / "w.pdf").exists()


def test_only_the_named_leader_with_their_own_key_signs_a_packet_of_something(
        tmp_path: Path) -> None:
    make_round(tmp_path / "r.db")
    db, out = str(tmp_path / "r.db"), tmp_path / "p.pdf"
    env = {"XUNCHA_PASSPHRASE": PASSPHRASE, "XUNCHA_KEY_PASSWORD": "pw"}
    other = xuncha("packet", db, "--out", str(out), "--key",
                   str(p12(tmp_path / "li.p12", "李赟", "pw")), **env)
    assert "签名密钥属于李赟" in one_line_error(other) and "王堃" in other.stderr
    homemade = xuncha("packet", db, "--out", str(out), "--key",
                      str(p12(tmp_path / "self.p12", "王堃", "pw", issuer=None)), **env)
    assert "自签名" in one_line_error(homemade) and "不是王堃在本轮的任何一台电脑" in homemade.stderr
    deputy_ws, _ = roster.create_database(tmp_path / "deputy.db", PASSPHRASE, roster.NewRound(
        round_name="2026年第一轮巡察", year=2026, team_name="第二巡察组",
        inspector_name="赵喆", role="deputy"))
    make_tree(deputy_ws)
    deputy_ws.close()
    deputy = xuncha("packet", str(tmp_path / "deputy.db"), "--out", str(out), **env)
    assert "只有组长才能移交" in one_line_error(deputy) and "副组长" in deputy.stderr
    roster.create_database(tmp_path / "empty.db", PASSPHRASE, roster.NewRound(
        round_name="2026年第一轮巡察", year=2026, team_name="第二巡察组",
        inspector_name="王堃", role="leader"))[0].close()
    empty = xuncha("packet", str(tmp_path / "empty.db"), "--out", str(out), **env)
    assert "不涉及任何村" in one_line_error(empty)
    assert not out.exists()
    made = xuncha("packet", db, "--out", str(out), "--classification", "top_secret",
                  "--copy", "3", **env)  # the control
    assert made.returncode == 0, made.stderr
    cover = tool("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert "绝密" in cover and "000003" in cover and "机密" not in cover.replace("绝密", "")


def test_a_packet_naming_someone_else_than_its_signer_fails_verification(
        tmp_path: Path) -> None:
    """An insider's own build script that claims the leader's name for another key."""
    from desktop.packet.handover import build_packet
    from desktop.packet.signing import SigningIdentity
    make_round(tmp_path / "r.db")
    ws = open_workspace(tmp_path / "r.db", PASSPHRASE)
    try:
        content = handover.gather(ws, handover.Request(villages=("新桥村",)))
    finally:
        ws.close()
    real = SigningIdentity.from_pkcs12(p12(tmp_path / "li.p12", "李赟", "pw").read_bytes(), "pw")
    with pytest.raises(handover.NotTheIssuersKey):
        build_packet(content, real)

    class Claimed(SigningIdentity):
        name = "王堃"  # type: ignore[assignment]
    forged = build_packet(content, Claimed(real.key, real.certificate, real.chain))
    report = handover.verify_file(_write(tmp_path / "forged.pdf", forged.pdf))
    assert report.verdict is handover.Verdict.DAMAGED
    assert any("移交人为王堃，但签名的是李赟" in p for p in report.problems)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_cli_bad_paths_are_one_translated_line(tmp_path: Path) -> None:
    make_round(tmp_path / "r.db")
    db, out = str(tmp_path / "r.db"), tmp_path / "packet.pdf"
    wrong = xuncha("packet", db, "--out", str(out), XUNCHA_PASSPHRASE="not the passphrase")
    assert "口令错误" in one_line_error(wrong) and not out.exists()
    out.write_bytes(b"keep me")
    exists = xuncha("packet", db, "--out", str(out), XUNCHA_PASSPHRASE=PASSPHRASE)
    assert "该位置已有文件" in one_line_error(exists) and out.read_bytes() == b"keep me"
    unknown = xuncha("packet", db, "--out", str(tmp_path / "u.pdf"), "--village", "西村",
                     XUNCHA_PASSPHRASE=PASSPHRASE)
    assert "没有名为 西村 的村" in one_line_error(unknown)
    missing = xuncha("verify", str(tmp_path / "nothing.pdf"))
    assert "nothing.pdf" in one_line_error(missing)
    not_pdf = xuncha("verify", str(tmp_path / "r.db"))
    assert not_pdf.returncode == 1 and "Traceback" not in not_pdf.stderr
    assert "不是可读取的 PDF 文件" in not_pdf.stderr


def test_manifest_names_the_records_and_the_state(tmp_path: Path) -> None:
    ids = make_round(tmp_path / "r.db")
    out = tmp_path / "p.pdf"
    made = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out), "--village",
                  ids["village"], XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    tool("pdfdetach", "-saveall", "-o", str(tmp_path), str(out))
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    stats = json.loads(xuncha("stats", str(tmp_path / "r.db"), "--json",
                              XUNCHA_PASSPHRASE=PASSPHRASE).stdout)
    assert manifest["state_digest"] == stats["digest"] and manifest["clues"] == []
    assert manifest["clue_rule"] == "new"
    assert ids["village"] in {r["id"] for r in manifest["records"]}
    assert all(len(r["revisions"]) == 1 and len(r["revisions"][0]) == 64
               for r in manifest["records"])
    for entry in manifest["evidence"]:
        data = (tmp_path / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["records"] == [ids["village"]]


def test_the_dialog_makes_a_packet_of_the_checked_villages(qtbot, workspace: Workspace,
                                                           tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop.packet.verify import verify_packet
    from desktop.ui.packet_dialog import PacketDialog
    ids = fill_round(workspace)
    dialog = PacketDialog(workspace, PASSPHRASE)
    qtbot.addWidget(dialog)
    dialog.preview.setChecked(False)
    assert dialog.villages.count() == 2
    for n in range(dialog.villages.count()):
        item = dialog.villages.item(n)
        if item.data(Qt.ItemDataRole.UserRole) != ids["village"]:
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.chosen() == (ids["village"],)
    dialog.receiver.setText("市纪委监委")
    dialog.out.setText(str(tmp_path / "packet.pdf"))
    qtbot.mouseClick(dialog.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    assert "已生成并签名移交材料" in dialog.status.text()
    report = verify_packet((tmp_path / "packet.pdf").read_bytes())
    assert report.intact and report.evidence == 2


def test_cancelling_the_dialog_leaves_no_file(qtbot, workspace: Workspace,
                                              tmp_path: Path) -> None:
    from desktop.ui.packet_dialog import PacketDialog
    fill_round(workspace)
    dialog = PacketDialog(workspace, PASSPHRASE)
    qtbot.addWidget(dialog)
    dialog.preview.setChecked(False)
    dialog.out.setText(str(tmp_path / "packet.pdf"))
    with qtbot.waitSignal(dialog.rejected, timeout=60_000):
        dialog.start()
        dialog._cancel()  # what the Cancel button does while the packet is being made
        assert dialog.cancelling
    assert not (tmp_path / "packet.pdf").exists()


def test_the_packet_is_looked_at_before_it_is_saved(qtbot, workspace: Workspace,
                                                    tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.packet_dialog import PacketDialog
    from desktop.ui.pdf_preview import PdfPreview
    from tests.test_ui import when_shown
    fill_round(workspace)
    out = tmp_path / "packet.pdf"
    dialog = PacketDialog(workspace, PASSPHRASE)
    qtbot.addWidget(dialog)
    dialog.out.setText(str(out))
    seen: list[int] = []

    def close(preview: PdfPreview) -> None:
        seen.append(preview.pages())
        preview.reject()  # not this one: nothing is written
    when_shown(PdfPreview, close)
    qtbot.mouseClick(dialog.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and dialog.build.isEnabled(), timeout=60_000)
    assert seen[0] > 3 and not out.exists() and dialog.written is None
    when_shown(PdfPreview, lambda preview: preview.accept())
    qtbot.mouseClick(dialog.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    assert out.exists() and handover.verify_file(out).verdict is handover.Verdict.UNTRUSTED

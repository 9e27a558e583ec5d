"""Signed handover packets read back with real tools: pdfsig (signatures valid, covering the
whole document), qpdf --check, pdffonts (every font embedded), pdftotext (the Chinese text,
the GB/T 9704 type area, "第 n 页 共 N 页"), qpdf's outline (bookmarks), pdfdetach (evidence
whose SHA-256 match); then tampering caught by ``xuncha verify``, the receiver's later
signature, and characters that no font has."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from test_handover import image, make_round, p12
from test_packet_ballots import assert_sound, page_count, pdf_text, tool, xuncha

from desktop.core.i18n import set_language
from desktop.packet import fonts, handover_model, layout
from desktop.packet.fonts import GlyphMissing, cjk_fonts, fallback_chain
from desktop.packet.handover import build_packet, receive_packet
from desktop.packet.handover_model import Evidence, Member, PacketContent, Place, RosterSummary
from desktop.packet.signing import SigningIdentity
from desktop.packet.verify import verify_packet
from desktop.services import handover, identity

RECEIVER = "市纪委监委第三审查调查室 赵喆"
DEBIAN = Path("/usr/share/fonts/truetype")


def pdfsig(path: Path) -> dict[str, dict[str, str]]:
    """pdfsig's report by field name: its "key: value" lines, and "total" yes/no."""
    out = tool("pdfsig", str(path))
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in out.splitlines():
        line = line.strip().removeprefix("- ")
        if re.match(r"Signature #\d+:", line):
            current = {}
        elif line.startswith("Signature Field Name:"):
            found[line.split(":", 1)[1].strip()] = current
        elif line in ("Total document signed", "Not total document signed"):
            current["total"] = "yes" if line.startswith("Total") else "no"
        elif ":" in line:
            key, value = line.split(":", 1)
            current[key.strip()] = value.strip()
    return found


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("packet")
    make_round(folder / "r.db")
    set_language("zh_CN")
    handover.make_packet(folder / "r.db", PASSPHRASE, folder / "packet.pdf", handover.Request(
        villages=("新桥村",), receiver=RECEIVER, issued_on=dt.date(2026, 5, 31)))
    return folder / "packet.pdf"


def copy(packet: Path, tmp_path: Path, data: bytes | None = None) -> Path:
    target = tmp_path / "copy.pdf"
    target.write_bytes(packet.read_bytes() if data is None else data)
    return target


def test_pdfsig_valid_and_covering_the_whole_document(packet: Path) -> None:
    sigs = pdfsig(packet)
    handed = sigs["Handover"]
    assert handed["Signature Validation"] == "Signature is Valid."
    assert handed["total"] == "yes" and handed["Signer Certificate Common Name"] == "王堃"
    assert handed["Signature Type"] == "ETSI.CAdES.detached"  # PAdES
    assert "Receiver" in sigs and "Signature Validation" not in sigs["Receiver"]  # empty field


def test_sound_file_with_every_font_embedded(packet: Path) -> None:
    assert_sound(packet)  # qpdf --check clean, pdffonts: all embedded


def test_the_chinese_text_comes_back(packet: Path) -> None:
    text = pdf_text(packet)
    pages = page_count(packet)
    assert "\ufffd" not in text
    for words in ("巡察移交材料", "第二巡察组", RECEIVER, "王堃", "李赟", "赵喆", "陈喆", "刘赟",
                  "问题线索", "0 件", f"共 {pages} 页", "新桥村", "武进区", "湖塘镇",
                  "群众满意度测评结果", "证据材料清单", "移交人（签名）", "接收人（签名）"):
        assert words in text, words
    for page in range(1, pages + 1):
        one = pdf_text(packet, page)
        assert f"第 {page} 页 共 {pages} 页" in one and f"— {page} —" in one
        assert re.search(r"编号：XC-20260531-[0-9A-F]{6}", one)


def test_the_cover_states_the_digest_and_the_signers_fingerprint(packet: Path,
                                                                   tmp_path: Path) -> None:
    cover = re.sub(r"\s+", "", pdf_text(packet, 1))
    tool("pdfdetach", "-save", str(_index(packet, "manifest.json")), "-o",
         str(tmp_path / "m.json"), str(packet))
    manifest = (tmp_path / "m.json").read_bytes()
    assert "数据状态摘要" in cover and '"state_digest"' in manifest.decode()
    import json
    data = json.loads(manifest)
    assert data["state_digest"] in cover and data["signer_certificate_sha256"] in cover
    assert hashlib.sha256(manifest).hexdigest() in cover
    assert "证据文件2个" in cover


def _index(path: Path, name: str) -> int:
    listing = tool("pdfdetach", "-list", str(path)).splitlines()[1:]
    return next(int(line.split(":")[0]) for line in listing if line.split(": ", 1)[1] == name)


def test_gbt_9704_type_area(packet: Path) -> None:
    """A4; body text from 28 mm at the left within 156 mm, from 37 mm at the top within
    225 mm; body 16 pt; title 22 pt."""
    mm = 72 / 25.4
    html = tool("pdftotext", "-bbox", str(packet), "-")
    assert 'width="595.275600" height="841.889800"' in html  # A4
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', html)
    boxes = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in words]
    assert min(b[0] for b in boxes) == pytest.approx(28 * mm, abs=0.1)
    # Closing punctuation may hang into the margin (标点悬挂, reportlab's CJK line breaking).
    assert max(b[2] - (16 if b[4][-1] in "，。、；：？！）》”’" else 0) for b in boxes) \
        <= (28 + 156) * mm + 0.5
    body = [b for b in boxes if 37 * mm - 1 <= b[1] and b[3] <= (37 + 225) * mm + 1]
    assert body and all(b[3] <= (37 + 225) * mm + 1 for b in body)
    heights = {round(b[3] - b[1], 1) for b in boxes}
    assert 16.0 in heights and 22.0 in heights


def test_contents_and_bookmarks_point_at_the_sections(packet: Path) -> None:
    import json
    outlines = json.loads(tool("qpdf", "--json", "--json-key=outlines", str(packet)))["outlines"]
    pages = {o["title"]: o["destpageposfrom1"] for o in outlines}
    assert list(pages) == ["一、移交函及问题线索登记表", "二、巡察基本情况", "三、民主测评结果",
                           "四、问题线索底稿", "五、谈话记录", "六、问题底稿",
                           "七、立行立改通知书和整改通知书", "八、证据材料清单", "九、移交与签收"]
    assert [k["title"] for k in outlines[0]["kids"]] == ["移交函", "问题线索登记表"]
    assert [k["title"] for k in outlines[2]["kids"]] == ["新桥村 · 群众满意度测评"]
    contents = pdf_text(packet, 2)
    for title, page in pages.items():
        assert re.search(re.escape(title) + r"\s*" + str(page) + r"\s*$", contents, re.M), title
        assert title in pdf_text(packet, page)
    assert page_count(packet) == pages["九、移交与签收"]


def test_pdfdetach_gives_the_evidence_back(packet: Path, tmp_path: Path) -> None:
    listing = tool("pdfdetach", "-list", str(packet))
    assert listing.startswith("3 embedded files")
    printed = [line.split() for line in tool("pdfimages", "-list", str(packet)).splitlines()[2:]]
    assert len(printed) == 2 and all(row[2] == "image" and row[8] == "jpeg" for row in printed)
    assert "其中的照片缩小印制如下" in pdf_text(packet)
    tool("pdfdetach", "-saveall", "-o", str(tmp_path), str(packet))
    expected = {hashlib.sha256(image("JPEG", 1)).hexdigest(),
                hashlib.sha256(image("PNG", 2)).hexdigest()}
    files = sorted(p for p in tmp_path.iterdir() if p.name.startswith("E0"))
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == expected
    text = re.sub(r"\s+", "", pdf_text(packet))
    for path in files:  # the list shows each name with its hash
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert path.name in text and digest in text


def test_verify_with_and_without_trust(packet: Path, tmp_path: Path) -> None:
    plain = xuncha("verify", str(packet))  # intact, but nothing says who made the key
    assert plain.returncode == 1 and "自签名证书" in plain.stdout, plain.stderr
    assert "Traceback" not in plain.stderr and "--allow-untrusted" in plain.stderr
    allowed = xuncha("verify", str(packet), "--allow-untrusted")
    assert allowed.returncode == 0 and "自签名证书" in allowed.stdout, allowed.stderr
    assert "--allow-untrusted" in allowed.stdout
    db = packet.parent / "r.db"
    cert = tmp_path / "device.pem"
    tool("pdfdetach", "-list", str(packet))
    from desktop.services.workspace import open_workspace
    ws = open_workspace(db, PASSPHRASE)
    try:
        cert.write_bytes(handover.device_identity(ws, PASSPHRASE).certificate.dump())
    finally:
        ws.close()
    trusted = xuncha("verify", str(packet), "--trust", str(cert))
    assert trusted.returncode == 0 and "受信任" in trusted.stdout, trusted.stderr
    assert "核验通过" in trusted.stdout
    other = tmp_path / "other.pem"
    other.write_bytes(identity.new_key_material("某人", "某单位", "x").certificate_pem)
    refused = xuncha("verify", str(packet), "--trust", str(other))
    assert refused.returncode == 1 and "证书不受信任" in refused.stderr
    assert "已签名的内容被改动过" not in refused.stderr  # not trusted is not damaged
    english = xuncha("verify", str(packet), "--trust", str(other), lang="en")
    assert "does not lead to any --trust certificate" in english.stderr
    accepted = xuncha("verify", str(packet), "--trust", str(other), "--allow-untrusted")
    assert accepted.returncode == 0 and "证书不受信任" in accepted.stderr


def _problems(path: Path) -> str:
    out = xuncha("verify", str(path), "--allow-untrusted")  # exit 1: damaged, not untrusted
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    return out.stderr


def test_a_flipped_byte_is_caught(packet: Path, tmp_path: Path) -> None:
    data = bytearray(packet.read_bytes())
    data[data.index(b"stream", len(data) // 3) + 40] ^= 0x01
    assert "已签名的内容被改动过" in _problems(copy(packet, tmp_path, bytes(data)))


def test_an_update_appended_after_signing_is_caught_where_pdfsig_sees_none(
        packet: Path, tmp_path: Path) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(packet.read_bytes()))
    writer.root["/Lang"] = generic.pdf_string("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    path = copy(packet, tmp_path, out.getvalue())
    assert pdfsig(path)["Handover"]["Signature Validation"] == "Signature is Valid."
    stderr = _problems(path)
    assert "最后一个签名（移交人）之后追加了" in stderr
    assert "签名后文件被以其权限不允许的方式修改" in stderr
    trailing = copy(packet, tmp_path, packet.read_bytes() + b"%% appended\n")
    assert "之后追加了 12 字节" in _problems(trailing)


def test_a_replaced_attachment_is_caught(packet: Path, tmp_path: Path) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(packet.read_bytes()))
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[1].get_object()
    stream = embed.EmbeddedFileObject.from_file_data(writer, image("JPEG", 99))
    spec["/EF"] = generic.DictionaryObject({generic.pdf_name("/F"): stream.ef_stream_ref,
                                            generic.pdf_name("/UF"): stream.ef_stream_ref})
    writer.update_container(spec)
    out = io.BytesIO()
    writer.write(out)
    stderr = _problems(copy(packet, tmp_path, out.getvalue()))
    assert f"证据文件 {names[0]} 与清单中的 SHA-256 不符" in stderr
    assert "之后追加了" in stderr


def test_a_rewritten_file_is_caught(packet: Path, tmp_path: Path) -> None:
    rewritten = tmp_path / "rewritten.pdf"
    tool("qpdf", str(packet), str(rewritten))
    assert "已签名的内容被改动过" in _problems(rewritten)


def test_the_receivers_signature_keeps_the_first_valid(packet: Path, tmp_path: Path) -> None:
    key = p12(tmp_path / "receiver.p12", "赵喆", "pw")
    receiver = SigningIdentity.from_pkcs12(key.read_bytes(), "pw")
    signed = tmp_path / "received.pdf"
    signed.write_bytes(receive_packet(packet.read_bytes(), receiver, "赵喆",
                                      when=dt.datetime(2026, 6, 1, 9, 30)))
    sigs = pdfsig(signed)
    assert sigs["Handover"]["Signature Validation"] == "Signature is Valid."
    assert sigs["Handover"]["total"] == "no"  # the receiver's update came after it
    assert sigs["Receiver"]["Signature Validation"] == "Signature is Valid."
    assert sigs["Receiver"]["total"] == "yes" and sigs["Receiver"][
        "Signer Certificate Common Name"] == "赵喆"
    assert_sound(signed)
    assert "接收人：赵喆" in pdf_text(signed) or "赵喆" in pdf_text(signed)
    checked = xuncha("verify", str(signed), "--allow-untrusted")
    assert checked.returncode == 0, checked.stderr
    assert "签名 2（接收人）：赵喆" in checked.stdout and "尚未签名" not in checked.stdout
    report = verify_packet(signed.read_bytes())
    assert [s.field for s in report.signatures] == ["Handover", "Receiver"]
    assert report.signatures[0].certification and not report.signatures[1].certification


# --- fonts: every character checked, a fallback chain, a clear error -------------------------

def small_content(receiver: str = RECEIVER) -> PacketContent:
    data = image("PNG", 5)
    return PacketContent(
        number="XC-TEST-1", issued_on=dt.date(2026, 5, 31), team="第二巡察组", issuer="王堃",
        issuer_role="leader", receiver=receiver, digest="ab" * 32,
        roster=RosterSummary("2026年第一轮巡察", 2026, "第二巡察组",
                             (Member("王堃", "leader"), Member("赵喆", "deputy")), 1, 1, 1,
                             (Place("武进区", "湖塘镇", "新桥村"),)),
        evidence=(Evidence(handover_model.evidence_name(1, data), "image/png", data, ("r",),
                           "新桥村"),))


def device() -> SigningIdentity:
    keys = identity.new_key_material("王堃", "第二巡察组", "pw")
    return SigningIdentity.from_pem(keys.private_key_pem, keys.certificate_pem, "pw")


def test_a_character_the_body_font_lacks_comes_from_the_chain(tmp_path: Path) -> None:
    chosen = cjk_fonts()
    assert not fonts.has_glyph(chosen.body, "厸") and fonts.has_glyph(chosen.heading, "厸")
    path = tmp_path / "p.pdf"
    path.write_bytes(build_packet(small_content("厸村 王堃"), device()).pdf)
    assert "厸村 王堃" in pdf_text(path)
    assert_sound(path)


def test_a_character_no_font_has_is_named(tmp_path: Path) -> None:
    """𠮷 (U+20BB7, CJK Extension B): WenQuanYi Micro Hei and AR PL UMing/UKai lack it."""
    free = tmp_path / "fonts"
    for folder in ("wqy", "arphic"):
        shutil.copytree(DEBIAN / folder, free / folder)
    places = (tmp_path / "no-windows", free)
    with pytest.raises(GlyphMissing) as caught:
        build_packet(small_content("𠮷田"), device(), places=places)
    message = str(caught.value)
    assert "U+20BB7" in message and "“𠮷”" in message and "𠮷田" in message


def test_the_command_line_names_a_missing_character_or_renders_it(tmp_path: Path) -> None:
    make_round(tmp_path / "r.db")
    out = tmp_path / "p.pdf"
    run = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out), "--receiver", "𠮷田",
                 XUNCHA_PASSPHRASE=PASSPHRASE)
    chosen = cjk_fonts()
    if fallback_chain(chosen).font_for("𠮷", chosen.body) is None:
        assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1
        assert "U+20BB7" in run.stderr and "𠮷" in run.stderr and not out.exists()
    else:  # a font with Extension B is installed (fonts-hanazono, SimSun-ExtB)
        assert run.returncode == 0, run.stderr
        assert "𠮷田" in pdf_text(out)
        assert_sound(out)


def test_characters_beyond_the_bmp_keep_their_code_in_the_text_layer() -> None:
    """reportlab writes U+20BB7 as five hex digits in ToUnicode; fonts.py writes UTF-16."""
    from reportlab.pdfbase import ttfonts
    cmap = ttfonts.makeToUnicodeCMap("X", [0x41, 0x20BB7])
    assert "<00> <0041>" in cmap and "<01> <D842DFB7>" in cmap


def test_english_packet(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "en.pdf"
    path.write_bytes(build_packet(small_content(), device()).pdf)
    text = pdf_text(path)
    assert "Handover packet" in text and f"Page 1 of {page_count(path)}" in text
    assert "Handed over by (signature)" in text and "\ufffd" not in text
    assert_sound(path)
    assert layout.long_date(dt.date(2026, 5, 31)) in text


def test_manifest_check_names_each_problem() -> None:
    from desktop.packet import manifest
    content = small_content()
    data = manifest.manifest_bytes(content, "f" * 64, ["x"])
    (evidence,) = content.evidence
    files = {evidence.name: evidence.data}
    read, problems = manifest.check(data, files, manifest.sha256(data))
    assert problems == [] and read is not None and read["evidence"][0]["size"] == evidence.size
    assert manifest.check(None, files, None)[1] == ["移交材料中没有清单文件（manifest.json）"]
    assert manifest.check(data, files, "0" * 64)[1] == ["清单文件不是签名时的那一份"]
    assert manifest.check(b"{not json", files, manifest.sha256(b"{not json"))[1] == [
        "清单文件已损坏，或不是移交材料的清单"]
    _, problems = manifest.check(data, {evidence.name: b"other", "x.txt": b"x"},
                                 manifest.sha256(data))
    assert problems == [f"证据文件 {evidence.name} 与清单中的 SHA-256 不符",
                        "嵌入的文件 x.txt 不在证据清单中"]
    assert manifest.check(data, {}, manifest.sha256(data))[1] == [
        f"证据文件 {evidence.name} 列在清单中，但未嵌入"]


def _mutants(data: bytes) -> dict[str, bytes]:
    """What a forger or a bad copy makes of a packet: flipped bytes all over the signed ranges,
    a damaged signature value, cut and lengthened files, other files under the name."""
    start, end = (int(n) for n in re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)",
                                             data).groups())  # the signature value's gap
    signed = [i for i in range(0, len(data), max(len(data) // 1000, 1))
              if not start <= i < end]
    out = {f"flip@{i}": data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:]
           for i in signed[:: max(len(signed) // 70, 1)][:70]}
    value = data[start + 1:end - 1].rstrip(b"0")  # the CMS blob, without its zero padding
    for at in range(0, len(value) - 1, len(value) // 16):
        digit = b"0" if value[at:at + 1] != b"0" else b"f"
        out[f"value@{at}"] = data[:start + 1 + at] + digit + data[start + 2 + at:]
    out |= {f"cut@{k}/16": data[:len(data) * k // 16] for k in range(1, 16)}
    out |= {"empty": b"", "not a pdf": b"PK\x03\x04" + data[4:], "garbage": bytes(4096),
            "appended": data + b"\n1 0 obj\n<< >>\nendobj\n", "doubled": data + data}
    return out


def test_no_mutant_of_a_packet_passes_or_crashes(packet: Path) -> None:
    data = packet.read_bytes()
    assert verify_packet(data).verdict is handover.Verdict.UNTRUSTED  # the control: intact
    mutants = _mutants(data)
    assert len(mutants) >= 100
    passed = {name: verify_packet(bytes(mutant)).verdict for name, mutant in mutants.items()}
    assert {n: v for n, v in passed.items() if v is not handover.Verdict.DAMAGED} == {}

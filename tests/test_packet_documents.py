"""The documents of a handover packet (the letter and clue list, clue and finding working
papers, interview records, notices, village report outlines) and the public posting, made
from a real encrypted database through the services and read back with real tools:
pdftotext (the Chinese of every document, no U+FFFD), qpdf --check, pdffonts (all embedded),
pdfsig (the signature still valid), qpdf --json (bookmarks), a table of 60 findings across
pages with its header repeated, rare characters in names, and no secret name in the posting."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from sqlalchemy import select
from test_handover import image, make_round
from test_packet_ballots import assert_sound, page_count, pdf_text, tool, xuncha

from desktop.core.i18n import set_language
from desktop.packet.document_model import FileRef, RecordView
from desktop.packet.fonts import cjk_fonts
from desktop.packet.record_pdf import record_flowables
from desktop.services import clues, demo, findings, handover, queries, registers, step_records
from desktop.services.clues import ClueDraft
from desktop.services.findings import FindingDraft
from desktop.services.registers import TaskDraft
from desktop.services.workspace import Actor, Workspace, open_workspace
from desktop.store.models import InspectorRow, VillageRow

ISSUED = dt.date(2026, 6, 1)
RECEIVER = "市纪委监委第三审查调查室"
TRANSCRIPT = "\n".join(f"问：第{n}个问题，村里的集体资产出租情况如何？\n答：去年鱼塘出租给了本村"
                       f"村民，租金每年八千元，没有经过村民代表会议讨论。" for n in range(1, 40))
SEALED_SCAN = 11  # the seed of the image attached to the sealed clue only
SECRET = {"clue": ("吴赟", "郑喆"), "reporter": "孙喆", "subject": "钱堃", "interviewee": "周赟"}


@contextlib.contextmanager
def acting(ws: Workspace, inspector_id: str) -> Iterator[None]:
    before = ws.actor
    assert before is not None
    ws.actor = Actor(inspector_id, before.device_id)
    try:
        yield
    finally:
        ws.actor = before


def record(ws: Workspace, village: str, step: str, values: dict) -> str:
    draft = step_records.start_draft(ws, village, step)
    step_records.save_draft(ws, draft.id, values)
    return step_records.save_record(ws, draft.id).created[0]


def people(ws: Workspace) -> dict[str, str]:
    with ws.read() as s:
        return {n: i for i, n in s.execute(select(InspectorRow.id, InspectorRow.name))}


def fill_registers(ws: Workspace, ids: dict[str, str], findings_count: int = 3) -> dict:
    """Interviews, a petition, two clues (one sealed, one handed over), findings through the
    review chain (one amended), and measures of every kind, in 新桥村."""
    who = people(ws)
    village, scan = ids["village"], step_records.store_blob(ws, image("PNG", 7))
    talk = record(ws, village, "interview", {
        "date": "2026-03-16", "start_time": "09:00", "end_time": "10:30", "place": "村委会",
        "interviewee": {"name": SECRET["interviewee"]}, "interviewee_post": "村民代表",
        "interviewee_category": "villager", "selection": "chosen",
        "interviewers": [{"id": who["王堃"]}, {"id": who["赵喆"]}],
        "recorder": {"id": who["李赟"]}, "topics": ["finance", "collective_assets"],
        "outline": "集体资产出租；招待费", "transcript": TRANSCRIPT,
        "problems_raised": "鱼塘出租未经民主决策。", "confirmation": "signed",
        "attachments": [scan]})
    record(ws, village, "interview", {
        "date": "2026-03-17", "interviewee": {"name": "陈堃"}, "interviewee_category":
        "committee", "selection": "required", "interviewers": [{"id": who["王堃"]}],
        "recorder": {"id": who["李赟"]}, "transcript": "问：村务公开情况？\n答：按季度公开。"})
    petition = record(ws, village, "petition", {
        "number": "XF-001", "received_on": "2026-03-18", "channel": "letter",
        "received_by": {"id": who["李赟"]}, "identity": "named",
        "reporter_name": SECRET["reporter"], "subject": {"name": SECRET["subject"]},
        "subject_post": "村会计", "category": "finance", "summary": "反映村会计虚报冒领惠民资金"})
    evidence = step_records.store_blob(ws, image("JPEG", 9))
    base = {"category": "integrity", "source": "petition", "proposed_handling":
            "preliminary_check", "village_id": village, "post": "村会计"}
    first = clues.draft_clue(ws, ClueDraft(
        person=SECRET["clue"][0], summary="虚报冒领惠民资金三万元，" * 12,
        evidence_records=(petition, talk), evidence_files=(evidence,), **base)).created[0]
    sealed = clues.draft_clue(ws, ClueDraft(
        person=SECRET["clue"][1], summary="收受工程好处费", sealed=True,
        evidence_records=(petition,),
        evidence_files=(step_records.store_blob(ws, image("JPEG", SEALED_SCAN)),),
        **base)).created[0]
    old = clues.draft_clue(ws, ClueDraft(person="冯堃", summary="早已移交的线索", **base)).created[0]
    clues.hand_over_clue(ws, old, "2026-04-01", "discipline_commission", "市纪委 王某")
    clues.hand_over_clue(ws, first, ISSUED.isoformat(), "discipline_commission", "市纪委 林某")
    made = []
    for n in range(findings_count):
        fid = findings.draft_finding(ws, FindingDraft(
            title=f"集体资产出租未经民主决策（第{n + 1}项）", aspect=("finance", "party_affairs",
                                                          "ecology", "living")[n % 4],
            focus="three_assets", problem_class="individual", village_id=village,
            description="鱼塘出租给村民周某，\n租金明显偏低。", basis="《江苏省农村集体资产管理条例》",
            source="interview", responsible_party="村党总支", evidence_records=(talk,),
            evidence_files=(evidence,))).created[0]
        if n % 5 != 4:
            findings.review_finding(ws, fid)
            findings.sign_off_finding(ws, fid)
        made.append(fid)
    findings.amend_finding(ws, made[0], {"title": "集体鱼塘低价出租未经民主决策"}, "标题不够准确")
    tasks = {}
    for kind, title in (("immediate_rectification", "立即清理河道垃圾"),
                        ("rectification", "规范集体资产出租"), ("suggestion", "健全财务审批"),
                        ("rule_improved", "制定小微权力清单")):
        tasks[kind] = registers.add_task(ws, kind, TaskDraft(
            title=title, measure=f"{title}：明确责任人{SECRET['clue'][0]}，限期完成并公开结果。",
            responsible="黄赟", deadline="2026-05-20", village_id=village,
            finding_id=made[0] if kind == "rectification" else None)).created[0]
    registers.close_out(ws, tasks["immediate_rectification"], "2026-05-10", "已清理",
                        files=(scan,))
    return {"talk": talk, "petition": petition, "clue": first, "sealed": sealed, "old": old,
            "findings": made, "tasks": tasks}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A round with registers in 新桥村, its packet (signed by the leader) and its posting."""
    folder = tmp_path_factory.mktemp("documents")
    set_language("zh_CN")
    ids = make_round(folder / "r.db")
    ws = open_workspace(folder / "r.db", PASSPHRASE)
    try:
        ids |= fill_registers(ws, ids, findings_count=5)
        before = queries.stats(ws).digest
    finally:
        ws.close()
    handover.make_packet(folder / "r.db", PASSPHRASE, folder / "packet.pdf", handover.Request(
        villages=("新桥村",), receiver=RECEIVER, issued_on=ISSUED))
    handover.make_packet(folder / "r.db", PASSPHRASE, folder / "drafts.pdf", handover.Request(
        villages=("新桥村",), receiver=RECEIVER, issued_on=ISSUED, drafts=True))
    made = xuncha("packet", str(folder / "r.db"), "--public", "--out",
                  str(folder / "posting.pdf"), "--date", ISSUED.isoformat(),
                  XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    return {"folder": folder, "ids": ids, "digest": before, "stdout": made.stdout,
            "packet": folder / "packet.pdf", "posting": folder / "posting.pdf",
            "drafts": folder / "drafts.pdf"}


def flat(path: Path, page: int | None = None, last: int | None = None) -> str:
    """The text of the file (or of pages ``page`` to ``last``) in drawing order, each table
    cell whole, without white space."""
    pages = ("-f", str(page), "-l", str(last or page)) if page else ()
    return re.sub(r"\s+", "", tool("pdftotext", "-raw", *pages, str(path), "-"))


def tool_output(*args: str | Path) -> str:
    """What a tool prints, whatever its exit status (pdfsig on an unsigned file)."""
    run = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60,
                         check=False)
    return run.stdout + run.stderr


def outline(path: Path) -> list[dict]:
    return json.loads(tool("qpdf", "--json", "--json-key=outlines", str(path)))["outlines"]


def test_every_document_reads_back_in_chinese(made: dict) -> None:
    packet = made["packet"]
    assert_sound(packet)
    text = flat(packet)
    assert "\ufffd" not in text
    for words in ("关于移交问题线索的函", "市纪委监委第三审查调查室：", "问题线索登记表", "问题线索底稿",
                  "个别谈话记录", "谈话对象类别群众", "主谈人王堃、赵喆", "问：第39个问题",
                  "问题底稿", "审核流程", "立行立改通知书", "整改通知书", "新桥村党组织：",
                  "未定稿材料未列入（只签名定稿材料）：尚未签发的问题1个"):
        assert words in text, words
    for unfinished in ("未定稿附件", "（待巡察组撰写）", "本问题尚未签发"):
        assert unfinished not in text, unfinished
    for name in ("王堃", "赵喆", "李赟", "吴赟", "周赟", "陈堃", "黄赟"):
        assert name in text, name  # rare characters, through the fallback fonts


def test_the_signature_still_covers_the_whole_packet(made: dict) -> None:
    report = tool("pdfsig", str(made["packet"]))
    assert "Signature is Valid." in report and "Total document signed" in report
    checked = xuncha("verify", str(made["packet"]), "--allow-untrusted")
    assert checked.returncode == 0, checked.stderr


def test_bookmarks_and_contents_name_every_part(made: dict) -> None:
    marks = outline(made["packet"])
    titles = [m["title"] for m in marks]
    assert titles[0] == "一、移交函及问题线索登记表" and titles[-1] == "九、移交与签收"
    kids = {m["title"]: [k["title"] for k in m.get("kids", [])] for m in marks}
    assert kids["四、问题线索底稿"] == ["〔2026〕巡线-2组-02 吴赟", "（尚未编号） （密封线索）"]
    assert kids["五、谈话记录"] == ["新桥村 · 2026-03-16 · 周赟", "新桥村 · 2026-03-17 · 陈堃"]
    assert kids["六、问题底稿"][0] == "〔2026〕巡-2组-01 集体鱼塘低价出租未经民主决策"
    assert kids["六、问题底稿"][-1] == "〔2026〕巡-2组-04 集体资产出租未经民主决策（第4项）"
    assert kids["七、立行立改通知书和整改通知书"] == ["新桥村立行立改通知书", "新桥村整改通知书"]
    contents = {re.sub(r"\s+", "", line) for page in (2, 3) for line in tool(
        "pdftotext", "-layout", "-f", str(page), "-l", str(page), str(made["packet"]),
        "-").splitlines()}
    for mark in marks:
        for kid in [mark, *mark.get("kids", [])]:
            title = re.sub(r"\s+", "", kid["title"])
            assert f"{title}{kid['destpageposfrom1']}" in contents, title
            assert kid["title"].split()[-1][-4:] in flat(made["packet"], kid["destpageposfrom1"])


def test_the_cover_letter_and_manifest_say_which_clues(made: dict, tmp_path: Path) -> None:
    cover = flat(made["packet"], 1)
    assert "问题线索2件（移交日期前尚未移交的线索）：已登记移交1件，尚未登记移交1件" in cover
    text = flat(made["packet"])
    assert "冯堃" not in text  # handed over before the packet's date: an earlier handover
    assert "已在线索登记簿登记移交并编号的1件，尚未登记移交的1件" in text
    tool("pdfdetach", "-saveall", "-o", str(tmp_path), str(made["packet"]))
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    ids = made["ids"]
    assert [c["id"] for c in manifest["clues"]] == [ids["clue"], ids["sealed"]]
    assert manifest["clue_rule"] == "new" and manifest["clues"][1]["handed_over_on"] is None
    records = {r["id"]: r["kind"] for r in manifest["records"]}
    assert records[ids["talk"]] == "step_record" and records[ids["findings"][0]] == "finding"
    assert records[ids["petition"]] == "step_record"  # linked as evidence of a clue


def test_a_sealed_clue_leaves_by_number_and_place_only(made: dict, tmp_path: Path) -> None:
    packet = made["packet"]
    text = flat(packet)
    assert "（密封线索）" in text and "内容另行密封移交" in text and "其中密封线索1件" in text
    assert "本线索为密封线索" in text
    secrets = (SECRET["clue"][1], "收受工程好处费")
    for secret in secrets:
        assert secret not in text, secret
    # nor in any string of the file (outline, metadata, attachment descriptions) once inflated
    tool_output("qpdf", "--qdf", "--object-streams=disable", packet, tmp_path / "plain.pdf")
    inflated = (tmp_path / "plain.pdf").read_bytes()
    for secret in secrets:
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-be")):
            assert encoded not in inflated, secret
    tool("pdfdetach", "-saveall", "-o", str(tmp_path), str(packet))
    sealed_scan = hashlib.sha256(image("JPEG", SEALED_SCAN)).hexdigest()
    embedded = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in tmp_path.glob("*")
                if p.name not in ("plain.pdf",)}
    assert sealed_scan not in embedded and len(embedded) > 2
    for path in embedded.values():
        assert all(secret.encode("utf-8") not in path.read_bytes() for secret in secrets)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert made["ids"]["sealed"] in {r["id"] for r in manifest["records"]}  # named, not shown


def test_classification_and_copy_number_on_the_cover_and_every_page(made: dict) -> None:
    cover = flat(made["packet"], 1)
    assert "密级和份号机密000001" in cover
    for page in (1, 2, page_count(made["packet"])):
        assert flat(made["packet"], page).startswith("000001机密编号：XC-")


def test_making_a_packet_registers_nothing(made: dict) -> None:
    ws = open_workspace(made["folder"] / "r.db", PASSPHRASE)
    try:
        assert queries.stats(ws).digest == made["digest"]
        assert not clues.clue(ws, made["ids"]["sealed"], ws.actor).handed_over
    finally:
        ws.close()


def test_a_clue_paper_lists_its_evidence_and_the_files_come_back(made: dict,
                                                                tmp_path: Path) -> None:
    marks = {m["title"]: m for m in outline(made["packet"])}
    first, second = (k["destpageposfrom1"] for k in marks["四、问题线索底稿"]["kids"])
    paper = flat(made["packet"], first, second - 1)
    assert "记录：个别谈话记录" in paper and "记录：信访件登记" in paper
    tool("pdfdetach", "-saveall", "-o", str(tmp_path), str(made["packet"]))
    jpeg = hashlib.sha256(image("JPEG", 9)).hexdigest()
    [embedded] = [p for p in tmp_path.glob("E*") if hashlib.sha256(p.read_bytes()).hexdigest()
                  == jpeg]
    assert f"附件名{embedded.name}" in paper and jpeg in paper
    assert "2026年6月1日由王堃移交纪委监委，接收人：市纪委林某" in paper


def test_a_finding_paper_keeps_the_signed_text_visible(made: dict) -> None:
    marks = {m["title"]: m for m in outline(made["packet"])}
    first, last = (marks["六、问题底稿"]["kids"][i]["destpageposfrom1"] for i in (0, -1))
    paper = flat(made["packet"], first) + flat(made["packet"], first + 1)
    for words in ("问题编号〔2026〕巡-2组-01", "方面财务", "监督重点三资", "问题性质个性问题",
                  "来源个别谈话", "定性依据《江苏省农村集体资产管理条例》", "承办人起草王堃", "签发王堃",
                  "修改记录", "标题不够准确", "集体资产出租未经民主决策（第1项）集体鱼塘低价出租未经民主决策"):
        assert words in paper, words
    assert "本问题尚未签发" not in flat(made["packet"], last)


def test_unfinished_material_goes_only_into_an_annex_asked_for(made: dict) -> None:
    marks = {m["title"]: m for m in outline(made["drafts"])}
    annex = marks["八、未定稿附件（非定稿材料）"]
    assert list(marks)[-3:] == ["八、未定稿附件（非定稿材料）", "九、证据材料清单", "十、移交与签收"]
    parts = [k["title"] for k in annex["kids"]]
    assert parts == ["（尚未编号） 集体资产出租未经民主决策（第5项）", "新桥村巡察报告框架"]
    first = annex["destpageposfrom1"]
    assert "本附件由移交人特意列入，所载材料均未定稿" in flat(made["drafts"], first)
    assert "本问题尚未签发（状态：待审核）" in flat(made["drafts"], annex["kids"][0][
        "destpageposfrom1"])
    report = flat(made["drafts"], annex["kids"][1]["destpageposfrom1"], page_count(
        made["drafts"]))
    assert "关于对新桥村巡察情况的报告（框架）" in report and "（二）财务方面" in report
    assert "（待巡察组撰写）" in report and "另有1个问题尚未签发，未列入。" in report
    assert "列入“未定稿附件”（非定稿）：尚未签发的问题1个" in flat(made["drafts"], 1)
    assert not any("未定稿" in m["title"] for m in outline(made["packet"]))


def test_the_notices_and_the_report_outline(made: dict) -> None:
    text = flat(made["packet"])
    assert "立即清理河道垃圾" in text and "已于2026年5月10日销号" in text
    assert "整改中，已逾期12天" in text and "〔2026〕巡-2组-01集体鱼塘低价出租未经民主决策" in text
    assert "健全财务审批" in text and "制定小微权力清单" in text


def test_the_posting_shows_no_secret_name(made: dict) -> None:
    posting = made["posting"]
    assert "已生成张榜公布文件" in made["stdout"]
    assert_sound(posting)
    text = flat(posting)
    assert "巡察反馈问题及整改情况公示" in text and "集体鱼塘低价出租未经民主决策" in text
    assert "规范集体资产出租：明确责任人×××" in text and "\ufffd" not in text
    for name in (*SECRET["clue"], SECRET["reporter"], SECRET["subject"],
                 SECRET["interviewee"], "黄赟", "冯堃"):
        assert name not in text, name
    assert "（第5项）" not in text  # not signed off: not published
    assert "does not contain any signatures" in tool_output("pdfsig", posting)
    assert tool("pdfdetach", "-list", str(posting)).startswith("0 embedded files")


def test_a_deputy_hands_over_no_sealed_clue_and_the_rules(made: dict) -> None:
    ws = open_workspace(made["folder"] / "r.db", PASSPHRASE)
    try:
        deputy = people(ws)["赵喆"]
        with acting(ws, deputy):
            content = handover.gather(ws, handover.Request(villages=("新桥村",),
                                                           issued_on=ISSUED))
        assert [c.person for c in content.clues] == [SECRET["clue"][0]]
        assert content.clue_selection.withheld == 1
        every = handover.gather(ws, handover.Request(clues="all", issued_on=ISSUED))
        assert [c.person for c in every.clues] == ["冯堃", SECRET["clue"][0], ""]
        assert [c.sealed for c in every.clues] == [False, False, True]
        none = handover.gather(ws, handover.Request(clues="none", issued_on=ISSUED))
        assert none.clues == () and none.clue_selection.rule == "none"
        later = handover.gather(ws, handover.Request(issued_on=ISSUED + dt.timedelta(days=1)))
        assert [c.id for c in later.clues] == [made["ids"]["sealed"]]  # only the unregistered
    finally:
        ws.close()


def test_sixty_findings_run_over_pages_with_the_header_repeated(tmp_path: Path) -> None:
    ids = make_round(tmp_path / "r.db")
    ws = open_workspace(tmp_path / "r.db", PASSPHRASE)
    try:
        fill_registers(ws, ids, findings_count=60)
    finally:
        ws.close()
    out = tmp_path / "p.pdf"
    handover.make_packet(tmp_path / "r.db", PASSPHRASE, out, handover.Request(
        villages=("新桥村",), issued_on=ISSUED))
    assert_sound(out)
    marks = {m["title"]: m for m in outline(out)}
    start = marks["六、问题底稿"]["destpageposfrom1"]
    end = marks["六、问题底稿"]["kids"][0]["destpageposfrom1"]
    listed = [flat(out, p) for p in range(start, end)]
    assert len(listed) >= 2 and all("序号问题编号标题村（社区）方面状态" in p for p in listed)
    assert "〔2026〕巡-2组-48" in "".join(listed) and len(marks["六、问题底稿"]["kids"]) == 48
    assert page_count(out) > 60 and "\ufffd" not in flat(out)


def sample(field, digest: str) -> object:  # type: ignore[no-untyped-def]
    """A value of each field kind, as the form stores it."""
    return {"text": "示例文字", "long_text": "第一行说明\n第二行说明", "number": "12.5",
            "date": "2026-03-15", "time": "09:30",
            "choice": field.options[0].key if field.options else None,
            "multi_choice": [o.key for o in field.options[:2]],
            "person": [{"name": "张堃"}] if field.multiple else {"name": "张堃"},
            "village": "v1", "attachments": [digest],
            "repeat": [{sub.key: sample(sub, digest) for sub in field.fields}] * 2,
            "checklist": {i.key: {"state": "problem", "note": "缺少记录"} for i in field.items},
            }[field.kind]


@pytest.mark.parametrize("key", step_records.form_set().keys())
def test_any_step_record_renders_from_its_form(key: str, tmp_path: Path) -> None:
    """The generic renderer: every field's label, options by label, a checklist's states,
    a repeat group's columns, people and villages by name, files by their embedded name."""
    from reportlab.platypus import SimpleDocTemplate

    from desktop.packet import layout
    from desktop.packet.fonts import fallback_chain
    from desktop.packet.glyphs import check_story
    form = step_records.form_set().latest(key)
    digest = "ab" * 32
    values = {f.key: sample(f, digest) for f in form.fields}
    view = RecordView("r-1", "新桥村", form, values, {"v1": "东塘社区"},
                      {digest: FileRef(digest, "E01-abababab.png", 10)})
    fonts = layout.for_language(cjk_fonts())
    out = tmp_path / "record.pdf"
    SimpleDocTemplate(str(out), pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT),
                      leftMargin=layout.LEFT, rightMargin=layout.RIGHT, topMargin=layout.TOP,
                      bottomMargin=layout.BOTTOM, initialFontName=fonts.body).build(
        check_story(record_flowables(view, fonts), fallback_chain(fonts)))
    assert_sound(out)
    text = flat(out)
    for f in form.fields:
        assert re.sub(r"\s+", "", f.label.text()) in text, f.key
        if f.kind in ("choice", "multi_choice"):
            assert re.sub(r"\s+", "", f.options[0].label.text()) in text
        for sub in f.fields:
            assert re.sub(r"\s+", "", sub.label.text()) in text
    kinds = {f.kind for f in form.fields}
    assert ("张堃" in text) == ("person" in kinds or any(
        s.kind == "person" for f in form.fields for s in f.fields))
    if "checklist" in kinds:
        assert "发现问题" in text and "缺少记录" in text
    if "attachments" in kinds:
        assert "E01-abababab.png" in text
    if "village" in kinds:
        assert "东塘社区" in text


def test_english_documents(made: dict, tmp_path: Path) -> None:
    set_language("en")
    out = tmp_path / "en.pdf"
    handover.make_packet(made["folder"] / "r.db", PASSPHRASE, out, handover.Request(
        villages=("新桥村",), receiver=RECEIVER, issued_on=ISSUED))
    assert_sound(out)
    text = pdf_text(out)
    for words in ("Letter on handing over problem clues", "Problem clue working paper",
                  "Individual talk record", "Finding working paper", "Review chain",
                  "Immediate rectification notice", "Left out (only final material",
                  "This clue is sealed", "Secret"):
        assert words in text, words
    assert "\ufffd" not in text


def test_the_demo_round_posting_withholds_clue_persons_and_reporters(tmp_path: Path) -> None:
    """The demo's clues (sealed, handed over) and petitions added to its villages: the
    packet of every clue names them, the posting of every village names none."""
    [db] = demo.generate(tmp_path / "demo", "small", laptops=1).paths
    ws = open_workspace(db, demo.DEMO_PASSPHRASE)
    try:
        who = next(iter(people(ws).values()))
        with ws.read() as s:
            villages = [v for v, in s.execute(select(VillageRow.id))]
        reporters = ["孙喆", "欧阳赟", "钱堃"]
        for village, name in zip(villages, reporters, strict=False):
            record(ws, village, "petition", {
                "number": f"XF-{name}", "received_on": "2026-03-18", "channel": "visit",
                "received_by": {"id": who}, "identity": "named", "reporter_name": name,
                "subject": {"name": "褚赟"}, "category": "finance", "summary": "反映问题"})
        every = clues.clues(ws, ws.actor).clues
        persons = [c.person for c in every]
        shown = [c.person for c in every if not c.sealed]
        sealed = sum(c.sealed for c in every)
    finally:
        ws.close()
    assert persons
    packet = tmp_path / "demo.pdf"
    handover.make_packet(db, demo.DEMO_PASSPHRASE, packet, handover.Request(
        clues="all", issued_on=ISSUED))
    assert all(p in flat(packet) for p in shown)
    assert sealed and flat(packet).count("（密封线索）") >= sealed
    posting = tmp_path / "posting.pdf"
    handover.make_posting(db, demo.DEMO_PASSPHRASE, posting, handover.Request(issued_on=ISSUED))
    assert_sound(posting)
    text = flat(posting)
    assert "巡察反馈问题及整改情况公示" in text and "\ufffd" not in text
    for name in (*persons, *reporters, "褚赟"):
        assert name not in text, name


def test_a_tall_row_breaks_across_pages_with_one_header_per_page(tmp_path: Path) -> None:
    """A measure of a few thousand characters: its row runs over pages where it falls, and
    each page shows the header once (reportlab alone repeats it halfway down a page)."""
    from desktop.packet.document_model import Measure, Posting, PostingPlace, PostingRow
    from desktop.packet.posting_pdf import write_posting
    long = Measure("rectification", "整改", "逐项整改到位，" * 500, "", "2026-07-01", "open")
    short = Measure("rectification", "整改", "限期完成", "", "2026-07-01", "closed", "2026-06-20")
    rows = (PostingRow("问题甲", "finance", (short,)), PostingRow("问题乙", "living", (long,)),
            PostingRow("问题丙", "ecology", (short, short)))
    out = tmp_path / "posting.pdf"
    pages = write_posting(out, Posting("2026年第一轮巡察", "第二巡察组", ISSUED, (
        PostingPlace("湖塘镇", "新桥村", rows),)))
    assert pages == page_count(out) >= 3
    assert_sound(out)
    for page in range(1, pages + 1):
        assert flat(out, page).count("序号问题方面整改措施完成时限进展情况") == 1, page
    assert flat(out, 1).index("问题甲") < flat(out, 1).index("逐项整改到位")  # split in place
    assert "1.限期完成2.限期完成" in flat(out) and "已于2026年6月20日销号" in flat(out)

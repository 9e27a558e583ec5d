"""Results documents (desktop.packet.evaluation_pdf / evaluation_xlsx and ``xuncha evaluate
--pdf/--xlsx``): a hand-worked count read back from the PDF with pdftotext, the workbook read
back with openpyxl against ``evaluation_report.as_dict``, and the three shipped questionnaires
checked by qpdf."""

from __future__ import annotations

import csv
import datetime
import random
import re
from pathlib import Path

import openpyxl
import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate
from test_packet_ballots import (
    assert_sound,
    one_line_error,
    page_count,
    pdf_text,
    tool,
    unwritable_folder,
    xuncha,
)

from desktop.core import errors, evaluation_report, questionnaire_toml, scoring
from desktop.core.i18n import set_language
from desktop.packet import layout
from desktop.packet.evaluation_pdf import evaluation_flowables, write_evaluation_pdf
from desktop.packet.evaluation_xlsx import write_evaluation_xlsx
from desktop.packet.fonts import cjk_fonts
from desktop.packet.session import Attendance, SessionHeader

HEADER = SessionHeader("新桥村", datetime.date(2026, 3, 15),
                       (Attendance("党员", 12, 10), Attendance("群众", 10, 8)))


def hand_ballots() -> list[scoring.Ballot]:
    """satisfaction, 15 ballots returned, one void. branch/overall: 满意 6, 基本满意 2, 不满意 1,
    不了解 3, blank 2 → counted 9, rate 8/9 = 88.9 %, score (6 + 1.5 + 0.55) / 9 = 89.44,
    满意. committees/overall: 不满意 on the first 5 → 55.00, 不满意, flagged (≥ 1/3)."""
    form = questionnaire_toml.find("satisfaction")
    keys = [o.key for o in form.options]
    ballots = []
    for n, answer in enumerate([1] * 6 + [2] * 2 + [3] + [4] * 3 + [0] * 2, 1):
        answers = {("branch", "overall"): keys[answer - 1]} if answer else {}
        if n <= 5:
            answers[("committees", "overall")] = "dissatisfied"
        ballots.append(scoring.Ballot(f"{n:04d}", answers))
    ballots.append(scoring.Ballot("0099", dict.fromkeys(form.columns(), "satisfied"), True))
    return ballots


def hand_worked(issued: int = 20, expected: int | None = None) -> scoring.Evaluation:
    return scoring.evaluate(questionnaire_toml.find("satisfaction"), hand_ballots(), issued,
                            expected)


def layout_text(path: Path) -> str:
    return tool("pdftotext", "-layout", str(path), "-")


def test_the_hand_worked_count_in_the_pdf(tmp_path: Path) -> None:
    form = questionnaire_toml.find("satisfaction")
    path = tmp_path / "r.pdf"
    write_evaluation_pdf(path, form, hand_worked(), HEADER)
    assert_sound(path)
    text = layout_text(path)
    assert "群众满意度测评结果" in text and "村（社区）：新桥村" in text
    assert "测评日期：2026年3月15日" in text
    assert re.search(r"党员\s+12\s+10\n\s+群众\s+10\s+8\n\s+合计\s+22\s+18", text)
    assert "测评票：发出 20 张，收回 15 张，有效 14 张，无效 1 张" in text
    assert "收回 15 张 / 发出 20 张 = 75.0%，要求 > 50%：" in text
    # counts above, shares below the row of the item (two-line cells)
    assert re.search(r"^\s+6\s+2\s+1\n总体评价\s+3\s+2\s+9\s+88\.9%\s+89\.44\s+满意\n"
                     r"\s+66\.7%\s+22\.2%\s+11\.1%$", text, re.M)
    assert re.search(r"^政治素质\s+0\s+0\s+0\s+0\s+14\s+0\s+—\s+—\s+—$", text, re.M)
    assert re.search(r"^\s+0\s+0\s+5\n总体评价\s+0\s+9\s+5\s+0\.0%\s+55\.00\s+不满意$", text,
                     re.M)
    assert "提示：总体评价，不满意票达三分之一" in text
    assert "一、村党组织" in text and "五、两委成员3" in text
    assert "六、各测评对象、项目满意率" in text
    assert re.search(r"村党组织 · 总体评价\s+88\.9%", text)
    assert "— 1 —" in text and "— 2 —" in text
    assert "“不了解”的不计入计票数" in text and "满意 ≥ 85%" in text


def test_a_void_session_and_a_missed_quorum(tmp_path: Path) -> None:
    form = questionnaire_toml.find("satisfaction")
    void = tmp_path / "void.pdf"
    write_evaluation_pdf(void, form, hand_worked(issued=14), SessionHeader())
    assert_sound(void)
    text = pdf_text(void)
    assert "本次计票无效：收回的选票多于发出的选票。" in text and "一、村党组织" not in text
    assert "村（社区）" not in text and page_count(void) == 1
    short = tmp_path / "short.pdf"
    write_evaluation_pdf(short, form, hand_worked(expected=40), SessionHeader())
    text = pdf_text(short)
    assert "应到 40 人 = 37.5%" in text and "到会人数未达到规定要求" in text
    assert "一、村党组织" in text


def test_the_workbook_holds_the_numbers_of_as_dict(tmp_path: Path) -> None:
    form = questionnaire_toml.find("satisfaction")
    evaluation = hand_worked(expected=18)
    path = tmp_path / "r.xlsx"
    write_evaluation_xlsx(path, form, evaluation, HEADER)
    data = evaluation_report.as_dict(form, evaluation)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["测评概况", "测评结果"]
    session = {row[0]: row[1] for row in book["测评概况"].iter_rows(max_row=15, values_only=True)}
    assert session == {
        "村（社区）": "新桥村", "测评日期": datetime.datetime(2026, 3, 15),
        "测评表": "群众满意度测评", "测评表代号": "satisfaction", "版本": 1,
        "发出票数": data["issued"], "收回票数": data["returned"], "有效票数": data["valid"],
        "无效票数": data["void"], "应到人数": 18, "到会基数": data["quorum"]["base"],
        "到会比例": data["quorum"]["turnout"], "到会要求": "> 50%", "符合到会要求": "是",
        "计票无效": "否"}
    assert book["测评概况"]["B12"].number_format == "0.00%"
    people = list(book["测评概况"].iter_rows(min_row=17, values_only=True))
    assert people == [("类别", "应到人数", "实到人数"), ("党员", 12, 10), ("群众", 10, 8),
                      ("合计", 22, 18)]
    sheet = book["测评结果"]
    rows = list(sheet.iter_rows(values_only=True))
    labels = [o.label.zh for o in form.options]
    assert rows[0] == ("测评对象", "项目", *(f"{label}{what}" for label in labels
                                          for what in ("票数", "占比")),
                       "弃权", "作答数", "计票数", "满意率", "得分", "等次", "提示",
                       "测评对象代号", "项目代号")
    expected = []
    for r in data["results"]:
        counted = [v for label in labels for v in (r["counts"][label], r["shares"][label])]
        expected.append((r["subject_label"], r["item_label"], *counted, r["blank"],
                         r["answered"], r["valid"], r["favourable_rate"], r["score"],
                         r["grade"], "、".join(r["flags"]) or None, r["subject"], r["item"]))
    assert rows[1:] == expected and len(expected) == len(form.columns())
    assert rows[1][2:12] == (6, 0.6667, 2, 0.2222, 1, 0.1111, 3, None, 2, 12)
    assert all(type(v) is int for v in rows[1][2:12:2])
    assert sheet["D2"].number_format == "0.00%" and sheet["N2"].number_format == "0.00%"
    assert sheet["O2"].number_format == "0.00" and sheet["O2"].value == 89.44


def test_a_void_session_workbook_and_english_labels(tmp_path: Path) -> None:
    set_language("en")
    form = questionnaire_toml.find("satisfaction")
    path = tmp_path / "void.xlsx"
    write_evaluation_xlsx(path, form, hand_worked(issued=14), SessionHeader())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Session", "Evaluation results"]
    results = book["Evaluation results"]
    assert results.max_row == 1 and results["C1"].value == "Satisfied: votes"
    session = {r[0]: r[1] for r in book["Session"].iter_rows(values_only=True)}
    assert session["Count void"] == "yes" and session["Village"] is None
    pdf = tmp_path / "en.pdf"
    write_evaluation_pdf(pdf, form, hand_worked(), HEADER)
    text = pdf_text(pdf)
    assert "Satisfaction survey: results" in text and "Abstentions" in text
    assert "Ballots: issued 20, returned 15, valid 14, void 1" in text
    assert "Held on: 2026-03-15" in text and "1. Village party organisation" in text


def random_evaluation(key: str, seed: int) -> tuple:
    form = questionnaire_toml.find(key).with_members(["张三", "李四", "王五", "赵六", "钱七"])
    rng = random.Random(seed)
    choices = [None, *(o.key for o in form.options for _ in range(3)), form.options[0].key]
    ballots = [scoring.Ballot(f"{n:04d}", {c: rng.choice(choices) for c in form.columns()},
                              void=n % 17 == 0) for n in range(1, 41)]
    return form, scoring.evaluate(form, ballots, 42, 45)


@pytest.mark.parametrize("key", ["satisfaction", "good-scale", "competence"])
def test_each_shipped_questionnaire(tmp_path: Path, key: str) -> None:
    form, evaluation = random_evaluation(key, 7)
    path = tmp_path / "r.pdf"
    write_evaluation_pdf(path, form, evaluation, HEADER)
    assert_sound(path)
    text = pdf_text(path)
    assert f"{form.label.zh}结果" in text and "钱七" in text
    assert all(o.label.zh in text for o in form.options)
    assert form.rate_label.zh in text
    grades = {g.key: g.label.zh for g in form.rules.grades}
    assert all(grades[r.grade] in text for r in evaluation.results if r.grade)
    numbers = re.findall(r"— (\d+) —", text)
    assert numbers == [str(n) for n in range(1, page_count(path) + 1)]


def test_the_section_fits_into_a_larger_document(tmp_path: Path) -> None:
    form, evaluation = random_evaluation("competence", 3)
    fonts = cjk_fonts()
    path = tmp_path / "packet.pdf"
    doc = SimpleDocTemplate(str(path))
    doc.build([Paragraph("移交材料目录", layout.styles(fonts).title),
               *evaluation_flowables(form, evaluation, HEADER, fonts=fonts)])
    text = pdf_text(path)
    assert text.index("移交材料目录") < text.index("称职测评结果")


def test_bad_paths(tmp_path: Path) -> None:
    form = questionnaire_toml.find("satisfaction")
    for write, name in ((write_evaluation_pdf, "r.pdf"), (write_evaluation_xlsx, "r.xlsx")):
        existing = tmp_path / name
        existing.write_bytes(b"keep me")
        with pytest.raises(errors.FileExists):
            write(existing, form, hand_worked(), HEADER)
        assert existing.read_bytes() == b"keep me"
        with pytest.raises(errors.ReadOnlyLocation, match="无法在此写入"):
            write(unwritable_folder(tmp_path) / name, form, hand_worked(), HEADER)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """The hand-worked ballots as a ballot sheet for ``xuncha evaluate``."""
    form = questionnaire_toml.find("satisfaction")
    numbers = {o.key: str(n) for n, o in enumerate(form.options, 1)}
    path = tmp_path / "ballots.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["serial", *(f"{s}/{i}" for s, i in form.columns()), "void"])
        for b in hand_ballots():
            w.writerow([b.serial, *(numbers.get(b.answers.get(c), "") for c in form.columns()),
                        "x" if b.void else ""])
    return path


def test_cli_writes_both_documents(tmp_path: Path, sheet: Path) -> None:
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    run = xuncha("evaluate", "satisfaction", str(sheet), "--issued", "20", "--pdf", str(pdf),
                 "--xlsx", str(xlsx), "--village", "新桥村", "--date", "2026-03-15",
                 "--participants", "党员:12:10", "--participants", "群众：10：8")
    assert run.returncode == 0, run.stderr
    assert "满意率 88.9%  得分 89.44  等次 满意" in run.stdout
    assert f"已写入 {pdf}" in run.stderr and f"已写入 {xlsx}" in run.stderr
    text = layout_text(pdf)
    assert re.search(r"总体评价\s+3\s+2\s+9\s+88\.9%\s+89\.44\s+满意", text)
    assert re.search(r"合计\s+22\s+18", text)
    rows = list(openpyxl.load_workbook(xlsx)["测评结果"].iter_rows(values_only=True))
    assert rows[1][:4] == ("村党组织", "总体评价", 6, 0.6667)


def test_cli_refusals(tmp_path: Path, sheet: Path) -> None:
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    pdf.write_bytes(b"x")
    assert "已有文件" in one_line_error(xuncha("evaluate", "satisfaction", str(sheet),
                                             "--issued", "20", "--xlsx", str(xlsx),
                                             "--pdf", str(pdf)))
    assert not xlsx.exists() and pdf.read_bytes() == b"x"
    assert "无法在此写入" in one_line_error(xuncha(
        "evaluate", "satisfaction", str(sheet), "--issued", "20", "--xlsx",
        str(unwritable_folder(tmp_path) / "r.xlsx")))
    for args in (("--template", "--pdf", str(tmp_path / "t.pdf")),
                 (str(sheet), "--issued", "20", "--participants", "党员:many:3"),
                 (str(sheet), "--issued", "20", "--participants", ":3:3"),
                 (str(sheet), "--issued", "20", "--date", "15/3/2026")):
        one_line_error(xuncha("evaluate", "satisfaction", *args), 2)
    assert not (tmp_path / "t.pdf").exists()

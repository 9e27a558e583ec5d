"""``xuncha evaluate`` run as a real subprocess: the template, results as JSON and text from
hand-made CSV and .xlsx sheets, a void session, and mistakes refused on one line (row and column
named) with exit status 1, or 2 for a wrong command line; never a traceback. No database and no
passphrase are needed."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

TEMPLATE = ("serial,branch/overall,branch/politics,branch/ability,branch/style,branch/integrity,"
            "committees/overall,member1/overall,member2/overall,member3/overall,void")


def xuncha(*args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env["XUNCHA_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "desktop.cli", "evaluate", *args], env=env,
                          capture_output=True, text=True, timeout=120, encoding="utf-8",
                          check=False)


def one_line_error(out: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert out.returncode == status, out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    return out.stderr


@pytest.fixture
def satisfaction_csv(tmp_path: Path) -> Path:
    """branch/overall: 满意 6, 基本满意 2, 不满意 1, 不了解 3, blank 2; plus one void ballot;
    committees/overall: 不满意 on the 5 first ballots, then blank."""
    answers = [1] * 6 + [2] * 2 + [3] + [4] * 3 + [""] * 2
    path = tmp_path / "ballots.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(TEMPLATE.split(","))
        for n, a in enumerate(answers, 1):
            w.writerow([n, a, "", "", "", "", 3 if n <= 5 else "", "", "", "", ""])
        w.writerow([99, 1, 1, 1, 1, 1, 1, 1, 1, 1, "作废"])
    return path


def test_template_header() -> None:
    out = xuncha("satisfaction", "--template")
    assert out.returncode == 0 and out.stdout == TEMPLATE + "\n" and out.stderr == ""
    named = xuncha("competence", "--template", "--member", "张三", "--member", "李四")
    assert named.stdout.startswith("serial,branch/overall,committees/overall,张三/overall,"
                                   "张三/politics,")
    assert named.stdout.rstrip().endswith("李四/integrity,void")


def test_template_to_a_file(tmp_path: Path) -> None:
    out = xuncha("good-scale", "--template", "--output", str(tmp_path / "t.xlsx"), lang="en")
    assert out.returncode == 0 and "t.xlsx" in out.stdout
    cells = [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx").active[1]]
    assert cells[:3] == ["serial", "branch/overall", "branch/politics"] and cells[-1] == "void"
    assert "已有文件" in one_line_error(
        xuncha("good-scale", "--template", "--output", str(tmp_path / "t.xlsx")))


def test_json_from_a_csv(satisfaction_csv: Path) -> None:
    out = xuncha("satisfaction", str(satisfaction_csv), "--issued", "20", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {k: data[k] for k in ("issued", "returned", "valid", "void", "session_void")} == {
        "issued": 20, "returned": 15, "valid": 14, "void": 1, "session_void": False}
    assert data["quorum"] == {"rule": "> 50%", "base": 20, "turnout": 0.75, "met": True}
    branch, politics = data["results"][:2]
    assert (branch["subject"], branch["item"]) == ("branch", "overall")
    assert branch["counts"] == {"满意": 6, "基本满意": 2, "不满意": 1, "不了解": 3}
    assert (branch["blank"], branch["answered"], branch["valid"]) == (2, 12, 9)
    assert branch["favourable_rate"] == 0.8889 and branch["score"] == 89.44
    assert branch["grade"] == "满意" and branch["flags"] == []
    assert branch["shares"]["满意"] == 0.6667 and branch["shares"]["不了解"] is None
    assert politics["valid"] == 0 and politics["grade"] is None and politics["score"] is None
    committees = next(r for r in data["results"] if r["subject"] == "committees")
    assert committees["counts"]["不满意"] == 5 and committees["score"] == 55.0
    assert committees["grade_key"] == "dissatisfied"
    assert committees["flags"] == ["不满意票达三分之一"]


def test_json_from_an_xlsx_in_english(tmp_path: Path) -> None:
    # competence, issued 12, expected 15: branch 称职 ×7, 基本称职 ×2, 不称职 ×1; one void
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["serial", "branch/overall", "committees/overall",
                  *(f"王五/{i}" for i in ("overall", "politics", "ability", "style", "integrity")),
                  "void"])
    for n, a in enumerate([1] * 7 + [2] * 2 + [3], 1):
        sheet.append([n, a, None, 3 if n <= 4 else 1, None, None, None, None, None])
    sheet.append([11, 1, 1, 1, 1, 1, 1, 1, "x"])
    book.save(tmp_path / "b.xlsx")
    out = xuncha("competence", str(tmp_path / "b.xlsx"), "--issued", "12", "--expected", "15",
                 "--member", "王五", "--json", lang="en")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["returned"], data["valid"], data["void"], data["expected"]) == (11, 10, 1, 15)
    assert data["quorum"] == {"rule": "≥ 2/3", "base": 15, "turnout": 0.7333, "met": True}
    branch = data["results"][0]
    assert branch["counts"] == {"Competent": 7, "Fairly competent": 2, "Not competent": 1}
    assert branch["favourable_rate"] == 0.7 and branch["grade"] == "Competent"
    assert branch["score"] == 82.0  # (7 + 2 × 0.6) / 10 × 100
    member = data["results"][2]
    assert member["subject"] == "王五" and member["favourable_rate"] == 0.6
    assert member["grade_key"] == "incompetent" and member["flag_keys"] == ["incompetent_third"]


def test_text_in_both_languages(satisfaction_csv: Path) -> None:
    zh = xuncha("satisfaction", str(satisfaction_csv), "--issued", "20")
    assert zh.returncode == 0, zh.stderr
    assert "发出 20 张，收回 15 张，有效 14 张，无效 1 张" in zh.stdout
    assert "— 村党组织 · 总体评价" in zh.stdout and "满意率 88.9%  得分 89.44  等次 满意" in zh.stdout
    en = xuncha("satisfaction", str(satisfaction_csv), "--issued", "20", lang="en")
    assert "Issued 20, returned 15, valid 14, void 1" in en.stdout
    assert "Satisfaction rate 88.9%  score 89.44  grade Satisfied" in en.stdout
    assert "! A third or more dissatisfied" in en.stdout


def test_more_returned_than_issued_voids_the_session(satisfaction_csv: Path) -> None:
    out = xuncha("satisfaction", str(satisfaction_csv), "--issued", "14", "--json")
    data = json.loads(out.stdout)
    assert out.returncode == 0 and data["session_void"] is True and data["results"] == []
    assert data["flags"] == ["session_void"]
    text = xuncha("satisfaction", str(satisfaction_csv), "--issued", "14")
    assert "本次计票无效" in text.stdout


def test_quorum_not_met_is_flagged(satisfaction_csv: Path) -> None:
    data = json.loads(xuncha("satisfaction", str(satisfaction_csv), "--issued", "20",
                             "--expected", "30", "--json").stdout)
    assert data["quorum"]["met"] is False and data["flags"] == ["quorum_not_met"]


@pytest.mark.parametrize(("edit", "where"), [
    (lambda rows: rows[0].__setitem__(3, "branch/wealth"), "row 1, column D “branch/wealth”"),
    (lambda rows: rows[5].__setitem__(2, "5"), "row 6, column C “branch/politics”: option 5"),
    (lambda rows: rows[9].__setitem__(0, "3"), ("row 10, column A “serial”: serial 3 is already "
                                               "on row 4")),
])
def test_malformed_sheets_are_refused(tmp_path: Path, satisfaction_csv: Path, edit,
                                      where: str) -> None:
    rows = list(csv.reader(satisfaction_csv.read_text(encoding="utf-8-sig").splitlines()))
    edit(rows)
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    message = one_line_error(xuncha("satisfaction", str(bad), "--issued", "20", lang="en"))
    assert message.startswith(f"xuncha: Ballot sheet {bad}: ") and where in message
    assert "选票录入表" in one_line_error(xuncha("satisfaction", str(bad), "--issued", "20",
                                                 "--json"))


@pytest.mark.parametrize(("args", "status", "text"), [
    (("no-such", "x.csv", "--issued", "3"), 1, "没有测评表 no-such"),
    (("satisfaction", "{tmp}/missing.csv", "--issued", "3"), 1, "missing.csv"),
    (("{tmp}/broken.toml", "--template"), 1, "broken.toml"),
    (("satisfaction", "{tmp}/b.csv"), 2, "--issued"),
    (("satisfaction", "{tmp}/b.csv", "--issued", "-1"), 2, "--issued"),
    (("satisfaction", "{tmp}/b.csv", "--issued", "many"), 2, "--issued"),
    (("satisfaction", "{tmp}/b.csv", "--template"), 2, "--template"),
    (("good-scale", "--template", "--member", "a/b"), 1, "a/b"),
])
def test_command_line_mistakes(tmp_path: Path, args: tuple[str, ...], status: int,
                               text: str) -> None:
    (tmp_path / "b.csv").write_text(TEMPLATE + "\n", encoding="utf-8")
    (tmp_path / "broken.toml").write_text("key = ", encoding="utf-8")
    message = one_line_error(xuncha(*(a.replace("{tmp}", str(tmp_path)) for a in args)), status)
    assert text in message

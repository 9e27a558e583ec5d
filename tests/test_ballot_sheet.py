"""Ballot sheets read from real CSV and .xlsx files: encodings, cell kinds, the template, and
every malformed sheet refused with the row and the column named."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import errors
from desktop.core.i18n import set_language
from desktop.core.questionnaire_toml import find
from desktop.core.scoring import Ballot
from desktop.services.ballot_sheet import BallotSheetError, header, read, write_template

Q = find("competence")  # options: 1 称职, 2 基本称职, 3 不称职
HEAD = header(Q)


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def row(serial: object, *cells: object, void: object = "") -> list[object]:
    filled = [*cells] + [""] * (len(HEAD) - 2 - len(cells))
    return [serial, *filled, void]


def test_header_names_every_subject_and_item() -> None:
    assert HEAD[0] == "serial" and HEAD[-1] == "void"
    assert HEAD[1:4] == ["branch/overall", "committees/overall", "member1/overall"]
    assert len(HEAD) == len(Q.columns()) + 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_with_or_without_bom(tmp_path: Path, encoding: str) -> None:
    q = Q.with_members(["张三"])
    rows = [header(q), ["1", "1", "", "3", "", "", "", "", ""], ["2", "２", "1", "", "", "", "",
                                                                   "", "作废"]]
    got = read(q, write_csv(tmp_path / "b.csv", rows, encoding))
    assert got == [
        Ballot("1", {("branch", "overall"): "competent", ("张三", "overall"): "incompetent"}),
        Ballot("2", {("branch", "overall"): "fairly_competent",
                     ("committees", "overall"): "competent"}, void=True)]


def test_xlsx_cells_of_every_kind(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEAD)
    sheet.append(row(1, 1, 2.0, "3"))
    sheet.append([None] * len(HEAD))  # an empty row is skipped
    sheet.append(row(2.0, None, " 2 ", void="x"))
    book.save(tmp_path / "b.xlsx")
    got = read(Q, tmp_path / "b.xlsx")
    assert got == [
        Ballot("1", {("branch", "overall"): "competent",
                     ("committees", "overall"): "fairly_competent",
                     ("member1", "overall"): "incompetent"}),
        Ballot("2", {("committees", "overall"): "fairly_competent"}, void=True)]


def test_the_void_column_may_be_left_out(tmp_path: Path) -> None:
    got = read(Q, write_csv(tmp_path / "b.csv", [HEAD[:-1], row(1, 1)[:-1]]))
    assert got == [Ballot("1", {("branch", "overall"): "competent"})]


def test_templates(tmp_path: Path) -> None:
    write_template(Q, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbfserial,branch/overall,")
    write_template(Q, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert [c.value for c in book.active[1]] == HEAD
    assert read(Q, tmp_path / "t.csv") == [] and read(Q, tmp_path / "t.xlsx") == []
    with pytest.raises(errors.FileExists):
        write_template(Q, tmp_path / "t.csv")


# rows as written -> a fragment of the English message
MALFORMED = [
    ([[*HEAD[:2], "branch/wealth", *HEAD[2:]]],
     "row 1, column C “branch/wealth”: unknown column for questionnaire competence"),
    ([[*HEAD, "serial"]], (f"row 1, column {chr(ord('A') + len(HEAD))} “serial”: the column "
                          "appears twice")),
    ([[h for h in HEAD if h != "committees/overall"]], "row 1: no column committees/overall"),
    ([HEAD, row(1, 1), row(2, 1, 4)], ("row 3, column C “committees/overall”: option 4 is out of "
                                      "range (1 to 3)")),
    ([HEAD, row(1, 0)], "row 2, column B “branch/overall”: option 0 is out of range"),
    ([HEAD, row(1, "x")], "row 2, column B “branch/overall”: 'x' is not an option number"),
    ([HEAD, row(1, "1.5")], "'1.5' is not an option number (1 to 3)"),
    ([HEAD, row(7, 1), row(8, 2), row(7, 3)], ("row 4, column A “serial”: serial 7 is already "
                                              "on row 2")),
    ([HEAD, row("", 1)], "row 2, column A “serial”: the serial is missing"),
    ([HEAD, [*row(1, 1), "", "surprise"]], (f"row 2, column {chr(ord('A') + len(HEAD) + 1)}: a "
                                           "value outside the header's columns")),
    ([], "the first row must be the header"),
    ([HEAD, row(1, 9), row(2, 9), row(3, 9), row(4, 9), row(5, 9)],
     ("option 9 is out of range (1 to 3); row 3, column B “branch/overall”: option 9 is out of "
     "range (1 to 3); row 4")),
    ([HEAD, row(1, 9), row(2, 9), row(3, 9), row(4, 9), row(5, 9)], " (and 2 more problems)"),
]


@pytest.mark.parametrize(("rows", "problem"), MALFORMED)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_malformed_sheets_name_row_and_column(tmp_path: Path, rows: list[list[object]],
                                              problem: str, kind: str) -> None:
    path = tmp_path / f"b.{kind}"
    if kind == "csv":
        write_csv(path, rows)
    else:
        book = openpyxl.Workbook()
        for r in rows:
            book.active.append(r)
        book.save(path)
    set_language("en")
    with pytest.raises(BallotSheetError) as caught:
        read(Q, path)
    assert str(caught.value).startswith(f"Ballot sheet {path}: ")
    assert problem in str(caught.value)


def test_problems_are_told_in_chinese_by_default(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", [HEAD, row(1, 1, 4)])
    with pytest.raises(BallotSheetError) as caught:
        read(Q, path)
    assert str(caught.value) == (f"选票录入表 {path}：第 2 行 C “committees/overall” 列："
                                 "选项 4 超出范围（1 至 3）")


def test_files_that_are_not_sheets(tmp_path: Path) -> None:
    set_language("en")
    (tmp_path / "b.xls").write_bytes(b"old")
    with pytest.raises(BallotSheetError, match="use a .csv or .xlsx file"):
        read(Q, tmp_path / "b.xls")
    with pytest.raises(errors.FileMissing):
        read(Q, tmp_path / "missing.csv")
    (tmp_path / "b.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BallotSheetError, match="not a readable .xlsx workbook"):
        read(Q, tmp_path / "b.xlsx")
    (tmp_path / "c.xlsx").write_text("serial,void\n", encoding="utf-8")
    with pytest.raises(BallotSheetError, match="not a readable .xlsx workbook"):
        read(Q, tmp_path / "c.xlsx")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), st.lists(st.integers(0, 3), min_size=len(HEAD) - 2,
                                                  max_size=len(HEAD) - 2)), max_size=12))
def test_what_is_written_is_read_back(tmp_path: Path, rows) -> None:
    lines = [HEAD] + [[f"{n}", *("" if c == 0 else c for c in cells), "x" if void else ""]
                      for n, (void, cells) in enumerate(rows, 1)]
    got = read(Q, write_csv(tmp_path / "round-trip.csv", lines))
    assert got == [Ballot(f"{n}", {col: Q.options[c - 1].key
                                   for col, c in zip(Q.columns(), cells, strict=True) if c},
                          void) for n, (void, cells) in enumerate(rows, 1)]

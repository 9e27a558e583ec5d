"""Ballot sheets: typed-in 民主测评 ballots as CSV or .xlsx, read into ``scoring.Ballot``.

The first row is the header: ``serial``, one column per subject and item named
``subject/item`` with the questionnaire's keys, then ``void``. Every further row is one ballot:
a cell holds the option number (1 = the first option of the scale) or nothing (an abstention);
``void`` is non-empty for a void ballot. Wholly empty rows are skipped. Anything else (an unknown
or missing column, an option out of range, a repeated serial) refuses the whole sheet, naming
the row and the column so the typist can find it. CSV is UTF-8 with or without a BOM (GB18030,
what Excel writes on Chinese Windows, is accepted too).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Ballot

SERIAL, VOID = "serial", "void"
SUFFIXES = (".csv", ".xlsx")
_NUMBER = re.compile(r"[0-9]+")
_SHOWN = 3  # problems spelled out in the message; the rest are counted


class BallotSheetError(errors.XunchaError):
    message = N_("Ballot sheet {path}")


def header(questionnaire: Questionnaire) -> list[str]:
    return [SERIAL, *(f"{s}/{i}" for s, i in questionnaire.columns()), VOID]


def write_template(questionnaire: Questionnaire, path: Path) -> None:
    """An empty ballot sheet: the header row only (.xlsx, or CSV with a BOM for Excel)."""
    if path.exists():
        raise errors.FileExists(path=path)
    try:
        if path.suffix.lower() == ".xlsx":
            book = openpyxl.Workbook()
            book.active.append(header(questionnaire))
            book.save(path)
        else:
            with path.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerow(header(questionnaire))
    except OSError:
        raise errors.ReadOnlyLocation() from None


def read(questionnaire: Questionnaire, path: Path) -> list[Ballot]:
    """The ballots of a .csv or .xlsx sheet, or BallotSheetError naming row and column."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise BallotSheetError(tr("use a .csv or .xlsx file"), path=path)
    if not path.is_file():
        raise errors.FileMissing(path=path)
    rows = _csv_rows(path) if suffix == ".csv" else _xlsx_rows(path)
    return parse_rows(questionnaire, rows, str(path))


def parse_rows(questionnaire: Questionnaire, rows: list[list[str]], source: str) -> list[Ballot]:
    """Ballots from the rows of a sheet (cells as text, the header first)."""
    problems: list[str] = []
    names = [cell.strip() for cell in rows[0]] if rows else []
    while names and not names[-1]:
        names.pop()
    if not names:
        raise BallotSheetError(tr("the first row must be the header (serial, …, void)"),
                               path=source)
    columns = {f"{s}/{i}": (s, i) for s, i in questionnaire.columns()}
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in seen:
            problems.append(_at(1, index, name, tr("the column appears twice")))
        elif name not in columns and name not in (SERIAL, VOID):
            problems.append(_at(1, index, name, tr("unknown column for questionnaire {key}",
                                                   key=questionnaire.key)))
        seen.setdefault(name, index)
    for name in (SERIAL, *columns):
        if name not in seen:
            problems.append(tr("row {row}: no column {name}", row=1, name=name))
    if problems:
        _refuse(problems, source)
    serials: dict[str, int] = {}
    ballots = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        for index in range(len(names), len(cells)):
            if cells[index].strip():
                problems.append(_at(number, index, "", tr("a value outside the header's columns")))
        cells = [c.strip() for c in cells[:len(names)]] + [""] * (len(names) - len(cells))
        serial = cells[seen[SERIAL]]
        if not serial:
            problems.append(_at(number, seen[SERIAL], SERIAL, tr("the serial is missing")))
        elif serial in serials:
            problems.append(_at(number, seen[SERIAL], SERIAL, tr(
                "serial {serial} is already on row {row}", serial=serial, row=serials[serial])))
        serials.setdefault(serial, number)
        answers = {}
        for name, column in columns.items():
            index = seen[name]
            option, problem = _option(questionnaire, cells[index])
            if problem:
                problems.append(_at(number, index, name, problem))
            elif option is not None:
                answers[column] = option
        void = VOID in seen and bool(cells[seen[VOID]])
        ballots.append(Ballot(serial, answers, void))
    if problems:
        _refuse(problems, source)
    return ballots


def _option(questionnaire: Questionnaire, cell: str) -> tuple[str | None, str]:
    text = unicodedata.normalize("NFKC", cell).strip()
    if not text:
        return None, ""
    options = questionnaire.options
    if not _NUMBER.fullmatch(text):
        return None, tr("{value} is not an option number (1 to {n})", value=repr(cell),
                        n=len(options))
    if not 1 <= int(text) <= len(options):
        return None, tr("option {value} is out of range (1 to {n})", value=text, n=len(options))
    return options[int(text) - 1].key, ""


def _at(row: int, index: int, name: str, problem: str) -> str:
    column = get_column_letter(index + 1) + (f" “{name}”" if name else "")
    return tr("row {row}, column {column}: {problem}", row=row, column=column, problem=problem)


def _refuse(problems: list[str], source: str) -> None:
    shown = tr("; ").join(problems[:_SHOWN])
    if len(problems) > _SHOWN:
        shown += tr(" (and {n} more problems)", n=len(problems) - _SHOWN)
    raise BallotSheetError(shown, path=source)


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BallotSheetError(tr("not a UTF-8 text file"), path=path)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        raise BallotSheetError(tr("not a readable CSV file ({why})", why=e), path=path) from None


def _xlsx_rows(path: Path) -> list[list[str]]:
    # A damaged or foreign file fails in many ways inside openpyxl, when opened or when read;
    # openpyxl also warns about styles and extensions it skips, which do not matter here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001
            raise BallotSheetError(tr("not a readable .xlsx workbook"), path=path) from None
        try:
            sheet = book.worksheets[0]
            return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        except Exception:  # noqa: BLE001
            raise BallotSheetError(tr("not a readable .xlsx workbook"), path=path) from None
        finally:
            book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

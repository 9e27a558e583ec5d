"""The results of a 民主测评 session as an .xlsx workbook, for people who work on in Excel.

Two sheets: the session (village, date, questionnaire, ballots, quorum, participants) and the
results, one row per subject and item: count and share of each option, blanks, answers,
the number counted, the favourable rate, the score, the grade and the flags, then the keys.
Every figure is the one of ``core.evaluation_report.as_dict`` (the JSON of ``xuncha
evaluate``), stored as a number; shares and rates are formatted as percentages. Labels follow
the interface language.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from desktop.core.evaluation_report import as_dict
from desktop.core.i18n import tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation
from desktop.packet import layout
from desktop.packet.session import SessionHeader

PERCENT, SCORE, DATE = "0.00%", "0.00", "yyyy-mm-dd"
_BOLD = Font(bold=True)


def write_evaluation_xlsx(path: str | os.PathLike[str], questionnaire: Questionnaire,
                          evaluation: Evaluation, header: SessionHeader) -> None:
    """Write the results into a new .xlsx file at ``path`` (an existing file is refused)."""
    target = Path(path)
    layout.ensure_new(target)
    buffer = io.BytesIO()
    evaluation_workbook(questionnaire, evaluation, header).save(buffer)
    layout.write_new(target, buffer.getvalue())


def evaluation_workbook(questionnaire: Questionnaire, evaluation: Evaluation,
                        header: SessionHeader) -> openpyxl.Workbook:
    data = as_dict(questionnaire, evaluation)
    book = openpyxl.Workbook()
    book.properties.creator = layout.CREATOR
    session = book.active
    session.title = tr("Session")
    _session(session, questionnaire, data, header)
    _results(book.create_sheet(tr("Evaluation results")), questionnaire, data)
    return book


def _session(sheet: Worksheet, questionnaire: Questionnaire, data: dict,
             header: SessionHeader) -> None:
    def yes(flag: bool) -> str:
        return tr("yes") if flag else tr("no")

    quorum = data["quorum"]
    rows: list[tuple[str, object, str | None]] = [
        (tr("Village"), header.village or None, None),
        (tr("Held on"), header.held_on, DATE),
        (tr("Questionnaire"), questionnaire.label.text(), None),
        (tr("Questionnaire key"), data["questionnaire"], None),
        (tr("Version"), data["version"], None),
        (tr("Ballots issued"), data["issued"], None),
        (tr("Ballots returned"), data["returned"], None),
        (tr("Valid ballots"), data["valid"], None),
        (tr("Void ballots"), data["void"], None),
        (tr("Expected"), data["expected"], None),
        (tr("Quorum base"), quorum["base"], None),
        (tr("Turnout"), quorum["turnout"], PERCENT),
        (tr("Quorum rule"), quorum["rule"], None),
        (tr("Quorum met"), yes(quorum["met"]), None),
        (tr("Count void"), yes(data["session_void"]), None),
        *([(tr("Both entries agree"), yes(header.verified), None)]
          if header.verified is not None else []),
    ]
    for label, value, number_format in rows:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = _BOLD
        if number_format and value is not None:
            sheet.cell(sheet.max_row, 2).number_format = number_format
    if header.attendance:
        sheet.append([])
        sheet.append([tr("Category"), tr("Expected"), tr("Present")])
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
        for a in header.attendance:
            sheet.append([a.category, a.expected, a.present])
        totals = header.totals()
        if totals is not None:
            sheet.append([tr("Total"), totals.expected, totals.present])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 36
    sheet.column_dimensions["C"].width = 12


def _results(sheet: Worksheet, questionnaire: Questionnaire, data: dict) -> None:
    options = [o.label.text() for o in questionnaire.options]
    head = [tr("Subject"), tr("Item")]
    for label in options:
        head += [tr("{option}: votes", option=label), tr("{option}: share", option=label)]
    head += [tr("Abstentions"), tr("Answered"), tr("Counted"), questionnaire.rate_label.text(),
             tr("Score"), tr("Grade"), tr("Flags"), tr("Subject key"), tr("Item key")]
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    share_columns = {3 + 2 * n + 1 for n in range(len(options))}
    rate_column = 3 + 2 * len(options) + 3
    for r in data["results"]:
        row: list[object] = [r["subject_label"], r["item_label"]]
        for label in options:
            row += [r["counts"][label], r["shares"][label]]
        row += [r["blank"], r["answered"], r["valid"], r["favourable_rate"], r["score"],
                r["grade"], tr(", ").join(r["flags"]) or None, r["subject"], r["item"]]
        sheet.append(row)
        line = sheet.max_row
        for column in (*share_columns, rate_column):
            sheet.cell(line, column).number_format = PERCENT
        sheet.cell(line, rate_column + 1).number_format = SCORE
    sheet.freeze_panes = "C2"
    sheet.row_dimensions[1].height = 32
    for column in range(1, len(head) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16 if column <= 2 else 11

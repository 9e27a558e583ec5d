"""Democratic-evaluation sessions (民主测评) of a village: set up, key ballots, verify, count.

A session is an ``evaluation`` record holding a copy of its questionnaire's definition, so a
later change to forms/ never changes how its ballots are read or scored. Each keyed ballot is a
``ballot`` record of the first or the second (verifying) entry; its serial is the only key and
nothing links it to a voter. The count is final when both entries agree (``ballot_entry``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop.core import ballot_entry, errors, questionnaire_toml
from desktop.core.ballot_entry import Keyed, Mismatch
from desktop.core.i18n import N_, tr
from desktop.core.kinds import ENTRIES, ENTRY_LABELS, PARTICIPANT_LABELS, PARTICIPANTS
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation, evaluate
from desktop.packet import ballot_pdf, evaluation_pdf, evaluation_xlsx
from desktop.packet.session import Attendance, SessionHeader
from desktop.services import ballot_sheet
from desktop.services.workspace import Changes, Workspace
from desktop.store.models import BallotRow, EvaluationRow, VillageRow

SERIAL_DIGITS = 4


class BallotRefused(errors.XunchaError):
    message = N_("Ballot {serial} was not saved")


class SetupRefused(errors.XunchaError):
    message = N_("The evaluation was not changed")


@dataclass(frozen=True)
class Setup:
    """What the team decides before the meeting; participants: category → (expected, present)."""

    village_id: str
    held_on: str
    questionnaire: str  # the TOML definition
    issued: int
    members: tuple[str, ...] = ()
    participants: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Summary:
    id: str
    held_on: str
    title: str
    issued: int
    keyed: int  # ballots of the first entry
    verified: int  # ballots of the second entry
    differences: int  # between the two entries
    final: bool  # both entries agree


@dataclass(frozen=True)
class Session:
    """Everything the screens and documents need about one session."""

    id: str
    setup: Setup
    village: str
    questionnaire: Questionnaire  # with the members as subjects
    ballot_ids: dict[tuple[str, str], str]  # (entry, serial) → ballot record id
    entries: dict[str, tuple[Keyed, ...]]  # entry → ballots in serial order
    duplicates: tuple[str, ...]  # "entry serial" keyed twice (after merging two laptops)
    mismatches: tuple[Mismatch, ...]
    expected: int | None  # 应到: the sum of the categories given
    present: int | None  # 实到

    @property
    def final(self) -> bool:
        """Both entries agree on every ballot (and there is at least one)."""
        return (bool(self.entries["first"]) and not self.mismatches and not self.duplicates)

    def count(self) -> Evaluation | None:
        """The results of the first entry; None while a serial is keyed twice."""
        if self.duplicates:
            return None
        ballots = [ballot_entry.to_ballot(self.questionnaire, k) for k in self.entries["first"]]
        return evaluate(self.questionnaire, ballots, self.setup.issued, self.expected)


def shipped_questionnaires() -> list[tuple[str, str]]:
    """(label, TOML text) of the questionnaires in forms/evaluation."""
    out = []
    for path in questionnaire_toml.available().values():
        text = path.read_text(encoding="utf-8")
        out.append((questionnaire_toml.parse(text, str(path)).label.text(), text))
    return out


def questionnaire_of(text: str, members: tuple[str, ...] | list[str], source: str = "") -> Questionnaire:
    form = questionnaire_toml.parse(text, source or tr("the evaluation's questionnaire"))
    return form.with_members(list(members)) if members and form.members else form


def normal_serial(serial: str) -> str:
    """Serials as printed: digits are zero-padded (12 → 0012); other text is kept trimmed."""
    serial = serial.strip()
    return f"{int(serial):0{SERIAL_DIGITS}d}" if serial.isdigit() else serial


def serials(issued: int) -> list[str]:
    """The serial numbers of the blank ballots to print."""
    return [normal_serial(str(n)) for n in range(1, issued + 1)]


def save_setup(ws: Workspace, setup: Setup, evaluation_id: str | None = None) -> str:
    """Create a session, or change one; returns its id.

    Once ballots are keyed the questionnaire's columns cannot change: the keyed digits would
    no longer mean what the typist pressed.
    """
    form = questionnaire_of(setup.questionnaire, setup.members)
    body = {"village_id": setup.village_id, "held_on": setup.held_on.strip(),
            "questionnaire": setup.questionnaire, "members": "\n".join(setup.members) or None,
            "issued": setup.issued}
    for category in PARTICIPANTS:
        expected, present = setup.participants.get(category, (None, None))
        body[f"{category}_expected"], body[f"{category}_present"] = expected, present
    with ws.unit_of_work() as uow:
        if uow.session.get(VillageRow, setup.village_id) is None:
            raise errors.RecordMissing(record_id=setup.village_id)
        if evaluation_id is not None:
            old = _setup(uow.session.get(EvaluationRow, evaluation_id), evaluation_id)
            keyed = uow.session.scalar(select(BallotRow.id).where(
                BallotRow.evaluation_id == evaluation_id).limit(1))
            if keyed and questionnaire_of(old.questionnaire, old.members).columns() != form.columns():
                raise SetupRefused(tr("ballots are already keyed; the questionnaire and the "
                                      "members cannot change any more"))
        return uow.write("evaluation", evaluation_id, body).record_id


def sessions_of(ws: Workspace, village_id: str) -> list[Summary]:
    with ws.read() as s:
        ids = list(s.scalars(select(EvaluationRow.id).where(
            EvaluationRow.village_id == village_id)))
    sessions = [load(ws, i) for i in ids]
    return [Summary(x.id, x.setup.held_on, x.questionnaire.label.text(), x.setup.issued,
                    len(x.entries["first"]), len(x.entries["second"]),
                    len(x.mismatches) + len(x.duplicates), x.final)
            for x in sorted(sessions, key=lambda x: (x.setup.held_on, x.id))]


def first_session(ws: Workspace) -> tuple[str, str]:
    """(village id, session id) of the session set up first (the demo has one)."""
    with ws.read() as s:
        row = s.execute(select(EvaluationRow.village_id, EvaluationRow.id)
                        .order_by(EvaluationRow.hlc)).first()
    if row is None:
        raise errors.RecordMissing(record_id="evaluation")
    return row[0], row[1]


def load(ws: Workspace, evaluation_id: str) -> Session:
    with ws.read() as s:
        setup = _setup(s.get(EvaluationRow, evaluation_id), evaluation_id)
        village = s.get(VillageRow, setup.village_id)
        rows = s.execute(select(BallotRow.id, BallotRow.entry, BallotRow.serial,
                                BallotRow.answers, BallotRow.void_reason)
                         .where(BallotRow.evaluation_id == evaluation_id)).all()
    form = questionnaire_of(setup.questionnaire, setup.members)
    entries: dict[str, list[Keyed]] = {e: [] for e in ENTRIES}
    ids: dict[tuple[str, str], str] = {}
    for rid, entry, serial, answers, reason in rows:
        entries[entry].append(Keyed(serial, answers, reason))
        ids[entry, serial] = rid
    twice = tuple(f"{tr(ENTRY_LABELS[entry])} {serial}" for entry in ENTRIES
                  for serial in ballot_entry.duplicates(entries[entry]))
    ordered = {e: tuple(sorted(k, key=lambda b: ballot_entry.serial_order(b.serial)))
               for e, k in entries.items()}
    expected = [v[0] for v in setup.participants.values() if v[0] is not None]
    present = [v[1] for v in setup.participants.values() if v[1] is not None]
    return Session(
        id=evaluation_id, setup=setup, village=village.name if village else "",
        questionnaire=form, ballot_ids=ids, entries=ordered, duplicates=twice,
        mismatches=tuple(ballot_entry.compare(form, ordered["first"], ordered["second"])),
        expected=sum(expected) if expected else None, present=sum(present) if present else None)


def key_ballot(ws: Workspace, evaluation_id: str, entry: str, keyed: Keyed) -> Changes:
    """Save one keyed ballot; keying a serial again in the same entry corrects it."""
    keyed = Keyed(normal_serial(keyed.serial), keyed.answers, (keyed.void_reason or "").strip()
                  or None)
    if not keyed.serial:
        raise BallotRefused(tr("the serial number is empty"), serial="")
    with ws.unit_of_work() as uow:
        row = uow.session.get(EvaluationRow, evaluation_id)
        setup = _setup(row, evaluation_id)
        problem = ballot_entry.check_answers(
            questionnaire_of(setup.questionnaire, setup.members), keyed.answers)
        if problem:
            raise BallotRefused(problem, serial=keyed.serial)
        existing = list(uow.session.scalars(select(BallotRow.id).where(
            BallotRow.evaluation_id == evaluation_id, BallotRow.entry == entry,
            BallotRow.serial == keyed.serial).order_by(BallotRow.hlc)))
        # Two laptops may both have keyed this serial: keying it again settles which is right.
        for twin in existing[1:]:
            uow.write("ballot", twin, {}, deleted=True)
        uow.write("ballot", existing[0] if existing else None, {
            "evaluation_id": evaluation_id, "serial": keyed.serial, "entry": entry,
            "answers": keyed.answers, "void_reason": keyed.void_reason})
        return uow.changes


def remove_ballot(ws: Workspace, ballot_id: str) -> Changes:
    """Take a keyed ballot out of the count (a deletion, which history can undo)."""
    with ws.unit_of_work() as uow:
        uow.current(ballot_id)  # refuses a ballot that is gone already
        uow.write("ballot", ballot_id, {}, deleted=True)
        return uow.changes


def import_sheet(ws: Workspace, evaluation_id: str, entry: str, path: Path) -> Changes:
    """Key every ballot of a .csv/.xlsx sheet into an entry, all or nothing.

    A serial already keyed in that entry refuses the whole sheet, so nothing is counted twice.
    """
    session = load(ws, evaluation_id)
    ballots = ballot_sheet.read(session.questionnaire, Path(path))
    keyed = [ballot_entry.from_ballot(session.questionnaire, b) for b in ballots]
    keyed = [Keyed(normal_serial(k.serial), k.answers, k.void_reason) for k in keyed]
    taken = sorted({k.serial for k in keyed} & {k.serial for k in session.entries[entry]},
                   key=ballot_entry.serial_order)
    if taken:
        raise ballot_sheet.BallotSheetError(
            tr("serials already keyed: {serials}", serials=", ".join(taken[:5])), path=path)
    with ws.unit_of_work() as uow:
        for k in keyed:
            uow.write("ballot", None, {
                "evaluation_id": evaluation_id, "serial": k.serial, "entry": entry,
                "answers": k.answers, "void_reason": k.void_reason})
        return uow.changes


def print_ballots(ws: Workspace, evaluation_id: str, path: Path, per_page: int = 2) -> None:
    """Blank ballots numbered 0001 to the number issued, as a new PDF."""
    session = load(ws, evaluation_id)
    if session.setup.issued < 1:
        raise SetupRefused(tr("no ballots are to be issued"))
    ballot_pdf.write_ballots(path, session.questionnaire, serials(session.setup.issued),
                             village=session.village, held_on=_date(session.setup.held_on),
                             per_page=per_page)


def results_pdf(ws: Workspace, evaluation_id: str, path: Path) -> None:
    session = load(ws, evaluation_id)
    evaluation_pdf.write_evaluation_pdf(path, session.questionnaire, _counted(session),
                                        header(session))


def results_xlsx(ws: Workspace, evaluation_id: str, path: Path) -> None:
    session = load(ws, evaluation_id)
    evaluation_xlsx.write_evaluation_xlsx(path, session.questionnaire, _counted(session),
                                          header(session))


def header(session: Session) -> SessionHeader:
    """What the results documents say about the session besides the ballots."""
    return SessionHeader(
        village=session.village, held_on=_date(session.setup.held_on),
        attendance=tuple(Attendance(tr(PARTICIPANT_LABELS[c]), expected, present)
                         for c, (expected, present) in session.setup.participants.items()
                         if expected is not None or present is not None),
        verified=session.final)


def _counted(session: Session) -> Evaluation:
    result = session.count()
    if result is None:
        raise SetupRefused(tr("serials keyed twice: {serials}",
                              serials=", ".join(session.duplicates)))
    return result


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _setup(row: EvaluationRow | None, evaluation_id: str) -> Setup:
    if row is None:
        raise errors.RecordMissing(record_id=evaluation_id)
    return Setup(
        village_id=row.village_id, held_on=row.held_on, questionnaire=row.questionnaire,
        issued=row.issued, members=tuple(row.members.split("\n")) if row.members else (),
        participants={c: (getattr(row, f"{c}_expected"), getattr(row, f"{c}_present"))
                      for c in PARTICIPANTS})

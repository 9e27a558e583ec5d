"""Keyed ballots (录入的选票): the compact form they are stored in, the live tally, double entry.

A keyed ballot stores its answers as a string of digits, one per subject × item of the
questionnaire in order: ``1`` is the first option of the scale, ``0`` a blank (abstention).
That is exactly what the typist presses, so a stored ballot can be re-keyed and compared
character by character. A void ballot (废票) carries its reason and no answers are counted.

Double entry: two people key the same paper ballots (``first`` and ``second`` entry); the count
is final only when both entries hold the same serials with the same answers and void marks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.i18n import tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Ballot

BLANK = "0"


@dataclass(frozen=True)
class Keyed:
    """One ballot as keyed in one entry."""

    serial: str
    answers: str  # one digit per column; "0" blank
    void_reason: str | None = None

    @property
    def void(self) -> bool:
        return bool(self.void_reason)


@dataclass(frozen=True)
class Mismatch:
    """A difference between the two entries: ``column`` is None for the ballot as a whole."""

    serial: str
    column: tuple[str, str] | None
    first: str  # what the first entry holds, as shown to the user
    second: str


def check_answers(questionnaire: Questionnaire, answers: str) -> str | None:
    """None when ``answers`` fits the questionnaire, otherwise why not (translated)."""
    columns = len(questionnaire.columns())
    if len(answers) != columns:
        return tr("A ballot needs {n} answers, got {got}", n=columns, got=len(answers))
    top = len(questionnaire.options)
    for position, key in enumerate(answers, 1):
        if not key.isdigit() or not 0 <= int(key) <= top:
            return tr("Answer {position} must be a number from 0 to {top}",
                      position=position, top=top)
    return None


def to_ballot(questionnaire: Questionnaire, keyed: Keyed) -> Ballot:
    """The scoring ballot of a keyed one (answers of a void ballot are not carried over)."""
    if keyed.void:
        return Ballot(keyed.serial, {}, void=True)
    options = questionnaire.options
    return Ballot(keyed.serial, {
        column: options[int(key) - 1].key
        for column, key in zip(questionnaire.columns(), keyed.answers, strict=True)
        if key != BLANK
    })


def from_ballot(questionnaire: Questionnaire, ballot: Ballot) -> Keyed:
    """The keyed form of a ballot read from a spreadsheet."""
    if ballot.void:
        return Keyed(ballot.serial, BLANK * len(questionnaire.columns()),
                     tr("Marked void in the spreadsheet"))
    number = {o.key: str(n) for n, o in enumerate(questionnaire.options, 1)}
    return Keyed(ballot.serial, "".join(number[ballot.answers[c]] if ballot.answers.get(c)
                                        else BLANK for c in questionnaire.columns()))


def compare(questionnaire: Questionnaire, first: Iterable[Keyed],
            second: Iterable[Keyed]) -> list[Mismatch]:
    """Every ballot and answer where the two entries differ, in serial and column order."""
    one = {k.serial: k for k in first}
    two = {k.serial: k for k in second}
    missing = tr("(not keyed)")
    found: list[Mismatch] = []
    for serial in sorted(one.keys() | two.keys(), key=serial_order):
        a, b = one.get(serial), two.get(serial)
        if a is None or b is None:
            found.append(Mismatch(serial, None, _whole(a) if a else missing,
                                  _whole(b) if b else missing))
        elif a.void != b.void:
            found.append(Mismatch(serial, None, _whole(a), _whole(b)))
        elif not a.void:
            found.extend(Mismatch(serial, column, _answer(questionnaire, x),
                                  _answer(questionnaire, y))
                         for column, x, y in zip(questionnaire.columns(), a.answers, b.answers,
                                                 strict=True) if x != y)
    return found


def answer_text(questionnaire: Questionnaire, key: str) -> str:
    """What a keyed digit means, e.g. "2 较好" or "0 (blank)"."""
    return _answer(questionnaire, key)


def _answer(questionnaire: Questionnaire, key: str) -> str:
    if key == BLANK:
        return tr("0 (blank)")
    return f"{key} {questionnaire.options[int(key) - 1].label.text()}"


def _whole(keyed: Keyed) -> str:
    return tr("void: {reason}", reason=keyed.void_reason) if keyed.void else tr("keyed")


def serial_order(serial: str) -> tuple[int, str]:
    return (int(serial), serial) if serial.isdigit() else (1 << 62, serial)


def duplicates(keyed: Iterable[Keyed]) -> list[str]:
    """Serials keyed more than once in one entry (possible after merging two laptops)."""
    times = Counter(k.serial for k in keyed)
    return sorted((s for s, n in times.items() if n > 1), key=serial_order)


class LiveTally:
    """Counts per column and option of one entry, updated one keystroke at a time.

    ``counts[c][o]`` is the number of valid ballots answering option ``o`` (1-based, 0 blank)
    in column ``c``; the ballot being typed counts as far as it is typed.
    """

    def __init__(self, questionnaire: Questionnaire, keyed: Iterable[Keyed] = ()) -> None:
        self.width = len(questionnaire.columns())
        self.counts = [[0] * (len(questionnaire.options) + 1) for _ in range(self.width)]
        self.valid = 0
        self.void = 0
        for k in keyed:
            self.add(k)

    def add(self, keyed: Keyed, sign: int = 1) -> None:
        if keyed.void:
            self.void += sign
            return
        self.valid += sign
        for column, key in enumerate(keyed.answers):
            self.counts[column][int(key)] += sign

    def remove(self, keyed: Keyed) -> None:
        self.add(keyed, -1)

    def press(self, column: int, key: str, sign: int = 1) -> None:
        """One answer typed (or, with sign -1, taken back) in the ballot being keyed."""
        self.counts[column][int(key)] += sign

"""Questionnaires for democratic evaluation (民主测评): what is asked and how it is scored.

A questionnaire names its subjects (the village party organisation, the 两委 as a whole and,
from a ``[members]`` template, one subject per 两委 member), the items asked about each subject,
the scale of answers with their weights, which answers are favourable or not scored (不了解),
and the rules: quorum, grades by threshold and flags. Numbers are exact Fractions. Bounds are
explicit: ``at_least`` means ≥ and ``more_than`` means >. The definitions are data in
forms/evaluation; ``questionnaire_toml`` reads and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from desktop.core import errors
from desktop.core.i18n import N_, language, tr

GRADE_BASES = ("favourable_rate", "score")


class QuestionnaireError(errors.XunchaError):
    message = N_("Questionnaire {path}")


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def text(self) -> str:
        return self.en if language() == "en" else self.zh


@dataclass(frozen=True)
class Bound:
    """A threshold: ``value >= threshold`` (at_least) or ``value > threshold`` (more_than)."""

    threshold: Fraction
    strict: bool = False

    def admits(self, value: Fraction) -> bool:
        return value > self.threshold if self.strict else value >= self.threshold

    def describe(self) -> str:
        percent = self.threshold * 100
        shown = (f"{float(percent):g}%" if (percent * 10).denominator == 1
                 else f"{self.threshold.numerator}/{self.threshold.denominator}")
        return f"{'>' if self.strict else '≥'} {shown}"


@dataclass(frozen=True)
class Option:
    key: str
    label: Label
    weight: Fraction  # share of the item's full marks; 0 for a not-scored option
    favourable: bool = False
    scored: bool = True


@dataclass(frozen=True)
class Item:
    key: str
    label: Label


@dataclass(frozen=True)
class Subject:
    key: str
    label: Label
    items: tuple[Item, ...]
    member: bool = False  # one 两委 member (a placeholder or a named person)


@dataclass(frozen=True)
class Grade:
    key: str
    label: Label
    bound: Bound | None  # None: every result the grades above do not reach


@dataclass(frozen=True)
class Flag:
    key: str
    label: Label
    options: tuple[str, ...]  # option keys whose share is compared with the bound
    bound: Bound


@dataclass(frozen=True)
class Rules:
    quorum: Bound
    grade_by: str  # "favourable_rate" or "score" (compared as score / 100)
    grades: tuple[Grade, ...]
    flags: tuple[Flag, ...] = ()
    exclude_not_scored: bool = True


@dataclass(frozen=True)
class Members:
    """Template for one subject per 两委 member; placeholders until real names are given."""

    label: Label
    items: tuple[Item, ...]
    placeholders: int


@dataclass(frozen=True)
class Questionnaire:
    key: str
    version: int
    label: Label
    options: tuple[Option, ...]
    rate_label: Label
    subjects: tuple[Subject, ...]
    rules: Rules
    members: Members | None = None
    source: str = ""

    def columns(self) -> tuple[tuple[str, str], ...]:
        return tuple((s.key, i.key) for s in self.subjects for i in s.items)

    def with_members(self, names: list[str]) -> Questionnaire:
        """The questionnaire with one subject per named member instead of the placeholders."""
        if self.members is None:
            raise QuestionnaireError(tr("it has no [members] section"), path=self.source)
        static = [s for s in self.subjects if not s.member]
        taken = {s.key for s in static}
        people = []
        for raw in names:
            name = raw.strip()
            if not name or "/" in name or name in taken:
                raise QuestionnaireError(tr("member name {name} is empty, repeated or has a /",
                                            name=repr(raw)), path=self.source)
            taken.add(name)
            people.append(Subject(name, Label(name, name), self.members.items, member=True))
        return replace(self, subjects=(*static, *people))

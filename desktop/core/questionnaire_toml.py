"""Reading questionnaires from TOML (forms/evaluation/*.toml), checked before use.

``find`` takes a key of a shipped questionnaire or the path of a .toml file. The reader refuses
a wrong definition (an unknown setting, option or item, a missing label, a duplicate key, a
threshold out of range, grades out of order) and names the file and the problem. Numbers are
written as 0.85, "85%" or "17/20" and become exact Fractions; floats never reach the scoring.
"""

from __future__ import annotations

import re
import tomllib
from fractions import Fraction
from itertools import pairwise
from pathlib import Path
from typing import Any, NoReturn

from desktop import paths
from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.core.questionnaire import (
    GRADE_BASES,
    Bound,
    Flag,
    Grade,
    Item,
    Label,
    Members,
    Option,
    Questionnaire,
    QuestionnaireError,
    Rules,
    Subject,
)

FORMS = paths.forms("evaluation")
_KEY = re.compile(r"[A-Za-z0-9_-]+")


class QuestionnaireNotFound(errors.XunchaError):
    message = N_("No questionnaire {name}; available: {available}")


def load(path: Path) -> Questionnaire:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise errors.FileMissing(path=path) from None
    except UnicodeDecodeError:
        raise QuestionnaireError(tr("not a UTF-8 text file"), path=path) from None
    return parse(text, str(path))


def parse(text: str, source: str) -> Questionnaire:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise QuestionnaireError(tr("not valid TOML: {why}", why=e), path=source) from None
    return _Reader(source).questionnaire(data)


def available() -> dict[str, Path]:
    """The shipped questionnaires by key."""
    return {load(p).key: p for p in sorted(FORMS.glob("*.toml"))}


def find(name: str) -> Questionnaire:
    """A questionnaire by key (from forms/evaluation) or by the path of a TOML file."""
    if name.endswith(".toml") or Path(name).is_file():
        return load(Path(name))
    shipped = available()
    if name not in shipped:
        raise QuestionnaireNotFound(name=name, available=", ".join(shipped))
    return load(shipped[name])


class _Reader:
    """Reads the TOML tables; the first problem ends the load with the file named."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, problem: str) -> NoReturn:
        raise QuestionnaireError(problem, path=self.source)

    def table(self, data: Any, where: str, required: tuple[str, ...],
              optional: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(tr("{where} must be a table", where=where))
        for name in data:
            if name not in required + optional:
                self.fail(tr("unknown setting {name} in {where}", name=name, where=where))
        for name in required:
            if name not in data:
                self.fail(tr("{where} has no {name}", where=where, name=name))
        return data

    def key(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not _KEY.fullmatch(value):
            self.fail(tr("{where}: the key {key} must be letters, digits, - or _",
                         where=where, key=repr(value)))
        return value

    def label(self, data: dict[str, Any], where: str) -> Label:
        for lang in ("zh", "en"):
            if not isinstance(data.get(lang), str) or not data[lang].strip():
                self.fail(tr("{where} has no {lang} label", where=where, lang=lang))
        return Label(data["zh"].strip(), data["en"].strip())

    def number(self, value: Any, where: str) -> Fraction:
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise TypeError
            text = str(value).strip()
            number = Fraction(text[:-1]) / 100 if text.endswith("%") else Fraction(text)
        except (TypeError, ValueError, ZeroDivisionError):
            self.fail(tr("{where}: {value} is not a number", where=where, value=repr(value)))
        if not 0 <= number <= 1:
            self.fail(tr("{where}: {value} is out of range (0 to 100%)",
                         where=where, value=repr(value)))
        return number

    def bound(self, data: dict[str, Any], where: str) -> Bound | None:
        given = [name for name in ("at_least", "more_than") if name in data]
        if len(given) > 1:
            self.fail(tr("{where} needs at_least or more_than, not both", where=where))
        if not given:
            return None
        return Bound(self.number(data[given[0]], where), strict=given[0] == "more_than")

    def unique(self, entries: list[Any], where: str, read: Any) -> list[Any]:
        if not isinstance(entries, list) or not entries:
            self.fail(tr("{where} must be a non-empty list", where=where))
        seen: set[str] = set()
        out = []
        for n, entry in enumerate(entries, 1):
            named = isinstance(entry, dict) and isinstance(entry.get("key"), str)
            got = read(entry, f"{where} {entry['key'] if named else f'#{n}'}")
            if got.key in seen:
                self.fail(tr("duplicate key {key} in {where}", key=got.key, where=where))
            seen.add(got.key)
            out.append(got)
        return out

    def keys_in(self, value: Any, known: Any, where: str, what: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(tr("{where} must be a list of keys", where=where))
        for v in value:
            if v not in known:
                self.fail(tr("unknown {what} {key} in {where}", what=what, key=v, where=where))
        if len(set(value)) != len(value):
            self.fail(tr("{where} lists a key twice", where=where))
        return value

    def questionnaire(self, data: dict[str, Any]) -> Questionnaire:
        top = self.table(data, tr("the file"), ("key", "version", "scale", "items", "subjects",
                                                 "rules"), ("zh", "en", "members"))
        key = self.key(top["key"], "key")
        if isinstance(top["version"], bool) or not isinstance(top["version"], int) \
                or top["version"] < 1:
            self.fail(tr("version must be a whole number from 1"))
        options, rate_label = self.scale(top["scale"])
        items = self.items(top["items"])
        subjects = self.unique(top["subjects"], "[[subjects]]",
                               lambda d, w: self.subject(d, w, items))
        members = self.members(top["members"], items) if "members" in top else None
        if members is not None:
            taken = {s.key for s in subjects}
            for n in range(1, members.placeholders + 1):
                if f"member{n}" in taken:
                    self.fail(tr("duplicate key {key} in {where}", key=f"member{n}",
                                 where="[[subjects]], [members]"))
                subjects.append(Subject(f"member{n}", Label(f"{members.label.zh}{n}",
                                                            f"{members.label.en} {n}"),
                                        members.items, member=True))
        return Questionnaire(key, top["version"], self.label(top, tr("the file")), options,
                             rate_label, tuple(subjects), self.rules(top["rules"], options),
                             members, self.source)

    def scale(self, data: Any) -> tuple[tuple[Option, ...], Label]:
        s = self.table(data, "[scale]", ("options", "favourable", "rate_zh", "rate_en"),
                       ("not_scored",))
        raw: dict[str, dict[str, Any]] = {}
        if not isinstance(s["options"], list) or len(s["options"]) < 2:
            self.fail(tr("the scale needs at least two options"))
        for n, d in enumerate(s["options"], 1):
            where = f"[[scale.options]] #{n}"
            key = self.key(self.table(d, where, ("key",), ("zh", "en", "weight"))["key"], where)
            if key in raw:
                self.fail(tr("duplicate key {key} in {where}", key=key, where="[[scale.options]]"))
            raw[key] = d
        favourable = set(self.keys_in(s["favourable"], raw, "[scale] favourable", tr("option")))
        not_scored = set(self.keys_in(s.get("not_scored", []), raw, "[scale] not_scored",
                                      tr("option")))
        if not favourable or favourable & not_scored:
            self.fail(tr("[scale] favourable needs at least one option, and only scored ones"))
        options = []
        for key, d in raw.items():
            where = f"[[scale.options]] {key}"
            if (key in not_scored) == ("weight" in d):
                self.fail(tr("{where}: a scored option needs a weight, a not-scored one has "
                             "none", where=where))
            weight = Fraction(0) if key in not_scored else self.number(d["weight"], where)
            options.append(Option(key, self.label(d, where), weight, key in favourable,
                                  key not in not_scored))
        for lang in ("zh", "en"):
            if len({getattr(o.label, lang) for o in options}) < len(options):
                self.fail(tr("[[scale.options]]: two options have the same {lang} label",
                             lang=lang))
        rate = self.label({"zh": s["rate_zh"], "en": s["rate_en"]}, "[scale] rate_zh/rate_en")
        return tuple(options), rate

    def items(self, data: Any) -> dict[str, Item]:
        if not isinstance(data, dict) or not data:
            self.fail(tr("{where} must be a non-empty list", where="[items]"))
        out = {}
        for key, d in data.items():
            where = f"[items.{key}]"
            out[self.key(key, "[items]")] = Item(key, self.label(
                self.table(d, where, (), ("zh", "en")), where))
        return out

    def members(self, data: Any, items: dict[str, Item]) -> Members:
        m = self.table(data, "[members]", ("items", "placeholders"), ("zh", "en"))
        count = m["placeholders"]
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 50:
            self.fail(tr("[members] placeholders must be a whole number from 0 to 50"))
        return Members(self.label(m, "[members]"),
                       tuple(items[k] for k in self.keys_in(m["items"], items, "[members] items",
                                                           tr("item"))), count)

    def subject(self, d: Any, where: str, items: dict[str, Item]) -> Subject:
        d = self.table(d, where, ("key", "items"), ("zh", "en"))
        return Subject(self.key(d["key"], where), self.label(d, where),
                       tuple(items[k] for k in self.keys_in(d["items"], items,
                                                            f"{where} items", tr("item"))))

    def rules(self, data: Any, options: tuple[Option, ...]) -> Rules:
        r = self.table(data, "[rules]", ("quorum", "grade_by", "grades"),
                       ("flags", "exclude_not_scored"))
        where = "[rules] quorum"
        quorum = self.bound(self.table(r["quorum"], where, (), ("at_least", "more_than")), where)
        if quorum is None:
            self.fail(tr("{where} needs at_least or more_than", where=where))
        if r["grade_by"] not in GRADE_BASES:
            self.fail(tr("[rules] grade_by must be one of: {names}", names=", ".join(GRADE_BASES)))
        exclude = r.get("exclude_not_scored", True)
        if not isinstance(exclude, bool):
            self.fail(tr("[rules] exclude_not_scored must be true or false"))
        grades = self.unique(r["grades"], "[[rules.grades]]", self.grade)
        for upper, lower in pairwise(grades):
            if upper.bound is None or (lower.bound is not None and (
                    lower.bound.threshold, lower.bound.strict)
                    >= (upper.bound.threshold, upper.bound.strict)):
                self.fail(tr("[[rules.grades]] must go from the highest threshold down; only "
                             "the last may have none"))
        known = {o.key: o for o in options}
        flags = self.unique(r["flags"], "[[rules.flags]]",
                            lambda d, w: self.flag(d, w, known)) if "flags" in r else []
        return Rules(quorum, r["grade_by"], tuple(grades), tuple(flags), exclude)

    def grade(self, d: Any, where: str) -> Grade:
        d = self.table(d, where, ("key",), ("zh", "en", "at_least", "more_than"))
        return Grade(self.key(d["key"], where), self.label(d, where), self.bound(d, where))

    def flag(self, d: Any, where: str, known: dict[str, Option]) -> Flag:
        d = self.table(d, where, ("key", "options"), ("zh", "en", "at_least", "more_than"))
        bound = self.bound(d, where)
        if bound is None:
            self.fail(tr("{where} needs at_least or more_than", where=where))
        return Flag(self.key(d["key"], where), self.label(d, where),
                    tuple(self.keys_in(d["options"], known, f"{where} options", tr("option"))),
                    bound)

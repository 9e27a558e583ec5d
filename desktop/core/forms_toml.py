"""Reading step forms from TOML (forms/steps/KEY.vVERSION.toml), every definition checked.

One file holds one version of one form; its name repeats the key and version written inside
(``interview.v1.toml``: ``key = "interview"``, ``version = 1``), so several versions of a form
live side by side and ``load_all`` (called at start-up) returns them all in a ``FormSet``. A
wrong definition (an unknown setting or field kind, a duplicate key, a missing label, a bad
option, pattern, number or version) is refused with the file and the line named: tomllib gives
no line for such problems, so ``_Lines`` finds the table or setting in the source text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from desktop import paths
from desktop.core import errors
from desktop.core.forms import KINDS, Field, Form, FormSet, Option
from desktop.core.i18n import N_, tr
from desktop.core.id_numbers import PATTERNS
from desktop.core.kinds import ROLES
from desktop.core.questionnaire import Label

FORMS = paths.forms("steps")
DEFAULT_MAX_LENGTH = {"text": 200, "long_text": 20000}
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_COMMON = ("key", "kind", "zh", "en", "help_zh", "help_en", "required", "restricted")
_SETTINGS: dict[str, tuple[str, ...]] = {
    "text": ("max_length", "pattern", "regex"), "long_text": ("max_length",),
    "number": ("min", "max", "decimals", "unit_zh", "unit_en"), "date": (), "time": (),
    "choice": ("options",), "multi_choice": ("options",), "person": ("multiple", "allow_name"),
    "village": (), "attachments": (), "repeat": ("fields", "min_items", "max_items"),
    "checklist": ("items",),
}
_NEEDED = {"choice": ("options",), "multi_choice": ("options",), "repeat": ("fields",),
           "checklist": ("items",)}
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]]+?)\s*\]")
_DECIMAL = re.compile(r"[+-]?\d{1,18}(\.\d{1,9})?")

Where = tuple[str | int, ...]


class FormDefinitionError(errors.XunchaError):
    message = N_("Form definition {path}, line {line}")


def load(path: Path) -> Form:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise errors.FileMissing(path=path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FormDefinitionError(tr("not a UTF-8 text file"), path=path,
                                  line=data[:e.start].count(b"\n") + 1) from None
    return parse(text, str(path))


def parse(text: str, source: str) -> Form:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        at = re.search(r"at line (\d+)", str(e))
        raise FormDefinitionError(tr("not valid TOML: {why}", why=e), path=source,
                                  line=at[1] if at else 1) from None
    return _Reader(source, text).form(data)


def load_all(folder: Path = FORMS) -> FormSet:
    """Every form version in ``folder``; each file must be named KEY.vVERSION.toml."""
    if not Path(folder).is_dir():
        raise errors.FolderMissing(path=folder)
    forms = []
    for path in sorted(Path(folder).glob("*.toml")):
        form = load(path)
        expected = f"{form.key}.v{form.version}.toml"
        if path.name != expected:
            wrong_key = not path.name.startswith(f"{form.key}.")
            reader = _Reader(str(path), path.read_text(encoding="utf-8"))
            reader.fail(("key",) if wrong_key else ("version",),
                        tr("the file name must be {name}", name=expected))
        forms.append(form)
    return FormSet(forms)


def _entry(where: str, data: Any, n: int) -> str:
    """How an entry of a list is named in a message: by its key, or by its number."""
    named = isinstance(data, dict) and isinstance(data.get("key"), str)
    return f"{where} {data['key'] if named else f'#{n + 1}'}"


class _Lines:
    """Where each table and setting is in the TOML source, by its path in the parsed data:
    ``("fields", 2, "options", 0, "zh")`` is the zh of the first option of the third field."""

    def __init__(self, text: str) -> None:
        self.blocks: dict[Where, tuple[int, list[tuple[int, str]]]] = {(): (1, [])}
        counts: dict[Where, int] = {}
        current: Where = ()
        quote = ""
        for number, line in enumerate(text.splitlines(), 1):
            if quote:  # inside a multi-line string
                quote = "" if line.count(quote) % 2 else quote
                continue
            header = _HEADER.match(line)
            if header is None:
                self.blocks[current][1].append((number, line))
                quote = next((q for q in ('"""', "'''") if line.count(q) % 2), "")
                continue
            path: list[str | int] = []
            parts = [p.strip().strip("\"'") for p in header[2].split(".")]
            for n, part in enumerate(parts):
                path.append(part)
                if tuple(path) in counts and n < len(parts) - 1:
                    path.append(counts[tuple(path)])
            if header[1] == "[[":
                self.blocks.setdefault(tuple(path), (number, []))  # the list: its first entry
                counts[tuple(path)] = counts.get(tuple(path), -1) + 1
                path.append(counts[tuple(path)])
            current = tuple(path)
            self.blocks[current] = (number, [])

    def line(self, path: Where) -> int:
        for cut in range(len(path), -1, -1):
            if path[:cut] not in self.blocks:
                continue
            header, lines = self.blocks[path[:cut]]
            name = path[cut] if cut < len(path) else None
            if isinstance(name, str):
                setting = re.compile(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=")
                for number, text in lines:
                    if setting.match(text):
                        return number
            return header
        return 1


class _Reader:
    """Reads one file; the first problem ends the load with the file and line named."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.lines = _Lines(text)

    def fail(self, at: Where, problem: str) -> NoReturn:
        raise FormDefinitionError(problem, path=self.source, line=self.lines.line(at))

    def table(self, data: Any, at: Where, where: str, allowed: tuple[str, ...],
              required: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(at, tr("{where} must be a table", where=where))
        for name in data:
            if name not in allowed:
                self.fail((*at, name), tr("unknown setting {name} in {where}", name=name,
                                          where=where))
        for name in required:
            if name not in data:
                self.fail(at, tr("{where} has no {name}", where=where, name=name))
        return data

    def key(self, value: Any, at: Where, where: str) -> str:
        if not isinstance(value, str) or not _KEY.fullmatch(value):
            self.fail((*at, "key"), tr("{where}: the key {key} must be lower-case letters, "
                                       "digits or _, starting with a letter",
                                       where=where, key=repr(value)))
        return value

    def label(self, data: dict[str, Any], at: Where, where: str, prefix: str = "",
              needed: bool = True) -> Label | None:
        names = (f"{prefix}zh", f"{prefix}en")
        if not needed and not any(n in data for n in names):
            return None
        for name in names:
            if not isinstance(data.get(name), str) or not data[name].strip():
                self.fail((*at, name) if name in data else at, tr(
                    "{where} has no {lang} label", where=where, lang=name))
        return Label(data[names[0]].strip(), data[names[1]].strip())

    def flag(self, data: dict[str, Any], name: str, at: Where, where: str,
             default: bool) -> bool:
        value = data.get(name, default)
        if not isinstance(value, bool):
            self.fail((*at, name), tr("{where}: {name} must be true or false", where=where,
                                      name=name))
        return value

    def whole(self, data: dict[str, Any], name: str, at: Where, where: str, low: int,
              high: int) -> int | None:
        value = data.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not low <= value <= high):
            self.fail((*at, name), tr("{where}: {name} must be a whole number from {low} to "
                                      "{high}", where=where, name=name, low=low, high=high))
        return value

    def decimal(self, data: dict[str, Any], name: str, at: Where, where: str) -> Decimal | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not (isinstance(value, int) or (
                isinstance(value, str) and _DECIMAL.fullmatch(value.strip()))):
            self.fail((*at, name), tr("{where}: write {name} as a whole number or as text "
                                      "such as \"12.5\"", where=where, name=name))
        return Decimal(str(value).strip())

    def form(self, data: dict[str, Any]) -> Form:
        where = tr("the file")
        top = self.table(data, (), where, ("key", "version", "zh", "en", "help_zh", "help_en",
                                           "readers", "reader_fields", "fields"),
                         ("key", "version", "fields"))
        key = self.key(top["key"], (), where)
        version = top["version"]
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail(("version",), tr("version must be a whole number from 1"))
        label = self.label(top, (), where)
        assert label is not None
        fields = self.fields(top["fields"], ("fields",), "[[fields]]", nested=False)
        readers = self.names(top, "readers", where, ROLES)
        people = tuple(f.key for f in fields if f.kind == "person")
        reader_fields = self.names(top, "reader_fields", where, people)
        if any(f.restricted for f in fields) != bool(readers or reader_fields):
            self.fail(("fields",), tr("a form with restricted fields names its readers "
                                      "(readers or reader_fields), and only such a form"))
        return Form(key, version, label, fields, self.label(top, (), where, "help_", False),
                    self.source, readers, reader_fields)

    def names(self, data: dict[str, Any], name: str, where: str,
              allowed: tuple[str, ...]) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or any(v not in allowed for v in value):
            self.fail((name,), tr("{where}: {name} must be a list of: {allowed}", where=where,
                                  name=name, allowed=", ".join(allowed)))
        return tuple(value)

    def fields(self, data: Any, at: Where, where: str, nested: bool) -> tuple[Field, ...]:
        if not isinstance(data, list) or not data:
            self.fail(at, tr("{where} must be a non-empty list", where=where))
        fields = [self.field(d, (*at, n), _entry(where, d, n), nested)
                  for n, d in enumerate(data)]
        self.unique([f.key for f in fields], at, where)
        return tuple(fields)

    def unique(self, keys: list[str], at: Where, where: str) -> None:
        for n, key in enumerate(keys):
            if key in keys[:n]:
                self.fail((*at, n, "key"), tr("duplicate key {key} in {where}", key=key,
                                              where=where))

    def field(self, d: Any, at: Where, where: str, nested: bool) -> Field:
        kind = d.get("kind") if isinstance(d, dict) else None
        if kind not in KINDS:
            self.fail((*at, "kind"), tr("{where}: unknown field kind {kind}; the kinds are: "
                                        "{kinds}", where=where, kind=repr(kind),
                                        kinds=", ".join(KINDS)))
        if nested and kind == "repeat":
            self.fail((*at, "kind"), tr("{where}: a repeat group cannot hold another",
                                        where=where))
        d = self.table(d, at, where, _COMMON + _SETTINGS[kind], ("key", "kind",
                                                                *_NEEDED.get(kind, ())))
        label = self.label(d, at, where)
        assert label is not None
        field = Field(self.key(d["key"], at, where), kind, label,
                      self.label(d, at, where, "help_", False),
                      self.flag(d, "required", at, where, False),
                      restricted=self.flag(d, "restricted", at, where, False))
        if field.restricted and nested:
            self.fail((*at, "restricted"), tr("{where}: only a form's own fields can be "
                                              "restricted", where=where))
        settings: dict[str, Any] = {}
        if kind in DEFAULT_MAX_LENGTH:
            settings["max_length"] = self.whole(d, "max_length", at, where, 1, 100_000) \
                or DEFAULT_MAX_LENGTH[kind]
        if kind == "text":
            settings.update(self.text_check(d, at, where))
        elif kind == "number":
            settings.update(self.number(d, at, where))
        elif kind in ("choice", "multi_choice"):
            settings["options"] = self.options(d["options"], (*at, "options"),
                                               f"{where} options", 2 if kind == "choice" else 1)
        elif kind == "person":
            settings["multiple"] = self.flag(d, "multiple", at, where, False)
            settings["allow_name"] = self.flag(d, "allow_name", at, where, True)
        elif kind == "repeat":
            settings["fields"] = self.fields(d["fields"], (*at, "fields"), f"{where} fields",
                                             nested=True)
            settings["min_items"] = self.whole(d, "min_items", at, where, 0, 1000) or 0
            settings["max_items"] = self.whole(d, "max_items", at, where, 1, 1000)
            if settings["max_items"] is not None and settings["max_items"] < \
                    settings["min_items"]:
                self.fail((*at, "max_items"), tr("{where}: max_items is less than min_items",
                                                 where=where))
        elif kind == "checklist":
            settings["items"] = self.options(d["items"], (*at, "items"), f"{where} items", 1)
        return replace(field, **settings)

    def text_check(self, d: dict[str, Any], at: Where, where: str) -> dict[str, Any]:
        if "pattern" in d and "regex" in d:
            self.fail((*at, "regex"), tr("{where} needs pattern or regex, not both", where=where))
        if "pattern" in d and d["pattern"] not in PATTERNS:
            self.fail((*at, "pattern"), tr("{where}: unknown pattern {name}; the patterns are: "
                                           "{names}", where=where, name=repr(d["pattern"]),
                                           names=", ".join(PATTERNS)))
        if "regex" in d:
            try:
                re.compile(d["regex"])
            except (re.error, TypeError) as e:
                self.fail((*at, "regex"), tr("{where}: the regex is not valid: {why}",
                                             where=where, why=e))
        return {"pattern": d.get("pattern"), "regex": d.get("regex")}

    def number(self, d: dict[str, Any], at: Where, where: str) -> dict[str, Any]:
        low, high = self.decimal(d, "min", at, where), self.decimal(d, "max", at, where)
        if low is not None and high is not None and low > high:
            self.fail((*at, "max"), tr("{where}: max is less than min", where=where))
        unit = self.label(d, at, where, "unit_", False)
        return {"minimum": low, "maximum": high, "unit": unit,
                "decimals": self.whole(d, "decimals", at, where, 0, 9)}

    def options(self, data: Any, at: Where, where: str, least: int) -> tuple[Option, ...]:
        if not isinstance(data, list) or len(data) < least:
            self.fail(at, tr("{where} needs at least {n} entries", where=where, n=least))
        options = []
        for n, d in enumerate(data):
            name = _entry(where, d, n)
            d = self.table(d, (*at, n), name, ("key", "zh", "en", "help_zh", "help_en"),
                           ("key",))
            label = self.label(d, (*at, n), name)
            assert label is not None
            options.append(Option(self.key(d["key"], (*at, n), name), label,
                                  self.label(d, (*at, n), name, "help_", False)))
        self.unique([o.key for o in options], at, where)
        for lang in ("zh", "en"):
            texts = [getattr(o.label, lang) for o in options]
            for n, text in enumerate(texts):
                if text in texts[:n]:
                    self.fail((*at, n, lang), tr("{where}: two entries have the same {lang} "
                                                 "label", where=where, lang=lang))
        return tuple(options)

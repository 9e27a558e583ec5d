"""Step forms as data: what a record of each inspection step holds, and checking its values.

A ``Form`` (read from forms/steps/KEY.vVERSION.toml by ``forms_toml``) is identified by
``(key, version)``; a record stores the key and version it was written with (``Form.ref``) and
is always checked against exactly that version (``FormSet.definition(key, version)``), so a
newer form never breaks an old record. A published version is never edited: a change is a new
file with the next version, and both stay loaded.

Value representation, per field kind (all canonical-JSON safe: str, int, list, dict; never a
float). A record body is a dict field key → value; empty fields are left out.

- ``text``, ``long_text``: str, trimmed. A named pattern stores its canonical form (id_card:
  18 characters with upper-case X; mobile: 11 digits; phone/landline: ``0519-86681234``).
- ``number``: int when whole, otherwise a decimal string such as ``"12.5"`` (no exponent, no
  trailing zeros). Given as int or as a decimal string.
- ``date``: ``"YYYY-MM-DD"``; ``time``: ``"HH:MM"`` (24 hours).
- ``choice``: the option key; ``multi_choice``: list of option keys in the form's order.
- ``person``: ``{"id": "<record id>"}`` for a person known to the round, or
  ``{"name": "张三"}`` typed freely (refused where the field says ``allow_name = false``);
  with ``multiple = true`` a list of these.
- ``village``: the village record id (str).
- ``attachments``: list of SHA-256 hex digests (lower case) of the blobs.
- ``repeat``: list of dicts of sub-field values, one per row (sub-fields are not repeats).
- ``checklist``: dict item key → ``{"state": "checked" | "problem" | "not_applicable",
  "note": str}``; a problem needs a note.

``validate`` returns the clean values or raises ``FormValuesError`` listing every problem with
the field's label in the user's language. ``validate_draft`` keeps whatever was typed (a half
typed date stays as typed) and refuses only what could never be stored: unknown fields or items,
floats and other types JSON cannot hold. ``step_forms.carry_over`` continues a draft on a
newer version; ``step_forms.round_steps`` gives the steps of a round with their forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.core import errors
from desktop.core.canonical import CanonicalError, canonical_bytes
from desktop.core.form_values import CLEANERS, BadValue, is_empty
from desktop.core.i18n import N_, tr
from desktop.core.questionnaire import Label

KINDS = ("text", "long_text", "number", "date", "time", "choice", "multi_choice", "person",
         "village", "attachments", "repeat", "checklist")
CHECK_STATES = ("checked", "problem", "not_applicable")
MAX_NOTE = 2000

Path = tuple[str | int, ...]


def state_label(state: str) -> str:
    """A checklist state in the user's language."""
    return {"checked": tr("Checked, no problem"), "problem": tr("Problem found"),
            "not_applicable": tr("Not applicable")}[state]


class FormValuesError(errors.XunchaError, ValueError):
    message = N_("{form} (version {version}) cannot be saved")

    def __init__(self, form: Form, problems: list[Problem]) -> None:
        super().__init__(tr("; ").join(p.message for p in problems), form=form.label.text(),
                         version=form.version)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Option:
    """A choice option or a checklist item."""

    key: str
    label: Label
    help: Label | None = None


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    label: Label
    help: Label | None = None
    required: bool = False
    max_length: int | None = None  # text, long_text
    pattern: str | None = None  # text: a name in id_numbers.PATTERNS
    regex: str | None = None  # text: the whole value must match
    minimum: Decimal | None = None  # number
    maximum: Decimal | None = None
    decimals: int | None = None  # number: most digits after the point
    unit: Label | None = None  # number
    options: tuple[Option, ...] = ()  # choice, multi_choice
    multiple: bool = False  # person
    allow_name: bool = True  # person: a typed name of someone not in the round
    fields: tuple[Field, ...] = ()  # repeat
    min_items: int = 0  # repeat
    max_items: int | None = None
    items: tuple[Option, ...] = ()  # checklist
    restricted: bool = False  # seen only by the form's readers (core.visibility)


@dataclass(frozen=True)
class Form:
    key: str
    version: int
    label: Label
    fields: tuple[Field, ...]
    help: Label | None = None
    source: str = ""
    # Who reads the restricted fields besides the record's author: roles within the
    # author's team, and the inspectors the named person fields hold.
    readers: tuple[str, ...] = ()
    reader_fields: tuple[str, ...] = ()

    @property
    def restricted(self) -> tuple[str, ...]:
        """The keys of the fields only the readers see."""
        return tuple(f.key for f in self.fields if f.restricted)

    @property
    def ref(self) -> tuple[str, int]:
        """What a record stores to name the form it was written with."""
        return self.key, self.version

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


def attachment_digests(fields: tuple[Field, ...], values: dict[str, Any]) -> list[str]:
    """The SHA-256 digests of the files that ``values`` attach, repeats included."""
    found: list[str] = []
    for f in fields:
        value = values.get(f.key)
        if f.kind == "attachments" and isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
        elif f.kind == "repeat" and isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    found.extend(attachment_digests(f.fields, row))
    return found


@dataclass(frozen=True)
class Problem:
    path: Path  # ("attendees", 0, "name"): field keys and row numbers from 0
    message: str


class FormNotFound(errors.XunchaError, LookupError):
    message = N_("No form {key} version {version}; available: {available}")


class FormSet:
    """Every loaded version of every form, by (key, version)."""

    def __init__(self, forms: Iterable[Form]) -> None:
        self._forms: dict[tuple[str, int], Form] = {}
        for form in forms:
            if form.ref in self._forms:
                raise ValueError(f"form {form.key} version {form.version} given twice")
            self._forms[form.ref] = form

    def keys(self) -> tuple[str, ...]:
        return tuple(sorted({key for key, _ in self._forms}))

    def versions(self, key: str) -> tuple[int, ...]:
        return tuple(sorted(v for k, v in self._forms if k == key))

    def definition(self, key: str, version: int | None = None) -> Form:
        """The exact version a record names, or the latest for a new record."""
        found = self.versions(key)
        if version is None and found:
            version = found[-1]
        form = self._forms.get((key, version)) if version is not None else None
        if form is None:
            raise FormNotFound(key=key, version=version or "-", available=", ".join(
                f"{k} v{v}" for k, v in sorted(self._forms)))
        return form

    def latest(self, key: str) -> Form:
        return self.definition(key)

    def __iter__(self) -> Iterator[Form]:
        return iter(self._forms[ref] for ref in sorted(self._forms))

    def __len__(self) -> int:
        return len(self._forms)


def validate(form: Form, values: Any) -> dict[str, Any]:
    """The clean values of a finished record, or FormValuesError listing every problem."""
    clean, problems = _check(form, values, draft=False)
    if problems:
        raise FormValuesError(form, problems)
    return clean


def validate_draft(form: Form, values: Any) -> dict[str, Any]:
    """The values of an unfinished record: incomplete or half-typed values are kept as typed;
    only what could never be stored (unknown fields, floats, …) is refused."""
    clean, problems = _check(form, values, draft=True)
    if problems:
        raise FormValuesError(form, problems)
    return clean


def problems(form: Form, values: Any) -> tuple[Problem, ...]:
    """What stands between these values and a finished record (nothing raised)."""
    return tuple(_check(form, values, draft=False)[1])


def _check(form: Form, values: Any, draft: bool) -> tuple[dict[str, Any], list[Problem]]:
    checker = _Checker(draft)
    clean = checker.group(form.fields, values, (), "")
    return clean, checker.problems


class _Checker:
    def __init__(self, draft: bool) -> None:
        self.draft = draft
        self.problems: list[Problem] = []

    def hard(self, path: Path, message: str) -> None:
        """A problem that refuses even a draft."""
        self.problems.append(Problem(path, message))

    def group(self, fields: tuple[Field, ...], values: Any, path: Path,
              prefix: str) -> dict[str, Any]:
        if not isinstance(values, dict):
            self.hard(path, tr("Field {field} has the wrong type", field=prefix or "-"))
            return {}
        known = {f.key for f in fields}
        for key in values:
            if key not in known:
                self.hard((*path, str(key)), tr("Unknown field: {field}", field=prefix + str(key)))
        clean: dict[str, Any] = {}
        for f in fields:
            raw, label, where = values.get(f.key), prefix + f.label.text(), (*path, f.key)
            try:
                canonical_bytes(raw)
            except (CanonicalError, TypeError, ValueError):
                self.hard(where, tr("{field} holds a value that cannot be stored (write decimal "
                                    "numbers as text, e.g. \"12.5\")", field=label))
                continue
            if is_empty(raw):
                if f.required and not self.draft:
                    self.problems.append(Problem(where, tr("Required field is empty: {field}",
                                                           field=label)))
                continue
            try:
                clean[f.key] = self.value(f, raw, label, where)
            except BadValue as bad:
                if not self.draft:
                    self.problems.append(Problem(where, str(bad)))
                clean[f.key] = raw
        return clean

    def value(self, f: Field, raw: Any, label: str, path: Path) -> Any:
        if f.kind == "repeat":
            return self.rows(f, raw, label, path)
        if f.kind == "checklist":
            return self.checklist(f, raw, label, path)
        return CLEANERS[f.kind](f, raw, label)

    def rows(self, f: Field, raw: Any, label: str, path: Path) -> list[dict[str, Any]]:
        if not isinstance(raw, list):
            raise BadValue(tr("Field {field} has the wrong type", field=label))
        out = [self.group(f.fields, row, (*path, n), tr("{group} no. {n} › ", group=label,
                                                        n=n + 1))
               for n, row in enumerate(raw)  # a finished record leaves out blank rows
               if self.draft or not (isinstance(row, dict) and all(map(is_empty, row.values())))]
        if not self.draft and len(out) < f.min_items:
            self.problems.append(Problem(path, tr("{field} needs at least {n} entries",
                                                  field=label, n=f.min_items)))
        if not self.draft and f.max_items is not None and len(out) > f.max_items:
            self.problems.append(Problem(path, tr("{field} allows at most {n} entries",
                                                  field=label, n=f.max_items)))
        return out

    def checklist(self, f: Field, raw: Any, label: str, path: Path) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise BadValue(tr("Field {field} has the wrong type", field=label))
        items = {i.key: i for i in f.items}
        out: dict[str, Any] = {}
        for key, entry in raw.items():
            item = items.get(key)
            where, name = (*path, key), f"{label} › {item.label.text() if item else key}"
            if item is None:
                self.hard(where, tr("Unknown field: {field}", field=name))
                continue
            if not isinstance(entry, dict) or set(entry) - {"state", "note"}:
                self.hard(where, tr("Field {field} has the wrong type", field=name))
                continue
            state, note = entry.get("state"), entry.get("note")
            note = note.strip() if isinstance(note, str) else note
            if is_empty(state) and is_empty(note):
                continue
            out[key] = {"state": state, "note": "" if note is None else note}
            if self.draft:
                continue
            if state not in CHECK_STATES:
                self.problems.append(Problem(where, tr("Field {field} must be one of: {choices}",
                    field=name, choices=", ".join(state_label(s) for s in CHECK_STATES))))
            elif not isinstance(note, (str, type(None))) or len(note or "") > MAX_NOTE:
                self.problems.append(Problem(where, tr("{field}: at most {n} characters",
                                                       field=name, n=MAX_NOTE)))
            elif state == "problem" and not note:
                self.problems.append(Problem(where, tr("{field} is marked as a problem; say "
                                                       "what was found in the note", field=name)))
        if f.required and not self.draft:
            for item in f.items:
                if item.key not in out:
                    self.problems.append(Problem((*path, item.key), tr(
                        "Required field is empty: {field}",
                        field=f"{label} › {item.label.text()}")))
        return out



"""Checking one value of a scalar field kind (everything but repeat and checklist).

Each cleaner takes the field, the value as given and the field's label in the user's
language, and returns the value in its stored form (see the representation in ``forms``) or
raises ``BadValue`` whose message names the field. Strings are trimmed; numbers and dates are
written one canonical way, so equal answers are equal records.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.core.i18n import tr
from desktop.core.id_numbers import PATTERNS
from desktop.core.ids import is_uuid7

if TYPE_CHECKING:
    from desktop.core.forms import Field

MAX_NAME = 50  # a typed person's name
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NUMBER = re.compile(r"[+-]?\d{1,18}(\.\d{1,9})?")  # fits Decimal's 28 digits
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class BadValue(ValueError):
    """One value is wrong; a draft keeps it as typed."""


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) \
        or (isinstance(value, (list, dict)) and not value)


def _text(f: Field, raw: Any, label: str) -> str:
    if not isinstance(raw, str):
        raise BadValue(tr("Field {field} has the wrong type", field=label))
    text = raw.strip()
    if f.pattern:
        try:
            text = PATTERNS[f.pattern](text)
        except ValueError as e:
            raise BadValue(tr("{field}: {problem}", field=label, problem=e)) from None
    if f.regex and not re.fullmatch(f.regex, text):
        raise BadValue(tr("{field} is not written in the expected form", field=label))
    if f.max_length is not None and len(text) > f.max_length:
        raise BadValue(tr("{field}: at most {n} characters", field=label, n=f.max_length))
    return text


def _number(f: Field, raw: Any, label: str) -> int | str:
    text = unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else str(raw)
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not _NUMBER.fullmatch(text):
        raise BadValue(tr("{field} must be a number like 12 or 12.5", field=label))
    number = Decimal(text)
    if f.decimals is not None and number != number.quantize(Decimal(1).scaleb(-f.decimals)):
        raise BadValue(tr("{field} allows at most {n} digits after the decimal point",
                          field=label, n=f.decimals))
    if f.minimum is not None and number < f.minimum:
        raise BadValue(tr("{field} must be at least {low}", field=label, low=f.minimum))
    if f.maximum is not None and number > f.maximum:
        raise BadValue(tr("{field} must be at most {high}", field=label, high=f.maximum))
    if number == number.to_integral_value():
        return int(number)
    return format(number.normalize(), "f")


def _date(f: Field, raw: Any, label: str) -> str:
    try:
        day = dt.date.fromisoformat(raw.strip()) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None or not 1900 <= day.year <= 2100 or day.isoformat() != raw.strip():
        raise BadValue(tr("{what} must be a date like 2026-05-31", what=label))
    return day.isoformat()


def _time(f: Field, raw: Any, label: str) -> str:
    match = _TIME.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise BadValue(tr("{field} must be a time like 09:30", field=label))
    return f"{int(match[1]):02d}:{match[2]}"


def _choices(f: Field, raw: Any, label: str) -> Any:
    keys = [o.key for o in f.options]
    given = raw if f.kind == "multi_choice" else [raw]
    if not isinstance(given, list) or any(k not in keys for k in given):
        raise BadValue(tr("Field {field} must be one of: {choices}", field=label,
                          choices=", ".join(o.label.text() for o in f.options)))
    if len(set(given)) != len(given):
        raise BadValue(tr("{field} lists an entry twice", field=label))
    return sorted(given, key=keys.index) if f.kind == "multi_choice" else raw


def _one_person(f: Field, raw: Any, label: str) -> dict[str, str]:
    if isinstance(raw, dict) and set(raw) == {"id"} and isinstance(raw["id"], str) \
            and is_uuid7(raw["id"]):
        return {"id": raw["id"]}
    if isinstance(raw, dict) and set(raw) == {"name"} and isinstance(raw["name"], str) \
            and raw["name"].strip() and f.allow_name:
        if len(raw["name"].strip()) > MAX_NAME:
            raise BadValue(tr("{field}: at most {n} characters", field=label, n=MAX_NAME))
        return {"name": raw["name"].strip()}
    if not f.allow_name:
        raise BadValue(tr("{field} must be chosen from the people of the round", field=label))
    raise BadValue(tr("{field} must be a person of the round or a typed name", field=label))


def _person(f: Field, raw: Any, label: str) -> Any:
    if not f.multiple:
        return _one_person(f, raw, label)
    if not isinstance(raw, list):
        raise BadValue(tr("Field {field} has the wrong type", field=label))
    people = [_one_person(f, p, label) for p in raw]
    if len({tuple(p.items()) for p in people}) != len(people):
        raise BadValue(tr("{field} lists an entry twice", field=label))
    return people


def _village(f: Field, raw: Any, label: str) -> str:
    if not isinstance(raw, str) or not is_uuid7(raw):
        raise BadValue(tr("{field} must be chosen from the villages of the round", field=label))
    return raw


def _attachments(f: Field, raw: Any, label: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(h, str) and _SHA256.fullmatch(h.lower())
                                            for h in raw):
        raise BadValue(tr("{field} must list attachments by their SHA-256", field=label))
    digests = [h.lower() for h in raw]
    if len(set(digests)) != len(digests):
        raise BadValue(tr("{field} lists an entry twice", field=label))
    return digests


CLEANERS: dict[str, Callable[[Field, Any, str], Any]] = {
    "text": _text, "long_text": _text, "number": _number, "date": _date, "time": _time,
    "choice": _choices, "multi_choice": _choices, "person": _person, "village": _village,
    "attachments": _attachments,
}

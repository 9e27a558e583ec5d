"""The forms of a round's steps, and continuing a draft on a newer version of its form.

A round may add, drop or reorder steps: ``round_steps`` turns the round's list of step keys
into the steps with the latest version of each step's form (what a new record is written
with). ``carry_over`` moves an unfinished draft from the version it was started on to a newer
one: values of fields with the same key and kind (or a kind that only widens, text → long
text) are kept; values the new form has no place for — a removed field, a changed kind, an
option or checklist item no longer offered — are returned as ``Dropped``, never lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core import errors
from desktop.core.form_values import is_empty
from desktop.core.forms import Field, Form, FormSet, Path, validate_draft
from desktop.core.i18n import N_, tr
from desktop.core.questionnaire import Label
from desktop.core.steps import DEFAULT_STEPS, Step

# A kind may become another without loss: the value is kept as it is.
WIDENINGS = frozenset({("text", "long_text")})


class StepsError(errors.XunchaError, ValueError):
    message = N_("Steps of the round")


@dataclass(frozen=True)
class RoundStep:
    key: str
    label: Label
    form: Form | None  # None for 民主测评: its sessions use the questionnaires of forms/evaluation


@dataclass(frozen=True)
class Dropped:
    """A value the newer form has no place for, given back so it is never silently lost."""

    path: Path  # where it was in the old values: field keys and row numbers from 0
    label: Label  # the field's (and item's) label in the old form
    value: Any


@dataclass(frozen=True)
class CarriedOver:
    values: dict[str, Any]  # a draft of the new form (validate_draft has passed)
    dropped: tuple[Dropped, ...]


def round_steps(forms: FormSet, configured: Sequence[str] | None = None,
                default: Sequence[Step] = DEFAULT_STEPS) -> tuple[RoundStep, ...]:
    """The round's steps in order, each with the latest version of its form.

    ``configured`` lists step keys (None: the default steps in the default order); a key is a
    default step or the key of a form in ``forms`` (a step the round adds).
    """
    known = {s.key: Label(s.zh, s.en) for s in default}
    for key in forms.keys():
        known.setdefault(key, forms.latest(key).label)
    keys = [s.key for s in default] if configured is None else list(configured)
    problems = [] if keys else [tr("a round needs at least one step")]
    for n, key in enumerate(keys):
        if not isinstance(key, str) or key not in known:
            problems.append(tr("unknown step {key}", key=repr(key)))
        elif key in keys[:n]:
            problems.append(tr("step {key} is listed twice", key=key))
    if problems:
        problems.append(tr("the steps are: {keys}", keys=", ".join(known)))
        raise StepsError(tr("; ").join(problems))
    with_form = set(forms.keys())
    return tuple(RoundStep(k, known[k], forms.latest(k) if k in with_form else None)
                 for k in keys)


def carry_over(values: Any, old: Form, new: Form) -> CarriedOver:
    """Continue a draft written on ``old`` on ``new`` (see the module docstring)."""
    dropped: list[Dropped] = []
    kept = _carry(old.fields, new.fields, validate_draft(old, values), (), dropped)
    return CarriedOver(validate_draft(new, kept), tuple(dropped))


def _fits(old: Field, new: Field | None) -> bool:
    return new is not None and (new.kind == old.kind or (old.kind, new.kind) in WIDENINGS) \
        and old.multiple == new.multiple


def _carry(old: tuple[Field, ...], new: tuple[Field, ...], values: dict[str, Any], path: Path,
           dropped: list[Dropped]) -> dict[str, Any]:
    targets = {f.key: f for f in new}
    kept: dict[str, Any] = {}
    for f in old:
        if f.key not in values:
            continue
        value, where, to = values[f.key], (*path, f.key), targets.get(f.key)
        if to is None or not _fits(f, to) or (
                f.kind == "choice" and value not in {o.key for o in to.options}):
            dropped.append(Dropped(where, f.label, value))
        elif f.kind == "multi_choice" and isinstance(value, list):
            offered = {o.key for o in to.options}
            kept[f.key] = [k for k in value if k in offered]
            if len(kept[f.key]) < len(value):
                dropped.append(Dropped(where, f.label, [k for k in value if k not in offered]))
        elif f.kind == "checklist" and isinstance(value, dict):
            offered = {i.key for i in to.items}
            kept[f.key] = {k: v for k, v in value.items() if k in offered}
            for item in f.items:
                if item.key in value and item.key not in offered:
                    dropped.append(Dropped((*where, item.key), Label(
                        f"{f.label.zh} › {item.label.zh}", f"{f.label.en} › {item.label.en}"),
                        value[item.key]))
        elif f.kind == "repeat" and isinstance(value, list):
            kept[f.key] = [_carry(f.fields, to.fields, row, (*where, n), dropped)
                           if isinstance(row, dict) else row for n, row in enumerate(value)]
        else:
            kept[f.key] = value
        if f.key in kept and is_empty(kept[f.key]):
            del kept[f.key]
    return kept

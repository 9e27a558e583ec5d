"""Record kinds of the round and the rules their bodies must follow.

Each kind lists its fields; a body is checked here before it becomes a revision, so the store
never holds a village without a name or an inspector with an unknown role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.errors import XunchaError
from desktop.core.i18n import tr

ROLES = ("leader", "deputy", "liaison", "member")
DUPLICATE_DECISIONS = ("same", "different")
KIND_LABELS = {
    "round": "Round", "team": "Team", "inspector": "Inspector", "device": "Device",
    "district": "District", "town": "Town", "village": "Village",
    "duplicate_link": "Duplicate link",
}
FIELD_LABELS = {
    "name": "Name", "year": "Year", "role": "Role", "round_id": "Round", "team_id": "Team",
    "inspector_id": "Inspector", "certificate": "Certificate", "district_id": "District",
    "town_id": "Town", "first_id": "First record", "second_id": "Second record",
    "decision": "Decision",
}
# Where a field's meaning depends on the kind ("name" of a person is a full name).
KIND_FIELD_LABELS = {
    ("round", "name"): "Round name", ("team", "name"): "Team name",
    ("inspector", "name"): "Full name", ("district", "name"): "District name",
    ("town", "name"): "Town name", ("village", "name"): "Village name",
}
ROLE_LABELS = {"leader": "Leader", "deputy": "Deputy leader", "liaison": "Liaison", "member": "Member"}


class ValidationError(XunchaError, ValueError):
    """A body that breaks its kind's rules; the message is in the user's language."""

    message = ""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: type
    required: bool = True
    ref: str | None = None  # kind of the record this field points to
    choices: tuple[str, ...] = ()
    range: tuple[int, int] | None = None  # inclusive bounds of a number


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


def _name() -> FieldSpec:
    return FieldSpec("name", str)


KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec("round", (_name(), FieldSpec("year", int, range=(2000, 2100)))),
        KindSpec("team", (_name(), FieldSpec("round_id", str, ref="round"))),
        KindSpec(
            "inspector",
            (_name(), FieldSpec("role", str, choices=ROLES), FieldSpec("team_id", str, ref="team")),
        ),
        KindSpec(
            "device",
            (FieldSpec("inspector_id", str, ref="inspector"), FieldSpec("certificate", str)),
        ),
        KindSpec("district", (_name(), FieldSpec("round_id", str, ref="round"))),
        KindSpec("town", (_name(), FieldSpec("district_id", str, ref="district"))),
        KindSpec("village", (_name(), FieldSpec("town_id", str, ref="town"))),
        KindSpec("duplicate_link", (
            FieldSpec("first_id", str), FieldSpec("second_id", str),
            FieldSpec("decision", str, choices=DUPLICATE_DECISIONS))),
    )
}


def field_label(kind: str, field: str) -> str:
    """A field's label in the user's language."""
    return tr(KIND_FIELD_LABELS.get((kind, field)) or FIELD_LABELS.get(field, field))


def validate(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """Return the body with text trimmed, or raise ValidationError naming the field."""
    spec = KINDS.get(kind)
    if spec is None:
        raise ValidationError(tr("Unknown record kind: {kind}", kind=kind))
    unknown = sorted(set(body) - {f.name for f in spec.fields})
    if unknown:
        raise ValidationError(tr("Unknown field: {field}", field=unknown[0]))
    clean: dict[str, Any] = {}
    for f in spec.fields:
        label = field_label(kind, f.name)
        value = body.get(f.name)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if f.required:
                raise ValidationError(tr("Required field is empty: {field}", field=label))
            continue
        if not isinstance(value, f.type) or isinstance(value, bool) != (f.type is bool):
            raise ValidationError(tr("Field {field} has the wrong type", field=label))
        if f.range and not f.range[0] <= value <= f.range[1]:
            raise ValidationError(tr("{what} must be between {low} and {high}", what=label,
                                     low=f.range[0], high=f.range[1]))
        if f.choices and value not in f.choices:
            raise ValidationError(
                tr("Field {field} must be one of: {choices}", field=label,
                   choices=", ".join(f.choices))
            )
        clean[f.name] = value
    return clean

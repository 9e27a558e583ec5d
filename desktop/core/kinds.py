"""Record kinds of the round and the rules their bodies must follow.

Each kind lists its fields; a body is checked here before it becomes a revision, so the store
never holds a village without a name or an inspector with an unknown role.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.core.errors import XunchaError
from desktop.core.i18n import N_, tr

ROLES = ("leader", "deputy", "liaison", "member")
DUPLICATE_DECISIONS = ("same", "different")
ENROLMENT_STATUSES = ("enrolled", "revoked")  # a revoked device is never trusted again
# Who takes part in a democratic evaluation: 党员, 村民代表, 群众.
PARTICIPANTS = ("party_members", "representatives", "villagers")
PARTICIPANT_LABELS = {"party_members": N_("Party members"),
                      "representatives": N_("Villager representatives"),
                      "villagers": N_("Villagers")}
# The village's people a form can name (谈话对象, 两委成员 to evaluate): 两委 members, party
# members, villagers and others, besides the inspectors of the round.
PERSON_CATEGORIES = ("committee", "party_member", "villager", "other")
PERSON_CATEGORY_LABELS = {"committee": N_("Village committee member"),
                          "party_member": N_("Party member"), "villager": N_("Villager"),
                          "other": N_("Other")}
ENTRIES = ("first", "second")  # double entry of ballots: keyed, then keyed again to verify
ENTRY_LABELS = {"first": N_("First entry"), "second": N_("Verifying entry")}
MAX_BALLOTS = 100_000
# The registers (core.registers has their labels and rules).
FINDING_STATUSES = ("drafted", "reviewed", "signed_off")  # 承办人 → 副组长审核 → 组长签发
SIGNED_OFF = FINDING_STATUSES[-1]
ASPECTS = ("party_affairs", "finance", "ecology", "living")  # 党务 / 财务 / 生态 / 生活
FOCUSES = ("three_affairs", "three_assets", "three_lives")  # 三务 / 三资 / 三生
PROBLEM_CLASSES = ("individual", "common", "stubborn")  # 个性 / 共性 / 顽固性
CLUE_CATEGORIES = ("political", "organisational", "integrity", "mass", "work", "life",
                   "collective_assets", "benefit_funds", "other")  # 六大纪律, 三资, 惠民资金
CLUE_HANDLINGS = ("talk_or_letter", "preliminary_check", "hold", "close")
RECEIVERS = ("discipline_commission", "organisation_department")
TASK_KINDS = ("suggestion", "rule_improved", "immediate_rectification", "rectification")
TASK_STATUSES = ("open", "closed")  # closed = 销号
NUMBERED_KINDS = ("finding", "clue")
MAX_SEQUENCE = 99_999
MAX_NAME = 200  # characters of a name (of a place, a person, a round)
MAX_TEXT = 100_000  # characters of any other text of a record
KIND_LABELS = {
    "round": N_("Round"), "team": N_("Team"), "inspector": N_("Inspector"),
    "device": N_("Device"), "enrolment": N_("Device enrolment"), "district": N_("District"), "town": N_("Town"),
    "village": N_("Village"), "duplicate_link": N_("Duplicate link"),
    "evaluation": N_("Democratic evaluation"), "ballot": N_("Ballot"),
    "step_record": N_("Step record"), "person": N_("Person of the village"),
    "finding": N_("Finding"), "finding_amendment": N_("Amendment of a finding"),
    "clue": N_("Problem clue"), "suggestion": N_("Rectification suggestion"),
    "rule_improved": N_("Rule improved"), "immediate_rectification": N_("Immediate rectification"),
    "rectification": N_("Rectification task"), "numbering": N_("Numbering pattern"),
}
FIELD_LABELS = {
    "name": N_("Name"), "year": N_("Year"), "role": N_("Role"), "round_id": N_("Round"),
    "team_id": N_("Team"), "inspector_id": N_("Inspector"), "certificate": N_("Certificate"),
    "district_id": N_("District"), "town_id": N_("Town"), "first_id": N_("First record"),
    "second_id": N_("Second record"), "decision": N_("Decision"),
    "steps": N_("Steps of the round"), "village_id": N_("Village"), "held_on": N_("Date"),
    "questionnaire": N_("Questionnaire"), "members": N_("Committee members"),
    "issued": N_("Ballots issued"), "evaluation_id": N_("Democratic evaluation"),
    "serial": N_("Serial number"), "entry": N_("Entry"), "answers": N_("Answers"),
    "void_reason": N_("Reason the ballot is void"), "step": N_("Step"), "form": N_("Form"),
    "form_version": N_("Form version"), "values": N_("Values"), "number": N_("Number"),
    "sequence": N_("Sequence number"), "title": N_("Title"), "aspect": N_("Category"),
    "focus": N_("Supervision focus"), "problem_class": N_("Class of problem"),
    "description": N_("Description"), "basis": N_("Basis for the finding"),
    "source": N_("Source"), "evidence_records": N_("Evidence records"),
    "evidence_files": N_("Evidence attachments"), "responsible_party": N_("Responsible party"),
    "status": N_("Status"), "drafted_by": N_("Drafted by"), "reviewed_by": N_("Reviewed by"),
    "reviewed_at": N_("Reviewed at"), "signed_by": N_("Signed off by"),
    "signed_at": N_("Signed off at"), "finding_id": N_("Finding"),
    "amends": N_("Revision amended"), "reason": N_("Reason"), "changes": N_("Changes"),
    "person": N_("Person"), "post": N_("Post"), "category": N_("Category"),
    "summary": N_("Summary"), "proposed_handling": N_("Proposed handling"),
    "sealed": N_("Sealed"), "handed_over_to": N_("Handed over to"),
    "handed_over_on": N_("Handed over on"), "handed_over_by": N_("Handed over by"),
    "received_by": N_("Received by"), "feedback_due": N_("Feedback due"),
    "feedback_on": N_("Feedback received on"), "feedback_result": N_("Feedback"),
    "measure": N_("Measure"), "responsible": N_("Responsible person"),
    "deadline": N_("Deadline"), "closed_on": N_("Closed out on"),
    "closure_note": N_("Close-out note"), "closure_records": N_("Close-out evidence records"),
    "closure_files": N_("Close-out evidence files"), "register": N_("Register"),
    "pattern": N_("Number pattern"), "encryption_key": N_("Encryption key"),
    # the attendance of each group of PARTICIPANTS
    "party_members_expected": N_("Party members expected"),
    "representatives_expected": N_("Villager representatives expected"),
    "villagers_expected": N_("Villagers expected"),
    "party_members_present": N_("Party members present"),
    "representatives_present": N_("Villager representatives present"),
    "villagers_present": N_("Villagers present"),
}
# Where a field's meaning depends on the kind ("name" of a person is a full name).
KIND_FIELD_LABELS = {
    ("round", "name"): N_("Round name"), ("team", "name"): N_("Team name"),
    ("inspector", "name"): N_("Full name"), ("person", "name"): N_("Full name"),
    ("district", "name"): N_("District name"), ("town", "name"): N_("Town name"),
    ("village", "name"): N_("Village name"),
}
ROLE_LABELS = {"leader": N_("Leader"), "deputy": N_("Deputy leader"), "liaison": N_("Liaison"),
               "member": N_("Member")}


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
    date: bool = False  # text holding a calendar date, YYYY-MM-DD
    items: builtins.type | None = None  # a list's items: all of this type, none empty
    max_length: int = MAX_TEXT  # of text


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


def _name() -> FieldSpec:
    return FieldSpec("name", str, max_length=MAX_NAME)


def _optional(name: str, type_: type = str, **options: Any) -> FieldSpec:
    return FieldSpec(name, type_, required=False, **options)


def _ids(name: str) -> FieldSpec:
    """An optional list of record ids or blob digests (evidence)."""
    return FieldSpec(name, list, required=False, items=str)


def _place() -> tuple[FieldSpec, ...]:
    # A register entry belongs to a village, or to a town for what is common to its villages.
    return (FieldSpec("town_id", str, ref="town"), _optional("village_id", ref="village"))


def _numbered() -> tuple[FieldSpec, ...]:
    # The number is given once (at sign-off or handover), from the team's numbering pattern.
    return (_optional("number"), _optional("sequence", int, range=(1, MAX_SEQUENCE)),
            FieldSpec("team_id", str, ref="team"))


def _task(kind: str) -> KindSpec:
    """整改意见建议, 完善制度, 立行立改 and 整改: a measure tracked until closed out (销号)."""
    return KindSpec(kind, (
        FieldSpec("title", str), *_place(), _optional("finding_id", ref="finding"),
        FieldSpec("measure", str), FieldSpec("responsible", str),
        FieldSpec("deadline", str, date=True), FieldSpec("status", str, choices=TASK_STATUSES),
        FieldSpec("drafted_by", str, ref="inspector"), _optional("closed_on", date=True),
        _optional("closure_note"), _ids("closure_records"), _ids("closure_files")))


KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec("round", (_name(), FieldSpec("year", int, range=(2000, 2100)),
                           # the round's steps in order, as step keys joined by commas;
                           # none: the default steps (core.steps)
                           FieldSpec("steps", str, required=False))),
        KindSpec("team", (_name(), FieldSpec("round_id", str, ref="round"))),
        KindSpec(
            "inspector",
            (_name(), FieldSpec("role", str, choices=ROLES), FieldSpec("team_id", str, ref="team")),
        ),
        KindSpec(
            "device",
            (FieldSpec("inspector_id", str, ref="inspector"), FieldSpec("certificate", str),
             # the X25519 key restricted content is encrypted to (base64), published by the
             # device itself
             _optional("encryption_key", max_length=64)),
        ),
        KindSpec("enrolment", (
            FieldSpec("device_id", str), FieldSpec("inspector_id", str, ref="inspector"), FieldSpec("certificate", str),
            FieldSpec("status", str, choices=ENROLMENT_STATUSES))),
        KindSpec("district", (_name(), FieldSpec("round_id", str, ref="round"))),
        KindSpec("town", (_name(), FieldSpec("district_id", str, ref="district"))),
        KindSpec("village", (_name(), FieldSpec("town_id", str, ref="town"))),
        KindSpec("duplicate_link", (
            FieldSpec("first_id", str), FieldSpec("second_id", str),
            FieldSpec("decision", str, choices=DUPLICATE_DECISIONS))),
        KindSpec("evaluation", (
            FieldSpec("village_id", str, ref="village"), FieldSpec("held_on", str, date=True),
            # The questionnaire's definition as it was when the session was set up, so a later
            # change to forms/ never changes how these ballots are read or scored.
            FieldSpec("questionnaire", str), FieldSpec("members", str, required=False),
            FieldSpec("issued", int, range=(0, MAX_BALLOTS)),
            *(FieldSpec(f"{p}_{n}", int, required=False, range=(0, MAX_BALLOTS))
              for p in PARTICIPANTS for n in ("expected", "present")))),
        KindSpec("step_record", (
            FieldSpec("village_id", str, ref="village"), FieldSpec("step", str),
            # The form and version the values were written with; the values are checked
            # against exactly that version by core.forms before they get here.
            FieldSpec("form", str), FieldSpec("form_version", int, range=(1, 10_000)),
            FieldSpec("values", dict))),
        KindSpec("person", (
            _name(), FieldSpec("village_id", str, ref="village"),
            FieldSpec("category", str, choices=PERSON_CATEGORIES),
            FieldSpec("post", str, required=False))),
        KindSpec("ballot", (
            FieldSpec("evaluation_id", str, ref="evaluation"), FieldSpec("serial", str),
            FieldSpec("entry", str, choices=ENTRIES), FieldSpec("answers", str),
            FieldSpec("void_reason", str, required=False))),
        KindSpec("finding", (
            *_numbered(), FieldSpec("title", str), *_place(),
            FieldSpec("aspect", str, choices=ASPECTS), _optional("focus", choices=FOCUSES),
            FieldSpec("problem_class", str, choices=PROBLEM_CLASSES),
            FieldSpec("description", str), _optional("basis"), _optional("source"),
            _ids("evidence_records"), _ids("evidence_files"), _optional("responsible_party"),
            FieldSpec("status", str, choices=FINDING_STATUSES),
            FieldSpec("drafted_by", str, ref="inspector"),
            _optional("reviewed_by", ref="inspector"), _optional("reviewed_at"),
            _optional("signed_by", ref="inspector"), _optional("signed_at"))),
        KindSpec("finding_amendment", (
            # A signed-off finding is never edited: an amendment names the signed revision it
            # amends and the fields it changes; the original stays as it was signed.
            FieldSpec("finding_id", str, ref="finding"), FieldSpec("amends", str),
            FieldSpec("reason", str), FieldSpec("changes", dict),
            FieldSpec("drafted_by", str, ref="inspector"))),
        KindSpec("clue", (
            *_numbered(), FieldSpec("person", str), _optional("post"), *_place(),
            FieldSpec("category", str, choices=CLUE_CATEGORIES), FieldSpec("source", str),
            FieldSpec("summary", str), _ids("evidence_records"), _ids("evidence_files"),
            FieldSpec("proposed_handling", str, choices=CLUE_HANDLINGS),
            FieldSpec("sealed", bool), FieldSpec("drafted_by", str, ref="inspector"),
            _optional("handed_over_to", choices=RECEIVERS), _optional("handed_over_on", date=True),
            _optional("handed_over_by", ref="inspector"), _optional("received_by"),
            _optional("feedback_due", date=True), _optional("feedback_on", date=True),
            _optional("feedback_result"))),
        *(_task(kind) for kind in TASK_KINDS),
        KindSpec("numbering", (
            FieldSpec("team_id", str, ref="team"),
            FieldSpec("register", str, choices=NUMBERED_KINDS), FieldSpec("pattern", str))),
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
        if isinstance(value, str) and len(value) > f.max_length:
            raise ValidationError(tr("{what} is longer than {n} characters", what=label,
                                     n=f.max_length))
        if f.range and not f.range[0] <= value <= f.range[1]:
            raise ValidationError(tr("{what} must be between {low} and {high}", what=label,
                                     low=f.range[0], high=f.range[1]))
        if f.items and isinstance(value, list) and not all(
                isinstance(v, f.items) and v for v in value):
            raise ValidationError(tr("Field {field} has the wrong type", field=label))
        if f.date and not _is_date(value):
            raise ValidationError(tr("{what} must be a date like 2026-05-31", what=label))
        if f.choices and value not in f.choices:
            raise ValidationError(
                tr("Field {field} must be one of: {choices}", field=label,
                   choices=", ".join(f.choices))
            )
        clean[f.name] = value
    return clean


def _is_date(value: str) -> bool:
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False

"""SQLAlchemy models: the revision log (the truth) and the tables materialised from it.

``revision``, ``revision_parent``, ``revision_attachment`` and ``blob`` only ever grow
(triggers refuse UPDATE and DELETE). ``head`` and the per-kind tables are caches that
``revlog.rebuild`` can recreate from the log alone. ``local_*`` tables belong to this
laptop and never travel in an exchange file.
"""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Facts about the file: application id, schema version."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class RevisionRow(Base):
    __tablename__ = "revision"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str]
    record_id: Mapped[str] = mapped_column(index=True)
    author: Mapped[str]
    device: Mapped[str]
    hlc: Mapped[str]
    wall_time: Mapped[str]
    deleted: Mapped[bool]
    envelope: Mapped[bytes] = mapped_column(LargeBinary)


class RevisionParent(Base):
    __tablename__ = "revision_parent"
    revision_id: Mapped[str] = mapped_column(ForeignKey("revision.id"), primary_key=True)
    parent_id: Mapped[str] = mapped_column(ForeignKey("revision.id"), primary_key=True)
    # Without a rowid the primary key is the table: one B-tree instead of two.
    __table_args__ = (Index("ix_revision_parent_parent", "parent_id"),
                      {"sqlite_with_rowid": False})


class Blob(Base):
    """An attachment's bytes, named by their SHA-256: the same photo is stored once."""

    __tablename__ = "blob"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RevisionAttachment(Base):
    __tablename__ = "revision_attachment"
    __table_args__ = {"sqlite_with_rowid": False}
    revision_id: Mapped[str] = mapped_column(ForeignKey("revision.id"), primary_key=True)
    blob_hash: Mapped[str] = mapped_column(ForeignKey("blob.hash"), primary_key=True)


class BatchRow(Base):
    """A device's signature over the revisions it wrote in one unit of work.

    ``payload`` is canonical JSON {device, prev, revisions}: ``prev`` is the hash of the
    device's previous batch, so one verified signature vouches for the chain below it.
    """

    __tablename__ = "revision_batch"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of payload
    device: Mapped[str] = mapped_column(index=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class Head(Base):
    """The current heads of each record: more than one head is a conflict."""

    __tablename__ = "head"
    __table_args__ = {"sqlite_with_rowid": False}
    record_id: Mapped[str] = mapped_column(primary_key=True)
    revision_id: Mapped[str] = mapped_column(ForeignKey("revision.id"), primary_key=True)


class LocalIdentity(Base):
    """Who works on this laptop: the inspector, the device and its signing key."""

    __tablename__ = "local_identity"
    device_id: Mapped[str] = mapped_column(primary_key=True)
    inspector_id: Mapped[str]
    private_key_pem: Mapped[bytes] = mapped_column(LargeBinary)  # PKCS#8, passphrase-encrypted
    certificate_pem: Mapped[bytes] = mapped_column(LargeBinary)


class LocalState(Base):
    """Per-laptop settings such as the last clock value."""

    __tablename__ = "local_state"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class Current:
    """Columns every materialised table has besides the body's fields."""

    id: Mapped[str] = mapped_column(primary_key=True)
    head: Mapped[str]  # the head shown; with a conflict, the others are in ``head``
    conflict: Mapped[bool]
    hlc: Mapped[str]


class RoundRow(Current, Base):
    __tablename__ = "round"
    name: Mapped[str]
    year: Mapped[int]


class TeamRow(Current, Base):
    __tablename__ = "team"
    name: Mapped[str]
    round_id: Mapped[str]


class InspectorRow(Current, Base):
    __tablename__ = "inspector"
    name: Mapped[str]
    role: Mapped[str]
    team_id: Mapped[str] = mapped_column(index=True)


class DeviceRow(Current, Base):
    __tablename__ = "device"
    inspector_id: Mapped[str]
    certificate: Mapped[str]
    encryption_key: Mapped[str | None]  # X25519, base64: restricted content is encrypted to it


class EnrolmentRow(Current, Base):
    """The root device's word that a device belongs to the round, or no longer does."""

    __tablename__ = "enrolment"
    device_id: Mapped[str] = mapped_column(index=True)
    inspector_id: Mapped[str]
    certificate: Mapped[str]
    status: Mapped[str]


class DistrictRow(Current, Base):
    __tablename__ = "district"
    name: Mapped[str]
    round_id: Mapped[str]


class TownRow(Current, Base):
    __tablename__ = "town"
    name: Mapped[str]
    district_id: Mapped[str] = mapped_column(index=True)


class VillageRow(Current, Base):
    __tablename__ = "village"
    name: Mapped[str]
    town_id: Mapped[str] = mapped_column(index=True)


class DuplicateLinkRow(Current, Base):
    """A leader's decision that two records from different laptops are (not) the same."""

    __tablename__ = "duplicate_link"
    first_id: Mapped[str] = mapped_column(index=True)
    second_id: Mapped[str] = mapped_column(index=True)
    decision: Mapped[str]


class EvaluationRow(Current, Base):
    """A democratic-evaluation session (民主测评) held in a village."""

    __tablename__ = "evaluation"
    village_id: Mapped[str] = mapped_column(index=True)
    held_on: Mapped[str]
    questionnaire: Mapped[str]
    members: Mapped[str | None]
    issued: Mapped[int]
    party_members_expected: Mapped[int | None]
    party_members_present: Mapped[int | None]
    representatives_expected: Mapped[int | None]
    representatives_present: Mapped[int | None]
    villagers_expected: Mapped[int | None]
    villagers_present: Mapped[int | None]


class BallotRow(Current, Base):
    """One anonymous ballot as keyed in the first or the second (verifying) entry."""

    __tablename__ = "ballot"
    evaluation_id: Mapped[str] = mapped_column(index=True)
    serial: Mapped[str]
    entry: Mapped[str]
    answers: Mapped[str]
    void_reason: Mapped[str | None]


class StepRecordRow(Current, Base):
    """A record of an inspection step (a talk, a ledger review…), written with one form."""

    __tablename__ = "step_record"
    village_id: Mapped[str] = mapped_column(index=True)
    step: Mapped[str]
    form: Mapped[str]
    form_version: Mapped[int]
    values: Mapped[dict] = mapped_column(JSON)
    withheld: Mapped[bool] = mapped_column(default=False)  # restricted values not for us


class _Numbered:
    """Columns of a numbered register entry (a finding, a clue) and its place."""

    number: Mapped[str | None] = mapped_column(index=True)
    sequence: Mapped[int | None]
    team_id: Mapped[str] = mapped_column(index=True)
    town_id: Mapped[str] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(index=True)
    drafted_by: Mapped[str] = mapped_column(index=True)


class FindingRow(_Numbered, Current, Base):
    """A problem found (问题) with its working paper (问题底稿) and its review chain."""

    __tablename__ = "finding"
    title: Mapped[str]
    aspect: Mapped[str]
    focus: Mapped[str | None]
    problem_class: Mapped[str]
    description: Mapped[str]
    basis: Mapped[str | None]
    source: Mapped[str | None]
    evidence_records: Mapped[list | None] = mapped_column(JSON)
    evidence_files: Mapped[list | None] = mapped_column(JSON)
    responsible_party: Mapped[str | None]
    status: Mapped[str]
    reviewed_by: Mapped[str | None]
    reviewed_at: Mapped[str | None]
    signed_by: Mapped[str | None]
    signed_at: Mapped[str | None]


class FindingAmendmentRow(Current, Base):
    """A change to a signed-off finding, keeping the signed original."""

    __tablename__ = "finding_amendment"
    finding_id: Mapped[str] = mapped_column(index=True)
    amends: Mapped[str]
    reason: Mapped[str]
    changes: Mapped[dict] = mapped_column(JSON)
    drafted_by: Mapped[str]


class ClueRow(_Numbered, Current, Base):
    """A problem clue (问题线索) about a named person; seen only by those allowed."""

    __tablename__ = "clue"
    person: Mapped[str]
    post: Mapped[str | None]
    category: Mapped[str]
    source: Mapped[str]
    summary: Mapped[str]
    evidence_records: Mapped[list | None] = mapped_column(JSON)
    evidence_files: Mapped[list | None] = mapped_column(JSON)
    proposed_handling: Mapped[str]
    sealed: Mapped[bool]
    handed_over_to: Mapped[str | None]
    handed_over_on: Mapped[str | None]
    handed_over_by: Mapped[str | None]
    received_by: Mapped[str | None]
    feedback_due: Mapped[str | None]
    feedback_on: Mapped[str | None]
    feedback_result: Mapped[str | None]
    withheld: Mapped[bool] = mapped_column(default=False)  # its substance is not for us


class _Task:
    """Columns of a measure tracked until it is closed out (销号)."""

    title: Mapped[str]
    town_id: Mapped[str] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(index=True)
    finding_id: Mapped[str | None] = mapped_column(index=True)
    measure: Mapped[str]
    responsible: Mapped[str]
    deadline: Mapped[str]
    status: Mapped[str]
    drafted_by: Mapped[str]
    closed_on: Mapped[str | None]
    closure_note: Mapped[str | None]
    closure_records: Mapped[list | None] = mapped_column(JSON)
    closure_files: Mapped[list | None] = mapped_column(JSON)


class SuggestionRow(_Task, Current, Base):
    """整改意见建议."""

    __tablename__ = "suggestion"


class RuleImprovedRow(_Task, Current, Base):
    """完善制度: a rule or system made or improved."""

    __tablename__ = "rule_improved"


class ImmediateRectificationRow(_Task, Current, Base):
    """立行立改: harm to villagers that can be fixed at once (a notice)."""

    __tablename__ = "immediate_rectification"


class RectificationRow(_Task, Current, Base):
    """整改: one task of the rectification list."""

    __tablename__ = "rectification"


class NumberingRow(Current, Base):
    """A team's numbering pattern for findings or clues."""

    __tablename__ = "numbering"
    team_id: Mapped[str] = mapped_column(index=True)
    register: Mapped[str]
    pattern: Mapped[str]


class LocalDraft(Base):
    """What is typed into a form before it is saved as a revision: local to this laptop,
    never exported or merged, deleted when the record is saved or the draft discarded."""

    __tablename__ = "local_draft"
    id: Mapped[str] = mapped_column(primary_key=True)
    record_id: Mapped[str | None]  # the record being edited; None for a new one
    village_id: Mapped[str] = mapped_column(index=True)
    step: Mapped[str]
    form: Mapped[str]
    form_version: Mapped[int]
    values: Mapped[dict] = mapped_column(JSON)
    withheld: Mapped[bool] = mapped_column(default=False)  # restricted values not for us
    updated_ms: Mapped[int]


class PersonRow(Current, Base):
    """Someone of a village a form can name: a 两委 member, a party member, a villager."""

    __tablename__ = "person"
    name: Mapped[str]
    village_id: Mapped[str] = mapped_column(index=True)
    category: Mapped[str]
    post: Mapped[str | None]


MATERIALISED: dict[str, type[Current]] = {
    "person": PersonRow,
    "round": RoundRow,
    "team": TeamRow,
    "inspector": InspectorRow,
    "device": DeviceRow,
    "enrolment": EnrolmentRow,
    "district": DistrictRow,
    "town": TownRow,
    "village": VillageRow,
    "duplicate_link": DuplicateLinkRow,
    "evaluation": EvaluationRow,
    "ballot": BallotRow,
    "step_record": StepRecordRow,
    "finding": FindingRow,
    "finding_amendment": FindingAmendmentRow,
    "clue": ClueRow,
    "suggestion": SuggestionRow,
    "rule_improved": RuleImprovedRow,
    "immediate_rectification": ImmediateRectificationRow,
    "rectification": RectificationRow,
    "numbering": NumberingRow,
}

# Tables added by schema version 4 (the registers).
REGISTER_TABLES = tuple(MATERIALISED[kind] for kind in (
    "finding", "finding_amendment", "clue", "suggestion", "rule_improved",
    "immediate_rectification", "rectification", "numbering"))

IMMUTABLE_TABLES = ("revision", "revision_parent", "revision_attachment", "blob",
                    "revision_batch")

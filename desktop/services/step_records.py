"""Records of the inspection steps of a village, and the drafts they start as.

What an inspector types is a **draft**: saved as they type (the screen debounces), kept in
this laptop's encrypted file only, never exported. Saving a draft checks it against exactly the
form version it was started with and writes one ``step_record`` revision, deleting the draft
in the same transaction. Editing a saved record starts a draft from it (same form version).
A step is complete when it has a saved record and no unfinished draft.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from desktop.core import errors, forms, forms_toml
from desktop.core.forms import Form, FormSet
from desktop.core.i18n import N_, tr
from desktop.core.ids import uuid7
from desktop.core.step_forms import RoundStep, round_steps
from desktop.services import people, restricted
from desktop.services.workspace import Changes, Workspace
from desktop.store import revlog
from desktop.store.models import LocalDraft, RoundRow, StepRecordRow, VillageRow

NOT_STARTED, IN_PROGRESS, COMPLETE = "not_started", "in_progress", "complete"
STATUS_LABELS = {NOT_STARTED: N_("Not started"), IN_PROGRESS: N_("In progress"),
                 COMPLETE: N_("Complete")}


@functools.cache
def form_set() -> FormSet:
    """Every shipped form, loaded and checked once (a bad definition fails at start-up)."""
    return forms_toml.load_all()


def steps(ws: Workspace | None = None) -> tuple[RoundStep, ...]:
    """The round's steps in its order (the default steps without a workspace)."""
    return round_steps(form_set(), configured_steps(ws) if ws is not None else None)


def configured_steps(ws: Workspace) -> list[str] | None:
    """The step keys the round has chosen, or None for the default steps."""
    with ws.read() as s:
        head = s.scalar(select(RoundRow.head).order_by(RoundRow.hlc))
        body = revlog.load(s, head).body if head else {}
    return body["steps"].split(",") if body.get("steps") else None


def configure_steps(ws: Workspace, keys: list[str]) -> Changes:
    """Add, drop or reorder the round's steps; records of a dropped step are kept."""
    round_steps(form_set(), keys)  # refuses an unknown or repeated step, or none at all
    with ws.unit_of_work() as uow:
        round_id = uow.session.scalar(select(RoundRow.id).order_by(RoundRow.hlc))
        current = uow.current(round_id)
        uow.write("round", round_id, {**current.body, "steps": ",".join(keys)},
                  parents=(current.id,))
        return uow.changes


def all_steps() -> tuple[RoundStep, ...]:
    """Every step a round can have: the defaults, then steps added by a form of their own."""
    default = {s.key for s in round_steps(form_set())}
    extra = [k for k in form_set().keys() if k not in default]
    return round_steps(form_set(), [*(s.key for s in round_steps(form_set())), *extra])


@dataclass(frozen=True)
class Draft:
    id: str
    record_id: str | None
    village_id: str
    step: str
    form: Form
    values: dict[str, Any]


@dataclass(frozen=True)
class RecordSummary:
    id: str
    step: str
    title: str
    conflict: bool


@dataclass(frozen=True)
class StepState:
    step: RoundStep
    status: str
    records: int
    drafts: int


def start_draft(ws: Workspace, village_id: str, step: str) -> Draft:
    """A new, empty draft of the step's latest form."""
    form = _step_form(step)
    with ws.db.session() as s:
        if s.get(VillageRow, village_id) is None:
            raise errors.RecordMissing(record_id=village_id)
        row = _new_draft(ws, None, village_id, step, form, {})
        s.add(row)
    return _draft(row)


def edit_record(ws: Workspace, record_id: str) -> Draft:
    """A draft holding a saved record's values, on the form version it was written with."""
    with ws.db.session() as s:
        existing = s.scalar(select(LocalDraft).where(LocalDraft.record_id == record_id))
        if existing is not None:  # an edit left unfinished: carry on with it
            return _draft(existing)
        row = s.get(StepRecordRow, record_id)
        if row is None:
            raise errors.RecordMissing(record_id=record_id)
        if row.withheld:  # refused now, before anything is typed into it
            raise restricted.Withheld()
        form = form_set().definition(row.form, row.form_version)
        draft = _new_draft(ws, record_id, row.village_id, row.step, form, dict(row.values))
        s.add(draft)
    return _draft(draft)


def save_draft(ws: Workspace, draft_id: str, values: dict[str, Any]) -> None:
    """Keep what is typed (called as the user types): half-typed values stay as typed."""
    with ws.db.session() as s:
        row = _get_draft(s, draft_id)
        form = form_set().definition(row.form, row.form_version)
        row.values = forms.validate_draft(form, values)
        row.updated_ms = ws.now_ms()


def discard_draft(ws: Workspace, draft_id: str) -> None:
    with ws.db.session() as s:
        s.execute(delete(LocalDraft).where(LocalDraft.id == draft_id))


def save_record(ws: Workspace, draft_id: str) -> Changes:
    """The draft becomes a revision (one per save); the draft is gone in the same commit."""
    with ws.unit_of_work() as uow:
        row = _get_draft(uow.session, draft_id)
        form = form_set().definition(row.form, row.form_version)
        values = forms.validate(form, row.values)
        body = {"village_id": row.village_id, "step": row.step, "form": form.key,
                "form_version": form.version, "values": values}
        uow.write("step_record", row.record_id, body,
                  attachments=tuple(sorted(set(forms.attachment_digests(form.fields, values)))))
        uow.session.delete(row)
        return uow.changes


def draft(ws: Workspace, draft_id: str) -> Draft:
    with ws.read() as s:
        return _draft(_get_draft(s, draft_id))


def drafts_of(ws: Workspace, village_id: str) -> list[Draft]:
    with ws.read() as s:
        rows = s.scalars(select(LocalDraft).where(LocalDraft.village_id == village_id)
                         .order_by(LocalDraft.updated_ms)).all()
        return [_draft(r) for r in rows]


def records_of(ws: Workspace, village_id: str, step: str | None = None,
               search: str = "") -> list[RecordSummary]:
    """Saved records of a village (one step, or all), whose text contains ``search``."""
    query = select(StepRecordRow).where(StepRecordRow.village_id == village_id)
    if step is not None:
        query = query.where(StepRecordRow.step == step)
    needle = search.strip().lower()
    with ws.read() as s:
        rows = s.scalars(query.order_by(StepRecordRow.hlc)).all()
        found = []
        for r in rows:
            form = form_set().definition(r.form, r.form_version)
            if needle and needle not in _text_of(r.values).lower():
                continue
            found.append(RecordSummary(r.id, r.step, title(form, r.values), r.conflict))
        return found


def step_states(ws: Workspace, village_id: str) -> list[StepState]:
    """Each step of the round with its status and counts, in the round's order."""
    with ws.read() as s:
        records: dict[str, int] = {}
        for step in s.scalars(select(StepRecordRow.step).where(
                StepRecordRow.village_id == village_id)):
            records[step] = records.get(step, 0) + 1
        drafts: dict[str, int] = {}
        for step in s.scalars(select(LocalDraft.step).where(
                LocalDraft.village_id == village_id)):
            drafts[step] = drafts.get(step, 0) + 1
    out = []
    for step in steps(ws):
        n, d = records.get(step.key, 0), drafts.get(step.key, 0)
        status = COMPLETE if n and not d else IN_PROGRESS if n or d else NOT_STARTED
        out.append(StepState(step, status, n, d))
    return out


def town_progress(ws: Workspace, town_id: str) -> list[tuple[str, str, list[StepState]]]:
    """(village id, name, the steps' states) of every village of the town."""
    with ws.read() as s:
        villages = s.execute(select(VillageRow.id, VillageRow.name)
                             .where(VillageRow.town_id == town_id)
                             .order_by(VillageRow.name)).all()
    return [(vid, name, step_states(ws, vid)) for vid, name in villages]


def title(form: Form, values: dict[str, Any]) -> str:
    """A one-line name for a record: its date and first filled text or person field."""
    parts = []
    for field in form.fields:
        value = values.get(field.key)
        if value in (None, "", [], {}):
            continue
        if field.kind == "date" and not parts:
            parts.append(str(value))
        elif field.kind in ("text", "long_text"):
            parts.append(str(value)[:40])
            break
        elif field.kind == "person" and isinstance(value, dict):
            parts.append(str(value.get("name") or ""))
            if parts[-1]:
                break
    return " · ".join(p for p in parts if p) or form.label.text()


def store_blob(ws: Workspace, data: bytes) -> str:
    """Keep a photo or scan (once, by its SHA-256) for an attachments field."""
    with ws.db.session() as s:
        return revlog.put_blob(s, data)


def read_blob(ws: Workspace, digest: str) -> bytes | None:
    with ws.read() as s:
        return revlog.get_blob(s, digest)


def people_and_villages(ws: Workspace, village_id: str | None = None
                        ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(id, name) of whoever person fields may name (the village's people and the round's
    inspectors) and of the round's villages, for village fields."""
    with ws.read() as s:
        villages = [(i, n) for i, n in s.execute(select(VillageRow.id, VillageRow.name)
                                                 .order_by(VillageRow.name))]
    return people.nameable(ws, village_id), villages


def _text_of(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(_text_of(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_text_of(v) for v in value)
    return str(value)


def _step_form(step: str) -> Form:
    for s in all_steps():
        if s.key == step and s.form is not None:
            return s.form
    raise errors.RecordMissing(detail=tr("no form for the step {step}", step=step),
                               record_id=step)


def _new_draft(ws: Workspace, record_id: str | None, village_id: str, step: str, form: Form,
               values: dict[str, Any]) -> LocalDraft:
    return LocalDraft(id=uuid7(ws.now_ms(), ws.random_bytes), record_id=record_id,
                      village_id=village_id, step=step, form=form.key,
                      form_version=form.version, values=values,
                      updated_ms=ws.now_ms())


def _get_draft(session: Any, draft_id: str) -> LocalDraft:
    row = session.get(LocalDraft, draft_id)
    if row is None:
        raise errors.RecordMissing(record_id=draft_id)
    return row


def _draft(row: LocalDraft) -> Draft:
    return Draft(row.id, row.record_id, row.village_id, row.step,
                 form_set().definition(row.form, row.form_version), dict(row.values))

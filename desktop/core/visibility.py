"""Need to know: who reads restricted content and who may change or delete a record.

This is the one policy every path follows (DOMAIN.md: reporters' names, clues about named
cadres and interview transcripts are confidential):

- A **clue**'s substance (the person, what they are suspected of, the evidence) is read by the
  inspector who drafted it and by the leader and deputies of its team.
- A **step record**'s restricted fields (``restricted = true`` in its form: the reporter of a
  petition, who was heard in a talk and what was said) are read by the record's author, by the
  roles the form's ``readers`` names within the author's team, and by the inspectors its
  ``reader_fields`` name (the registrar of a petition, the interviewers and recorder of a talk).

Restricted content is encrypted (``core.secrecy``) to the readers' devices when it is written, so
a database or exchange file of anyone else holds only the rest of the record. A record whose
restricted content is withheld from someone cannot be changed by them, and a record is deleted
only by the inspector who created it or by a team leader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core import forms

CLUE_READERS = ("leader", "deputy")
CLUE_RESTRICTED = ("person", "post", "category", "source", "summary", "evidence_records",
                   "evidence_files", "proposed_handling", "received_by", "feedback_result")
CLUE_FILES = ("evidence_files",)
SEALED = "cipher"  # the body key holding the encrypted part


@dataclass(frozen=True)
class Viewer:
    """An inspector as the roster knows them (role None: unknown)."""

    inspector_id: str
    role: str | None
    team_id: str | None


People = Mapping[str, Viewer]  # the round's inspectors by id


@dataclass(frozen=True)
class Rule:
    """What of a body is restricted, and to whom beside its author."""

    keys: tuple[str, ...]  # the restricted fields
    in_values: bool  # the fields are a step record's values, not the body's own
    roles: tuple[str, ...]  # roles within a team that read
    team_field: str | None  # the body field naming that team; None: the author's team
    person_fields: tuple[str, ...]  # fields naming inspectors who read
    owner_field: str | None  # the body field naming the author who reads; None: the author
    # Where the restricted part lists attached files: a step form's restricted fields, or
    # the body's own attachment lists (clue).
    fields: tuple[forms.Field, ...] = ()
    file_keys: tuple[str, ...] = ()


def rule(kind: str, body: Mapping[str, Any], form_set: forms.FormSet) -> Rule | None:
    """The restriction of a record of ``kind``; None when nothing of it is restricted."""
    if kind == "clue":
        return Rule(CLUE_RESTRICTED, False, CLUE_READERS, "team_id", (), "drafted_by",
                    file_keys=CLUE_FILES)
    if kind == "step_record":
        key, version = body.get("form"), body.get("form_version")
        if not isinstance(key, str) or type(version) is not int:
            return None  # not a body this program writes: refused by its own checks
        try:
            form = form_set.definition(key, version)
        except forms.FormNotFound:
            return None
        if form.restricted:
            return Rule(form.restricted, True, form.readers, None, form.reader_fields, None,
                        tuple(f for f in form.fields if f.restricted))
    return None


def readers(rule: Rule, body: Mapping[str, Any], author: str, people: People) -> frozenset[str]:
    """The inspectors who read the restricted part of ``body`` (the full body, decrypted)."""
    owner = str(body.get(rule.owner_field) or "") if rule.owner_field else author
    known = people.get(author)
    team = body.get(rule.team_field) if rule.team_field else known.team_id if known else None
    named = set()
    values = body.get("values", {}) if rule.in_values else body
    for key in rule.person_fields:
        value = values.get(key)
        for person in value if isinstance(value, list) else [value]:
            if isinstance(person, dict) and isinstance(person.get("id"), str):
                named.add(person["id"])
    by_role = {i for i, p in people.items() if p.role in rule.roles and team is not None
               and p.team_id == team}
    return frozenset({owner, *named, *by_role} - {""})


def split(rule: Rule, body: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``body`` as (the part anyone reads, the restricted part)."""
    public = dict(body)
    if rule.in_values:
        values = dict(body.get("values", {}))
        secret = {k: values.pop(k) for k in rule.keys if k in values}
        public["values"] = values
    else:
        secret = {k: public.pop(k) for k in rule.keys if k in public}
    return public, secret


def joined(rule: Rule, public: Mapping[str, Any], secret: Mapping[str, Any]) -> dict[str, Any]:
    """The full body again, from its two parts (``public`` without its encrypted part)."""
    body = {k: v for k, v in public.items() if k != SEALED}
    if rule.in_values:
        body["values"] = {**body.get("values", {}), **secret}
    else:
        body.update(secret)
    return body


def files(rule: Rule, secret: Mapping[str, Any]) -> list[str]:
    """The digests of the files a restricted part attaches: they are sealed with it
    (services.restricted), and travel only as ciphertext."""
    found = forms.attachment_digests(rule.fields, dict(secret))
    for key in rule.file_keys:
        value = secret.get(key)
        if isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
    return sorted(set(found))


def withheld(public: Mapping[str, Any]) -> dict[str, Any]:
    """What a reader without the key sees: the body without its encrypted part."""
    return {k: v for k, v in public.items() if k != SEALED}


def may_delete(viewer: Viewer | None, creator: str) -> bool:
    """The inspector who created a record, or a team leader."""
    return viewer is not None and (viewer.inspector_id == creator or viewer.role == "leader")

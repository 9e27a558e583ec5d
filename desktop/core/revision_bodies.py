"""Whether a revision's body is one this program could have written, for revisions that arrive
from elsewhere (a merge): the kind's rules of core.kinds, a step record's values against the
exact version of its form, no deeper nesting than any form makes, and a deletion carries
nothing. A body that passes is stored exactly as it came (its id is the hash of its bytes), so
it must already be in the cleaned form ``kinds.validate`` gives.
"""

from __future__ import annotations

from typing import Any

from desktop.core import forms, kinds, visibility
from desktop.core.errors import XunchaError
from desktop.core.i18n import tr
from desktop.core.revision import Revision

# The deepest body written is 5 levels (a repeat group's people in a step record's values).
MAX_DEPTH = 16
# Far above the largest envelope a form allows (its long texts are bounded), far below memory.
MAX_ENVELOPE = 4 * 1024 * 1024


def problem(rev: Revision, form_set: forms.FormSet, body: dict[str, Any] | None = None) -> str:
    """The reason ``rev``'s body is refused, in the user's language; "" when it is sound.

    ``body`` is the body to judge when it is not the stored one: decrypted, or with stand-ins
    for the restricted fields this laptop cannot read (``with_stand_ins``).
    """
    body = rev.body if body is None else body
    if rev.kind not in kinds.KINDS:
        return tr("revision {rid}: unknown record kind {kind}", rid=rev.id, kind=rev.kind[:40])
    if len(rev.envelope) > MAX_ENVELOPE:
        return tr("revision {rid}: its content is larger than {n} MB", rid=rev.id,
                  n=MAX_ENVELOPE // (1024 * 1024))
    if rev.deleted:
        return "" if rev.body == {} else tr("revision {rid}: a deletion that carries content",
                                             rid=rev.id)
    if _depth(rev.body) > MAX_DEPTH:
        return tr("revision {rid}: its content is nested too deeply", rid=rev.id)
    try:
        clean = kinds.validate(rev.kind, body)
        if rev.kind == "step_record":
            form = form_set.definition(clean["form"], clean["form_version"])
            clean = {**clean, "values": forms.validate(form, clean["values"])}
    except XunchaError as e:
        return tr("revision {rid}: {problem}", rid=rev.id, problem=str(e)[:300])
    if clean != body:
        return tr("revision {rid}: its content is not in the form this program writes",
                  rid=rev.id)
    return ""


def with_stand_ins(kind: str, public: dict[str, Any], rule: visibility.Rule,
                   form_set: forms.FormSet) -> dict[str, Any]:
    """``public`` with a valid stand-in for each required restricted field it lacks, so the
    rest of the body can be judged where the restricted part cannot be read."""
    if rule.in_values:
        form = form_set.definition(public.get("form", ""), public.get("form_version"))
        if not isinstance(public.get("values"), dict):
            return dict(public)  # refused as it is
        values = dict(public["values"])
        for f in form.fields:
            if f.key in rule.keys and f.required and f.key not in values:
                values[f.key] = _form_stand_in(f)
        return {**public, "values": values}
    body = dict(public)
    for f in kinds.KINDS[kind].fields:
        if f.name in rule.keys and f.required and f.name not in body:
            body[f.name] = f.choices[0] if f.choices else "-"
    return body


def _form_stand_in(field: forms.Field) -> Any:
    if field.kind == "person":
        return [{"name": "-"}] if field.multiple else {"name": "-"}
    if field.kind in ("choice",):
        return field.options[0].key
    if field.kind == "multi_choice":
        return [field.options[0].key]
    if field.kind == "date":
        return "2000-01-01"
    if field.kind == "time":
        return "00:00"
    if field.kind == "number":
        return 0 if field.minimum is None else int(field.minimum)
    return "-"


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value``, without recursion."""
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        children = item.values() if isinstance(item, dict) else item \
            if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_DEPTH:
                    return depth + 1
                level.append((child, depth + 1))
        deepest = max(deepest, depth)
    return deepest

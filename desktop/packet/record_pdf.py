"""Any step record laid out from its form definition (谈话记录, 查阅台账记录 …).

The form the record was written with says what each value is, so one renderer serves every
step: short fields go into a label–value table in the form's order, long text (a talk's
questions and answers) follows as paragraphs under its label that may run over many pages,
repeat groups become tables with a column per sub-field, checklists a table of item, state
and note. Values are shown as people read them: options by their label, people and villages
by name, numbers with their unit, dates written out, attachments by the name they are
embedded under and their SHA-256. Labels are in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop.core.forms import Field, state_label
from desktop.core.i18n import tr
from desktop.packet import layout
from desktop.packet.document_model import FileRef, RecordView
from desktop.packet.document_parts import (
    conflict_notice,
    day,
    document_title,
    fields,
    grid,
    long_text,
    section,
)
from desktop.packet.fonts import FontSet
from desktop.packet.layout import TEXT_WIDTH, Styles, text

BLOCKS = ("long_text", "repeat", "checklist")  # kinds laid out below their own heading


def record_flowables(view: RecordView, fonts: FontSet) -> list[Flowable]:
    """The record as a document: its form's title, the village, then every field."""
    st = layout.styles(fonts)
    out = document_title(view.form.label.text(), st, view.village)
    if view.conflict:
        out.append(conflict_notice(st))
    short: list[tuple[str, str | Flowable]] = []
    for f in view.form.fields:
        value = view.values.get(f.key)
        if f.kind not in BLOCKS:
            short.append((f.label.text(), shown(f, value, view, st)))
            continue
        if _empty(value):
            continue
        if short:
            out.append(fields(short, st, label_width=40 * mm))
            short = []
        out += section(f.label.text(), st)
        out += _block(f, value, view, st)
    if short:
        out.append(fields(short, st, label_width=40 * mm))
    out.append(Paragraph(text(tr("Form {key}, version {version}; record {id}",
                                 key=view.form.key, version=view.form.version,
                                 id=view.id)), st.small))
    return out


def shown(f: Field, value: Any, view: RecordView, st: Styles) -> str | Flowable:
    """One value as a person reads it ("" when empty)."""
    if _empty(value):
        return ""
    if f.kind == "choice":
        return _option(f, value)
    if f.kind == "multi_choice" and isinstance(value, list):
        return tr(", ").join(_option(f, v) for v in value)
    if f.kind == "person":
        people = value if isinstance(value, list) else [value]
        return tr(", ").join(_person(p, view.names) for p in people)
    if f.kind == "village":
        return view.names.get(str(value), str(value))
    if f.kind == "date":
        return day(str(value))
    if f.kind == "number":
        unit = f.unit.text() if f.unit else ""
        return f"{value} {unit}".strip()
    if f.kind == "attachments" and isinstance(value, list):
        return Paragraph("<br/>".join(text(_file(d, view.files)) for d in value), st.small)
    if f.kind in BLOCKS:  # a long text inside a repeat group
        return " ".join(str(value).split())
    return str(value)


def _block(f: Field, value: Any, view: RecordView, st: Styles) -> list[Flowable]:
    if f.kind == "long_text":
        return long_text(str(value), st.body)
    if f.kind == "repeat" and isinstance(value, list):
        head = [tr("No."), *(sub.label.text() for sub in f.fields)]
        rows: list[list[str | Flowable]] = [head]
        for n, row in enumerate(value, 1):
            row = row if isinstance(row, dict) else {}
            rows.append([str(n), *(shown(sub, row.get(sub.key), view, st) for sub in f.fields)])
        width = (TEXT_WIDTH - 10 * mm) / max(1, len(f.fields))
        return [grid(rows, [10 * mm] + [width] * len(f.fields), st, centred=(0,))]
    if f.kind == "checklist" and isinstance(value, dict):
        rows = [[tr("Item"), tr("Result"), tr("Note")]]
        for item in f.items:
            entry = value.get(item.key)
            if not isinstance(entry, dict):
                rows.append([item.label.text(), "—", ""])
                continue
            state = entry.get("state")
            rows.append([item.label.text(),
                         state_label(state) if state in ("checked", "problem",
                                                         "not_applicable") else str(state),
                         str(entry.get("note") or "")])
        return [grid(rows, [50 * mm, 30 * mm, TEXT_WIDTH - 80 * mm], st)]
    return [Paragraph(text(str(value)), st.body)]


def _option(f: Field, key: Any) -> str:
    for option in f.options:
        if option.key == key:
            return option.label.text()
    return str(key)


def _person(value: Any, names: Mapping[str, str]) -> str:
    if isinstance(value, dict):
        if value.get("name"):
            return str(value["name"])
        if value.get("id"):
            return names.get(str(value["id"]), tr("(unknown person)"))
    return str(value)


def _file(digest: Any, files: Mapping[str, FileRef]) -> str:
    ref = files.get(str(digest))
    if ref is not None and ref.name:
        return f"{ref.name} · SHA-256 {ref.sha256}"
    return f"SHA-256 {digest}"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}

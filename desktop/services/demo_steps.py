"""Step records for demo rounds: several records of every guided step in every village.

A real round holds, per village, one or two opening meetings, a dozen talks, ledger reviews,
household visits, field research, questionnaires and petitions. The values are made from the
forms themselves (forms are data: a new field gets a value without a change here) and then
made coherent where one field bounds another (times, periods, counts). They pass the same
``forms.validate`` as typed values and are written through the registers' ``_Batch``, so
thousands of records cost one refresh. Some people's names hold characters beyond the Basic
Multilingual Plane or rare in fonts (𠮷, 䶮), as real rosters do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.core import demo_names, forms, id_numbers
from desktop.core.forms import Field, Form
from desktop.services import step_records
from desktop.services.demo_registers import _Team, writing
from desktop.services.workspace import Workspace
from desktop.store.models import VillageRow

RECORDS = {"opening_meeting": (1, 1), "interview": (3, 5), "ledger_review": (1, 2),
           "household_visit": (2, 3), "field_research": (1, 2), "questionnaire": (1, 1),
           "petition": (1, 3)}  # (fewest, most) records per village
RARE_NAMES = ("吉𠮷", "王䶮", "𠮷䶮", "刘䶮", "陈𠮷祥")
_SENTENCES = (
    "村集体经济收入主要来源于厂房出租和土地流转。", "部分村民反映低保评定过程不够公开。",
    "村务公开栏内容更新不及时，财务公开未按季度进行。", "“三会一课”记录基本齐全，个别月份缺少会议记录。",
    "集体资产台账与实际不符，部分资产未登记入账。", "工程项目未按规定进行招投标，存在化整为零现象。",
    "村干部对巡察工作表示支持，能够如实反映情况。", "村民对道路硬化、河道整治等民生实事总体满意。",
    "报销凭证附件不全，部分支出缺少经手人签字。", "惠农补贴发放名册与银行发放记录逐户核对一致。",
)


def record(ws: Workspace, rng: random.Random, start: dt.date = dt.date(2026, 5, 6)) -> int:
    """Write the step records of every village in this laptop's database; returns how many
    revisions were written."""
    with writing(ws) as batch:
        session = batch.session
        team = _Team(session, ws.actor.inspector_id)  # type: ignore[union-attr]
        villages = session.scalars(select(VillageRow.id).order_by(VillageRow.id)).all()
        inspectors = [team.leader, team.deputy, *team.drafters]
        steps = [s.key for s in step_records.steps(ws) if s.key in RECORDS]
        numbers = iter(range(1, 1_000_000))
        for village in villages:
            for step in steps:
                form = step_records.form_set().latest(step)
                low, high = RECORDS[step]
                for _ in range(rng.randint(low, high)):
                    filler = _Filler(rng, inspectors, village, start, next(numbers),
                                     batch.blob)
                    values = forms.validate(form, _coherent(step, filler.form(form), rng))
                    batch.write("step_record", {
                        "village_id": village, "step": step, "form": form.key,
                        "form_version": form.version, "values": values})
    return len(batch.revisions)


class _Filler:
    """Values for one record, made from the form's fields."""

    def __init__(self, rng: random.Random, inspectors: list[str], village: str,
                 start: dt.date, number: int, store: Callable[[bytes], str]) -> None:
        self.rng, self.inspectors, self.village, self.number = rng, inspectors, village, number
        self.store = store  # keeps a file, returns its digest
        self.day = start + dt.timedelta(days=rng.randrange(14))

    def form(self, form: Form) -> dict[str, Any]:
        return self.group(form.fields)

    def group(self, fields: tuple[Field, ...]) -> dict[str, Any]:
        out = {}
        for f in fields:
            if f.required or self.rng.random() < 0.6:
                value = self.value(f)
                if value is not None:
                    out[f.key] = value
        return out

    def value(self, f: Field) -> Any:  # noqa: PLR0911 - one answer per kind
        rng = self.rng
        if f.kind == "text":
            return self.text(f)
        if f.kind == "long_text":
            count = 6 if f.required and (f.max_length or 0) >= 50_000 else rng.randint(1, 3)
            return "".join(rng.sample(_SENTENCES, count))[: f.max_length]
        if f.kind == "number":
            low = int(f.minimum or 0)
            high = int(f.maximum) if f.maximum is not None else 200_000
            whole = rng.randint(low, min(high, low + 200_000))
            if f.decimals and whole < high:
                return str(Decimal(whole) + Decimal(rng.randrange(100)) / 100)
            return whole
        if f.kind == "date":
            return self.day.isoformat()
        if f.kind == "time":
            return f"{rng.randint(8, 16):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        if f.kind == "choice":
            return rng.choice(f.options).key
        if f.kind == "multi_choice":
            return [o.key for o in rng.sample(f.options, rng.randint(1, len(f.options)))]
        if f.kind == "person":
            return self.people(f)
        if f.kind == "village":
            return self.village
        if f.kind == "repeat":
            count = rng.randint(max(f.min_items, 1), max(f.min_items, 1) + 3)
            if f.max_items is not None:
                count = min(count, f.max_items)
            return [self.group(f.fields) for _ in range(count)]
        if f.kind == "checklist":
            return {item.key: self.check() for item in f.items}
        if f.kind == "attachments" and f.restricted:  # a scanned letter, a signed page
            return [self.store(f"%PDF-1.4\n% 扫描件 {f.key} {self.number} "
                               f"{rng.randrange(10**9)}\n".encode())]
        return None  # other attachments: photos would only make the demo large

    def text(self, f: Field) -> str | None:
        rng = self.rng
        if f.pattern == "phone":
            return "1" + rng.choice("3589") + "".join(rng.choices("0123456789", k=9))
        if f.pattern == "id_card":
            first17 = f"320481{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}" \
                      f"{rng.randint(1, 28):02d}{rng.randrange(1000):03d}"
            return first17 + id_numbers.check_character(first17)
        if f.pattern or f.regex:
            return None  # no generic value for a format this filler does not know
        if f.key == "number":
            return f"信访第{self.number:04d}号"
        if f.key.endswith("name"):
            return self.name()
        if f.key.endswith("address"):
            return f"{rng.choice('东西南北')}{rng.randint(1, 12)}组{rng.randint(1, 80)}号"
        text = rng.choice(("村委会会议室", "党群服务中心", "第三村民小组", "村部二楼",
                           "村集体厂房", "村民家中", "村委会主任", "村务监督委员会成员"))
        return text[: f.max_length]

    def people(self, f: Field) -> Any:
        if not f.allow_name:  # an inspector of the round
            chosen = self.rng.sample(self.inspectors, min(len(set(self.inspectors)), 2)
                                     if f.multiple else 1)
            people = [{"id": i} for i in dict.fromkeys(chosen)]
        else:
            people = [{"name": self.name()} for _ in range(self.rng.randint(1, 3)
                                                            if f.multiple else 1)]
            people = [dict(t) for t in dict.fromkeys(tuple(p.items()) for p in people)]
        return people if f.multiple else people[0]

    def name(self) -> str:
        if self.rng.random() < 0.05:
            return self.rng.choice(RARE_NAMES)
        return demo_names.person_name(self.rng)

    def check(self) -> dict[str, str]:
        state = self.rng.choices(forms.CHECK_STATES, weights=(8, 2, 1))[0]
        return {"state": state, "note": self.rng.choice(_SENTENCES) if state == "problem" else ""}


def _coherent(step: str, values: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Bounds one field puts on another, which a field-by-field filler cannot know."""
    if {"start_time", "end_time"} <= values.keys():
        values["start_time"], values["end_time"] = sorted((values["start_time"],
                                                           values["end_time"]))
    if {"period_from", "period_to"} <= values.keys():
        day = dt.date.fromisoformat(values["period_to"])
        values["period_from"] = (day - dt.timedelta(days=365 * 3)).isoformat()
    if step == "questionnaire" and "issued" in values:
        issued = values["issued"] = rng.randint(30, 300)
        values["returned"] = rng.randint(issued * 8 // 10, issued)
        values["valid"] = rng.randint(values["returned"] * 9 // 10, values["returned"])
    else:
        for key in ("returned", "valid"):
            values.pop(key, None)
    if step == "petition" and values.get("identity") == "anonymous":
        for key in ("reporter_name", "reporter_id_card", "reporter_phone", "reporter_address"):
            values.pop(key, None)
    return values

"""Register data for demo rounds: findings, clues, suggestions, rules improved, immediate
rectifications and rectification tasks, spread over the villages of every laptop.

At the Changzhou scale the totals are the article's (3,510 problems, 475 suggestions, 383
rules improved, 292 clues handed over). Each laptop writes the entries of its own villages, as
its team did: findings drafted by members, reviewed by the deputy and signed off by the leader
(three revisions), clues drafted then handed over, measures added then mostly closed out.

Thousands of records are written through ``_Batch``: each revision is validated and sealed
exactly as ``UnitOfWork.write`` does, then all are appended and materialised by one
``revlog.refresh``, because refreshing record by record would cost minutes here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import demo_names, hlc, kinds
from desktop.core import registers as rules
from desktop.core.ids import uuid7
from desktop.core.revision import Revision, seal
from desktop.services import restricted
from desktop.services.workspace import UnitOfWork, Workspace
from desktop.store import revlog
from desktop.store.models import (
    DistrictRow,
    InspectorRow,
    LocalState,
    RoundRow,
    TeamRow,
    TownRow,
    VillageRow,
)

TOTALS = {
    "small": {"finding": 9, "suggestion": 3, "rule_improved": 2, "clue": 2,
              "immediate_rectification": 1, "rectification": 3},
    "changzhou": {"finding": 3510, "suggestion": 475, "rule_improved": 383, "clue": 292,
                  "immediate_rectification": 70, "rectification": 351},
}
Slot = tuple[str, str, int]  # district, town, the n-th village of the town

_FINDINGS = {
    "party_affairs": ("“三会一课”制度落实不到位，支部委员会会议记录缺失", "发展党员程序不规范，入党材料不完整",
                      "组织生活会批评与自我批评流于形式", "党务公开栏内容长期未更新"),
    "finance": ("村级招待费支出无审批手续", "集体资产出租未经民主决策，租金明显偏低",
                "惠民资金发放台账与银行流水不符", "工程项目未按规定公开招标"),
    "ecology": ("生活污水管网建成后未正常运行", "黑臭水体整治不彻底，河道仍有垃圾漂浮",
                "违章建房未按期拆除", "秸秆露天焚烧禁而不止"),
    "living": ("村务公开栏财务收支未按季度公开", "低保户评定结果未张榜公示",
               "农村道路维修工程验收资料缺失", "群众反映的饮水问题长期未解决"),
}
_FOCUS = {"party_affairs": "three_affairs", "finance": "three_assets", "ecology": "three_lives",
          "living": "three_lives"}
_BASES = ("《中国共产党农村基层组织工作条例》", "《中华人民共和国村民委员会组织法》",
          "《江苏省农村集体资产管理条例》", "《农村集体经济组织财务制度》")
_CLUES = ("以虚增树木青苗补偿费方式化解村级招待费", "虚报冒领惠民资金", "违规建房并占用集体土地",
          "在工程项目中收受好处费", "优亲厚友评定低保")
_POSTS = ("村党总支书记", "村委会主任", "村会计", "村民小组长", "村党总支委员")
_MEASURES = {
    "suggestion": ("建议健全村级财务审批制度", "加强“三资”监管，规范合同管理"),
    "rule_improved": ("修订《村级财务管理制度》", "制定《村级小微权力清单》"),
    "immediate_rectification": ("立即补发未享受的学生资助", "立即清理河道垃圾"),
    "rectification": ("按问题清单逐项整改", "追缴违规支出并公开"),
}


def allocate(plan: list, totals: dict[str, int], rng: random.Random) -> dict[Slot, Counter]:
    """How many entries of each kind each village gets; the totals are exact."""
    slots = [(d, t, k) for d, towns in plan for t, n in towns for k in range(n)]
    if not slots:
        return {}
    weights = [rng.uniform(0.3, 1.7) for _ in slots]
    out: dict[Slot, Counter] = {}
    for kind, total in totals.items():
        for slot in rng.choices(slots, weights, k=total):
            out.setdefault(slot, Counter())[kind] += 1
    return out


def record(ws: Workspace, shares: dict[Slot, Counter], rng: random.Random) -> int:
    """Write this laptop's share (the slots of its districts); returns the revisions written."""
    with writing(ws) as batch:
        session = batch.session
        team = _Team(session, ws.actor.inspector_id)  # type: ignore[union-attr]
        villages = _villages(session)
        for slot, counts in sorted(shares.items()):
            if slot not in villages:
                continue
            town_id, village_id = villages[slot]
            for _ in range(counts["finding"]):
                _finding(batch, team, town_id, village_id, rng)
            for _ in range(counts["clue"]):
                _clue(batch, team, town_id, village_id, rng)
            for kind in kinds.TASK_KINDS:
                for _ in range(counts[kind]):
                    _task(batch, team, kind, town_id, village_id, rng)
    return len(batch.revisions)


class _Team:
    """The laptop's team: its leader (the laptop's inspector), deputy and drafters."""

    def __init__(self, session: Session, leader: str) -> None:
        me = session.get(InspectorRow, leader)
        assert me is not None  # the laptop's own inspector
        self.id, self.leader = me.team_id, leader
        people = session.execute(select(InspectorRow.id, InspectorRow.role).where(
            InspectorRow.team_id == self.id).order_by(InspectorRow.hlc)).all()
        self.deputy = next((i for i, r in people if r == "deputy"), leader)
        self.drafters = [i for i, r in people if r in ("member", "liaison")] or [leader]
        team = session.get(TeamRow, self.id)
        assert team is not None
        self.name = team.name
        self.year = session.scalar(select(RoundRow.year).where(RoundRow.id == team.round_id))
        self.sequence: Counter = Counter()

    def number(self, kind: str) -> dict[str, Any]:
        """The team's next number in the register, from the default pattern."""
        self.sequence[kind] += 1
        seq = self.sequence[kind]
        return {"number": rules.render_number(rules.DEFAULT_PATTERNS[kind], year=self.year or 0,
                                              team=self.name, seq=seq), "sequence": seq}


def _villages(session: Session) -> dict[Slot, tuple[str, str]]:
    """(town id, village id) of each village of this laptop by its place in the plan."""
    rows = session.execute(
        select(DistrictRow.name, TownRow.name, TownRow.id, VillageRow.id)
        .join(TownRow, TownRow.district_id == DistrictRow.id)
        .join(VillageRow, VillageRow.town_id == TownRow.id)
        .order_by(VillageRow.hlc, VillageRow.id)).all()
    seen: Counter = Counter()
    out = {}
    for district, town, town_id, village_id in rows:
        out[(district, town, seen[district, town])] = (town_id, village_id)
        seen[district, town] += 1
    return out


def _finding(batch: _Batch, team: _Team, town_id: str, village_id: str,
             rng: random.Random) -> None:
    aspect = rng.choice(kinds.ASPECTS)
    common = rng.random() < 0.05  # a problem common to the town's villages
    body = {
        "title": rng.choice(_FINDINGS[aspect]), "town_id": town_id,
        "village_id": None if common else village_id, "aspect": aspect,
        "focus": _FOCUS[aspect], "team_id": team.id, "status": "drafted",
        "problem_class": "common" if common else rng.choice(("individual",) * 5 + ("stubborn",)),
        "description": "巡察组在查阅台账和走访中发现该问题，涉及金额和次数见佐证材料。",
        "basis": rng.choice(_BASES), "source": rng.choice(("ledger_review", "interview",
                                                           "household_visit", "petition")),
        "responsible_party": "村党组织", "drafted_by": rng.choice(team.drafters)}
    rev = batch.write("finding", body)
    stage = rng.random()
    if stage < 0.04:
        return
    body = {**body, "status": "reviewed", "reviewed_by": team.deputy}
    rev = batch.write("finding", body, rev, at="reviewed_at")
    if stage < 0.10:
        return
    body = {**rev.body, "status": "signed_off", "signed_by": team.leader,
            **team.number("finding")}
    batch.write("finding", body, rev, at="signed_at")


def _clue(batch: _Batch, team: _Team, town_id: str, village_id: str, rng: random.Random) -> None:
    body = {"person": demo_names.person_name(rng), "post": rng.choice(_POSTS),
            "town_id": town_id, "village_id": village_id, "team_id": team.id,
            "category": rng.choice(kinds.CLUE_CATEGORIES[:8]), "summary": rng.choice(_CLUES),
            "source": rng.choice(("petition", "household_visit", "interview")),
            "proposed_handling": rng.choice(kinds.CLUE_HANDLINGS[:3]), "sealed": True,
            "drafted_by": rng.choice(team.drafters)}
    rev = batch.write("clue", body)
    handed = dt.date(2026, 5, 1) + dt.timedelta(days=rng.randrange(60))
    feedback = rng.random() < 0.4
    batch.write("clue", {
        **body, **team.number("clue"), "handed_over_to": "discipline_commission",
        "handed_over_on": handed.isoformat(), "handed_over_by": team.leader,
        "received_by": demo_names.person_name(rng),
        "feedback_due": rules.feedback_due(handed).isoformat(),
        "feedback_on": (handed + dt.timedelta(days=75)).isoformat() if feedback else None,
        "feedback_result": "已初步核实，正在处理" if feedback else None}, rev)


def _task(batch: _Batch, team: _Team, kind: str, town_id: str, village_id: str,
          rng: random.Random) -> None:
    deadline = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randrange(200))
    body = {"title": rng.choice(_MEASURES[kind]), "town_id": town_id, "village_id": village_id,
            "measure": "明确责任人，逐项落实，限期完成并公开结果。", "status": "open",
            "responsible": demo_names.person_name(rng), "deadline": deadline.isoformat(),
            "drafted_by": rng.choice(team.drafters)}
    rev = batch.write(kind, body)
    if rng.random() < 0.6:
        closed = deadline - dt.timedelta(days=rng.randrange(30))
        scan = batch.blob(f"%PDF-1.4\n% 整改佐证 {rev.record_id} {closed}\n".encode())
        batch.write(kind, {**body, "status": "closed", "closed_on": closed.isoformat(),
                           "closure_note": "已整改到位，材料见附件", "closure_files": [scan]},
                    rev, attachments=(scan,))


@contextlib.contextmanager
def writing(ws: Workspace) -> Iterator[_Batch]:
    """A unit of work of the actor's, its revisions written through a ``_Batch``."""
    with ws.unit_of_work() as uow:
        batch = _Batch(ws, uow)
        yield batch
        batch.flush()
        uow.changes.revisions += [r.id for r in batch.revisions]  # signed as one batch


class _Batch:
    """New records' revisions, validated and sealed one by one, stored by ``flush``."""

    def __init__(self, ws: Workspace, uow: UnitOfWork) -> None:
        self.ws, self.session = ws, uow.session
        state = self.session.get(LocalState, "hlc")
        self.clock = hlc.Timestamp.parse(state.value) if state else hlc.ZERO
        self.revisions: list[Revision] = []
        self.own_key = uow.encryption_public()
        self.recipients = restricted.Recipients()

    def blob(self, data: bytes) -> str:
        return revlog.put_blob(self.session, data)

    def write(self, kind: str, body: dict[str, Any], parent: Revision | None = None, *,
              at: str = "", attachments: tuple[str, ...] = ()) -> Revision:
        """One revision by this laptop's inspector (who drafted, reviewed or signed it off
        is in the body); ``at`` names a body field that gets its wall time."""
        now = self.ws.now_ms()
        self.clock = hlc.tick(self.clock, now)
        wall = dt.datetime.fromtimestamp(now / 1000, dt.UTC).isoformat(timespec="milliseconds")
        body = kinds.validate(kind, {**body, at: wall} if at else body)
        record_id = parent.record_id if parent else uuid7(now, self.ws.random_bytes)
        actor = self.ws.actor
        assert actor is not None
        body, attachments = restricted.protect(
            self.session, kind, record_id, actor.inspector_id, actor.device_id, self.own_key,
            body, self.recipients, self.ws.random_bytes,
            tuple(attachments) or (parent.attachments if parent else ()), parent)
        rev = seal(Revision(
            kind=kind, record_id=record_id,
            parents=(parent.id,) if parent else (),
            author=actor.inspector_id, device=actor.device_id, hlc=str(self.clock),
            wall_time=wall, deleted=False, body=body, attachments=attachments))
        self.revisions.append(rev)
        return rev

    def flush(self) -> None:
        revlog.append(self.session, self.revisions)
        revlog.refresh(self.session, {r.record_id for r in self.revisions},
                       parsed={r.id: r for r in self.revisions})
        self.session.merge(LocalState(key="hlc", value=str(self.clock)))

"""Synthetic but realistic rounds for trying the app, demos and benchmarks.

The leader creates a base (round, teams, roster); each laptop starts from a snapshot of that
base, gets its own inspector identity and device key, and records its district's towns and
villages, as happens in real rounds. The same seed always gives the same files.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.core import demo_names, errors, questionnaire_toml
from desktop.core.ballot_entry import Keyed
from desktop.core.i18n import tr
from desktop.core.ids import uuid7
from desktop.services import (
    demo_registers,
    demo_steps,
    enrolment,
    evaluation,
    identity,
    locations,
    people,
    queries,
    roster,
)
from desktop.services.workspace import Actor, Workspace, open_workspace
from desktop.store import database
from desktop.store.models import InspectorRow, TeamRow, VillageRow

DEMO_PASSPHRASE = "xuncha-demo"
SCALES = ("small", "changzhou")
MAX_LAPTOPS = 30
PARTIAL = ".demo-partial"  # the folder a demo round is written in before it is moved out
START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
ROLES_OF_TEAM = ("leader", "deputy", "liaison", "member", "member", "member")
TEAM_NUMERALS = "一二三四五六七八九十"


class _Clock:
    """A fake wall clock that moves forward a little at every reading."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ms = int(START.timestamp() * 1000)

    def __call__(self) -> int:
        self.ms += self.rng.randint(200, 4000)
        return self.ms


@dataclass(frozen=True)
class DemoResult:
    paths: tuple[Path, ...]
    revisions: int


def _team_name(i: int) -> str:
    return f"第{TEAM_NUMERALS[i] if i < 10 else i + 1}巡察组"


def _plan(scale: str, rng: random.Random) -> list[tuple[str, list[tuple[str, int]]]]:
    """Districts with their towns and the number of villages in each town."""
    if scale == "small":
        picks = demo_names.CHANGZHOU_DISTRICTS[:2]
        return [(d, [(t, 3) for t in demo_names.TOWN_NAMES[d][:2]]) for d, _ in picks]
    plan = []
    for district, villages in demo_names.CHANGZHOU_DISTRICTS:
        towns = demo_names.TOWN_NAMES[district]
        counts = [villages // len(towns)] * len(towns)
        for i in range(villages - sum(counts)):
            counts[i] += 1
        plan.append((district, list(zip(towns, counts, strict=True))))
    return plan


def generate(
    outdir: Path, scale: str = "small", laptops: int = 6, seed: int = 1,
    passphrase: str = DEMO_PASSPHRASE, progress: Callable[[str], None] = lambda _m: None,
) -> DemoResult:
    """Write ``laptops`` databases (laptop-1.db …) into ``outdir``."""
    if scale not in SCALES:
        raise errors.OutOfRange(what="scale", low=SCALES[0], high=SCALES[-1])
    if not 1 <= laptops <= MAX_LAPTOPS:
        raise errors.OutOfRange(what=tr("number of laptops"), low=1, high=MAX_LAPTOPS)
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise errors.FolderInUse(path=outdir)
    final = tuple(outdir / f"laptop-{i + 1}.db" for i in range(laptops))
    if any(path.exists() for path in final):
        raise errors.FolderInUse(path=outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    # Written in a folder of its own and moved into place when whole, the leader's base last:
    # an interrupted run leaves no partial round to be opened as the demo.
    building = outdir / PARTIAL
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    result = _generate(building, scale, laptops, seed, passphrase, progress)
    for built, path in reversed(list(zip(result.paths, final, strict=True))):
        for suffix in ("-wal", "-shm", ""):  # the journals (if any) before the file itself
            if built.with_name(built.name + suffix).exists():
                os.replace(built.with_name(built.name + suffix), path.with_name(path.name + suffix))
    shutil.rmtree(building, ignore_errors=True)
    return DemoResult(paths=final, revisions=result.revisions)


def _generate(outdir: Path, scale: str, laptops: int, seed: int, passphrase: str,
              progress: Callable[[str], None]) -> DemoResult:
    paths = tuple(outdir / f"laptop-{i + 1}.db" for i in range(laptops))
    rng = random.Random(seed)
    clock = _Clock(rng)
    options = {"now_ms": clock, "random_bytes": rng.randbytes}

    progress(tr("the leader's base"))
    leader_name = demo_names.person_name(rng)
    ws, _ = roster.create_database(
        paths[0], passphrase,
        roster.NewRound("2026年第一轮村（社区）巡察", 2026, _team_name(0), leader_name, "leader"),
        workspace_options=options, key_seed=f"{seed}-0".encode())
    team_leaders = _roster(ws, laptops, rng)
    # The other laptops' devices, enrolled by the leader before each starts from the base.
    devices = [_enrolled(ws, team_leaders[i], seed, i) for i in range(1, laptops)]
    for path in paths[1:]:
        database.backup_copy(ws.db, path)
    revisions = 0
    plan = _plan(scale, rng)
    taken: set[str] = set()
    for i, path in enumerate(paths):
        progress(path.name)
        if i:
            ws = _take_over(path, passphrase, team_leaders[i][0], devices[i - 1], options)
        mine = [p for j, p in enumerate(plan) if j % laptops == i]
        _record_districts(ws, mine, rng, taken)
        _correct_roster(ws, i, rng)
        revisions += queries.stats(ws).revisions
        ws.close()
    # Last, so the laptops' own data stays what it was for a seed before evaluations existed.
    ws = open_workspace(paths[0], passphrase, **options)
    try:
        revisions += _record_evaluation(ws, random.Random(f"{seed}-evaluation"))
    finally:
        ws.close()
    # Then the registers, each laptop those of its own villages.
    rng = random.Random(f"{seed}-registers")
    shares = demo_registers.allocate(plan, demo_registers.TOTALS[scale], rng)
    for i, path in enumerate(paths):
        mine = {d for j, (d, _) in enumerate(plan) if j % laptops == i}
        share = {slot: n for slot, n in shares.items() if slot[0] in mine}
        if not share:
            continue
        progress(tr("registers of {name}", name=path.name))
        ws = open_workspace(path, passphrase, **options)
        try:
            revisions += demo_registers.record(ws, share, rng)
        finally:
            ws.close()
    # Then every village's step records, on the laptop that holds the village.
    rng = random.Random(f"{seed}-steps")
    for path in paths:
        progress(tr("step records of {name}", name=path.name))
        ws = open_workspace(path, passphrase, **options)
        try:
            revisions += demo_steps.record(ws, rng)
        finally:
            ws.close()
    return DemoResult(paths=paths, revisions=revisions)


def _roster(ws: Workspace, teams: int, rng: random.Random) -> list[tuple[str, str]]:
    """Teams and their members; returns (inspector id, name) of each team's leader."""
    assert ws.actor is not None  # a database this module just created
    leaders = [(ws.actor.inspector_id, "")]
    with ws.unit_of_work() as uow:
        first_team = uow.session.scalars(select(TeamRow)).one()
        round_id = first_team.round_id
        for t in range(teams):
            team_id = first_team.id if t == 0 else uow.write(
                "team", None, {"name": _team_name(t), "round_id": round_id}).record_id
            for r, role in enumerate(ROLES_OF_TEAM):
                if t == 0 and r == 0:
                    continue
                rev = uow.write("inspector", None, {
                    "name": demo_names.person_name(rng), "role": role, "team_id": team_id})
                if r == 0:
                    leaders.append((rev.record_id, rev.body["name"]))
    return leaders


def _enrolled(ws: Workspace, leader: tuple[str, str], seed: int, i: int
              ) -> tuple[str, identity.KeyMaterial]:
    """A new device for another team's leader, enrolled by the round's leader."""
    device_id = uuid7(ws.now_ms(), ws.random_bytes)
    now = dt.datetime.fromtimestamp(ws.now_ms() / 1000, dt.UTC)
    keys = identity.new_key_material(leader[1], _team_name(i), ws.db.passphrase, now=now,
                                     seed=f"{seed}-{i}".encode())
    enrolment.enrol_device(ws, device_id, leader[0], keys.certificate_pem)
    return device_id, keys


def _take_over(path: Path, passphrase: str, inspector_id: str,
               device: tuple[str, identity.KeyMaterial], options: dict) -> Workspace:
    """Make a copied base the laptop of another team's leader, with its enrolled device."""
    ws = open_workspace(path, passphrase, **options)
    ws.actor = Actor(inspector_id, device[0])
    with ws.unit_of_work() as uow:
        roster.register_device(uow, device[1])
    return ws


def _correct_roster(ws: Workspace, i: int, rng: random.Random) -> None:
    """Corrections to the shared roster, as happens on every laptop: pairs of laptops touch
    the same inspector, so a merge shows edit/edit and edit/delete conflicts."""
    with ws.unit_of_work() as uow:
        team = uow.session.scalars(select(TeamRow).order_by(TeamRow.hlc)).first()
        members = list(uow.session.scalars(
            select(InspectorRow).where(InspectorRow.team_id == team.id, InspectorRow.role ==
                                       "member").order_by(InspectorRow.hlc, InspectorRow.id)))
        target = members[(i // 2) % len(members)] if members else None
        if target is None:
            return
        current = uow.current(target.id)
        if i % 4 == 3:
            uow.write("inspector", target.id, {}, deleted=True)
        else:
            uow.write("inspector", target.id, {**current.body,
                                               "name": demo_names.person_name(rng)})


def _record_districts(ws: Workspace, plan: list, rng: random.Random, taken: set[str]) -> None:
    with ws.unit_of_work() as uow:
        round_id = roster.round_id(uow)
        for district, towns in plan:
            d = uow.write("district", None, {"name": district, "round_id": round_id})
            for town, n in towns:
                t = uow.write("town", None, {"name": town, "district_id": d.record_id})
                for name in demo_names.village_names(rng, n, taken):
                    uow.write("village", None, {"name": name, "town_id": t.record_id})


def _record_evaluation(ws: Workspace, rng: random.Random) -> int:
    """A 民主测评 in the leader's first village: 40 ballots issued, 36 returned and keyed
    twice, the verifying entry still differing from the first on two answers."""
    with ws.read() as s:
        village = s.scalars(select(VillageRow.id).order_by(VillageRow.hlc)).first()
    if village is None:
        return 0
    text = questionnaire_toml.available()["competence"].read_text(encoding="utf-8")
    names = tuple(demo_names.person_name(rng) for _ in range(3))
    for name, post in zip(names, ("村党总支书记", "村委会主任", "村会计"), strict=True):
        people.add_person(ws, village, name, "committee", post)
    eid = evaluation.save_setup(ws, evaluation.Setup(
        village, "2026-05-12", text, issued=40, members=names,
        participants={"party_members": (26, 24), "representatives": (18, 12)}))
    width = len(evaluation.load(ws, eid).questionnaire.columns())
    written = 1 + len(names)
    for n in range(1, 37):
        if n == 17:
            keyed = Keyed(str(n), "0" * width, tr("Two or more options ticked on one row"))
        else:
            keyed = Keyed(str(n), "".join(rng.choice("1111112223") for _ in range(width)))
        typo = n in (5, 23)  # the second typist pressed the key next to the right one
        second = Keyed(keyed.serial, keyed.answers[:-1] + ("2" if keyed.answers[-1] != "2"
                                                           else "1")) if typo else keyed
        evaluation.key_ballot(ws, eid, "first", keyed)
        evaluation.key_ballot(ws, eid, "second", second)
        written += 2
    return written


def open_demo(progress: Callable[[str], None] = lambda _m: None) -> Workspace:
    """Open the demo round in the app's data folder, writing it first if needed."""
    path = locations.demo_database()
    if not path.exists():
        for leftover in path.parent.glob("laptop-*.db*"):
            leftover.unlink()
        generate(path.parent, "small", laptops=2, seed=1, progress=progress)
    return open_workspace(path, DEMO_PASSPHRASE)

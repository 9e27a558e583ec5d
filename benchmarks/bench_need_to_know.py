"""Need-to-know benchmark: what encrypting restricted content to devices costs the leader.

``.venv/bin/python benchmarks/bench_need_to_know.py`` from the project root generates the
Changzhou-scale demo (6 laptops, each another team's leader; clues, petitions and talks in
every village, their restricted parts encrypted to the readers of the writer's team) and
measures, RUNS times each way, alternating:

A. the merge of laptops 2-6's exchange files into copies of laptop 1: as shipped, and with
   laptop 1's key withheld from the merge (floor). The other teams' parts are not for laptop 1,
   so this is what checking and withholding them costs;
B. rebuilding laptop 1's current rows from its log: as shipped (every part of its own team
   decrypted, checked and materialised in clear) and without its key (floor: withheld); and
   the bare library, ``core.secrecy.decrypt`` of those same parts alone.

Prints medians and the ratios; figures to compare, not pass/fail checks.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core import secrecy, visibility  # noqa: E402
from desktop.services import demo, identity, merge, restricted  # noqa: E402
from desktop.store import database, revlog  # noqa: E402
from desktop.store.models import LocalIdentity  # noqa: E402

EXCHANGE = "bench exchange 2026"
RUNS = 3


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="xuncha-ntk-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        made = demo.generate(folder / "demo", "changzhou", 6)
        print(f"demo (changzhou, 6 laptops): {made.revisions} revisions in "
              f"{time.perf_counter() - start:.1f} s")
        files = []
        for path in made.paths[1:]:
            ws = _open(path)
            merge.export(ws, demo.DEMO_PASSPHRASE, out := folder / f"{path.stem}.xch", EXCHANGE)
            ws.close()
            files.append(out)
        leader = made.paths[0]
        merges = _alternating(lambda key, run: _merge(folder, leader, files, key, run))
        rebuilds = _alternating(lambda key, run: _rebuild(leader, key))
        key, device = _leader_key(leader)
        parts = _parts_for(leader, device)
        start = time.perf_counter()
        for record_id, kind, part in parts:
            secrecy.decrypt(part, device, key, restricted.context(kind, record_id))
        bare = time.perf_counter() - start
    _report("A. merge of 5 exchange files into laptop 1", merges)
    _report(f"B. rebuild of laptop 1's current rows, {len(parts)} parts for it", rebuilds)
    extra = statistics.median(rebuilds["as shipped"]) - statistics.median(
        rebuilds["no key (floor)"])
    each = bare / max(len(parts), 1) * 1e6
    print(f"   bare decrypt of those parts {bare:.2f} s ({each:.0f} µs each); "
          f"the rebuild's extra cost {extra:.2f} s")
    return 0


def _alternating(measure) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    timings: dict[str, list[float]] = {"as shipped": [], "no key (floor)": []}
    for run in range(RUNS):
        for name in timings:
            original = restricted.install
            if name != "as shipped":
                restricted.install = lambda db: None  # type: ignore[assignment]
            try:
                start = time.perf_counter()
                measure(name == "as shipped", run)
                timings[name].append(time.perf_counter() - start)
            finally:
                restricted.install = original  # type: ignore[assignment]
    return timings


def _report(title: str, timings: dict[str, list[float]]) -> None:
    print(f"{title} (median of {RUNS}):")
    for name, runs in timings.items():
        print(f"   {name:<16} {statistics.median(runs):6.2f} s   runs "
              + ", ".join(f"{t:.2f}" for t in runs))
    shipped, floor = (statistics.median(t) for t in timings.values())
    print(f"   ratio shipped / floor {shipped / floor:.2f}")


def _merge(folder: Path, leader: Path, files: list[Path], key: bool, run: int) -> None:
    target = shutil.copyfile(leader, folder / f"target-{run}-{key}.db")
    report = merge.merge(target, demo.DEMO_PASSPHRASE, files, exchange_passphrase=EXCHANGE)
    assert all(s.error == "" for s in report.sources), report


def _rebuild(path: Path, key: bool) -> None:
    db = database.open_database(path, demo.DEMO_PASSPHRASE)
    restricted.install(db)  # a no-op for the floor
    try:
        with db.session() as s:
            savepoint = s.begin_nested()
            revlog.rebuild(s)
            savepoint.rollback()
    finally:
        db.close()


def _open(path: Path):  # type: ignore[no-untyped-def]
    from desktop.services.workspace import open_workspace
    return open_workspace(path, demo.DEMO_PASSPHRASE)


def _leader_key(path: Path):  # type: ignore[no-untyped-def]
    db = database.open_database(path, demo.DEMO_PASSPHRASE)
    with db.read() as s:
        ident = s.query(LocalIdentity).one()
        signing = identity.load_private_key(ident.private_key_pem, demo.DEMO_PASSPHRASE)
        device = ident.device_id
    db.close()
    return identity.encryption_key(signing), device


def _parts_for(path: Path, device: str) -> list[tuple[str, str, dict]]:
    """The encrypted parts of the heads in ``path`` that ``device`` is a recipient of."""
    import sqlcipher3
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '" + demo.DEMO_PASSPHRASE.replace("'", "''") + "'")
    out = []
    for envelope, in conn.execute(
            "SELECT r.envelope FROM head h JOIN revision r ON r.id = h.revision_id"):
        env = json.loads(envelope)
        part = env["body"].get(visibility.SEALED)
        if part and device in part["keys"]:
            out.append((env["record_id"], env["kind"], part))
    conn.close()
    return out


if __name__ == "__main__":
    sys.exit(main())

"""Foundation benchmark: demo generation, opening a round, and writing one revision.

Run from the project root:

    .venv/bin/python benchmarks/bench_foundation.py [--out DIR]

It prints a table of figures and writes them to OUT/bench_foundation.json (default
benchmarks/out, which git ignores). Timings are figures to compare, not pass/fail checks.

1. ``xuncha demo OUTDIR --scale changzhou`` as a subprocess: wall time, revisions written
   (sum of ``xuncha stats --json`` over the laptops), total and largest file size (with -wal).
2. Opening the largest laptop file and building the village list (open_workspace +
   queries.round_tree), median of 5 fresh subprocesses: import time, open + tree time, and
   the child's peak resident memory.
3. One revision written through a service (roster.rename, alternating two names) on a fresh
   database: median and p95 latency over 1,000 writes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.services import roster  # noqa: E402
from desktop.services.demo import DEMO_PASSPHRASE  # noqa: E402

ENV = {**os.environ, "XUNCHA_PASSPHRASE": DEMO_PASSPHRASE}
OPEN_RUNS = 5
WRITES = 1000

# Runs in a fresh interpreter; prints one JSON line. ru_maxrss is KiB on Linux, bytes on macOS.
CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from desktop.services.workspace import open_workspace
from desktop.services.queries import round_tree
t1 = time.perf_counter()
ws = open_workspace(sys.argv[1], sys.argv[2])
tree = round_tree(ws)
villages = sum(len(town.children) for d in tree for town in d.children)
t2 = time.perf_counter()
ws.close()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rss *= 1 if sys.platform == "darwin" else 1024
print(json.dumps({"import_s": t1 - t0, "open_tree_s": t2 - t1, "villages": villages,
                  "peak_rss_bytes": rss}))
"""


def xuncha(*args: str) -> str:
    cmd = [sys.executable, "-m", "desktop.cli", *args]
    return subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, capture_output=True,
                          text=True).stdout


def bench_demo(tmp: Path) -> tuple[dict, Path]:
    outdir = tmp / "demo"
    start = time.perf_counter()
    xuncha("demo", str(outdir), "--scale", "changzhou")
    wall = time.perf_counter() - start
    dbs = sorted(outdir.glob("laptop-*.db"))
    revisions = sum(json.loads(xuncha("stats", str(db), "--json"))["revisions"] for db in dbs)
    sizes = {db: sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
             for db in dbs}
    largest = max(sizes, key=sizes.__getitem__)
    return {"demo_wall_s": wall, "laptops": len(dbs), "revisions": revisions,
            "total_bytes": sum(sizes.values()), "largest_bytes": sizes[largest]}, largest


def bench_open(db: Path) -> dict:
    runs = []
    for _ in range(OPEN_RUNS):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db), DEMO_PASSPHRASE], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout
        runs.append({**json.loads(out), "process_s": time.perf_counter() - start})
    med = {k: statistics.median(r[k] for r in runs)
           for k in ("import_s", "open_tree_s", "process_s")}
    return {"open_import_s": med["import_s"], "open_tree_s": med["open_tree_s"],
            "open_process_s": med["process_s"], "open_villages": runs[0]["villages"],
            "open_peak_rss_bytes": max(r["peak_rss_bytes"] for r in runs)}


def bench_writes(tmp: Path) -> dict:
    ws, _ = roster.create_database(tmp / "writes.db", DEMO_PASSPHRASE, roster.NewRound(
        "基准轮次", 2026, "第一巡察组", "张三", "leader"))
    try:
        d = roster.add_district(ws, "天宁区").created[0]
        t = roster.add_town(ws, "青龙街道", d).created[0]
        v = roster.add_village(ws, "丁香村", t).created[0]
        latencies = []
        for i in range(WRITES):
            start = time.perf_counter()
            roster.rename(ws, v, ("丁香村", "紫荆村")[i % 2])
            latencies.append(time.perf_counter() - start)
    finally:
        ws.close()
    return {"write_median_s": statistics.median(latencies),
            "write_p95_s": statistics.quantiles(latencies, n=20)[18], "writes": WRITES}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    out = p.parse_args().out
    with tempfile.TemporaryDirectory(prefix="bench-foundation-") as tmp:
        demo, largest = bench_demo(Path(tmp))
        figures = {**demo, **bench_open(largest), **bench_writes(Path(tmp))}
    mib = 1024 * 1024
    rows = [
        ("demo --scale changzhou, wall time", f"{figures['demo_wall_s']:.2f} s"),
        ("revisions written (all laptops)", f"{figures['revisions']:,}"),
        ("database size, total", f"{figures['total_bytes']:,} B "
         f"({figures['total_bytes'] / mib:.2f} MiB, {figures['laptops']} files)"),
        ("database size, largest", f"{figures['largest_bytes']:,} B "
         f"({figures['largest_bytes'] / mib:.2f} MiB)"),
        ("open largest: import (median of 5)", f"{figures['open_import_s'] * 1000:.1f} ms"),
        ("open largest: open + round_tree (median)", f"{figures['open_tree_s'] * 1000:.1f} ms"),
        ("open largest: whole subprocess (median)",
         f"{figures['open_process_s'] * 1000:.1f} ms"),
        ("open largest: villages listed", f"{figures['open_villages']}"),
        ("open largest: peak RSS (max of 5)",
         f"{figures['open_peak_rss_bytes'] / mib:.1f} MiB"),
        (f"write 1 revision (rename), median of {WRITES}",
         f"{figures['write_median_s'] * 1000:.2f} ms"),
        ("write 1 revision (rename), p95", f"{figures['write_p95_s'] * 1000:.2f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_foundation.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nwritten to {out / 'bench_foundation.json'}")


if __name__ == "__main__":
    main()

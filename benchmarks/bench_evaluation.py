"""Democratic-evaluation benchmark: counting 1,000 ballots × 20 items, and keying them.

Run from the project root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_evaluation.py [--out DIR]

It prints the figures and writes them to OUT/bench_evaluation.json (default benchmarks/out,
which git ignores). Timings are figures to compare, not pass/fail checks.

1. Count: ``scoring.evaluate`` over 1,000 ballots of 20 items (the 称职测评 of four 两委
   members, five items each), median of 5; and building the live tally of the same ballots.
2. Store: keying the 1,000 ballots through the service into a real encrypted database
   (``evaluation.key_ballot``, one revision per ballot: what Enter costs), then loading the
   session and counting it (what opening the results costs).
3. Entry screen: with those 1,000 ballots saved, a key click per answer on the entry widget,
   offscreen, timed from the click to the updated tally painted (``processEvents`` done):
   median, p95 and worst over 2,000 keystrokes (the target is under 16 ms, one frame).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop import translations  # noqa: E402
from desktop.core import ballot_entry, questionnaire_toml  # noqa: E402
from desktop.core.ballot_entry import Keyed, LiveTally  # noqa: E402
from desktop.core.scoring import evaluate  # noqa: E402
from desktop.services import evaluation, roster  # noqa: E402

BALLOTS = 1000
KEYSTROKES = 2000
MEMBERS = ["甲", "乙", "丙", "丁"]


def questionnaire_text() -> str:
    return questionnaire_toml.available()["competence"].read_text(encoding="utf-8")


def ballots(width: int, rng: random.Random) -> list[Keyed]:
    return [Keyed(str(n), "".join(rng.choice("1112230") for _ in range(width)),
                  "多选" if n % 97 == 0 else None) for n in range(1, BALLOTS + 1)]


def count_figures(rng: random.Random) -> dict:
    form = questionnaire_toml.parse(questionnaire_text(), "competence").with_members(MEMBERS)
    form = replace(form, subjects=tuple(s for s in form.subjects if s.member))
    assert len(form.columns()) == 20
    keyed = ballots(20, rng)
    scored = [ballot_entry.to_ballot(form, k) for k in keyed]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        evaluate(form, scored, issued=BALLOTS)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    LiveTally(form, keyed)
    tally = time.perf_counter() - t0
    return {"columns": 20, "ballots": BALLOTS, "evaluate_median_ms": statistics.median(times)
            * 1000, "live_tally_build_ms": tally * 1000}


def store_figures(folder: Path, rng: random.Random) -> tuple[dict, object, str]:
    ws, _ = roster.create_database(folder / "bench.db", "bench passphrase", roster.NewRound(
        "基准测试", 2026, "第一巡察组", "王堃", "leader"))
    d = roster.add_district(ws, "武进区").created[0]
    t = roster.add_town(ws, "湖塘镇", d).created[0]
    v = roster.add_village(ws, "新桥村", t).created[0]
    eid = evaluation.save_setup(ws, evaluation.Setup(v, "2026-05-12", questionnaire_text(),
                                                     issued=BALLOTS, members=tuple(MEMBERS)))
    width = len(evaluation.load(ws, eid).questionnaire.columns())
    keyed = ballots(width, rng)
    times = []
    for k in keyed:
        t0 = time.perf_counter()
        evaluation.key_ballot(ws, eid, "first", k)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    session = evaluation.load(ws, eid)
    session.count()
    opened = time.perf_counter() - t0
    times.sort()
    return ({"columns": width, "key_ballot_median_ms": statistics.median(times) * 1000,
             "key_ballot_p95_ms": times[int(len(times) * 0.95)] * 1000,
             "load_and_count_ms": opened * 1000}, ws, eid)


def screen_figures(ws, eid: str, rng: random.Random) -> dict:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.evaluation_window import EvaluationWindow
    app = QApplication.instance() or QApplication([])
    window = EvaluationWindow(ws, eid)
    window.show()
    widget = window.entries["first"]
    app.processEvents()
    per_key, per_enter = [], []
    width = len(widget.columns)
    for _ in range(KEYSTROKES):
        if len(widget.answers) == width:
            t0 = time.perf_counter()
            QTest.keyClick(widget, "\r")
            app.processEvents()
            per_enter.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        QTest.keyClick(widget, rng.choice("1230"))
        app.processEvents()
        per_key.append(time.perf_counter() - t0)
    widget.answers.clear()
    window.close()
    per_key.sort()
    per_enter.sort()
    return {"keystrokes": len(per_key), "key_median_ms": statistics.median(per_key) * 1000,
            "key_p95_ms": per_key[int(len(per_key) * 0.95)] * 1000,
            "key_worst_ms": per_key[-1] * 1000, "enters": len(per_enter),
            "enter_median_ms": statistics.median(per_enter) * 1000,
            "enter_worst_ms": per_enter[-1] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    translations.install()  # the Chinese interface, as the app shows it
    rng = random.Random(1)
    figures = {"count": count_figures(rng)}
    with tempfile.TemporaryDirectory() as tmp:
        figures["store"], ws, eid = store_figures(Path(tmp), rng)
        figures["screen"] = screen_figures(ws, eid, rng)
        ws.close()
    for part, values in figures.items():
        for name, value in values.items():
            shown = f"{value:.2f}" if isinstance(value, float) else str(value)
            print(f"{part:8} {name:24} {shown}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_evaluation.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

"""Village workspace benchmark on the Changzhou-scale demo: the everyday actions of an inspector.

Run from the project root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_workspace.py [--out DIR]

It writes the Changzhou demo (one laptop's file is used), fills a few villages with step records,
then times, each as the median (and worst) of repeated runs, offscreen:

1. opening a village workspace: choosing a village in the tree until its steps, counts and the
   records of the chosen step are shown;
2. opening a step form: a new record's editor built from its definition and shown;
3. saving a record: ``step_records.save_record`` of a filled draft (one revision);
4. filtering the step records of a village by a word (the search box);
5. filtering the findings register (all of the laptop's findings) by words, and opening the
   registers window.

The target of the issue is under 100 ms each. Figures, not pass/fail checks; written to
OUT/bench_workspace.json (default benchmarks/out, which git ignores).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop import translations  # noqa: E402
from desktop.services import demo, step_records  # noqa: E402
from desktop.services.workspace import open_workspace  # noqa: E402
from desktop.store.models import VillageRow  # noqa: E402

RUNS = 20
MEETING = {"date": "2026-05-11", "place": "村委会会议室",
           "attendees": [{"person": {"name": "张建国"}, "post": "村党总支书记", "side": "branch"}]}


def timed(action, runs: int = RUNS) -> dict:  # type: ignore[no-untyped-def]
    times = []
    for n in range(runs):
        t0 = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - t0)
    return {"median_ms": statistics.median(times) * 1000, "worst_ms": max(times) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    translations.install()  # the Chinese interface, as the app shows it
    app = QApplication.instance() or QApplication([])
    from desktop.ui.main_window import MainWindow
    with tempfile.TemporaryDirectory() as tmp:
        paths = demo.generate(Path(tmp) / "demo", "changzhou", laptops=6, seed=1).paths
        ws = open_workspace(paths[0], demo.DEMO_PASSPHRASE)
        with ws.read() as s:
            villages = list(s.scalars(select(VillageRow.id).order_by(VillageRow.hlc)))
        for village in villages[:RUNS]:
            for n in range(5):
                draft = step_records.start_draft(ws, village, "opening_meeting")
                step_records.save_draft(ws, draft.id, {**MEETING, "place": f"会议室{n}"})
                step_records.save_record(ws, draft.id)
        window = MainWindow(ws)
        window.show()
        app.processEvents()
        figures = {"villages": len(villages)}

        def open_village(n: int) -> None:
            window.select(villages[n % len(villages)])
            app.processEvents()
        figures["open_village"] = timed(open_village)

        def open_form(n: int) -> None:
            editor = window.new_record(("interview", "ledger_review", "petition")[n % 3])
            app.processEvents()
            editor.close()
            app.processEvents()
        window.select(villages[0])
        figures["open_step_form"] = timed(open_form)

        def save(n: int) -> None:
            draft = step_records.start_draft(ws, villages[0], "opening_meeting")
            step_records.save_draft(ws, draft.id, {**MEETING, "place": f"礼堂{n}"})
            t0 = time.perf_counter()
            step_records.save_record(ws, draft.id)
            save_times.append(time.perf_counter() - t0)
        save_times: list[float] = []
        timed(save)
        figures["save_record"] = {"median_ms": statistics.median(save_times) * 1000,
                                  "worst_ms": max(save_times) * 1000}

        def search(n: int) -> None:
            window.village.search.setText(("礼堂", "会议室3", "不存在")[n % 3])
            app.processEvents()
        figures["filter_records"] = timed(search)

        registers_window = window.show_registers()
        app.processEvents()
        figures["findings_in_register"] = registers_window.findings.table.rowCount()

        def filter_findings(n: int) -> None:
            registers_window.findings.filter.setText(("村务", "三资 党务", "不存在的词")[n % 3])
            app.processEvents()
        figures["filter_findings"] = timed(filter_findings)

        def open_registers(n: int) -> None:
            shown = window.show_registers()
            app.processEvents()
            shown.close()
        figures["open_registers"] = timed(open_registers, runs=5)
        window.close()
        ws.close()
    for name, value in figures.items():
        print(f"{name:16} {value}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_workspace.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

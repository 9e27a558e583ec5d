"""Handover packet benchmark: gather, build and sign a packet of about 50 pages with 20 photos
and scans from a real encrypted database, then verify it.

Run from the project root:

    .venv/bin/python benchmarks/bench_packet.py [--out DIR] [--sessions N] [--photos N]

It prints the figures and writes them to OUT/bench_packet.json (default benchmarks/out, which
git ignores). The round: one district, one town, SESSIONS villages, each with a 称职测评
(competence questionnaire, four 两委 members) of 30 ballots keyed twice; PHOTOS attachments
spread over the villages (half 1600×1200 JPEG photos, half 1240×1754 greyscale PNG scans,
made with Pillow, which reportlab already needs). The packet is built three times: the first
includes loading the fonts, the second is timed, the third measures the peak of Python
allocations (tracemalloc, which slows it down); the process's peak resident size is printed
too. Timings are figures to compare, not pass/fail checks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from desktop import translations  # noqa: E402
from desktop.core import questionnaire_toml  # noqa: E402
from desktop.core.ballot_entry import Keyed  # noqa: E402
from desktop.packet import verify  # noqa: E402
from desktop.packet.handover import build_packet  # noqa: E402
from desktop.services import evaluation, handover, roster  # noqa: E402

PASSPHRASE = "bench-packet-passphrase"
MEMBERS = ("陈喆", "刘赟", "王堃", "张三")


def photo(n: int, rng: random.Random) -> bytes:
    """A photo-like JPEG (gradient, shapes, noise) or a scan-like greyscale PNG."""
    if n % 2:
        size = (1240, 1754)
        page = Image.new("L", size, 245)
        draw = ImageDraw.Draw(page)
        for line in range(40):
            y = 120 + line * 38
            draw.line((100, y, 100 + rng.randrange(600, 1040), y), fill=40, width=6)
        out = io.BytesIO()
        page.save(out, format="PNG", optimize=True)
        return out.getvalue()
    size = (1600, 1200)
    base = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 24)
    picture = Image.merge("RGB", (base, noise, Image.blend(base, noise, 0.5)))
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(1400), rng.randrange(1000)
        draw.ellipse((x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 300)),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=85)
    return out.getvalue()


def make_round(path: Path, sessions: int, photos: int, rng: random.Random) -> None:
    ws, _ = roster.create_database(path, PASSPHRASE, roster.NewRound(
        "2026年第一轮巡察", 2026, "第二巡察组", "王堃", "leader"))
    district = roster.add_district(ws, "武进区").created[0]
    town = roster.add_town(ws, "湖塘镇", district).created[0]
    villages = [roster.add_village(ws, f"第{n}村", town).created[0]
                for n in range(1, sessions + 1)]
    text = questionnaire_toml.available()["competence"].read_text(encoding="utf-8")
    for village in villages:
        eid = evaluation.save_setup(ws, evaluation.Setup(
            village, "2026-05-12", text, issued=32, members=MEMBERS,
            participants={"party_members": (26, 24), "representatives": (8, 8)}))
        width = len(evaluation.load(ws, eid).questionnaire.columns())
        for serial in range(1, 31):
            keyed = Keyed(str(serial), "".join(rng.choice("1112223") for _ in range(width)))
            evaluation.key_ballot(ws, eid, "first", keyed)
            evaluation.key_ballot(ws, eid, "second", keyed)
    for n in range(photos):
        roster.attach(ws, villages[n % len(villages)], photo(n, rng))
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--photos", type=int, default=20)
    args = parser.parse_args()
    translations.install()  # the Chinese documents, as the app makes them
    rng = random.Random(1)
    figures: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "round.db"
        start = time.perf_counter()
        make_round(db, args.sessions, args.photos, rng)
        figures["round_setup_s"] = time.perf_counter() - start
        ws = handover.open_workspace(db, PASSPHRASE)
        try:
            start = time.perf_counter()
            content = handover.gather(ws, handover.Request(receiver="市纪委监委"))
            figures["gather_s"] = time.perf_counter() - start
            signer = handover.device_identity(ws, PASSPHRASE)
        finally:
            ws.close()
        start = time.perf_counter()
        build_packet(content, signer)
        figures["first_build_and_sign_s"] = time.perf_counter() - start  # loads the fonts
        start = time.perf_counter()
        built = build_packet(content, signer)
        figures["build_and_sign_s"] = time.perf_counter() - start
        tracemalloc.start()  # a third build, measured apart: tracing slows it several times
        build_packet(content, signer)
        figures["peak_python_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        start = time.perf_counter()
        report = verify.verify_packet(built.pdf)
        figures["verify_s"] = time.perf_counter() - start
        assert report.intact, report.problems
    figures["pages"] = built.pages
    figures["evidence_files"] = built.evidence
    figures["evidence_mb"] = sum(e.size for e in content.evidence) / 2**20
    figures["file_mb"] = len(built.pdf) / 2**20
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["date"] = dt.date.today().isoformat()  # type: ignore[assignment]
    for name, value in figures.items():
        print(f"{name:24} {value:.2f}" if isinstance(value, float) else f"{name:24} {value}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_packet.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

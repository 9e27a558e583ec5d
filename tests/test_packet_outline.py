"""The packet's outline at a whole laptop's scale: nested by town and village so that no level
is a long run of siblings, and a countersigned packet verifies whatever the length of its
chains (pyHanko walks them recursively; the check runs with a deep stack)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from test_handover import p12
from test_packet_ballots import tool
from test_packet_signing import device, small_content

from desktop.packet import verify
from desktop.packet.handover import build_packet, receive_packet
from desktop.packet.handover_model import Document, Place
from desktop.packet.signing import SigningIdentity
from desktop.services import demo, handover

LONG = 1500  # bookmarks in one run: the default recursion limit gave out at ~350


def _nothing(_fonts):  # type: ignore[no-untyped-def]
    return []


def _received(pdf: bytes, tmp_path: Path) -> bytes:
    key = p12(tmp_path / "receiver.p12", "赵喆", "pw")
    return receive_packet(pdf, SigningIdentity.from_pkcs12(key.read_bytes(), "pw"), "赵喆",
                          when=dt.datetime(2026, 6, 1, 9, 30))


def _widest(marks: list[dict]) -> int:
    """The longest run of siblings anywhere in the outline."""
    return max([len(marks), *(_widest(m["kids"]) for m in marks if m.get("kids"))])


def _depth(marks: list[dict]) -> int:
    return 1 + max((_depth(m["kids"]) for m in marks if m.get("kids")), default=0)


def _flat_packet() -> bytes:
    """A packet with one section of LONG parts in one place: a flat run of bookmarks."""
    content = small_content()
    parts = tuple(Document(f"第{n}项", _nothing) for n in range(1, LONG + 1))
    return build_packet(dataclasses.replace(content, documents=(
        Document("长目录", _nothing, parts=parts),)), device()).pdf


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _received(_flat_packet(), tmp_path_factory.mktemp("flat"))


def test_a_countersigned_packet_with_a_long_outline_verifies(flat: bytes) -> None:
    report = verify.verify_packet(flat)
    assert report.problems == [] and report.intact
    assert [s.field for s in report.signatures] == ["Handover", "Receiver"]


def test_without_the_deep_stack_the_same_check_gives_out(flat: bytes,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: at Python's default limit, pyHanko cannot finish the same check."""
    monkeypatch.setattr(verify, "DEEP_RECURSION", 1000)
    report = verify.verify_packet(flat)
    assert any("maximum recursion depth" in p for p in report.problems)


def test_parts_in_many_places_nest_by_town_and_village(tmp_path: Path) -> None:
    content = small_content()
    towns = [f"第{t}镇" for t in range(1, 7)]
    places = [Place("武进区", town, f"{town}第{v}村") for town in towns for v in range(1, 11)]
    parts = tuple(Document(f"{p.village} 谈话{n}", _nothing, place=(p.town, p.village))
                  for n in range(1, 4) for p in places)  # not in place order
    roster = dataclasses.replace(content.roster, chosen=tuple(places))
    pdf = build_packet(dataclasses.replace(content, roster=roster, documents=(
        Document("谈话记录", _nothing, parts=parts),)), device()).pdf
    path = tmp_path / "p.pdf"
    path.write_bytes(_received(pdf, tmp_path))
    marks = json.loads(tool("qpdf", "--json", "--json-key=outlines", str(path)))["outlines"]
    talks = next(m for m in marks if m["title"].endswith("谈话记录"))
    assert [t["title"] for t in talks["kids"]] == towns
    first = talks["kids"][0]["kids"]
    assert [v["title"] for v in first][:2] == ["第1镇第1村", "第1镇第2村"]
    assert [k["title"] for k in first[0]["kids"]] == [f"第1镇第1村 谈话{n}" for n in (1, 2, 3)]
    assert _widest(marks) <= 12 and _depth(marks) == 4
    contents = tool("pdftotext", "-f", "2", "-l", "3", str(path), "-")
    assert "第1镇" in contents and "谈话1" not in contents  # the contents stop at the towns
    assert verify.verify_packet(path.read_bytes()).intact


@pytest.mark.slow
def test_a_countersigned_packet_of_every_demo_village_verifies(tmp_path: Path) -> None:
    [db] = demo.generate(tmp_path / "demo", "small", laptops=1).paths
    out = tmp_path / "all.pdf"
    handover.make_packet(db, demo.DEMO_PASSPHRASE, out, handover.Request(clues="all"))
    received = tmp_path / "received.pdf"
    received.write_bytes(_received(out.read_bytes(), tmp_path))
    marks = json.loads(tool("qpdf", "--json", "--json-key=outlines", str(received)))["outlines"]
    assert _depth(marks) >= 3
    report = handover.verify_file(received)
    assert report.problems == [] and [s.field for s in report.signatures] == [
        "Handover", "Receiver"]

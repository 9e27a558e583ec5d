"""Hybrid logical clock: orders revisions across laptops whose wall clocks disagree.

A timestamp is written as ``"<13-digit ms>-<5-digit counter>"`` so that string order is time
order. The clock only orders and displays; it never decides which edit wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WRITTEN = re.compile(r"[0-9]{13}-[0-9]{5}")  # how a timestamp is written, and nothing else


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        if not WRITTEN.fullmatch(text):
            raise ValueError(f"not a clock value: {text!r}")
        return cls(int(text[:13]), int(text[14:]))


ZERO = Timestamp(0, 0)


def tick(last: Timestamp, now_ms: int) -> Timestamp:
    """The next local timestamp after ``last`` at physical time ``now_ms``."""
    if now_ms > last.wall_ms:
        return Timestamp(now_ms, 0)
    return Timestamp(last.wall_ms, last.counter + 1)


def observe(last: Timestamp, seen: Timestamp) -> Timestamp:
    """Advance the local clock past a timestamp received from another laptop."""
    return max(last, seen)

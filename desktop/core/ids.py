"""UUIDv7 record ids (RFC 9562): time-ordered, minted on each laptop without coordination."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable


def uuid7(now_ms: int | None = None, random_bytes: Callable[[int], bytes] = os.urandom) -> str:
    """Return a new UUIDv7 as a lowercase hyphenated string.

    ``now_ms`` and ``random_bytes`` are injectable so that demo data is reproducible from a seed.
    """
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(random_bytes(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 68) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def is_uuid7(text: str) -> bool:
    try:
        u = uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return u.version == 7 and str(u) == text

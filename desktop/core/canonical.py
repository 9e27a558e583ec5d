"""Canonical JSON bytes (RFC 8785 style) so that equal data always hashes the same.

Keys are sorted by their UTF-16 code units, no insignificant white space, strings in UTF-8
without escaping non-ASCII. Floats are refused: bodies carry numbers as integers or as decimal
strings, which keeps the hash independent of any float formatting rules.
"""

from __future__ import annotations

import json
from typing import Any


class CanonicalError(ValueError):
    """A value that has no canonical JSON form."""


def _check(value: Any, path: str) -> None:
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        raise CanonicalError(f"float at {path}: store numbers as int or decimal string")
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"non-string key at {path}")
            _check(item, f"{path}.{key}")
        return
    raise CanonicalError(f"unsupported type {type(value).__name__} at {path}")


def _sort_utf16(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
        return {k: _sort_utf16(value[k]) for k in keys}
    if isinstance(value, (list, tuple)):
        return [_sort_utf16(v) for v in value]
    return value


def canonical_bytes(value: Any) -> bytes:
    """Return the canonical UTF-8 JSON encoding of ``value``."""
    _check(value, "$")
    return json.dumps(
        _sort_utf16(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_float(text: str) -> Any:
    raise CanonicalError(f"float {text}: store numbers as int or decimal string")


def parse(data: bytes) -> Any:
    """Parse JSON bytes back into Python values (floats are refused)."""
    return json.loads(data.decode("utf-8"), parse_float=_no_float)


def is_canonical(value: Any, data: bytes) -> bool:
    """Whether ``data`` is exactly the canonical encoding of ``value`` (parsed from it).

    The common case (keys whose code-point order equals their UTF-16 order) is checked with
    the C encoder; only when that differs is the full encoder asked.
    """
    fast = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                      allow_nan=False).encode("utf-8")
    if fast == data:
        return True
    try:
        return canonical_bytes(value) == data
    except CanonicalError:
        return False

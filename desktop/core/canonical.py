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


# Made once: json.loads and json.dumps given options build a new decoder or encoder on every
# call, which shows when a merge opens 100,000 short envelopes.
_DECODER = json.JSONDecoder(parse_float=_no_float, parse_constant=_no_float)
# No check for circular references: it only re-encodes what the parser returned.
_FAST_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                                 allow_nan=False, check_circular=False)


def parse(data: bytes | str) -> Any:
    """Parse JSON (UTF-8 bytes, or text) into Python values; floats, NaN and Infinity are
    refused."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:  # what decode() does, less its two white-space scans when there is none
        value, end = _DECODER.raw_decode(text)
        if end == len(text):
            return value
    except json.JSONDecodeError:
        pass
    return _DECODER.decode(text)  # white space around the value, or the error to raise


def is_canonical(value: Any, data: bytes | str) -> bool:
    """Whether ``data`` (bytes, or the text they decode to) is exactly the canonical
    encoding of ``value`` (parsed from it).

    The common case (keys whose code-point order equals their UTF-16 order) is checked with
    the C encoder; only when that differs is the full encoder asked.
    """
    try:
        text = data if isinstance(data, str) else data.decode("utf-8")
        return (_FAST_ENCODER.encode(value) == text
                or canonical_bytes(value) == text.encode("utf-8"))
    except ValueError:  # a float, NaN or a lone surrogate has no canonical form
        return False

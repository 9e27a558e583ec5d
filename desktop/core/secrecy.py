"""Encrypting restricted content to the devices of the people entitled to it.

An encrypted part is canonical-JSON safe: ``{"v": 1, "nonce", "data", "commit", "keys": {device:
{"epk", "key"}}}``, every value base64 text. The content is encrypted once with a fresh
AES-256-GCM key; that key is wrapped for each recipient device by X25519 (an ephemeral key per
recipient) and HKDF-SHA256, as in HPKE's base mode. ``commit`` (HMAC-SHA256 of the context under
the content key) commits the part to one key: AES-GCM alone does not, and a writer could
otherwise wrap different keys that open one ciphertext to different content per recipient. ``context`` (the record's kind and id) is bound into every
encryption, so an encrypted part copied onto another record does not open.

A file the restricted content attaches (a scanned letter, a signed transcript) is sealed on its
own: AES-256-GCM under a fresh key, its plain SHA-256 digest bound in as associated data. The
sealed file travels as an ordinary attachment; its key lives in the encrypted part, under
``FILES``: ``{plain digest: {"blob": sealed digest, "key": key}}``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.constant_time import bytes_eq as hmac_equal
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.core.canonical import canonical_bytes

VERSION = 1
NONCE = 12
KEY = 32
MAX_RECIPIENTS = 1000
FILES = "_files"  # in the content of an encrypted part: the keys of its sealed files
_DIGEST = frozenset("0123456789abcdef")


class SecrecyError(ValueError):
    """An encrypted part that is malformed or does not open with the key given."""


def encrypt(secret: Mapping[str, Any], recipients: Mapping[str, bytes], context: str,
            random_bytes: Callable[[int], bytes] = os.urandom) -> dict:
    """``secret`` encrypted for ``recipients`` (device id → raw X25519 public key).
    ``random_bytes`` is seeded only where a demo must come out the same every time."""
    if not recipients:
        raise SecrecyError("an encrypted part needs at least one recipient")
    key, nonce = random_bytes(KEY), random_bytes(NONCE)
    data = AESGCM(key).encrypt(nonce, canonical_bytes(dict(secret)), context.encode())
    keys = {}
    for device, public in sorted(recipients.items()):
        if not usable(public):
            raise SecrecyError("not a usable X25519 public key")
        ephemeral = X25519PrivateKey.from_private_bytes(random_bytes(KEY))
        epk = ephemeral.public_key().public_bytes_raw()
        kek = _kek(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), epk, public,
                   device, context)
        keys[device] = {"epk": _text(epk), "key": _text(AESGCM(kek).encrypt(
            bytes(NONCE), key, None))}
    return {"v": VERSION, "nonce": _text(nonce), "data": _text(data),
            "commit": _text(_commitment(key, context)), "keys": keys}


def usable(public: bytes) -> bool:
    """Whether ``public`` is an X25519 key an exchange works with (not of low order)."""
    try:
        X25519PrivateKey.from_private_bytes(bytes(31) + b"\x40").exchange(
            X25519PublicKey.from_public_bytes(public))
    except ValueError:
        return False
    return True


def _commitment(key: bytes, context: str) -> bytes:
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(b"xuncha secrecy commit v1\x00" + context.encode())
    return mac.finalize()


def decrypt(part: Any, device: str, private: X25519PrivateKey, context: str) -> dict:
    """The content of ``part`` as ``device`` opens it; SecrecyError when it cannot."""
    problem = shape_problem(part)
    if problem:
        raise SecrecyError(problem)
    entry = part["keys"].get(device)
    if entry is None:
        raise SecrecyError("not encrypted for this device")
    epk = _bytes(entry["epk"])
    public = private.public_key().public_bytes_raw()
    try:
        kek = _kek(private.exchange(X25519PublicKey.from_public_bytes(epk)), epk, public,
                   device, context)
        key = AESGCM(kek).decrypt(bytes(NONCE), _bytes(entry["key"]), None)
        if not hmac_equal(_commitment(key, context), _bytes(part["commit"])):
            raise SecrecyError("the encrypted part is not committed to the key it opens with")
        plain = AESGCM(key).decrypt(_bytes(part["nonce"]), _bytes(part["data"]),
                                    context.encode())
        secret = json.loads(plain)
    except (InvalidTag, ValueError, RecursionError) as e:
        raise SecrecyError("the encrypted part does not open with this device's key") from e
    if not isinstance(secret, dict):
        raise SecrecyError("the encrypted part holds no fields")
    return secret


def seal_file(data: bytes, digest: str,
              random_bytes: Callable[[int], bytes] = os.urandom) -> tuple[bytes, str]:
    """``data`` (whose SHA-256 is ``digest``) sealed under a fresh key: (sealed, key)."""
    key, nonce = random_bytes(KEY), random_bytes(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, data, digest.encode()), _text(key)


def open_file(sealed: bytes, key: str, digest: str) -> bytes:
    """The file ``seal_file`` sealed, checked against its plain ``digest``."""
    try:
        data = AESGCM(_bytes(key)).decrypt(sealed[:NONCE], sealed[NONCE:], digest.encode())
    except (InvalidTag, TypeError, ValueError) as e:
        raise SecrecyError("a sealed file does not open with its key") from e
    if hashlib.sha256(data).hexdigest() != digest:
        raise SecrecyError("a sealed file holds another file than its digest names")
    return data


def files_problem(files: Any) -> str:
    """Why ``files`` is not a ``FILES`` entry this program writes; "" when it is."""
    if not isinstance(files, dict):
        return "the sealed files of an encrypted part must be a mapping"
    for plain, entry in files.items():
        if not (_is_digest(plain) and isinstance(entry, dict) and entry.keys() == {"blob", "key"}
                and _is_digest(entry["blob"])):
            return "a sealed file's entry is malformed"
        try:
            if len(_bytes(entry["key"])) != KEY:
                return "a sealed file's key has the wrong size"
        except (binascii.Error, TypeError, ValueError):
            return "a sealed file's key is not base64"
    return ""


def _is_digest(text: Any) -> bool:
    return isinstance(text, str) and len(text) == 64 and _DIGEST.issuperset(text)


def recipients(part: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(part["keys"])


def shape_problem(part: Any) -> str:
    """Why ``part`` is not an encrypted part this program writes; "" when it is."""
    if not isinstance(part, dict) or part.keys() != {"v", "nonce", "data", "commit", "keys"}:
        return "an encrypted part must hold exactly v, nonce, data, commit and keys"
    if type(part["v"]) is not int or part["v"] != VERSION:
        return "unknown encrypted part version"
    keys = part["keys"]
    if not isinstance(keys, dict) or not 0 < len(keys) <= MAX_RECIPIENTS:
        return "an encrypted part needs from 1 to 1000 recipients"
    try:
        if len(_bytes(part["nonce"])) != NONCE or len(_bytes(part["data"])) < 16 \
                or len(_bytes(part["commit"])) != KEY:
            return "an encrypted part's nonce, data or commitment has the wrong size"
        for entry in keys.values():
            if not isinstance(entry, dict) or entry.keys() != {"epk", "key"} \
                    or len(_bytes(entry["epk"])) != KEY or len(_bytes(entry["key"])) != KEY + 16:
                return "an encrypted part's recipient entry is malformed"
    except (binascii.Error, TypeError, ValueError):
        return "an encrypted part holds text that is not base64"
    return ""


def _kek(shared: bytes, epk: bytes, public: bytes, device: str, context: str) -> bytes:
    info = b"xuncha secrecy v1\x00" + context.encode() + b"\x00" + device.encode()
    return HKDF(hashes.SHA256(), KEY, salt=epk + public, info=info).derive(shared)


def _text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _bytes(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)

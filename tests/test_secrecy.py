"""Encrypting restricted content to devices (core.secrecy) and the one need-to-know policy
(core.visibility), on their own: who reads, what opens, and that nothing malformed or moved
opens at all."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.core import canonical, secrecy, visibility
from desktop.core.forms_toml import load_all
from desktop.services import identity

SECRET = {"person": "欧阳𠮷䶮", "summary": "以虚增青苗补偿费方式化解招待费"}


def keys(n: int) -> list[X25519PrivateKey]:
    return [X25519PrivateKey.generate() for _ in range(n)]


def public(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def test_each_recipient_opens_it_and_nobody_else():
    a, b, stranger = keys(3)
    part = secrecy.encrypt(SECRET, {"A": public(a), "B": public(b)}, "clue/1")
    assert canonical.canonical_bytes(part)  # storable in a revision body as it is
    assert secrecy.shape_problem(part) == "" and secrecy.recipients(part) == {"A", "B"}
    assert secrecy.decrypt(part, "A", a, "clue/1") == SECRET
    assert secrecy.decrypt(part, "B", b, "clue/1") == SECRET
    for device, key, context in (("A", stranger, "clue/1"), ("C", a, "clue/1"),
                                 ("A", a, "clue/2"), ("B", a, "clue/1")):
        with pytest.raises(secrecy.SecrecyError):
            secrecy.decrypt(part, device, key, context)
    assert "欧阳" not in canonical.canonical_bytes(part).decode()
    with pytest.raises(secrecy.SecrecyError):
        secrecy.encrypt(SECRET, {}, "clue/1")
    # a key of low order (all zero) would make every shared secret the same: never used
    assert not secrecy.usable(bytes(32)) and secrecy.usable(public(a))
    with pytest.raises(secrecy.SecrecyError):
        secrecy.encrypt(SECRET, {"A": public(a), "Z": bytes(32)}, "clue/1")


def test_nested_content_that_opens_is_refused_not_a_crash():
    """A writer's own software can encrypt any bytes: 200,000 nested lists open, and must
    not crash the laptop that decrypts them."""
    (a,) = keys(1)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    key, nonce, context = bytes(range(32)), bytes(12), "clue/1"
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    kek = secrecy._kek(ephemeral.exchange(a.public_key()), epk, public(a), "A", context)
    part = {"v": 1, "nonce": secrecy._text(nonce),
            "data": secrecy._text(AESGCM(key).encrypt(nonce, b"[" * 200_000 + b"]" * 200_000,
                                                      context.encode())),
            "commit": secrecy._text(secrecy._commitment(key, context)),
            "keys": {"A": {"epk": secrecy._text(epk),
                           "key": secrecy._text(AESGCM(kek).encrypt(bytes(12), key, None))}}}
    assert secrecy.shape_problem(part) == ""
    with pytest.raises(secrecy.SecrecyError):
        secrecy.decrypt(part, "A", a, context)


def _flip(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[len(raw) // 2] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def test_a_tampered_or_malformed_part_never_opens():
    (a,) = keys(1)
    part = secrecy.encrypt(SECRET, {"A": public(a)}, "clue/1")
    entry = part["keys"]["A"]
    tampered = [{**part, "data": _flip(part["data"])}, {**part, "nonce": _flip(part["nonce"])},
                {**part, "commit": _flip(part["commit"])},
                {**part, "keys": {"A": {**entry, "key": _flip(entry["key"])}}},
                {**part, "keys": {"A": {**entry, "epk": _flip(entry["epk"])}}}]
    for bad in tampered:
        with pytest.raises(secrecy.SecrecyError):
            secrecy.decrypt(bad, "A", a, "clue/1")
    malformed = [None, [], {}, {**part, "v": 2}, {**part, "v": True}, {**part, "extra": 1},
                 {**part, "keys": {}}, {**part, "keys": []}, {**part, "nonce": "不是base64"},
                 {**part, "nonce": 5}, {**part, "data": ""},
                 {**part, "keys": {"A": {"epk": entry["epk"]}}},
                 {**part, "keys": {"A": {**entry, "epk": base64.b64encode(b"x" * 31).decode()}}}]
    for bad in malformed:
        assert secrecy.shape_problem(bad) != ""
        with pytest.raises(secrecy.SecrecyError):
            secrecy.decrypt(bad, "A", a, "clue/1")


def test_a_devices_encryption_key_is_derived_from_its_signing_key():
    material = identity.new_key_material("王堃", "第二巡察组", "pass", seed=b"seed")
    signing = identity.load_private_key(material.private_key_pem, "pass")
    again = identity.load_private_key(material.private_key_pem, "pass")
    assert identity.encryption_public(signing) == identity.encryption_public(again)
    other = identity.new_key_material("王堃", "第二巡察组", "pass", seed=b"other")
    assert identity.encryption_public(signing) != identity.encryption_public(
        identity.load_private_key(other.private_key_pem, "pass"))
    key = identity.encryption_key(signing)
    part = secrecy.encrypt(SECRET, {"D": base64.b64decode(identity.encryption_public(signing))},
                           "clue/1")
    assert secrecy.decrypt(part, "D", key, "clue/1") == SECRET


TEAM, OTHER = "team-1", "team-2"
PEOPLE = {i: visibility.Viewer(i, role, team) for i, role, team in (
    ("L", "leader", TEAM), ("D", "deputy", TEAM), ("A", "member", TEAM), ("B", "member", TEAM),
    ("X", "leader", OTHER), ("Y", "deputy", OTHER))}


def test_readers_follow_the_one_policy():
    forms = load_all()
    clue = {"team_id": TEAM, "drafted_by": "A", "person": "赵某", "summary": "…"}
    rule = visibility.rule("clue", clue, forms)
    assert visibility.readers(rule, clue, "B", PEOPLE) == {"A", "L", "D"}  # not the writer B
    petition = {"form": "petition", "form_version": 1, "values": {
        "received_by": {"id": "B"}, "reporter_name": "钱某", "summary": "低保"}}
    rule = visibility.rule("step_record", petition, forms)
    assert visibility.readers(rule, petition, "A", PEOPLE) == {"A", "B", "L"}
    public, secret = visibility.split(rule, petition)
    assert secret == {"reporter_name": "钱某"} and "reporter_name" not in public["values"]
    assert visibility.joined(rule, public, secret) == petition
    talk = {"form": "interview", "form_version": 1, "values": {
        "interviewers": [{"id": "B"}, {"name": "外请人员"}], "recorder": {"id": "A"},
        "transcript": "…"}}
    rule = visibility.rule("step_record", talk, forms)
    assert visibility.readers(rule, talk, "A", PEOPLE) == {"A", "B", "L", "D"}
    ledger = {"form": "ledger_review", "form_version": 1, "values": {}}
    assert visibility.rule("step_record", ledger, forms) is None
    assert visibility.rule("village", {"name": "新桥村"}, forms) is None
    # deleting: the creator, or a team leader
    assert visibility.may_delete(PEOPLE["A"], "A") and visibility.may_delete(PEOPLE["L"], "A")
    assert not visibility.may_delete(PEOPLE["B"], "A")
    assert not visibility.may_delete(PEOPLE["D"], "A") and not visibility.may_delete(None, "A")

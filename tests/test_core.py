"""Pure core rules: canonical JSON, revision hashing, Merkle digest, UUIDv7, the clock."""

from __future__ import annotations

import hashlib
import random
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import canonical, hlc, kinds, merkle
from desktop.core.ids import is_uuid7, uuid7
from desktop.core.revision import Revision, RevisionError, open_envelope, seal


def draft(**overrides: object) -> Revision:
    fields = dict(kind="village", record_id=uuid7(), parents=("b" * 64, "a" * 64),
                  author="insp", device="dev", hlc="1767225600000-00000",
                  wall_time="2026-01-01T00:00:00.000+00:00", deleted=False,
                  body={"name": "新桥村", "town_id": "t"}, attachments=())
    fields.update(overrides)
    return Revision(**fields)  # type: ignore[arg-type]


def test_canonical_bytes_sort_keys_and_keep_chinese() -> None:
    assert canonical.canonical_bytes({"b": 1, "a": [True, None, "村"]}) == \
        '{"a":[true,null,"村"],"b":1}'.encode()


def test_canonical_sorts_keys_by_utf16_code_units() -> None:
    # U+1F600 (a surrogate pair in UTF-16) sorts before U+FF01 in UTF-16 order.
    assert list(canonical.parse(canonical.canonical_bytes({"\uff01": 1, "😀": 2}))) == \
        ["😀", "\uff01"]


def test_canonical_refuses_floats() -> None:
    with pytest.raises(canonical.CanonicalError):
        canonical.canonical_bytes({"score": 0.5})


def test_revision_id_is_sha256_of_envelope_and_parents_sorted() -> None:
    rev = seal(draft())
    assert rev.id == hashlib.sha256(rev.envelope).hexdigest()
    assert rev.parents == ("a" * 64, "b" * 64)
    assert open_envelope(rev.id, rev.envelope) == rev


def test_changing_any_field_changes_the_id() -> None:
    base = seal(draft()).id
    assert seal(draft(body={"name": "新桥社区", "town_id": "t"})).id != base
    assert seal(draft(deleted=True)).id != base
    assert seal(draft(author="other")).id != base


def test_tampered_envelope_is_refused_by_name() -> None:
    rev = seal(draft())
    tampered = rev.envelope.replace("新桥".encode(), "旧桥".encode())
    with pytest.raises(RevisionError, match=rev.id):
        open_envelope(rev.id, tampered)


def test_non_canonical_envelope_is_refused() -> None:
    rev = seal(draft())
    loose = rev.envelope.replace(b'","', b'", "', 1)
    with pytest.raises(RevisionError, match="规范格式"):
        open_envelope(hashlib.sha256(loose).hexdigest(), loose)


def recursive_mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 section 2.1, written exactly as the RFC defines it."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + recursive_mth(leaves[:k]) + recursive_mth(leaves[k:])
                          ).digest()


@given(st.lists(st.binary(min_size=32, max_size=32), max_size=40))
def test_merkle_tree_matches_the_rfc_definition(leaves: list[bytes]) -> None:
    assert merkle.tree_hash(leaves) == recursive_mth(leaves)


def test_state_digest_ignores_order_and_duplicates() -> None:
    ids = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(9)]
    shuffled = ids[:]
    random.Random(3).shuffle(shuffled)
    assert merkle.state_digest(ids) == merkle.state_digest(shuffled + ids[:2])
    assert merkle.state_digest(ids) != merkle.state_digest(ids[:-1])
    assert merkle.state_digest([]) == hashlib.sha256(b"").hexdigest()


def test_uuid7_is_time_ordered_and_versioned() -> None:
    a = uuid7(now_ms=1_700_000_000_000)
    b = uuid7(now_ms=1_700_000_000_001)
    assert is_uuid7(a) and is_uuid7(b) and a < b
    assert uuid.UUID(a).version == 7 and uuid.UUID(a).variant == uuid.RFC_4122
    assert not is_uuid7(str(uuid.uuid4())) and not is_uuid7("not-a-uuid")


def test_uuid7_is_reproducible_from_a_seed() -> None:
    one, two = random.Random(5), random.Random(5)
    assert uuid7(1, one.randbytes) == uuid7(1, two.randbytes)


def test_clock_is_monotonic_even_when_the_wall_clock_goes_back() -> None:
    t1 = hlc.tick(hlc.ZERO, 1000)
    t2 = hlc.tick(t1, 900)  # wall clock stepped back
    t3 = hlc.observe(t2, hlc.Timestamp(5000, 7))
    t4 = hlc.tick(t3, 1200)
    assert t1 < t2 < t3 < t4
    assert str(t4) == "0000000005000-00008"
    assert hlc.Timestamp.parse(str(t4)) == t4
    with pytest.raises(ValueError):
        hlc.Timestamp.parse("12-3")


def test_body_validation_names_the_field() -> None:
    assert kinds.validate("village", {"name": " 新桥村 ", "town_id": "t"}) == \
        {"name": "新桥村", "town_id": "t"}
    with pytest.raises(kinds.ValidationError, match="必填字段为空：村（社区）名称"):
        kinds.validate("village", {"name": "  ", "town_id": "t"})
    with pytest.raises(kinds.ValidationError, match="职务"):
        kinds.validate("inspector", {"name": "李四", "role": "boss", "team_id": "t"})
    with pytest.raises(kinds.ValidationError, match="年度"):
        kinds.validate("round", {"name": "x", "year": "2026"})
    with pytest.raises(kinds.ValidationError, match="colour"):
        kinds.validate("town", {"name": "x", "district_id": "d", "colour": "red"})


@pytest.mark.parametrize(("passphrase", "level"), [
    ("", "weak"), ("abc", "weak"), ("12345678", "weak"), ("aaaaaaaaaaaa", "weak"),
    ("abcdefghij", "weak"), ("Password", "weak"), ("villages", "fair"),
    ("villageX26", "good"), ("巡察组第二组去东塘", "strong"), ("Tr0ub4dor&3-horse-batt", "strong"),
])
def test_passphrase_strength_hint(passphrase, level):
    from desktop.core.passphrase import strength
    assert strength(passphrase)[0] == level

"""State digest: a Merkle tree hash (RFC 6962, section 2.1) over sorted revision ids.

Two databases holding the same set of revisions have the same digest, whatever order the
revisions arrived in; a packet carries the digest of the data it was built from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def tree_hash(leaves: list[bytes]) -> bytes:
    """MTH(D[n]) of RFC 6962, computed bottom-up (same result as the recursive definition)."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    level = [leaf_hash(leaf) for leaf in leaves]
    while len(level) > 1:
        # Pairing left to right and carrying an odd last node up unchanged gives exactly
        # the split at the largest power of two that RFC 6962 specifies.
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def state_digest(revision_ids: Iterable[str]) -> str:
    """Hex digest over the revision ids (hex SHA-256 strings), sorted and de-duplicated."""
    leaves = [bytes.fromhex(rid) for rid in sorted(set(revision_ids))]
    return tree_hash(leaves).hex()

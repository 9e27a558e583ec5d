"""The machine-readable manifest embedded in every packet (manifest.json).

It names what the packet was built from, so a receiver can later check the packet against
the data: the state digest, every record with the revision ids of its heads, every evidence
file with its SHA-256, the clues handed over (id, number, date registered), the documents, the
signer's certificate fingerprint. Keys are sorted and
the text is UTF-8; its SHA-256 is printed on the cover and recorded in the signed catalog.
``check`` reads a manifest back and compares it with the files embedded beside it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desktop.core.i18n import tr
from desktop.packet.handover_model import PacketContent

NAME = "manifest.json"
FORMAT = "xuncha-handover-packet"
VERSION = 1
_REQUIRED = ("format", "version", "number", "state_digest", "records", "evidence")


def manifest_bytes(content: PacketContent, signer_fingerprint: str,
                   documents: list[str]) -> bytes:
    """The manifest of ``content`` as UTF-8 JSON (keys sorted, one value per line)."""
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "number": content.number,
        "issued_on": content.issued_on.isoformat(), "team": content.team,
        "issuer": content.issuer, "receiver": content.receiver,
        "classification": content.classification, "copy": content.copy,
        "state_digest": content.digest, "signer_certificate_sha256": signer_fingerprint,
        "clues": [{"id": c.id, "number": c.number, "handed_over_on": c.handed_over_on}
                  for c in content.clues],
        "clue_rule": content.clue_selection.rule, "documents": documents,
        "records": [{"id": r.id, "kind": r.kind, "revisions": list(r.revisions)}
                    for r in content.records],
        "evidence": [{"name": e.name, "media_type": e.media_type, "size": e.size,
                      "sha256": e.sha256, "records": list(e.records)}
                     for e in content.evidence],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check(data: bytes | None, embedded: dict[str, bytes],
          recorded_sha256: str | None) -> tuple[dict[str, Any] | None, list[str]]:
    """Read a manifest and compare it with the files embedded beside it.

    Returns the manifest (None if unreadable) and the problems, one translated line each:
    the manifest's own hash against the one recorded in the signed catalog, every listed
    evidence file present with its size and SHA-256, and no embedded file left unlisted.
    """
    if data is None:
        return None, [tr("The packet has no manifest ({name})", name=NAME)]
    problems = []
    if recorded_sha256 is None:
        problems.append(tr("The packet does not record the manifest's SHA-256"))
    elif sha256(data) != recorded_sha256:
        problems.append(tr("The manifest is not the one the packet was signed with"))
    try:
        manifest = json.loads(data.decode("utf-8"))
        if not isinstance(manifest, dict) or any(k not in manifest for k in _REQUIRED) \
                or manifest["format"] != FORMAT or not isinstance(manifest["evidence"], list):
            raise ValueError
        listed = {str(e["name"]): e for e in manifest["evidence"]}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None, [*problems, tr("The manifest is damaged or not a packet manifest")]
    for name, entry in listed.items():
        found = embedded.get(name)
        if found is None:
            problems.append(tr("Evidence {name} is listed but not embedded", name=name))
        elif sha256(found) != entry.get("sha256") or len(found) != entry.get("size"):
            problems.append(tr("Evidence {name} does not match its SHA-256 in the list",
                               name=name))
    for name in sorted(set(embedded) - set(listed) - {NAME}):
        problems.append(tr("Embedded file {name} is not in the evidence list", name=name))
    return manifest, problems

"""Sources forged by a member who knows the round's passphrases: revisions hashed anew with a
body this program never writes or a clock from the future, the exchange file's manifest
re-signed with the member's own key; and pages spliced in from another exchange file of the
round (all share its key). Each is refused whole, every bad revision named, the target's
bytes untouched; an honest file whose laptop clock runs a day ahead still merges.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from pathlib import Path

import pytest
import test_merge_bad_input as bad_input
from conftest import PASSPHRASE
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from test_merge_bad_input import EXCHANGE, _forge, checked, files, raw, xuncha

from desktop.core import canonical
from desktop.core.merkle import state_digest
from desktop.services import identity, merge, roster
from desktop.services.workspace import open_workspace
from desktop.store import database
from desktop.store.models import VillageRow

base, r = bad_input.base, bad_input.r  # the round of three laptops, and a fresh copy of it
DEEP: dict = {}
for _ in range(40):
    DEEP = {"x": DEEP}
# case: envelope fields changed on a revision of b's village chain
FORGED = {
    "unknown-kind": {"kind": "zzz", "parents": [], "record_id": "01900000-0000-7000-8000-0000"},
    "no-name": {"body": {}},
    "name-is-an-object": {"body": {"name": {"姓名": "王堃"}}},
    "name-of-two-million-characters": {"body": {"name": "村" * 2_000_000}},
    "nested-forty-deep": {"body": {"name": "深村", "deep": DEEP}},
    "name-not-trimmed": {"body": {"name": " 东村 "}},
    "deletion-with-content": {"deleted": True},
    "clock-from-the-future": {"hlc": "9999999999999-00000"},
}


def _resign(exchange_file: Path, member_db: Path) -> None:
    """Sign the exchange file's revisions anew with the member's own device key."""
    with contextlib.closing(raw(member_db, PASSPHRASE)) as conn:
        pem = conn.execute("SELECT private_key_pem FROM local_identity").fetchone()[0]
    key = identity.load_private_key(pem, PASSPHRASE)
    with contextlib.closing(raw(exchange_file, EXCHANGE)) as conn:
        ids = [i for i, in conn.execute("SELECT id FROM revision")]
        body = canonical.parse(conn.execute("SELECT manifest FROM exchange_manifest")
                               .fetchone()[0])
        body |= {"digest": state_digest(ids), "counts": {**body["counts"], "revisions": len(ids)}}
        data = canonical.canonical_bytes(body)
        conn.execute("UPDATE exchange_manifest SET manifest = ?, signature = ?",
                     (data, key.sign(data, ec.ECDSA(hashes.SHA256()))))


def _village_body(r, conn) -> dict:  # type: ignore[no-untyped-def]
    return canonical.parse(conn.execute("SELECT envelope FROM revision WHERE id = ?",
                                        (r.chain[-1],)).fetchone()[0])["body"]


@pytest.mark.parametrize("db", [False, True], ids=["re-signed exchange file", "database"])
@pytest.mark.parametrize("case", list(FORGED))
def test_a_forged_revision_refuses_its_whole_file(case, db, r):
    bad = shutil.copyfile(r.bdb if db else r.bxch, r.dir / "forged.xch")
    with contextlib.closing(raw(bad, PASSPHRASE if db else EXCHANGE)) as conn:
        changes = dict(FORGED[case])
        if "body" in changes and "name" in changes["body"] or case == "nested-forty-deep":
            changes["body"] = {**_village_body(r, conn), **changes["body"]}
        forged = _forge(conn, r.chain[-1], **changes)
        conn.commit()
    if not db:
        _resign(bad, r.bdb)
    before = files(r.dir)
    report = merge.merge(r.target, PASSPHRASE, [bad], exchange_passphrase=EXCHANGE)
    src = report.sources[0]
    assert (src.error, src.signed) == (str(merge.RevisionsRefused(n=1)), not db)
    assert list(src.rejected) == [forged] and forged in src.rejected[forged]
    assert files(r.dir) == before and report.backup is None  # not a byte of the target changed
    cli = xuncha("merge", r.twin, bad, code=1)
    assert forged in cli.stdout + cli.stderr


def test_the_control_an_untouched_re_signed_file_merges(r):
    _resign(bad := shutil.copyfile(r.bxch, r.dir / "resigned.xch"), r.bdb)
    report = merge.merge(r.target, PASSPHRASE, [bad], exchange_passphrase=EXCHANGE)
    assert report.sources[0].error == "" and report.sources[0].new_revisions == 5


def test_a_laptop_whose_clock_runs_a_day_ahead_still_merges(r, tmp_path):
    ahead = lambda: int(time.time() * 1000) + 24 * 3600 * 1000  # noqa: E731
    ws = open_workspace(r.cdb, PASSPHRASE, now_ms=ahead)
    try:
        with ws.read() as s:
            town = s.scalar(select(VillageRow.town_id).limit(1))
        roster.add_village(ws, "明日村", town)
        merge.export(ws, PASSPHRASE, out := tmp_path / "ahead.xch", EXCHANGE)
    finally:
        ws.close()
    report = merge.merge(r.target, PASSPHRASE, [out], exchange_passphrase=EXCHANGE)
    assert report.sources[0].error == "" and report.sources[0].new_revisions > 0


def test_pages_spliced_from_another_exchange_file_are_refused_or_change_nothing(r):
    """Every page of c's file in place of b's: the merge refuses the file, or takes all b
    brings exactly as an unspliced b would (a page b's revisions do not live on)."""
    whole = merge.merge(r.twin, PASSPHRASE, [r.bxch], exchange_passphrase=EXCHANGE,
                        dry_run=True)
    pages = min(p.stat().st_size for p in (r.bxch, r.cxch)) // database.PAGE_SIZE
    outcomes = {"refused": 0, "whole": 0}
    for page in range(1, pages):  # page 0 holds the salt and the schema
        bad = shutil.copyfile(r.bxch, r.dir / f"spliced-{page}.xch")
        with open(r.cxch, "rb") as c, open(bad, "r+b") as b:
            c.seek(page * database.PAGE_SIZE)
            b.seek(page * database.PAGE_SIZE)
            b.write(c.read(database.PAGE_SIZE))
        report = merge.merge(r.target, PASSPHRASE, [bad], exchange_passphrase=EXCHANGE,
                             dry_run=True)
        src = report.sources[0]
        if src.error:
            outcomes["refused"] += 1
            assert src.new_revisions == 0 and report.nothing_new
        else:
            outcomes["whole"] += 1
            assert report.digest_after == whole.digest_after
    assert outcomes["refused"] >= 1, outcomes
    assert checked(r.target)[0] == whole.digest_before

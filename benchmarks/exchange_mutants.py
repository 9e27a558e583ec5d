"""Mutation harness for exchange files: hundreds of altered copies of one member's file, each
merged (as a preview) into a copy of the leader's database, and every outcome counted.

``.venv/bin/python benchmarks/exchange_mutants.py`` from the project root prints one line per
kind of mutant and the totals:

- merged unaltered: taken, and the leader ends exactly as with the untouched file, or with
  fewer of its genuine revisions only (a member re-signing their file without its last edits
  makes what an earlier export of theirs was);
- refused cleanly: the file refused whole with a message, the leader's state unchanged;
- traceback: any other exception (goal 0);
- altered and merged: taken, and the leader ends otherwise than with the untouched file
  (goal 0, the "insider" mutants included: an enrolled member writing in the leader's name
  with their own key, or with a key of their own making under the leader's name or device).

The members' files hold a clue and a petition each, their restricted parts encrypted.
Mutants: random byte flips anywhere in the file; per revision a byte of its envelope, its row
deleted, a body this program never writes hashed anew and re-signed by the member; pages
spliced from another member's file of the round (same key); the manifest's fields, signature
and certificate altered; attachments altered or removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop.core import canonical, errors  # noqa: E402
from desktop.core.merkle import state_digest  # noqa: E402
from desktop.services import (  # noqa: E402
    clues,
    enrolment,
    identity,
    joining,
    merge,
    roster,
    step_records,
)
from desktop.services.workspace import open_workspace  # noqa: E402
from desktop.store import database  # noqa: E402
from desktop.store.models import LocalIdentity  # noqa: E402

KEY, EXCHANGE = "leader passphrase 2026", "round exchange 2026"
DEEP: dict = {}
for _ in range(40):
    DEEP = {"x": DEEP}
BAD_BODIES = ({"kind": "zzz"}, {"body": {}}, {"body": {"name": {"x": 1}}},
              {"body": {"name": "村" * 300}}, {"body": {"deep": DEEP}},
              {"body": {"name": " 东村 "}}, {"deleted": True}, {"hlc": "9999999999999-00000"})


def conn(path: Path, key: str) -> sqlcipher3.Connection:
    c = sqlcipher3.connect(str(path), isolation_level=None)
    c.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    return c


def build(folder: Path) -> tuple[Path, Path, Path, Path]:
    """The leader's database; two members' databases, each with edits, a photo, an export."""
    leader, _ = roster.create_database(folder / "leader.db", KEY, roster.NewRound(
        "2026年第一轮巡察", 2026, "第二巡察组", "王堃", "leader"))
    d = roster.add_district(leader, "武进区").created[0]
    t = roster.add_town(leader, "湖塘镇", d).created[0]
    villages = [roster.add_village(leader, n, t).created[0] for n in ("新桥村", "东塘社区", "䶮村")]
    merge.export(leader, KEY, folder / "leader.xch", EXCHANGE)
    leader.close()
    out = []
    for n, name in enumerate(("吉𠮷", "李四")):
        ws, _ = joining.join_round(folder / f"m{n}.db", KEY, folder / "leader.xch", EXCHANGE,
                                   name)
        for i in range(6):
            roster.rename(ws, villages[i % 3], f"{name}改名{i}村")
        roster.add_village(ws, f"{name}新村", t)
        roster.attach(ws, villages[n], f"照片 {name}".encode() * 50)
        # restricted content, encrypted to the member's and the leader's devices
        clues.draft_clue(ws, clues.ClueDraft(
            person="赵某", post="村会计", category="integrity", source="petition",
            summary=f"{name}：虚报青苗补偿费", proposed_handling="preliminary_check",
            village_id=villages[n], sealed=True))
        draft = step_records.start_draft(ws, villages[n], "petition")
        step_records.save_draft(ws, draft.id, {
            "number": f"XF-{n}", "received_on": "2026-05-12", "channel": "visit",
            "identity": "named", "reporter_name": "钱𠮷某", "category": "benefit_funds",
            "summary": "低保评定不公", "handling": "team", "subject": {"name": "孙某"},
            "received_by": {"id": ws.actor.inspector_id}})
        step_records.save_record(ws, draft.id)
        merge.export(ws, KEY, out_file := folder / f"m{n}.xch", EXCHANGE)
        with ws.read() as s:
            fingerprint = identity.certificate_fingerprint(
                s.scalars(select(LocalIdentity)).one().certificate_pem)
        ws.close()
        leader = open_workspace(folder / "leader.db", KEY)  # compares, then enrols
        enrolment.enrol(leader, enrolment.candidate(out_file, EXCHANGE), fingerprint[:8])
        leader.close()
        out.append(out_file)
    return folder / "leader.db", folder / "m0.db", out[0], out[1]


def resign(path: Path, member_db: Path | None, keys: identity.KeyMaterial | None = None,
           **manifest: object) -> None:
    """Sign the file's manifest anew: with the member's key, or with ``keys``."""
    if keys is None:
        with contextlib.closing(conn(member_db, KEY)) as c:  # type: ignore[arg-type]
            pem = c.execute("SELECT private_key_pem FROM local_identity").fetchone()[0]
    else:
        pem = keys.private_key_pem
    key = identity.load_private_key(pem, KEY)
    with contextlib.closing(conn(path, EXCHANGE)) as c:
        ids = [i for i, in c.execute("SELECT id FROM revision")]
        body = canonical.parse(c.execute("SELECT manifest FROM exchange_manifest").fetchone()[0])
        body |= {"digest": state_digest(ids), "counts": {**body["counts"], "revisions": len(ids)}}
        body |= manifest
        data = canonical.canonical_bytes(body)
        c.execute("UPDATE exchange_manifest SET manifest = ?, signature = ?", (
            data, key.sign(data, ec.ECDSA(hashes.SHA256()))))
        if keys is not None:
            c.execute("UPDATE exchange_manifest SET certificate = ?", (keys.certificate_pem,))


FORGER = identity.new_key_material("王堃", "第二巡察组", KEY)  # a key made by the insider
FORGED_DEVICE = "01900000-0000-7000-8000-00000000f0f0"


def forge_device(path: Path, inspector_id: str) -> None:
    """A device record of FORGED_DEVICE in ``inspector_id``'s name, carrying FORGER's key."""
    env = {"attachments": [], "author": inspector_id, "body": {
        "certificate": FORGER.certificate_pem.decode(), "inspector_id": inspector_id},
        "deleted": False, "device": FORGED_DEVICE, "hlc": "1767225600000-00000",
        "kind": "device", "parents": [], "record_id": FORGED_DEVICE,
        "wall_time": "2026-01-01T00:00:00.000+00:00"}
    data = canonical.canonical_bytes(env)
    with contextlib.closing(conn(path, EXCHANGE)) as c:
        c.execute("INSERT INTO revision VALUES (?,?,?,?,?,?,?,0,?)", (
            hashlib.sha256(data).hexdigest(), "device", FORGED_DEVICE, inspector_id,
            FORGED_DEVICE, env["hlc"], env["wall_time"], data))


def forge(path: Path, parent: str, changes: dict) -> None:
    """A revision on ``parent`` with envelope fields changed, hashed anew."""
    with contextlib.closing(conn(path, EXCHANGE)) as c:
        env = {**canonical.parse(c.execute("SELECT envelope FROM revision WHERE id = ?",
                                           (parent,)).fetchone()[0]), "parents": [parent]}
        if "body" in changes:
            changes = {**changes, "body": {**env["body"], **changes["body"]}
                       if changes["body"] else {}}
        env |= changes
        data = canonical.canonical_bytes(env)
        rid = hashlib.sha256(data).hexdigest()
        c.execute("INSERT INTO revision VALUES (?,?,?,?,?,?,?,0,?)", (
            rid, str(env["kind"]), env["record_id"], env["author"], env["device"],
            str(env["hlc"]), env["wall_time"], data))


def mutants(leader_db: Path, member_db: Path, source: Path, other: Path
            ) -> list[tuple[str, bool, Callable[[Path], None]]]:
    """(kind, insider, make the mutant at a path from a copy of ``source``)."""
    rng = random.Random(14)
    size = source.stat().st_size
    with contextlib.closing(conn(source, EXCHANGE)) as c:
        rows = [(rid, kind) for rid, kind in c.execute("SELECT id, kind FROM revision")]
        blobs = [h for h, in c.execute("SELECT hash FROM blob")]
        batches = [h for h, in c.execute("SELECT hash FROM revision_batch")]
    with contextlib.closing(conn(leader_db, KEY)) as c:
        leader_id = c.execute("SELECT id FROM inspector WHERE role = 'leader'").fetchone()[0]
        leader_device = c.execute("SELECT device_id FROM local_identity").fetchone()[0]
    villages = [rid for rid, kind in rows if kind == "village"]
    sql = lambda *s: lambda p: [conn(p, EXCHANGE).execute(*s).connection.close()]  # noqa: E731
    out: list[tuple[str, bool, Callable[[Path], None]]] = []

    def flip(offset: int) -> Callable[[Path], None]:
        def make(p: Path) -> None:
            with open(p, "r+b") as f:
                f.seek(offset)
                b = f.read(1)
                f.seek(offset)
                f.write(bytes([b[0] ^ (1 << rng.randrange(8))]))
        return make

    out += [("byte of the file", False, flip(rng.randrange(size))) for _ in range(120)]
    for rid, _ in rows:
        out.append(("byte of an envelope", False, sql(
            "UPDATE revision SET envelope = CAST(substr(envelope, 1, 40) || x'7e' || "
            "substr(envelope, 42) AS BLOB) WHERE id = ?", (rid,))))
        out.append(("revision row deleted", False, sql("DELETE FROM revision WHERE id = ?",
                                                       (rid,))))
        out.append(("row deleted, re-signed", False, lambda p, rid=rid: (
            sql("DELETE FROM revision WHERE id = ?", (rid,))(p), resign(p, member_db))))
    for parent in villages:
        for changes in BAD_BODIES:
            out.append(("bad body, re-signed", False, lambda p, a=parent, ch=changes: (
                forge(p, a, ch), resign(p, member_db))))
        out.append(("edit in the leader's name, re-signed", True, lambda p, a=parent: (
            forge(p, a, {"author": leader_id, "body": {"name": "伪造村"}}),
            resign(p, member_db))))
        # A new key in the leader's name: its own device record, the edit on that device.
        out.append(("new key in the leader's name, re-signed", True, lambda p, a=parent: (
            forge(p, a, {"author": leader_id, "device": FORGED_DEVICE,
                         "body": {"name": "伪造村"}}),
            forge_device(p, leader_id), resign(p, None, FORGER, device=FORGED_DEVICE))))
        out.append(("edit on the leader's device id, re-signed", True, lambda p, a=parent: (
            forge(p, a, {"author": leader_id, "device": leader_device,
                         "body": {"name": "伪造村"}}),
            resign(p, None, FORGER, device=leader_device))))
    for page in range(1, min(size, other.stat().st_size) // database.PAGE_SIZE):
        def splice(p: Path, page: int = page) -> None:
            with open(other, "rb") as o, open(p, "r+b") as f:
                o.seek(page * database.PAGE_SIZE)
                f.seek(page * database.PAGE_SIZE)
                f.write(o.read(database.PAGE_SIZE))
        out.append(("page spliced from another file", False, splice))
    for h in blobs:
        out.append(("attachment altered", False, sql(
            "UPDATE blob SET data = CAST(data || x'00' AS BLOB) WHERE hash = ?", (h,))))
        out.append(("attachment removed, re-signed", False, lambda p, h=h: (
            sql("DELETE FROM blob WHERE hash = ?", (h,))(p), resign(p, member_db))))
    for field, value in (("created", "9999-12-31T00:00:00+00:00"), ("created", "昨天"),
                         ("device", "01900000-beef"), ("format", "other/9"),
                         ("schema_version", 99), ("counts", [])):
        out.append(("manifest field, re-signed", False,
                    lambda p, f=field, v=value: resign(p, member_db, **{f: v})))
    for column in ("manifest", "signature", "certificate"):
        out.append((f"{column} cut short", False, sql(
            f"UPDATE exchange_manifest SET {column} = CAST(substr({column}, 1, "
            f"length({column}) / 2) AS BLOB)")))
    out.append(("manifest dropped", False, sql("DROP TABLE exchange_manifest")))
    out.append(("signed batches dropped", False, sql("DROP TABLE revision_batch")))
    out.append(("signed batches dropped, as a database", False, lambda p: (
        sql("DROP TABLE revision_batch")(p), sql("DROP TABLE exchange_manifest")(p),
        sql("DELETE FROM meta WHERE key = 'content'")(p))))
    for h in batches:
        out.append(("batch signature altered", False, sql(
            "UPDATE revision_batch SET signature = CAST(substr(signature, 1, 20) || x'00' || "
            "substr(signature, 22) AS BLOB) WHERE hash = ?", (h,))))
        out.append(("batch removed", False, sql("DELETE FROM revision_batch WHERE hash = ?",
                                                (h,))))
    out.append(("relabelled as a database", False, sql("DELETE FROM meta WHERE key = 'content'")))
    return out


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="xuncha-mutants-") as tmp:
        folder = Path(tmp)
        leader, member, source, other = build(folder)
        honest = merge.merge(leader, KEY, [source], exchange_passphrase=EXCHANGE, dry_run=True)
        assert honest.sources[0].error == "" and not honest.nothing_new, honest
        with contextlib.closing(conn(source, EXCHANGE)) as c:
            original = {i for i, in c.execute("SELECT id FROM revision")}
        counts: dict[str, Counter] = {}
        start = time.perf_counter()
        cases = mutants(leader, member, source, other)
        for n, (kind, insider, make) in enumerate(cases):
            path = shutil.copyfile(source, folder / f"mutant-{n}.xch")
            make(path)
            try:
                with contextlib.closing(conn(path, EXCHANGE)) as c:
                    genuine = {i for i, in c.execute("SELECT id FROM revision")} <= original
            except sqlcipher3.Error:
                genuine = False
            try:
                report = merge.merge(leader, KEY, [path], exchange_passphrase=EXCHANGE,
                                     dry_run=True)
                src = report.sources[0]
                if src.error:
                    outcome = "refused cleanly" if report.nothing_new else "altered and merged"
                elif report.digest_after == honest.digest_after or genuine and \
                        src.new_revisions < honest.sources[0].new_revisions:
                    outcome = "merged unaltered"
                else:
                    outcome = "altered and merged"
            except errors.XunchaError:
                outcome = "refused cleanly"
            except Exception as e:  # noqa: BLE001 - counting defects is the point
                outcome = "traceback"
                print(f"traceback on {kind}: {type(e).__name__}: {e}", file=sys.stderr)
            counts.setdefault(kind + (" (insider)" if insider else ""), Counter())[outcome] += 1
            path.unlink()
        seconds = time.perf_counter() - start
    columns = ("merged unaltered", "refused cleanly", "traceback", "altered and merged")
    print(f"{'mutant':<40}" + "".join(f"{c:>20}" for c in columns))
    total: Counter = Counter()
    for kind, counter in counts.items():
        print(f"{kind:<40}" + "".join(f"{counter[c]:>20}" for c in columns))
        total.update(counter)
    print(f"{'all (' + str(sum(total.values())) + ')':<40}"
          + "".join(f"{total[c]:>20}" for c in columns))
    print(f"{len(cases)} mutants in {seconds:.0f} s")
    return 0 if total["traceback"] == total["altered and merged"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""The ``xuncha`` command line: the same services as the app, for scripts and power users.

Passphrases come from ``--passphrase-file`` or XUNCHA_PASSPHRASE, never from an argument.
User mistakes end with a one-line message and exit status 1; ``--help`` speaks the user's
language (XUNCHA_LANG=en for English).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__, logs, paths, translations
from desktop.core import errors, evaluation_report, i18n, kinds, questionnaire_toml, scoring
from desktop.core.i18n import tr
from desktop.packet import ballot_pdf, evaluation_pdf, evaluation_xlsx, layout
from desktop.packet.session import Attendance, SessionHeader
from desktop.services import (
    ballot_sheet,
    demo,
    enrolment,
    merge,
    merge_report,
    queries,
    roster,
    trust,
)
from desktop.services.workspace import open_workspace
from desktop.store import revlog


def _secret(file: str | None, variable: str) -> str | None:
    """A passphrase from a file (first line) or else an environment variable."""
    if file:
        try:
            return Path(file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError:
            raise errors.FileMissing(path=file) from None
    return os.environ.get(variable) or None


def _passphrase(args: argparse.Namespace, *, default: str | None = None) -> str:
    found = _secret(args.passphrase_file, "XUNCHA_PASSPHRASE") or default
    if found is None:
        raise errors.PassphraseRequired()
    return found


def cmd_init(args: argparse.Namespace) -> int:
    ws, changes = roster.create_database(Path(args.db), _passphrase(args), roster.NewRound(
        round_name=args.name, year=args.year, team_name=args.team,
        inspector_name=args.inspector, role=args.role))
    ws.close()
    print(tr("Created {path}: {n} records", path=args.db, n=len(changes.created)))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    result = demo.generate(
        Path(args.outdir), args.scale, args.laptops, args.seed,
        _passphrase(args, default=demo.DEMO_PASSPHRASE),
        progress=lambda step: print(tr("Writing {step}", step=step), file=sys.stderr))
    for path in result.paths:
        print(path)
    print(tr("{n} revisions in {s:.1f} s", n=result.revisions, s=time.perf_counter() - start))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    ws = open_workspace(Path(args.db), _passphrase(args))
    try:
        st = queries.stats(ws)
    finally:
        ws.close()
    if args.json:
        print(json.dumps({"digest": st.digest, "revisions": st.revisions, "counts": st.counts,
                          "totals": st.totals}, ensure_ascii=False, indent=2))
        return 0
    print(tr("State digest: {d}", d=st.digest))
    print(tr("Revisions: {n}", n=st.revisions))
    for kind, n in st.counts.items():
        print(f"  {tr(kinds.KIND_LABELS.get(kind, kind))}: {n}")
    print(tr("Totals: {villages} villages, {findings} findings, {suggestions} suggestions, "
             "{rules_improved} rules improved, {clues} clues", **st.totals))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DatabaseError

    passphrase = _passphrase(args)
    try:
        ws = open_workspace(Path(args.db), passphrase)
    except (errors.DamagedDatabase, errors.NotADatabase) as e:  # a page it opens with
        print(f"xuncha: {e}", file=sys.stderr)
        _what_can_be_saved(Path(args.db), passphrase, damaged=False)  # or not ours at all
        return 1
    try:
        with ws.db.session() as session:
            report = revlog.check(session)
            integrity = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
    except (DatabaseError, MemoryError) as e:  # a damaged page stops SQLite at the first
        # one; SQLCipher reports a page that fails its HMAC check as out of memory
        damage = errors.DamagedDatabase(path=args.db,
                                        reason=getattr(e, "orig", None) or "HMAC")
        ws.close()
        print(f"xuncha: {damage}", file=sys.stderr)
        _what_can_be_saved(Path(args.db), passphrase)
        return 1
    finally:
        ws.close()
    if integrity != "ok":
        report.problems.append(f"integrity_check: {integrity}")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.ok:
        print(tr("OK: {r} revisions and {b} attachments verified", r=report.revisions,
                 b=report.blobs))
        return 0
    print(tr("{n} problems found", n=len(report.problems)), file=sys.stderr)
    return 1


def _what_can_be_saved(path: Path, passphrase: str, damaged: bool = True) -> None:
    """What of a damaged file reads intact, and its newest clean backup; where the file
    may not be a database at all (``damaged`` False), only what is found is said."""
    from desktop.services import salvage

    try:
        found = salvage.survey(path, passphrase)
    except errors.XunchaError:
        pass  # not even its first page reads: said already
    else:
        print(tr("Read intact: {r} revisions and {f} files; lost: {u} unreadable ranges of "
                 "the log, {x} revisions whose ancestor or file is lost{more}. "
                 "`xuncha salvage {db} NEW.db` copies everything intact into a new file",
                 r=found.revisions, f=found.files, u=found.unreadable_ranges, x=found.refused,
                 more="".join(tr(", {what}", what=w) for w in found.lost), db=path),
              file=sys.stderr)
    clean = salvage.clean_backup(path, passphrase)
    if clean or damaged:
        print(tr("The newest backup that checks clean: {path}", path=clean) if clean else
              tr("No backup beside it checks clean"), file=sys.stderr)


def cmd_salvage(args: argparse.Namespace) -> int:
    from desktop.services import salvage

    found = salvage.salvage(Path(args.db), _passphrase(args), Path(args.out),
                            progress=lambda m: print(m, file=sys.stderr))
    print(tr("Salvaged into {out}: {r} revisions and {f} files; lost: {u} unreadable ranges "
             "of the log, {x} revisions whose ancestor or file is lost{more}. Check it, then "
             "merge the other laptops' exchange files into it to bring back what they hold",
             out=args.out, r=found.revisions, f=found.files, u=found.unreadable_ranges,
             x=found.refused, more="".join(tr(", {what}", what=w) for w in found.lost)))
    return 0


def _exchange_passphrase(args: argparse.Namespace) -> str | None:
    return _secret(args.exchange_passphrase_file, "XUNCHA_EXCHANGE_PASSPHRASE")


def cmd_export(args: argparse.Namespace) -> int:
    exchange_passphrase = _exchange_passphrase(args)
    if not exchange_passphrase:
        raise errors.ExchangePassphraseRequired()
    passphrase = _passphrase(args)
    try:
        ws = open_workspace(Path(args.db), passphrase)
    except (errors.DamagedDatabase, errors.NotADatabase) as e:  # a page it opens with
        print(f"xuncha: {e}", file=sys.stderr)
        _what_can_be_saved(Path(args.db), passphrase, damaged=False)  # or not ours at all
        return 1
    try:
        manifest = merge.export(ws, passphrase, Path(args.out), exchange_passphrase)
    finally:
        ws.close()
    print(tr("Exported {n} revisions and {b} attachments to {path}",
             n=manifest["counts"]["revisions"], b=manifest["counts"]["blobs"], path=args.out))
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    exchange_passphrase = _exchange_passphrase(args)
    if not exchange_passphrase:
        raise errors.ExchangePassphraseRequired()
    ws = open_workspace(Path(args.db), _passphrase(args))
    try:
        who = enrolment.candidate(Path(args.file), exchange_passphrase, ws)
        shown = trust.grouped(who.fingerprint)
        if not args.fingerprint:
            print(tr("{name} signed this file on device {device}, certificate {fingerprint}. "
                     "Ask them to read the fingerprint their laptop shows (xuncha devices); "
                     "if it is the same, enrol with --fingerprint and the first characters "
                     "they read", name=who.name, device=who.device_id, fingerprint=shown),
                  file=sys.stderr)
            return 1
        enrolment.enrol(ws, who, args.fingerprint)
    finally:
        ws.close()
    print(tr("Enrolled {name}'s device (certificate {fingerprint}); merge its files again",
             name=who.name, fingerprint=shown))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    ws = open_workspace(Path(args.db), _passphrase(args))
    try:
        devices = enrolment.devices(ws)
    finally:
        ws.close()
    status = {"root": tr("founded the round"), "enrolled": tr("enrolled"),
              "revoked": tr("revoked"), "": tr("not enrolled")}
    for d in devices:
        mark = tr("this laptop") if d.this_laptop else ""
        print("\t".join((d.name or "?", trust.grouped(d.fingerprint), status[d.status],
                         d.device_id, mark)).rstrip())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    report = merge.merge(
        Path(args.target), _passphrase(args), [Path(p) for p in args.sources],
        exchange_passphrase=_exchange_passphrase(args), dry_run=args.dry_run)
    if args.json:
        print(json.dumps(merge_report.as_dict(report), ensure_ascii=False, indent=2))
    else:
        print(merge_report.as_text(report))
    return 1 if any(s.error for s in report.sources) else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    form = questionnaire_toml.find(args.questionnaire)
    if args.member:
        form = form.with_members(args.member)
    if args.template:
        if args.ballots:
            args.parser.error(tr("--template takes no ballot sheet"))
        if args.pdf or args.xlsx:
            args.parser.error(tr("--pdf and --xlsx need a ballot sheet, not --template"))
        if args.output:
            ballot_sheet.write_template(form, Path(args.output))
            print(tr("Wrote the template {path}", path=args.output))
        else:
            csv.writer(sys.stdout, lineterminator="\n").writerow(ballot_sheet.header(form))
        return 0
    if not args.ballots or args.issued is None:
        args.parser.error(tr("give a ballot sheet and --issued N, or --template"))
    if args.issued < 0 or (args.expected is not None and args.expected < 0):
        args.parser.error(tr("--issued and --expected cannot be negative"))
    documents = [Path(p) for p in (args.pdf, args.xlsx) if p]
    for path in documents:
        layout.ensure_new(path)
    ballots = ballot_sheet.read(form, Path(args.ballots))
    result = scoring.evaluate(form, ballots, args.issued, args.expected)
    header = SessionHeader(args.village or "", args.date, tuple(args.participants or ()))
    if args.pdf:
        evaluation_pdf.write_evaluation_pdf(args.pdf, form, result, header)
    if args.xlsx:
        evaluation_xlsx.write_evaluation_xlsx(args.xlsx, form, result, header)
    if args.json:
        print(json.dumps(evaluation_report.as_dict(form, result), ensure_ascii=False, indent=2))
    else:
        print(evaluation_report.as_text(form, result))
    for path in documents:
        print(tr("Wrote {path}", path=path), file=sys.stderr)
    return 0


def cmd_ballots(args: argparse.Namespace) -> int:
    form = questionnaire_toml.find(args.questionnaire)
    if args.member:
        form = form.with_members(args.member)
    last = args.first + args.count - 1
    width = max(4, len(str(last)))
    serials = [str(n).zfill(width) for n in range(args.first, last + 1)]
    written = ballot_pdf.write_ballots(args.out, form, serials, village=args.village,
                                       held_on=args.date, per_page=args.per_page)
    print(tr("Wrote {n} ballots ({first} to {last}) on {pages} pages: {path}",
             n=written.ballots, first=serials[0], last=serials[-1], pages=written.pages,
             path=args.out))
    if args.per_page == 2 and written.per_page == 1:
        print(tr("A ballot does not fit in half a page: one ballot per page."))
    return 0


def cmd_packet(args: argparse.Namespace) -> int:
    from desktop.services import handover  # pyHanko takes half a second to load

    out = Path(args.out)
    layout.ensure_new(out)
    request = handover.Request(villages=tuple(args.village or ()), receiver=args.receiver or "",
                               number=args.number, issued_on=args.date, clues=args.clues,
                               classification=args.classification, copy=args.copy,
                               drafts=args.with_drafts)
    if args.public:
        posting, pages = handover.make_posting(Path(args.db), _passphrase(args), out, request)
        print(tr("Wrote the public posting {path}: {n} villages, {pages} pages, unsigned and "
                 "with nothing attached", path=out, n=len(posting.places), pages=pages))
        return 0
    password = _secret(args.key_password_file, "XUNCHA_KEY_PASSWORD") if args.key else None
    content, built = handover.make_packet(
        Path(args.db), _passphrase(args), out, request,
        key=Path(args.key) if args.key else None, key_password=password)
    print(tr("Wrote the signed packet {path}: number {number}, {pages} pages, {n} evidence "
             "files", path=out, number=content.number, pages=built.pages, n=built.evidence))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.packet.verify import Verdict
    from desktop.services import handover  # pyHanko takes half a second to load

    report = handover.verify_file(Path(args.file), [Path(t) for t in args.trust or ()])
    for line in report.lines():
        print(line)
    for problem in [*report.problems, *report.distrust]:
        print(problem, file=sys.stderr)
    verdict = report.verdict
    if verdict is Verdict.DAMAGED:
        print(tr("{n} problems found", n=len(report.problems)), file=sys.stderr)
        return 1
    if verdict is Verdict.TRUSTED:
        print(tr("OK: every signature is intact, the last one covers the whole file, and the "
                 "{n} evidence files match the manifest", n=report.evidence))
        return 0
    if args.allow_untrusted:
        print(tr("Intact, but the signer was NOT checked against a certificate you trust "
                 "(--allow-untrusted): every signature is intact, the last one covers the "
                 "whole file, and the {n} evidence files match the manifest", n=report.evidence))
        return 0
    if args.trust:
        print(tr("NOT TRUSTED: the packet is intact, but its signer does not lead to any "
                 "--trust certificate, and anyone can make a signing key under any name. "
                 "Give the signer's certificate with --trust CERT.pem, or accept the packet "
                 "unchecked with --allow-untrusted"), file=sys.stderr)
    else:
        print(tr("NOT TRUSTED: the packet is intact, but its signer was not checked against a "
                 "certificate you trust, and anyone can make a signing key under any name. "
                 "Check it with --trust CERT.pem (the certificate the signer or their issuer "
                 "gave you), or accept the packet unchecked with --allow-untrusted"),
              file=sys.stderr)
    return 1


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its own phrases translated and errors on one line."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")

    def error(self, message: str) -> None:  # type: ignore[override]
        error = tr("error")
        self.exit(2, f"{self.prog}: {error}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="xuncha", description=tr("Village inspection workbench (command line)"),
                add_help=False)
    _help(p)
    p.add_argument("--version", action="version", version=f"xuncha {__version__}",
                   help=tr("show the version and exit"))
    p.add_argument("--verbose", action="store_true",
                   help=tr("with --version: also every library and its version"))
    sub = p.add_subparsers(dest="command", required=True, metavar=tr("COMMAND"),
                           parser_class=_Parser)

    def command(name: str, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_, add_help=False)
        _help(sp)
        sp.add_argument("--passphrase-file", metavar=tr("FILE"),
                        help=tr("read the passphrase from FILE (or set XUNCHA_PASSPHRASE)"))
        return sp

    sp = command("init", tr("create a new encrypted database"))
    sp.add_argument("db", metavar="DB", help=tr("path of the new database file"))
    sp.add_argument("--name", required=True, help=tr("name of the inspection round"))
    sp.add_argument("--inspector", required=True, help=tr("your name"))
    sp.add_argument("--role", required=True, choices=kinds.ROLES,
                    help=tr("your role: leader, deputy, liaison or member"))
    sp.add_argument("--team", required=True, help=tr("name of your inspection team"))
    sp.add_argument("--year", type=int, default=time.localtime().tm_year,
                    help=tr("year of the round"))
    sp.set_defaults(func=cmd_init)

    sp = command("demo", tr("write a synthetic demo round, one database per laptop"))
    sp.add_argument("outdir", metavar="OUTDIR", help=tr("folder for the databases"))
    sp.add_argument("--scale", choices=demo.SCALES, default="small",
                    help=tr("small, or changzhou for the article's 703 villages"))
    sp.add_argument("--laptops", type=_whole(1, demo.MAX_LAPTOPS), default=6,
                    metavar="N", help=tr("number of laptops"))
    sp.add_argument("--seed", type=int, default=1, metavar="N", help=tr("random seed"))
    sp.set_defaults(func=cmd_demo)

    sp = command("stats", tr("print counts per record kind and the state digest"))
    sp.add_argument("db", metavar="DB", help=tr("database file"))
    sp.add_argument("--json", action="store_true", help=tr("print JSON"))
    sp.set_defaults(func=cmd_stats)

    sp = command("export", tr("write an exchange file of this laptop's data for the leader"))
    sp.add_argument("db", metavar="DB", help=tr("database file"))
    sp.add_argument("out", metavar="OUT", help=tr("exchange file to write"))
    _exchange_option(sp)
    sp.set_defaults(func=cmd_export)

    sp = command("merge", tr("merge exchange files or databases into TARGET"))
    sp.add_argument("target", metavar="TARGET", help=tr("database to merge into (created if missing)"))
    sp.add_argument("sources", metavar="SRC", nargs="+", help=tr("exchange files or databases"))
    sp.add_argument("--dry-run", action="store_true",
                    help=tr("show what would be merged and change nothing"))
    sp.add_argument("--json", action="store_true", help=tr("print JSON"))
    _exchange_option(sp)
    sp.set_defaults(func=cmd_merge)

    sp = command("enrol", tr("enrol the device that signed an exchange file (team leader)"))
    sp.add_argument("db", metavar="DB", help=tr("the leader's database"))
    sp.add_argument("file", metavar="FILE", help=tr("an exchange file the device signed"))
    sp.add_argument("--fingerprint", metavar="FP",
                    help=tr("the start of the fingerprint that laptop shows (8 characters or "
                            "more)"))
    _exchange_option(sp)
    sp.set_defaults(func=cmd_enrol)

    sp = command("devices", tr("list the round's devices, their fingerprints and enrolment"))
    sp.add_argument("db", metavar="DB", help=tr("database file"))
    sp.set_defaults(func=cmd_devices)

    sp = command("check", tr("verify every revision, attachment and table"))
    sp.add_argument("db", metavar="DB", help=tr("database file"))
    sp.set_defaults(func=cmd_check)

    sp = command("salvage", tr("copy everything intact of a damaged database into a new file"))
    sp.add_argument("db", metavar="DB", help=tr("the damaged database (only read)"))
    sp.add_argument("out", metavar="NEW.db", help=tr("the new database to write"))
    sp.set_defaults(func=cmd_salvage)

    help_ = tr("count democratic-evaluation ballots, or write a blank ballot sheet")
    sp = sub.add_parser("evaluate", help=help_, description=help_, add_help=False)
    _help(sp)
    sp.add_argument("questionnaire", metavar="QUESTIONNAIRE",
                    help=tr("key of a questionnaire in forms/evaluation, or a .toml file"))
    sp.add_argument("ballots", metavar="BALLOTS", nargs="?",
                    help=tr("ballot sheet (.csv or .xlsx)"))
    sp.add_argument("--template", action="store_true",
                    help=tr("print the header of a blank ballot sheet"))
    sp.add_argument("--output", metavar=tr("FILE"),
                    help=tr("with --template: write the blank sheet to FILE (.csv or .xlsx)"))
    sp.add_argument("--issued", type=int, metavar="N", help=tr("ballots issued"))
    sp.add_argument("--expected", type=int, metavar="N",
                    help=tr("people expected (for the quorum; default: ballots issued)"))
    sp.add_argument("--member", action="append", metavar=tr("NAME"),
                    help=tr("a 两委 member to evaluate, instead of the placeholders (repeat)"))
    sp.add_argument("--json", action="store_true", help=tr("print JSON"))
    sp.add_argument("--pdf", metavar=tr("FILE"), help=tr("also write the results as a PDF"))
    sp.add_argument("--xlsx", metavar=tr("FILE"),
                    help=tr("also write the results as an .xlsx workbook"))
    _session_options(sp)
    sp.add_argument("--participants", action="append", type=_attendance,
                    metavar=tr("CATEGORY:EXPECTED:PRESENT"),
                    help=tr("participants of one category, e.g. 党员:30:28 (repeat)"))
    sp.set_defaults(func=cmd_evaluate, parser=sp)

    help_ = tr("print blank anonymous ballots with serial numbers and QR codes (PDF)")
    sp = sub.add_parser("ballots", help=help_, description=help_, add_help=False)
    _help(sp)
    sp.add_argument("questionnaire", metavar="QUESTIONNAIRE",
                    help=tr("key of a questionnaire in forms/evaluation, or a .toml file"))
    sp.add_argument("--count", required=True, type=_whole(1, 9999), metavar="N",
                    help=tr("number of ballots"))
    sp.add_argument("--out", required=True, metavar=tr("FILE"),
                    help=tr("PDF file to write (must not exist)"))
    sp.add_argument("--member", action="append", metavar=tr("NAME"),
                    help=tr("a 两委 member to evaluate, instead of the placeholders (repeat)"))
    sp.add_argument("--per-page", type=int, choices=(1, 2), default=2,
                    help=tr("ballots per A4 page: 2 when they fit (default), or 1"))
    _session_options(sp)
    sp.add_argument("--first", type=_whole(0, 999999), default=1, metavar="N",
                    help=tr("serial number of the first ballot (default 1)"))
    sp.set_defaults(func=cmd_ballots, parser=sp)

    sp = command("packet", tr("build a signed handover packet (PDF) of the chosen villages"))
    sp.add_argument("db", metavar="DB", help=tr("database file"))
    sp.add_argument("--out", required=True, metavar=tr("FILE"),
                    help=tr("PDF file to write (must not exist)"))
    sp.add_argument("--village", action="append", metavar=tr("VILLAGE"),
                    help=tr("name or id of a village to include (repeat; default: all)"))
    sp.add_argument("--receiver", metavar=tr("NAME"),
                    help=tr("who receives the packet (person or office)"))
    sp.add_argument("--key", metavar="FILE.p12",
                    help=tr("sign with this PKCS#12 file instead of this laptop's own key"))
    sp.add_argument("--key-password-file", metavar=tr("FILE"),
                    help=tr("read the password of --key from FILE (or set XUNCHA_KEY_PASSWORD)"))
    sp.add_argument("--number", metavar="NUMBER",
                    help=tr("packet number (default: made from the date and the content)"))
    sp.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                    help=tr("date of the handover (default: today)"))
    sp.add_argument("--clues", choices=("new", "all", "none"), default="new",
                    help=tr("which problem clues to hand over: new (not handed over before the "
                            "date; default), all, or none"))
    sp.add_argument("--classification", choices=("none", "confidential", "secret",
                                                  "top_secret"), default="secret",
                    help=tr("密级 on the cover and every page: none, confidential (秘密), "
                            "secret (机密; default) or top_secret (绝密)"))
    sp.add_argument("--copy", type=_whole(0, 999999), default=1, metavar="N",
                    help=tr("份号 of this copy (default 1; 0: not numbered)"))
    sp.add_argument("--with-drafts", action="store_true",
                    help=tr("also sign the unfinished material (findings not signed off, "
                            "evaluation results not verified, report frameworks) in a last "
                            "annex titled as not final; by default it stays out"))
    sp.add_argument("--public", action="store_true",
                    help=tr("write the public posting (张榜公布) of the problems and their "
                            "rectification instead: unsigned, nothing attached"))
    sp.set_defaults(func=cmd_packet)

    help_ = tr("check a signed handover packet: signatures, later changes, evidence, manifest")
    sp = sub.add_parser("verify", help=help_, description=help_, add_help=False)
    _help(sp)
    sp.add_argument("file", metavar="FILE.pdf", help=tr("the packet to check"))
    sp.add_argument("--trust", action="append", metavar="CERT.pem",
                    help=tr("a certificate to trust (PEM or DER; repeat)"))
    sp.add_argument("--allow-untrusted", action="store_true",
                    help=tr("exit 0 for an intact packet even when its signer does not lead to "
                            "a --trust certificate (it is still said)"))
    sp.set_defaults(func=cmd_verify)
    return p


def _session_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--village", metavar=tr("VILLAGE"), help=tr("name of the village"))
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                        help=tr("date of the evaluation meeting"))


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a date (YYYY-MM-DD): {value}", value=text)) \
            from None


def _attendance(text: str) -> Attendance:
    """CATEGORY:EXPECTED:PRESENT, either number may be left empty (党员:30:28, 群众::41)."""
    parts = text.replace("：", ":").rsplit(":", 2)
    try:
        if len(parts) != 3 or not parts[0].strip():
            raise ValueError
        expected, present = (int(p) if p.strip() else None for p in parts[1:])
        if (expected is not None and expected < 0) or (present is not None and present < 0):
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(tr(
            "write CATEGORY:EXPECTED:PRESENT with whole numbers, e.g. 党员:30:28: {value}",
            value=text)) from None
    return Attendance(parts[0].strip(), expected, present)


def _exchange_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exchange-passphrase-file", metavar=tr("FILE"),
        help=tr("read the round's exchange passphrase from FILE "
                "(or set XUNCHA_EXCHANGE_PASSPHRASE)"))


def _help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=tr("show this help and exit"))


def _whole(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse type: a whole number in [low, high], refused in the user's language."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("not a whole number: {text}", text=text)) \
                from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                tr("{what} must be between {low} and {high}", what=text, low=low, high=high))
        return value
    return parse


def main(argv: Sequence[str] | None = None) -> int:
    paths.keep_new_files_private()
    logs.capture_warnings()
    try:
        logs.configure()
    except OSError:  # no log folder to be had: the command still runs, unlogged
        pass
    translations.install()
    i18n.translate_argparse()
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--version" in argv and "--verbose" in argv:
        print(paths.version_report())
        return 0
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except errors.XunchaError as e:
        print(f"xuncha: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `xuncha stats DB | head -1`: the reader has gone
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

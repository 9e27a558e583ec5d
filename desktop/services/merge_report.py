"""A merge report as text (command line, preview) and as plain data (JSON)."""

from __future__ import annotations

from desktop.core.i18n import tr
from desktop.services.merge import MergeReport


def as_dict(report: MergeReport) -> dict:
    return {
        "target": str(report.target), "dry_run": report.dry_run,
        "nothing_new": report.nothing_new, "digest_before": report.digest_before,
        "digest_after": report.digest_after, "revisions": report.revisions_after,
        "conflicts": report.conflicts, "refused": report.refused, "backup": str(report.backup) if report.backup else None,
        "sources": [{
            "path": str(s.path), "device": s.device, "author": s.author, "signed": s.signed,
            "revisions": s.revisions, "new_revisions": s.new_revisions,
            "new_records": s.new_records, "deletions": s.deletions,
            "attachments": s.attachments, "new_conflicts": s.new_conflicts,
            "rejected": s.rejected, "error": s.error,
        } for s in report.sources],
    }


def as_text(report: MergeReport) -> str:
    lines = [tr("Preview (nothing was changed)") if report.dry_run else tr("Merge finished")]
    for s in report.sources:
        lines.append(f"— {s.path.name}")
        if s.error:
            lines.append("  " + tr("refused: {why}", why=s.error))
            lines += ["  " + why for _, why in sorted(s.rejected.items())]
            continue
        who = f"{s.author} · {s.device[:8]}" if s.signed else tr("database (not signed)")
        lines.append("  " + who)
        lines.append("  " + tr(
            "{new} new revisions, {records} new records, {deletions} deletions, "
            "{attachments} attachments, {conflicts} new conflicts",
            new=s.new_revisions, records=s.new_records, deletions=s.deletions,
            attachments=s.attachments, conflicts=s.new_conflicts))
    if report.refused:
        lines.append(tr("{n} of {total} files were not merged", n=report.refused,
                        total=len(report.sources)))
    if report.nothing_new and report.refused < len(report.sources):
        lines.append(tr("Nothing new: the target already holds everything."))
    lines.append(tr("{n} revisions, {c} records in conflict, digest {d}",
                    n=report.revisions_after, c=report.conflicts, d=report.digest_after))
    if report.backup:
        lines.append(tr("Backup of the target before merging: {path}", path=report.backup))
    return "\n".join(lines)

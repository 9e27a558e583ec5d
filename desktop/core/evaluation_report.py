"""A democratic-evaluation count as text (command line) and as plain data (JSON, spreadsheets).

The exact Fractions of ``core.scoring`` are rounded here, for display only: shares and rates
to 4 decimals (JSON) or 0.1 % (text), scores to 2 decimals, half away from zero (四舍五入).
Labels follow the interface language; keys stay as in the questionnaire.
"""

from __future__ import annotations

from fractions import Fraction

from desktop.core.i18n import tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation, ItemResult, rounded


def as_dict(questionnaire: Questionnaire, evaluation: Evaluation) -> dict:
    rec = evaluation.reconciliation
    return {
        "questionnaire": questionnaire.key, "version": questionnaire.version,
        "issued": rec.issued, "expected": rec.expected, "returned": rec.returned,
        "valid": rec.valid, "void": rec.void, "session_void": rec.session_void,
        "quorum": {"rule": questionnaire.rules.quorum.describe(), "base": rec.quorum_base,
                   "turnout": number(rec.turnout, 4), "met": rec.quorum_met},
        "flags": list(evaluation.flags),
        "results": [_result(questionnaire, r) for r in evaluation.results],
    }


def _result(questionnaire: Questionnaire, r: ItemResult) -> dict:
    subject, item = labels(questionnaire, r)
    grades = {g.key: g.label.text() for g in questionnaire.rules.grades}
    flags = {f.key: f.label.text() for f in questionnaire.rules.flags}
    return {
        "subject": r.subject, "subject_label": subject, "item": r.item, "item_label": item,
        "counts": {o.label.text(): r.counts[o.key] for o in questionnaire.options},
        "blank": r.blank, "answered": r.answered, "valid": r.valid,
        "shares": {o.label.text(): number(r.shares[o.key], 4) for o in questionnaire.options},
        "favourable_rate": number(r.favourable_rate, 4), "score": number(r.score, 2),
        "grade": grades[r.grade] if r.grade else None, "grade_key": r.grade,
        "flags": [flags[f] for f in r.flags], "flag_keys": list(r.flags),
    }


def as_text(questionnaire: Questionnaire, evaluation: Evaluation) -> str:
    rec = evaluation.reconciliation
    rules = questionnaire.rules
    lines = [tr("{label} ({key})", label=questionnaire.label.text(), key=questionnaire.key),
             tr("Issued {issued}, returned {returned}, valid {valid}, void {void}",
                issued=rec.issued, returned=rec.returned, valid=rec.valid, void=rec.void)]
    lines.append(quorum_text(questionnaire, evaluation))
    if rec.session_void:
        lines.append(tr("The count is void: more ballots were returned than issued."))
        return "\n".join(lines)
    grades = {g.key: g.label.text() for g in rules.grades}
    flags = {f.key: f.label.text() for f in rules.flags}
    for r in evaluation.results:
        subject, item = labels(questionnaire, r)
        lines.append(f"— {subject} · {item}")
        parts = [f"{o.label.text()} {r.counts[o.key]}"
                 + (f" ({percent(r.shares[o.key])})" if r.shares[o.key] is not None else "")
                 for o in questionnaire.options]
        lines.append("  " + "  ".join([*parts, tr("blank {n}", n=r.blank)]))
        if r.favourable_rate is None or r.score is None:
            lines.append("  " + tr("counted {n}: nothing to score", n=r.valid))
            continue
        lines.append("  " + tr("counted {n}  {rate_label} {rate}  score {score}  grade {grade}",
                               n=r.valid, rate_label=questionnaire.rate_label.text(),
                               rate=percent(r.favourable_rate),
                               score=decimal(r.score, 2),
                               grade=grades[r.grade] if r.grade else "—"))
        lines.extend("  ! " + flags[f] for f in r.flags)
    return "\n".join(lines)


def quorum_text(questionnaire: Questionnaire, evaluation: Evaluation) -> str:
    """The quorum line: ballots returned against the base, the rule and the verdict."""
    rec = evaluation.reconciliation
    base = (tr("expected {n}", n=rec.quorum_base) if rec.expected is not None
            else tr("issued {n}", n=rec.quorum_base))
    return tr("Quorum: returned {returned} of {base} = {turnout}, rule {rule}: {verdict}",
              returned=rec.returned, base=base, turnout=percent(rec.turnout),
              rule=questionnaire.rules.quorum.describe(),
              verdict=tr("met") if rec.quorum_met else tr("NOT MET"))


def labels(questionnaire: Questionnaire, r: ItemResult) -> tuple[str, str]:
    """The subject's and the item's label in the interface language."""
    subject = next(s for s in questionnaire.subjects if s.key == r.subject)
    item = next(i for i in subject.items if i.key == r.item)
    return subject.label.text(), item.label.text()


def number(value: Fraction | None, digits: int) -> float | None:
    """``value`` rounded to ``digits`` decimals as a float (JSON, spreadsheets); None stays."""
    return None if value is None else float(rounded(value, digits))


def decimal(value: Fraction, digits: int) -> str:
    """``value`` rounded and written with exactly ``digits`` decimals."""
    return f"{float(rounded(value, digits)):.{digits}f}"


def percent(value: Fraction | None) -> str:
    """A share of one as a percentage to 0.1 % ("88.9%"), or "—" when there is none."""
    return "—" if value is None else decimal(value * 100, 1) + "%"

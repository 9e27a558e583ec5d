"""Counting democratic-evaluation ballots (民主测评计票): a pure, exact, order-free function.

``evaluate(questionnaire, ballots, issued, expected)`` reconciles the session and tallies every
subject and item. Everything is an integer or a Fraction; rounding is for display only
(``rounded``, half away from zero as in 四舍五入). The definitions:

Session
- returned: the ballots entered; void: those marked void; valid = returned − void.
- session_void: more returned than issued; a void session has no results.
- quorum: returned / base meets the rule's bound, base = expected (应到) when given, otherwise
  issued; a base of 0 never meets it. Not met is flagged ("quorum_not_met"), results still
  stand.

Per subject and item, over the valid ballots only
- blank: ballots with no answer (abstentions); they count nowhere else.
- counts: answers per option; answered = their sum = valid ballots − blank.
- valid (the denominator): answered, less the answers of not-scored options (不了解) when the
  rules say ``exclude_not_scored`` (otherwise those answers stay in, weighing 0).
- share of an option: count / valid; None for a not-scored option left out of the denominator.
- favourable_rate: answers with a favourable option / valid.
- score: Σ weight × count / valid × 100, in points out of 100.
- grade: the first of the rules' grades whose bound admits the favourable rate (or score / 100
  when grade_by = "score"); bounds are ≥ (at_least) or > (more_than), never implied.
- flags: each rule flag whose bound admits Σ count of its options / valid.
- with valid = 0 there is no share, rate, score, grade or flag (all None / empty).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from desktop.core.questionnaire import Questionnaire, Rules

SESSION_VOID = "session_void"
QUORUM_NOT_MET = "quorum_not_met"


@dataclass(frozen=True)
class Ballot:
    """One anonymous ballot: (subject key, item key) → option key; missing or None is blank."""

    serial: str
    answers: Mapping[tuple[str, str], str | None] = field(default_factory=dict)
    void: bool = False


@dataclass(frozen=True)
class Reconciliation:
    issued: int
    returned: int
    valid: int
    void: int
    expected: int | None
    session_void: bool
    quorum_base: int  # expected when given, otherwise issued
    turnout: Fraction | None  # returned / quorum_base; None when the base is 0
    quorum_met: bool


@dataclass(frozen=True)
class ItemResult:
    subject: str
    item: str
    counts: Mapping[str, int]  # option key → answers, in the order of the scale
    blank: int
    answered: int
    valid: int
    shares: Mapping[str, Fraction | None]
    favourable_rate: Fraction | None
    score: Fraction | None
    grade: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Evaluation:
    reconciliation: Reconciliation
    results: tuple[ItemResult, ...]
    flags: tuple[str, ...]  # session flags: SESSION_VOID, QUORUM_NOT_MET


def evaluate(questionnaire: Questionnaire, ballots: Iterable[Ballot], issued: int,
             expected: int | None = None) -> Evaluation:
    ballots = list(ballots)
    _check(questionnaire, ballots, issued, expected)
    rec = reconcile(ballots, issued, expected, questionnaire.rules)
    flags = tuple(name for name, raised in ((SESSION_VOID, rec.session_void),
                                            (QUORUM_NOT_MET, not rec.quorum_met)) if raised)
    if rec.session_void:
        return Evaluation(rec, (), flags)
    valid = [b for b in ballots if not b.void]
    return Evaluation(rec, tuple(tally_item(questionnaire, subject, item, valid)
                                 for subject, item in questionnaire.columns()), flags)


def reconcile(ballots: list[Ballot], issued: int, expected: int | None,
              rules: Rules) -> Reconciliation:
    returned = len(ballots)
    void = sum(1 for b in ballots if b.void)
    base = issued if expected is None else expected
    turnout = Fraction(returned, base) if base else None
    return Reconciliation(
        issued=issued, returned=returned, valid=returned - void, void=void, expected=expected,
        session_void=returned > issued, quorum_base=base, turnout=turnout,
        quorum_met=turnout is not None and rules.quorum.admits(turnout))


def tally_item(questionnaire: Questionnaire, subject: str, item: str,
               valid_ballots: list[Ballot]) -> ItemResult:
    options = questionnaire.options
    rules = questionnaire.rules
    found = Counter(b.answers.get((subject, item)) for b in valid_ballots)
    counts = {o.key: found[o.key] for o in options}
    blank = found[None]
    answered = sum(counts.values())
    counted = [o for o in options if o.scored or not rules.exclude_not_scored]
    denominator = sum(counts[o.key] for o in counted)
    if denominator == 0:
        return ItemResult(subject, item, counts, blank, answered, 0,
                          {o.key: None for o in options}, None, None, None, ())
    shares: dict[str, Fraction | None] = {o.key: None for o in options}
    shares.update({o.key: Fraction(counts[o.key], denominator) for o in counted})
    rate = Fraction(sum(counts[o.key] for o in options if o.favourable), denominator)
    score = sum((o.weight * counts[o.key] for o in counted), Fraction(0)) / denominator * 100
    flags = tuple(f.key for f in rules.flags
                  if f.bound.admits(Fraction(sum(counts[k] for k in f.options), denominator)))
    return ItemResult(subject, item, counts, blank, answered, denominator, shares, rate, score,
                      grade_of(rules, rate if rules.grade_by == "favourable_rate" else score / 100),
                      flags)


def grade_of(rules: Rules, value: Fraction) -> str | None:
    """The first grade whose bound admits ``value`` (a share of one); None if none does."""
    for grade in rules.grades:
        if grade.bound is None or grade.bound.admits(value):
            return grade.key
    return None


def rounded(value: Fraction, digits: int) -> Fraction:
    """``value`` rounded half away from zero to ``digits`` decimals (for display)."""
    scale = Fraction(10) ** digits
    magnitude = (abs(value) * scale + Fraction(1, 2)).__floor__()
    return Fraction(magnitude if value >= 0 else -magnitude) / scale


def _check(questionnaire: Questionnaire, ballots: list[Ballot], issued: int,
           expected: int | None) -> None:
    """Defects in the caller, not user mistakes: the ballot sheet reader checks those."""
    if issued < 0 or (expected is not None and expected < 0):
        raise ValueError("issued and expected cannot be negative")
    columns = set(questionnaire.columns())
    keys = {o.key for o in questionnaire.options}
    serials = [b.serial for b in ballots]
    if len(set(serials)) != len(serials):
        raise ValueError("duplicate ballot serial")
    for b in ballots:
        for column, option in b.answers.items():
            if column not in columns or (option is not None and option not in keys):
                raise ValueError(f"ballot {b.serial}: unknown {column} or option {option}")

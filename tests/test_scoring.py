"""Counting ballots: hand-worked examples for each shipped scheme, the edge cases (all blank,
all void, ties at a threshold, nothing to score, 不了解 in or out of the denominator, a void
session, the quorum), and properties: any order gives the same results; the tally is a recount.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.questionnaire import Questionnaire
from desktop.core.questionnaire_toml import FORMS, find, parse
from desktop.core.scoring import (
    QUORUM_NOT_MET,
    SESSION_VOID,
    Ballot,
    Evaluation,
    ItemResult,
    evaluate,
    grade_of,
    rounded,
)

GOOD, SATISFACTION, COMPETENCE = find("good-scale"), find("satisfaction"), find("competence")
BRANCH = ("branch", "overall")


def ballots(q: Questionnaire, *groups: tuple[int | None, int], column=BRANCH,
            void: int = 0) -> list[Ballot]:
    """``count`` ballots answering option number ``n`` (1 = first; None = blank) on ``column``,
    then ``void`` void ballots (marked with an answer, which must not count)."""
    out: list[Ballot] = []
    for n, count in groups:
        answer = {} if n is None else {column: q.options[n - 1].key}
        out += [Ballot(str(len(out) + i), answer) for i in range(count)]
    out += [Ballot(f"v{i}", {column: q.options[0].key}, void=True) for i in range(void)]
    return out


def result(ev: Evaluation, column=BRANCH) -> ItemResult:
    return next(r for r in ev.results if (r.subject, r.item) == column)


def count(q: Questionnaire, *groups: tuple[int | None, int], column=BRANCH, void: int = 0,
          issued: int = 100) -> ItemResult:
    return result(evaluate(q, ballots(q, *groups, column=column, void=void), issued), column)


# good-scale: 好 1.0, 较好 0.8, 一般 0.6, 差 0.4; rate = 好 + 较好; 优秀 ≥ 85%, 良好 ≥ 70%,
# 一般 ≥ 60%, else 较差; flag 差 ≥ 1/3.

def test_good_scale_worked_example() -> None:
    # 20 ballots: 好 10, 较好 5, 一般 3, 差 2, plus 2 blank and 1 void
    r = count(GOOD, (1, 10), (2, 5), (3, 3), (4, 2), (None, 2), void=1)
    assert r.counts == {"good": 10, "fairly_good": 5, "average": 3, "poor": 2}
    assert (r.blank, r.answered, r.valid) == (2, 20, 20)
    assert r.shares == {"good": Fraction(1, 2), "fairly_good": Fraction(1, 4),
                        "average": Fraction(3, 20), "poor": Fraction(1, 10)}
    assert r.favourable_rate == Fraction(3, 4)
    # (10×1 + 5×0.8 + 3×0.6 + 2×0.4) / 20 × 100 = 16.6 / 20 × 100 = 83
    assert r.score == 83
    assert r.grade == "good" and r.flags == ()


@pytest.mark.parametrize(("favourable", "grade"), [
    (17, "excellent"), (16, "good"), (14, "good"), (13, "fair"), (12, "fair"), (11, "poor")])
def test_good_scale_ties_reach_the_grade(favourable: int, grade: str) -> None:
    # out of 20: 17 = 85% exactly is 优秀 (at_least), 14 = 70% is 良好, 12 = 60% is 一般
    r = count(GOOD, (2, favourable), (3, 20 - favourable))
    assert r.favourable_rate == Fraction(favourable, 20) and r.grade == grade


def test_good_scale_flag_at_exactly_a_third() -> None:
    r = count(GOOD, (1, 1), (2, 1), (4, 1))
    assert r.shares["poor"] == Fraction(1, 3) and r.flags == ("poor_third",)
    assert r.favourable_rate == Fraction(2, 3) and r.grade == "fair"
    assert count(GOOD, (1, 3), (2, 4), (4, 2)).flags == ()  # 2/9 < 1/3


# satisfaction: 满意 100%, 基本满意 75%, 不满意 55%, 不了解 not scored and left out of the
# denominator; graded by score: 满意 ≥ 85, 基本满意 ≥ 70, else 不满意; flag 不满意 ≥ 1/3.

def test_satisfaction_worked_example() -> None:
    # 满意 6, 基本满意 2, 不满意 1, 不了解 3, blank 2
    r = count(SATISFACTION, (1, 6), (2, 2), (3, 1), (4, 3), (None, 2))
    assert r.counts == {"satisfied": 6, "fairly_satisfied": 2, "dissatisfied": 1, "unknown": 3}
    assert (r.blank, r.answered, r.valid) == (2, 12, 9)
    assert r.shares == {"satisfied": Fraction(2, 3), "fairly_satisfied": Fraction(2, 9),
                        "dissatisfied": Fraction(1, 9), "unknown": None}
    assert r.favourable_rate == Fraction(8, 9)
    # (6 + 2×0.75 + 1×0.55) / 9 × 100 = 8.05 / 9 × 100 = 89.44…
    assert r.score == Fraction(805, 9) and rounded(r.score, 2) == Fraction("89.44")
    assert r.grade == "satisfied" and r.flags == ()


def test_satisfaction_with_dont_know_kept_in_the_denominator() -> None:
    text = (FORMS / "satisfaction.toml").read_text(encoding="utf-8")
    q = parse(text.replace("exclude_not_scored = true", "exclude_not_scored = false"), "t")
    r = count(q, (1, 6), (2, 2), (3, 1), (4, 3), (None, 2))
    assert (r.answered, r.valid) == (12, 12)
    assert r.shares["unknown"] == Fraction(1, 4)
    assert r.favourable_rate == Fraction(2, 3)
    assert r.score == Fraction(805, 12) and r.grade == "dissatisfied"  # 67.08 < 70


@pytest.mark.parametrize(("groups", "score", "grade"), [
    (((1, 8), (2, 12)), 85, "satisfied"),                 # (8 + 9) / 20 = 85 exactly
    (((1, 7), (2, 13)), Fraction("83.75"), "fairly_satisfied"),
    (((1, 4), (2, 6), (3, 10)), 70, "fairly_satisfied"),  # (4 + 4.5 + 5.5) / 20 = 70 exactly
    (((1, 3), (2, 7), (3, 10)), Fraction("68.75"), "dissatisfied"),
])
def test_satisfaction_score_ties(groups, score, grade) -> None:
    r = count(SATISFACTION, *groups, (4, 5))
    assert r.score == score and r.grade == grade


def test_only_dont_know_leaves_nothing_to_score() -> None:
    r = count(SATISFACTION, (4, 5), (None, 1))
    assert (r.answered, r.valid, r.blank) == (5, 0, 1)
    assert r.favourable_rate is None and r.score is None and r.grade is None
    assert set(r.shares.values()) == {None} and r.flags == ()


def test_satisfaction_flag() -> None:
    assert count(SATISFACTION, (1, 2), (3, 1), (4, 9)).flags == ("dissatisfied_third",)
    assert count(SATISFACTION, (1, 3), (3, 1), (4, 9)).flags == ()


# competence: 称职 100%, 基本称职 60%, 不称职 0; rate = 称职; 优秀 ≥ 85%, 称职 ≥ 70%, else
# 不称职; flag 不称职 ≥ 1/3; quorum at least two thirds.

def test_competence_worked_example() -> None:
    r = count(COMPETENCE, (1, 6), (2, 1), (3, 2))
    assert r.counts == {"competent": 6, "fairly_competent": 1, "incompetent": 2}
    assert r.favourable_rate == Fraction(2, 3) and r.grade == "incompetent"
    assert r.score == Fraction(220, 3)  # (6 + 0.6) / 9 × 100 = 73.33…
    assert r.flags == ()  # 2/9


@pytest.mark.parametrize(("competent", "rest", "grade", "flagged"), [
    (17, (2, 3), "excellent", False), (14, (2, 6), "competent", False),
    (13, (2, 7), "incompetent", False), (4, (3, 2), "incompetent", True),
    (20, (3, 10), "incompetent", True), (21, (3, 9), "competent", False)])
def test_competence_grades_and_the_third(competent, rest, grade, flagged) -> None:
    r = count(COMPETENCE, (1, competent), rest)
    assert r.grade == grade and (r.flags == ("incompetent_third",)) == flagged


# the session

def test_reconciliation_and_quorum_against_issued() -> None:
    ev = evaluate(COMPETENCE, ballots(COMPETENCE, (1, 5), void=1), issued=9)
    rec = ev.reconciliation
    assert (rec.issued, rec.returned, rec.valid, rec.void) == (9, 6, 5, 1)
    assert rec.quorum_base == 9 and rec.turnout == Fraction(2, 3) and rec.quorum_met
    assert not rec.session_void and ev.flags == ()
    ev = evaluate(COMPETENCE, ballots(COMPETENCE, (1, 5)), issued=9)
    assert not ev.reconciliation.quorum_met and ev.flags == (QUORUM_NOT_MET,)
    assert result(ev).counts["competent"] == 5  # the results still stand


def test_quorum_more_than_half_against_expected() -> None:
    six = ballots(SATISFACTION, (1, 6))
    assert not evaluate(SATISFACTION, six, issued=12, expected=12).reconciliation.quorum_met
    assert evaluate(SATISFACTION, six, issued=11).reconciliation.quorum_met
    rec = evaluate(SATISFACTION, six, issued=6, expected=13).reconciliation
    assert rec.quorum_base == 13 and not rec.quorum_met
    rec = evaluate(SATISFACTION, [], issued=0).reconciliation
    assert rec.turnout is None and not rec.quorum_met


def test_more_returned_than_issued_voids_the_session() -> None:
    ev = evaluate(GOOD, ballots(GOOD, (1, 6), void=1), issued=6)
    assert ev.reconciliation.session_void and ev.results == ()
    assert ev.flags == (SESSION_VOID,)
    assert not evaluate(GOOD, ballots(GOOD, (1, 6)), issued=6).reconciliation.session_void


def test_all_blank() -> None:
    ev = evaluate(GOOD, ballots(GOOD, (None, 5)), issued=5)
    assert ev.reconciliation.valid == 5 and len(ev.results) == len(GOOD.columns())
    for r in ev.results:
        assert (r.blank, r.answered, r.valid, r.grade) == (5, 0, 0, None)
        assert r.favourable_rate is None and r.score is None


def test_all_void() -> None:
    ev = evaluate(SATISFACTION, ballots(SATISFACTION, void=4), issued=4)
    assert (ev.reconciliation.valid, ev.reconciliation.void) == (0, 4)
    assert all((r.blank, r.answered, r.valid, r.grade) == (0, 0, 0, None) for r in ev.results)


def test_a_subject_nobody_answered() -> None:
    ev = evaluate(GOOD, ballots(GOOD, (1, 4)), issued=4)
    assert result(ev).grade == "excellent"
    member = result(ev, ("member1", "overall"))
    assert member.valid == 0 and member.blank == 4 and member.grade is None


def test_grades_without_a_catch_all() -> None:
    rules = GOOD.rules
    assert grade_of(rules, Fraction(0)) == "poor"
    cut = type(rules)(rules.quorum, rules.grade_by, rules.grades[:1])
    assert grade_of(cut, Fraction(1, 2)) is None and grade_of(cut, Fraction(17, 20)) == "excellent"


def test_rounding_is_for_display_and_half_up() -> None:
    assert rounded(Fraction(1, 200), 2) == Fraction(1, 100)
    assert rounded(Fraction(-1, 200), 2) == Fraction(-1, 100)
    assert rounded(Fraction(2, 3), 4) == Fraction("0.6667")
    assert rounded(Fraction(805, 9), 2) == Fraction("89.44")


@pytest.mark.parametrize("bad", [
    [Ballot("1"), Ballot("1")],
    [Ballot("1", {("branch", "wealth"): "good"})],
    [Ballot("1", {BRANCH: "excellent"})],
])
def test_defects_in_the_caller_are_not_counted(bad: list[Ballot]) -> None:
    with pytest.raises(ValueError):
        evaluate(GOOD, bad, issued=5)
    with pytest.raises(ValueError):
        evaluate(GOOD, [], issued=-1)


# properties

def ballot_lists(q: Questionnaire):
    answer = st.sampled_from([None, *(o.key for o in q.options)])
    one = st.tuples(st.booleans(), st.lists(answer, min_size=len(q.columns()),
                                            max_size=len(q.columns())))
    return st.lists(one, max_size=25).map(lambda rows: [
        Ballot(f"s{n}", {c: a for c, a in zip(q.columns(), answers, strict=True)
                         if a is not None}, void)
        for n, (void, answers) in enumerate(rows)])


SCHEMES = st.sampled_from([GOOD, SATISFACTION, COMPETENCE])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_order_gives_the_same_results(data: st.DataObject) -> None:
    q = data.draw(SCHEMES)
    entered = data.draw(ballot_lists(q))
    issued = data.draw(st.integers(0, 30))
    again = data.draw(st.permutations(entered))
    assert evaluate(q, again, issued) == evaluate(q, entered, issued)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_tally_equals_a_recount(data: st.DataObject) -> None:
    q = data.draw(SCHEMES)
    entered = data.draw(ballot_lists(q))
    ev = evaluate(q, entered, issued=len(entered))
    kept = [b for b in entered if not b.void]
    weight = {o.key: o.weight for o in q.options}
    counted = {o.key for o in q.options if o.scored}
    favourable = {o.key for o in q.options if o.favourable}
    for r in ev.results:
        marks = [b.answers.get((r.subject, r.item)) for b in kept]  # one ballot at a time
        assert r.counts == {o.key: marks.count(o.key) for o in q.options}
        assert r.blank == marks.count(None) and r.answered + r.blank == len(kept)
        scored = [m for m in marks if m in counted]
        assert r.valid == len(scored)
        if not scored:
            assert r.favourable_rate is None and r.grade is None
            continue
        assert r.favourable_rate == Fraction(sum(m in favourable for m in scored), len(scored))
        assert r.score == sum(weight[m] for m in scored) / len(scored) * 100
        assert 0 <= r.favourable_rate <= 1 and 0 <= r.score <= 100
        assert sum(s for s in r.shares.values() if s is not None) == 1
        value = r.favourable_rate if q.rules.grade_by == "favourable_rate" else r.score / 100
        reached = [g.key for g in q.rules.grades if g.bound is None or g.bound.admits(value)]
        assert r.grade == reached[0]
        share = Counter(scored)
        assert r.flags == tuple(f.key for f in q.rules.flags if f.bound.admits(
            Fraction(sum(share[k] for k in f.options), len(scored))))

"""Questionnaires in forms/evaluation: the shipped schemes, finding them, and every kind of
mistake in a definition refused with the file and the problem named."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.i18n import set_language
from desktop.core.questionnaire import Bound, QuestionnaireError
from desktop.core.questionnaire_toml import (
    FORMS,
    QuestionnaireNotFound,
    available,
    find,
    load,
    parse,
)

SATISFACTION = (FORMS / "satisfaction.toml").read_text(encoding="utf-8")


def labels(items) -> list[str]:
    return [i.label.zh for i in items]


def test_three_schemes_are_shipped() -> None:
    assert set(available()) == {"good-scale", "satisfaction", "competence"}


def test_good_scale() -> None:
    q = find("good-scale")
    assert labels(q.options) == ["好", "较好", "一般", "差"]
    assert [o.weight for o in q.options] == [1, Fraction(4, 5), Fraction(3, 5), Fraction(2, 5)]
    assert [o.key for o in q.options if o.favourable] == ["good", "fairly_good"]
    assert all(o.scored for o in q.options)
    assert q.rules.grade_by == "favourable_rate"
    assert [g.label.zh for g in q.rules.grades] == ["优秀", "良好", "一般", "较差"]
    assert q.rate_label.zh == "好评率"


def test_satisfaction_weights_and_not_scored() -> None:
    q = find("satisfaction")
    assert labels(q.options) == ["满意", "基本满意", "不满意", "不了解"]
    assert [o.weight for o in q.options] == [1, Fraction(3, 4), Fraction(55, 100), 0]
    assert [o.scored for o in q.options] == [True, True, True, False]
    assert q.rules.exclude_not_scored and q.rules.grade_by == "score"
    assert q.rules.quorum == Bound(Fraction(1, 2), strict=True)


def test_competence_grades_and_flag() -> None:
    q = find("competence")
    assert labels(q.options) == ["称职", "基本称职", "不称职"]
    assert [g.label.zh for g in q.rules.grades] == ["优秀", "称职", "不称职"]
    assert [g.bound for g in q.rules.grades] == [Bound(Fraction(85, 100)),
                                                 Bound(Fraction(70, 100)), None]
    (flag,) = q.rules.flags
    assert flag.options == ("incompetent",) and flag.bound == Bound(Fraction(1, 3))
    assert q.rules.quorum == Bound(Fraction(2, 3))


@pytest.mark.parametrize("key", ["good-scale", "satisfaction", "competence"])
def test_subjects_items_and_member_placeholders(key: str) -> None:
    q = find(key)
    by_key = {s.key: s for s in q.subjects}
    assert by_key["branch"].label.zh == "村党组织"
    assert by_key["committees"].label.zh == "村两委班子"
    assert [s.key for s in q.subjects if s.member] == ["member1", "member2", "member3"]
    assert by_key["member2"].label.zh == "两委成员2"
    assert q.columns()[0] == ("branch", "overall")
    assert all(i.label.zh and i.label.en for s in q.subjects for i in s.items)
    named = q.with_members(["张三", " 李四 "])
    assert [s.key for s in named.subjects if s.member] == ["张三", "李四"]
    assert named.columns()[-1][0] == "李四" and q.columns() != named.columns()


@pytest.mark.parametrize("names", [["张三", "张三"], [""], ["a/b"], ["branch"]])
def test_bad_member_names_are_refused(names: list[str]) -> None:
    with pytest.raises(QuestionnaireError):
        find("satisfaction").with_members(names)


def test_find_by_path_and_unknown_names(tmp_path: Path) -> None:
    assert find(str(FORMS / "competence.toml")).key == "competence"
    with pytest.raises(QuestionnaireNotFound, match="good-scale"):
        find("no-such-scheme")
    with pytest.raises(errors.FileMissing):
        find(str(tmp_path / "missing.toml"))


@pytest.mark.parametrize("text", ["85%", 0.85, "17/20", "0.85", " 85 %"])
def test_numbers_are_exact(text: object) -> None:
    value = repr(text) if isinstance(text, str) else text
    q = parse(SATISFACTION.replace('at_least = "85%"', f"at_least = {value}"), "t.toml")
    assert q.rules.grades[0].bound == Bound(Fraction(17, 20))


def test_bounds_say_which_way_a_tie_goes() -> None:
    at_least, more_than = Bound(Fraction(1, 2)), Bound(Fraction(1, 2), strict=True)
    assert at_least.admits(Fraction(1, 2)) and not more_than.admits(Fraction(1, 2))
    assert more_than.admits(Fraction(51, 100)) and not at_least.admits(Fraction(49, 100))
    assert at_least.describe() == "≥ 50%" and more_than.describe() == "> 50%"
    assert Bound(Fraction(1, 3)).describe() == "≥ 1/3"
    assert Bound(Fraction(855, 1000)).describe() == "≥ 85.5%"


def test_not_scored_may_stay_in_the_denominator() -> None:
    q = parse(SATISFACTION.replace("exclude_not_scored = true", "exclude_not_scored = false"),
              "t.toml")
    assert not q.rules.exclude_not_scored


# (replace this, with that) in satisfaction.toml -> a fragment of the English message
MISTAKES = [
    (('favourable = ["satisfied", "fairly_satisfied"]', 'favourable = ["satisfied", "glad"]'),
     "unknown option glad in [scale] favourable"),
    (('zh = "基本满意"\nen = "Fairly satisfied"\nweight',
      'zh = "满意"\nen = "Fairly satisfied"\nweight'), "two options have the same zh label"),
    (('en = "Fairly satisfied"\nweight', 'weight'),
     "[[scale.options]] fairly_satisfied has no en label"),
    (('zh = "群众满意度测评"', 'zh = ""'), "the file has no zh label"),
    (('options]]\nkey = "fairly_satisfied"', 'options]]\nkey = "satisfied"'),
     "duplicate key satisfied in [[scale.options]]"),
    (('key = "committees"', 'key = "branch"'), "duplicate key branch in [[subjects]]"),
    (('key = "committees"', 'key = "member2"'), "duplicate key member2"),
    (('at_least = "85%"', 'at_least = 85'), "[[rules.grades]] satisfied: 85 is out of range"),
    (('at_least = "1/3"', 'at_least = "4/3"'), "is out of range"),
    (('weight = "75%"', 'weight = "-5%"'), "[[scale.options]] fairly_satisfied: '-5%' is out"),
    (('at_least = "85%"', 'at_least = "lots"'), "'lots' is not a number"),
    (('at_least = "85%"', 'at_least = "1/0"'), "'1/0' is not a number"),
    (('at_least = "70%"', 'at_least = "90%"'), "must go from the highest threshold down"),
    (('key = "dissatisfied"\nzh = "不满意"\nen = "Dissatisfied"\n\n[[rules.flags]]',
      ('key = "dissatisfied"\nzh = "不满意"\nen = "Dissatisfied"\nat_least = "0%"\n\n'
      '[[rules.flags]]')), None),  # a catch-all grade written with a bound is fine
    (('at_least = "70%"', 'at_least = "70%"\nmore_than = "70%"'), "not both"),
    (('quorum = { more_than = "1/2" }', 'quorum = {}'), "[rules] quorum needs at_least"),
    (('\ngrade_by = "score"', '\ngrade_by = "points"'), "grade_by must be one of"),
    (('favourable = [', 'favorable = ['), "unknown setting favorable in [scale]"),
    (('en = "Don\'t know"', 'en = "Don\'t know"\nweight = 0'), "a not-scored one has none"),
    (('en = "Satisfied"\nweight = "100%"', 'en = "Satisfied"'), "a scored option needs"),
    (('items = ["overall"]\n\n# One', 'items = ["overall", "wealth"]\n\n# One'),
     "unknown item wealth in [[subjects]] committees items"),
    (('items = ["overall"]\n\n# One', 'items = ["overall", "overall"]\n\n# One'),
     "lists a key twice"),
    (('key = "branch"', 'key = "branch/x"'), "must be letters, digits"),
    (('version = 1', 'version = "one"'), "version must be a whole number"),
    (('placeholders = 3', 'placeholders = 99'), "placeholders must be a whole number"),
    (('options = ["dissatisfied"]', 'options = ["unhappy"]'), "unknown option unhappy"),
    (('key = "satisfaction"', 'key = "satisfaction"\nkey = "again"'), "not valid TOML"),
    (('not_scored = ["unknown"]', 'not_scored = ["unknown", "satisfied"]'),
     "only scored ones"),
]


@pytest.mark.parametrize(("change", "problem"), MISTAKES)
def test_mistakes_name_the_file_and_the_problem(change: tuple[str, str],
                                                problem: str | None) -> None:
    old, new = change
    assert SATISFACTION.count(old) == 1
    text = SATISFACTION.replace(old, new, 1)
    set_language("en")
    if problem is None:
        assert parse(text, "forms/evaluation/mine.toml").key == "satisfaction"
        return
    with pytest.raises(QuestionnaireError) as caught:
        parse(text, "forms/evaluation/mine.toml")
    message = str(caught.value)
    assert message.startswith("Questionnaire forms/evaluation/mine.toml: ")
    assert problem in message


def test_mistakes_are_told_in_chinese_by_default(tmp_path: Path) -> None:
    path = tmp_path / "坏的.toml"
    path.write_text(SATISFACTION.replace('at_least = "85%"', "at_least = 85"), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load(path)
    assert str(caught.value).startswith(f"测评表 {path}：") and "超出范围" in str(caught.value)

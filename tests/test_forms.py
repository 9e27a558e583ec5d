"""Step forms (forms/steps): the shipped definitions, checking values of every field kind,
drafts, versions and carrying a draft over, the steps of a round, every kind of mistake in a
definition refused with the file and the line, and mainland ID-card and phone numbers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.canonical import canonical_bytes
from desktop.core.forms import (
    KINDS,
    FormNotFound,
    FormSet,
    FormValuesError,
    problems,
    validate,
    validate_draft,
)
from desktop.core.forms_toml import FORMS, FormDefinitionError, load, load_all, parse
from desktop.core.i18n import set_language
from desktop.core.id_numbers import (
    birth_date,
    check_character,
    is_id_card,
    normalize_id_card,
    normalize_landline,
    normalize_mobile,
    normalize_phone,
)
from desktop.core.ids import uuid7
from desktop.core.step_forms import StepsError, carry_over, round_steps
from desktop.core.steps import DEFAULT_STEPS

PERSON, OTHER, VILLAGE = uuid7(), uuid7(), uuid7()
SHA = "ab" * 32
ID_CARD = "11010519491231002X"  # the example of GB 11643-1999

SAMPLE = """\
key = "sample"
version = 1
zh = "样表"
en = "Sample"

[[fields]]
key = "date"
kind = "date"
zh = "日期"
en = "Date"
required = true

[[fields]]
key = "amount"
kind = "number"
zh = "金额"
en = "Amount"
min = 0
max = "1000.5"
decimals = 2

[[fields]]
key = "channel"
kind = "choice"
zh = "渠道"
en = "Channel"

[[fields.options]]
key = "letter"
zh = "来信"
en = "Letter"

[[fields.options]]
key = "phone"
zh = "来电"
en = "Phone"

[[fields]]
key = "topics"
kind = "multi_choice"
zh = "方面"
en = "Topics"
options = [{ key = "finance", zh = "财务", en = "Finances" },
           { key = "land", zh = "土地", en = "Land" },
           { key = "other", zh = "其他", en = "Other" }]

[[fields]]
key = "attendees"
kind = "repeat"
zh = "参会人员"
en = "Attendees"
min_items = 1

[[fields.fields]]
key = "name"
kind = "person"
zh = "姓名"
en = "Name"
required = true

[[fields.fields]]
key = "mobile"
kind = "text"
zh = "手机"
en = "Mobile"
pattern = "mobile"

[[fields]]
key = "records"
kind = "checklist"
zh = "台账"
en = "Records"
required = true

[[fields.items]]
key = "minutes"
zh = "会议记录"
en = "Minutes"

[[fields.items]]
key = "vouchers"
zh = "财务凭证"
en = "Vouchers"

[[fields]]
key = "summary"
kind = "text"
zh = "摘要"
en = "Summary"
"""

# Version 2: amount becomes text (a changed kind), the phone channel, the land topic, the
# attendees' mobile and the vouchers item are gone, summary widens to long text, place is new.
SAMPLE_V2 = (SAMPLE.replace("version = 1", "version = 2")
             .replace('kind = "number"\nzh = "金额"\nen = "Amount"\nmin = 0\nmax = "1000.5"\n'
                      'decimals = 2', 'kind = "text"\nzh = "金额"\nen = "Amount"')
             .replace('key = "phone"\nzh = "来电"\nen = "Phone"',
                      'key = "qr_code"\nzh = "二维码"\nen = "QR code"')
             .replace('{ key = "land", zh = "土地", en = "Land" },\n           ', "")
             .replace('\n[[fields.fields]]\nkey = "mobile"\nkind = "text"\nzh = "手机"\n'
                      'en = "Mobile"\npattern = "mobile"\n', "")
             .replace('key = "vouchers"\nzh = "财务凭证"\nen = "Vouchers"',
                      'key = "contracts"\nzh = "合同"\nen = "Contracts"')
             .replace('key = "summary"\nkind = "text"', 'key = "summary"\nkind = "long_text"')
             + '\n[[fields]]\nkey = "place"\nkind = "text"\nzh = "地点"\nen = "Place"\n'
               'required = true\n')


def sample_values() -> dict:
    return {"date": "2026-03-02", "amount": "12.50", "channel": "phone",
            "topics": ["land", "finance"],
            "attendees": [{"name": {"name": " 张三 "}, "mobile": "138 0013 8000"},
                          {"name": {"id": PERSON}}],
            "records": {"minutes": {"state": "checked"},
                        "vouchers": {"state": "problem", "note": "白条入账"}},
            "summary": "  见面会  "}


@pytest.fixture
def sample():
    return parse(SAMPLE, "sample.v1.toml")


@pytest.fixture
def versions(tmp_path: Path) -> FormSet:
    (tmp_path / "sample.v1.toml").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "sample.v2.toml").write_text(SAMPLE_V2, encoding="utf-8")
    return load_all(tmp_path)


# --- the shipped forms ---------------------------------------------------------------------

def test_every_step_but_the_evaluation_has_a_form() -> None:
    forms = load_all()
    assert set(forms.keys()) == {s.key for s in DEFAULT_STEPS} - {"evaluation"}
    for form in forms:
        assert Path(form.source).name == f"{form.key}.v{form.version}.toml"
        assert form.label.zh and form.label.en and form.fields


def test_the_shipped_forms_use_every_kind() -> None:
    def kinds(fields):
        for f in fields:
            yield f.kind
            yield from kinds(f.fields)
    assert {k for form in load_all() for k in kinds(form.fields)} == set(KINDS)


def test_shipped_forms_hold_what_the_practice_records() -> None:
    forms = load_all()
    ledger = forms.definition("ledger_review").field("records")
    assert [i.label.zh for i in ledger.items] == ["会议记录", "三会一课", "财务凭证", "合同",
                                                 "三资台账", "村务公开", "上轮整改记录"]
    petition = forms.definition("petition")
    assert [o.key for o in petition.field("channel").options][:4] == ["letter", "phone",
                                                                      "visit", "qr_code"]
    assert petition.field("reporter_id_card").pattern == "id_card"
    assert not petition.field("reporter_name").required
    assert forms.definition("opening_meeting").field("attendees").kind == "repeat"
    assert forms.definition("household_visit").field("households").kind == "repeat"
    interview = forms.definition("interview")
    assert interview.field("interviewers").multiple
    assert not interview.field("interviewers").allow_name


def test_a_petition_checks_the_reporter_numbers() -> None:
    petition = load_all().definition("petition")
    base = {"number": "XF-001", "received_on": "2026-03-02", "channel": "qr_code",
            "received_by": {"id": PERSON}, "identity": "named", "category": "finance",
            "summary": "村干部优亲厚友"}
    clean = validate(petition, {**base, "reporter_id_card": "11010519491231002x",
                                "reporter_phone": "0519 86681234"})
    assert clean["reporter_id_card"] == ID_CARD and clean["reporter_phone"] == "0519-86681234"
    assert "reporter_name" not in clean  # anonymous: nothing asked
    with pytest.raises(FormValuesError) as caught:
        validate(petition, {**base, "reporter_id_card": "110105194912310021",
                            "reporter_phone": "12345"})
    assert [p.path for p in caught.value.problems] == [("reporter_id_card",),
                                                       ("reporter_phone",)]
    assert "信访人身份证号码：身份证号码校验码不符" in str(caught.value)


# --- values ----------------------------------------------------------------------------------

def test_clean_values_are_canonical(sample) -> None:
    clean = validate(sample, sample_values())
    assert clean == {
        "date": "2026-03-02", "amount": "12.5", "channel": "phone",
        "topics": ["finance", "land"],
        "attendees": [{"name": {"name": "张三"}, "mobile": "13800138000"},
                      {"name": {"id": PERSON}}],
        "records": {"minutes": {"state": "checked", "note": ""},
                    "vouchers": {"state": "problem", "note": "白条入账"}},
        "summary": "见面会"}
    assert canonical_bytes(clean)
    assert validate(sample, clean) == clean


@pytest.mark.parametrize(("given", "stored"), [(12, 12), ("12", 12), ("12.0", 12),
                                               ("1000.5", "1000.5"), ("0.05", "0.05"),
                                               ("１２.５", "12.5"), ("+3", 3)])
def test_numbers(sample, given, stored) -> None:
    values = {**sample_values(), "amount": given}
    assert validate(sample, values)["amount"] == stored


@pytest.mark.parametrize(("given", "problem"), [
    ("1000.51", "must be at most 1000.5"), (-1, "must be at least 0"),
    ("1.005", "allows at most 2 digits after the decimal point"),
    ("1e3", "must be a number like 12 or 12.5"), (True, "must be a number like 12 or 12.5"),
    ("NaN", "must be a number like 12 or 12.5"), ("12,5", "must be a number like 12 or 12.5")])
def test_bad_numbers(sample, given, problem) -> None:
    set_language("en")
    found = [p.message for p in problems(sample, {**sample_values(), "amount": given})]
    assert found == [f"Amount {problem}"]
    assert "amount" not in validate(sample, {**sample_values(), "amount": " "})


def test_floats_are_never_stored(sample) -> None:
    set_language("en")
    for draft in (validate, validate_draft):
        with pytest.raises(FormValuesError, match='Amount holds a value that cannot be stored'):
            draft(sample, {**sample_values(), "amount": 12.5})
    with pytest.raises(FormValuesError, match="cannot be stored"):
        validate_draft(sample, {"attendees": [{"name": {"name": 1.5}}]})


def test_every_problem_is_listed_with_its_label(sample) -> None:
    values = {"date": "2026-02-30", "channel": "fax", "topics": ["finance", "finance"],
              "attendees": [{"name": {"name": ""}, "mobile": "1380013800"}, {}],
              "records": {"minutes": {"state": "problem"}}, "colour": "red"}
    with pytest.raises(FormValuesError) as caught:
        validate(sample, values)
    assert [p.path for p in caught.value.problems] == [
        ("colour",), ("date",), ("channel",), ("topics",), ("attendees", 0, "name"),
        ("attendees", 0, "mobile"), ("records", "minutes"), ("records", "vouchers")]
    message = str(caught.value)
    assert message.startswith("样表（第 1 版）无法保存：未知字段：colour；日期须为日期")
    assert "渠道 只能是以下之一：来信, 来电" in message
    assert "参会人员 第 1 项 › 姓名" in message and "手机号码应为 11 位" in message
    assert "台账 › 会议记录 标为发现问题" in message
    set_language("en")
    assert "Attendees no. 1 › Mobile: a mobile number has 11 digits" in "; ".join(
        p.message for p in problems(sample, values))


def test_required_fields_rows_and_items(sample) -> None:
    set_language("en")
    found = [p.message for p in problems(sample, {"attendees": [{"mobile": ""}],
                                                  "records": {"minutes": {"state": "checked"}}})]
    assert found == ["Required field is empty: Date", "Attendees needs at least 1 entries",
                     "Required field is empty: Records › Vouchers"]
    found = [p.message for p in problems(sample, {"attendees": [{"mobile": "13800138000"}]})]
    assert "Required field is empty: Attendees no. 1 › Name" in found


@pytest.mark.parametrize(("field", "value"), [
    ("date", "2026-3-2"), ("date", "20260302"), ("date", "2026-W10-1"), ("date", 20260302),
    ("channel", ["letter"]), ("topics", "finance"), ("topics", ["finance", "tax"]),
    ("attendees", {"name": "x"}), ("attendees", [{"name": "张三"}]),
    ("attendees", [{"name": {"id": "not-an-id"}}]),
    ("attendees", [{"name": {"id": PERSON, "name": "张三"}}]),
    ("records", {"minutes": {"state": "done"}}), ("summary", "长" * 201), ("summary", 5)])
def test_wrong_values_are_refused(sample, field, value) -> None:
    with pytest.raises(FormValuesError):
        validate(sample, {**sample_values(), field: value})


def test_drafts_keep_what_was_typed(sample) -> None:
    typed = {"date": "2026-0", "amount": "12.", "channel": "letter", "topics": ["finance"],
             "attendees": [{}, {"mobile": "138"}], "records": {"minutes": {"note": "待查"}},
             "summary": ""}
    assert validate_draft(sample, typed) == {
        "date": "2026-0", "amount": "12.", "channel": "letter", "topics": ["finance"],
        "attendees": [{}, {"mobile": "138"}],
        "records": {"minutes": {"state": None, "note": "待查"}}}
    assert len(problems(sample, typed)) > 3
    for bad in ({"colour": "red"}, {"records": {"ledger": {"state": "checked"}}},
                {"records": {"minutes": {"state": "checked", "by": "me"}}},
                {"attendees": [{"age": 3}]}, {"date": {1, 2}}, ["date"]):
        with pytest.raises(FormValuesError):
            validate_draft(sample, bad)


def test_kinds_of_the_shipped_forms() -> None:
    forms = load_all()
    interview = forms.definition("interview")
    clean = validate(interview, {
        "date": "2026-03-02", "start_time": "9:05", "interviewee": {"name": "李四"},
        "interviewee_category": "committee", "selection": "required",
        "interviewers": [{"id": PERSON}, {"id": OTHER}], "recorder": {"id": OTHER},
        "transcript": "问：……\n答：……", "attachments": [SHA.upper()]})
    assert clean["start_time"] == "09:05" and clean["attachments"] == [SHA]
    for wrong in ({"interviewers": [{"id": PERSON}, {"id": PERSON}]},
                  {"interviewers": [{"name": "王五"}]}, {"recorder": {"name": "王五"}},
                  {"start_time": "24:00"}, {"attachments": [SHA, SHA]},
                  {"attachments": ["abc"]}):
        with pytest.raises(FormValuesError):
            validate(interview, {**clean, **wrong})
    petition = forms.definition("petition")
    assert validate_draft(petition, {"village": VILLAGE}) == {"village": VILLAGE}
    assert "涉及村（社区） 须从本轮的村（社区）中选择" in [
        p.message for p in problems(petition, {"village": "村部"})]


# --- versions ----------------------------------------------------------------------------------

def test_each_version_is_kept(versions: FormSet) -> None:
    assert versions.versions("sample") == (1, 2) and len(versions) == 2
    assert versions.definition("sample", 1).field("amount").kind == "number"
    assert versions.definition("sample").version == 2 == versions.latest("sample").version
    assert versions.definition("sample", 2).ref == ("sample", 2)
    with pytest.raises(FormNotFound, match="sample v1, sample v2"):
        versions.definition("sample", 3)
    with pytest.raises(FormNotFound):
        versions.definition("nothing")


def test_an_old_record_never_breaks(versions: FormSet) -> None:
    old = validate(versions.definition("sample", 1), sample_values())
    with pytest.raises(FormValuesError):
        validate(versions.definition("sample", 2), old)
    assert validate(versions.definition("sample", 1), old) == old


def test_a_draft_carries_over_without_loss(versions: FormSet) -> None:
    v1, v2 = versions.definition("sample", 1), versions.definition("sample", 2)
    carried = carry_over(sample_values(), v1, v2)
    assert carried.values == {
        "date": "2026-03-02", "topics": ["finance"],
        "attendees": [{"name": {"name": "张三"}}, {"name": {"id": PERSON}}],
        "records": {"minutes": {"state": "checked", "note": ""}}, "summary": "见面会"}
    assert [(d.path, d.label.en, d.value) for d in carried.dropped] == [
        (("amount",), "Amount", "12.5"), (("channel",), "Channel", "phone"),
        (("topics",), "Topics", ["land"]), (("attendees", 0, "mobile"), "Mobile", "13800138000"),
        (("records", "vouchers"), "Records › Vouchers", {"state": "problem", "note": "白条入账"})]
    finished = validate(v2, {**carried.values, "place": "村部", "records": {
        **carried.values["records"], "contracts": {"state": "not_applicable"}}})
    assert finished["summary"] == "见面会"
    unchanged = carry_over(sample_values(), v1, v1)
    assert unchanged.dropped == () and unchanged.values == validate_draft(v1, sample_values())


def test_a_half_typed_draft_carries_over(versions: FormSet) -> None:
    v1, v2 = versions.definition("sample", 1), versions.definition("sample", 2)
    carried = carry_over({"date": "2026-0", "summary": "草稿"}, v1, v2)
    assert carried.values == {"date": "2026-0", "summary": "草稿"} and carried.dropped == ()
    with pytest.raises(FormValuesError):
        carry_over({"colour": "red"}, v1, v2)


# --- the steps of a round -----------------------------------------------------------------------

def test_default_steps() -> None:
    steps = round_steps(load_all())
    assert [s.key for s in steps] == [s.key for s in DEFAULT_STEPS]
    assert steps[1].form is not None and steps[1].form.ref == ("interview", 1)
    assert steps[2].key == "evaluation" and steps[2].form is None
    assert steps[0].label.zh == "见面沟通"


def test_a_round_adds_drops_and_reorders_steps(versions: FormSet) -> None:
    forms = FormSet([*load_all(), *versions])
    steps = round_steps(forms, ["petition", "interview", "sample"])
    assert [s.key for s in steps] == ["petition", "interview", "sample"]
    assert steps[2].form is not None and steps[2].form.version == 2
    assert steps[2].label.zh == "样表"


@pytest.mark.parametrize(("configured", "problem"), [
    (["interview", "hearing"], "unknown step 'hearing'"),
    (["interview", "interview"], "step interview is listed twice"), ([], "at least one step"),
    ([3], "unknown step 3")])
def test_bad_step_lists(configured, problem) -> None:
    set_language("en")
    with pytest.raises(StepsError) as caught:
        round_steps(load_all(), configured)
    assert problem in str(caught.value) and "the steps are: opening_meeting, " in str(
        caught.value)


# --- mistakes in a definition -----------------------------------------------------------------

def line_of(text: str, needle: str, nth: int = 1) -> int:
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[nth - 1]


# (replace this, with that) in SAMPLE -> a fragment of the message, (the line's text, nth)
MISTAKES = [
    (('kind = "date"', 'kind = "datum"'), "[[fields]] date: unknown field kind 'datum'",
     ('kind = "datum"', 1)),
    (('key = "amount"', 'key = "date"'), "duplicate key date in [[fields]]",
     ('key = "date"', 2)),
    (('en = "Amount"\n', ''), "[[fields]] amount has no en label", ("[[fields]]", 2)),
    (('zh = "样表"', 'zh = " "'), "the file has no zh label", ('zh = " "', 1)),
    (('en = "Phone"', 'en = "Letter"'), "two entries have the same en label",
     ('en = "Letter"', 2)),
    (('key = "phone"', 'key = "letter"'), "duplicate key letter in [[fields]] channel options",
     ('key = "letter"', 2)),
    (('key = "phone"\nzh = "来电"\nen = "Phone"\n', 'key = "phone"\nzh = "来电"\n'),
     "[[fields]] channel options phone has no en label", ("[[fields.options]]", 2)),
    (('key = "phone"', 'key = "Phone!"'), "the key 'Phone!' must be lower-case",
     ('key = "Phone!"', 1)),
    (('pattern = "mobile"', 'pattern = "cellphone"'), "unknown pattern 'cellphone'",
     ('pattern = "cellphone"', 1)),
    (('pattern = "mobile"', 'regex = "[0-9"'), "the regex is not valid", ('regex = ', 1)),
    (('pattern = "mobile"', 'pattern = "mobile"\nregex = "1.*"'), "pattern or regex, not both",
     ('regex = ', 1)),
    (('version = 1', 'version = 0'), "version must be a whole number", ("version = 0", 1)),
    (('version = 1', 'version = "1"'), "version must be a whole number", ("version = ", 1)),
    (('version = 1\n', ''), "the file has no version", ('key = "sample"', 1)),
    (('max = "1000.5"', 'max = 1000.5'), 'write max as a whole number or as text',
     ("max = 1000.5", 1)),
    (('max = "1000.5"', 'max = "-1"'), "max is less than min", ('max = "-1"', 1)),
    (('decimals = 2', 'decimals = 12'), "decimals must be a whole number from 0 to 9",
     ("decimals = 12", 1)),
    (('decimals = 2', 'decimal = 2'), "unknown setting decimal in [[fields]] amount",
     ("decimal = 2", 1)),
    (('en = "Date"\nrequired = true', 'en = "Date"\nrequired = "yes"'),
     "required must be true or false", ('required = "yes"', 1)),
    (('zh = "姓名"\nen = "Name"\nrequired = true', 'zh = "姓名"\nen = "Name"\nmultiple = 1'),
     "multiple must be true or false", ("multiple = 1", 1)),
    (('kind = "person"', 'kind = "repeat"'), "a repeat group cannot hold another",
     ('kind = "repeat"', 2)),
    (('key = "vouchers"\nzh = "财务凭证"', 'key = "vouchers"\nzh = "财务凭证"\nstate = "x"'),
     "unknown setting state in [[fields]] records items vouchers", ('state = "x"', 1)),
    (('{ key = "land", zh = "土地", en = "Land" }', '{ key = "land", zh = "土地" }'),
     "[[fields]] topics options land has no en label", ("options = [", 1)),
    (('kind = "checklist"', 'kind = "checklist"\noptions = []'),
     "unknown setting options in [[fields]] records", ("options = []", 1)),
    (('[[fields.options]]\nkey = "phone"\nzh = "来电"\nen = "Phone"\n', ''),
     "[[fields]] channel options needs at least 2 entries", ("[[fields.options]]", 1)),
    (('min_items = 1', 'min_items = 1\nmax_items = 0'), "max_items must be a whole number",
     ("max_items = 0", 1)),
    (('key = "sample"', 'key = "sample"\nkey = "again"'), "not valid TOML",
     ('key = "again"', 1)),
    (('key = "summary"\nkind = "text"', 'key = "summary"\nkind = "text"\nmax_length = 0'),
     "max_length must be a whole number from 1", ("max_length = 0", 1)),
    (('key = "summary"\n', ''), "[[fields]] #7 has no key", ("[[fields]]", 7)),
    (('key = "summary"\nkind = "text"', 'key = "summary"'),
     "[[fields]] summary: unknown field kind None", ("[[fields]]", 7)),
    (('key = "summary"', 'key = "summary"\nlabel = "x"'),
     "unknown setting label in [[fields]] summary", ('label = "x"', 1)),
    (('\n[[fields]]\nkey = "summary"\nkind = "text"\nzh = "摘要"\nen = "Summary"\n', ''), None,
     None),
]


@pytest.mark.parametrize(("change", "problem", "where"), MISTAKES)
def test_mistakes_name_the_file_and_the_line(change, problem, where) -> None:
    old, new = change
    assert SAMPLE.count(old) == 1
    text = SAMPLE.replace(old, new, 1)
    set_language("en")
    if problem is None:
        assert parse(text, "forms/steps/mine.v1.toml").key == "sample"
        return
    with pytest.raises(FormDefinitionError) as caught:
        parse(text, "forms/steps/mine.v1.toml")
    message = str(caught.value)
    assert message.startswith(f"Form definition forms/steps/mine.v1.toml, line "
                              f"{line_of(text, *where)}: "), message
    assert problem in message


def test_the_sample_is_read(sample) -> None:
    amount = sample.field("amount")
    assert (amount.minimum, amount.maximum, amount.decimals) == (0, Decimal("1000.5"), 2)
    assert sample.field("attendees").fields[1].pattern == "mobile"
    assert sample.field("summary").max_length == 200
    assert [o.key for o in sample.field("topics").options] == ["finance", "land", "other"]


def test_file_mistakes(tmp_path: Path) -> None:
    (tmp_path / "sample.v2.toml").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        load_all(tmp_path)
    assert str(caught.value) == (f"表单定义 {tmp_path / 'sample.v2.toml'} 第 2 行："
                                 "文件名应为 sample.v1.toml")
    (tmp_path / "sample.v2.toml").unlink()
    (tmp_path / "other.v1.toml").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="第 1 行：文件名应为 sample.v1.toml"):
        load_all(tmp_path)
    bad = tmp_path / "other.v1.toml"
    bad.write_bytes(SAMPLE.encode("utf-8").replace(b'"Sample"', b'"\xff"'))
    with pytest.raises(FormDefinitionError, match="第 4 行：不是 UTF-8 文本文件"):
        load(bad)
    with pytest.raises(errors.FileMissing):
        load(tmp_path / "missing.v1.toml")
    with pytest.raises(errors.FolderMissing):
        load_all(tmp_path / "nowhere")
    assert FORMS.name == "steps"


# --- ID-card and phone numbers ---------------------------------------------------------------

def test_known_id_card_numbers() -> None:
    assert check_character("11010519491231002") == "X"
    assert normalize_id_card(" 11010519491231002x ") == ID_CARD
    assert normalize_id_card("１１０１０５１９４９１２３１００２Ｘ") == ID_CARD
    assert birth_date(ID_CARD) == dt.date(1949, 12, 31)
    assert check_character("44052418800101001") == "4"


@pytest.mark.parametrize(("number", "problem"), [
    ("110105194912310021", "check digit"),  # the last character off by one
    ("110105194912310020", "check digit"),
    ("11010519491231012X", "check digit"),  # the sequence off by one
    ("11010519491231102X", "check digit"),
    ("21010519491231002X", "check digit"),  # another province, same check character
    ("11010519491232002X", "birth date"),  # 32 December
    ("11010519490229002X", "birth date"),  # 1949 was not a leap year
    ("440524188001010014", "birth date"),  # the standard's 1880 example: not plausible now
    ("11010530001231002X", "birth date"),  # born in the future
    ("99010519491231002X", "region code"),
    ("11010519491231002", "18 characters"), ("11010519491231002XX", "18 characters"),
    ("1101051949123100X2", "18 characters"), ("110105491231002", "18 characters")])
def test_wrong_id_card_numbers(number: str, problem: str) -> None:
    set_language("en")
    with pytest.raises(ValueError, match=problem):
        normalize_id_card(number)
    assert not is_id_card(number)


def test_a_birth_date_is_plausible_until_today() -> None:
    number = "110105202603020018"
    assert check_character(number[:17]) == number[17]
    assert is_id_card(number, today=dt.date(2026, 3, 2))
    assert not is_id_card(number, today=dt.date(2026, 3, 1))


@pytest.mark.parametrize(("given", "stored"), [
    ("13800138000", "13800138000"), ("138 0013 8000", "13800138000"),
    ("+86 138-0013-8000", "13800138000"), ("19912345678", "19912345678")])
def test_mobile_numbers(given: str, stored: str) -> None:
    assert normalize_mobile(given) == stored == normalize_phone(given)


@pytest.mark.parametrize("given", ["12800138000", "1380013800", "138001380000", "23800138000",
                                   "+8613800138000x", "1380013800a", ""])
def test_wrong_mobile_numbers(given: str) -> None:
    with pytest.raises(ValueError, match="11 位"):
        normalize_mobile(given)


@pytest.mark.parametrize(("given", "stored"), [
    ("0519-86681234", "0519-86681234"), ("(0519)86681234", "0519-86681234"),
    ("（０５１９）８６６８１２３４", "0519-86681234"), ("010 62345678", "010-62345678"),
    ("02151234567", "021-51234567"), ("0519-8668123", "0519-8668123"),
    ("0519-86681234转801", "0519-86681234-801"), ("0519-86681234-801", "0519-86681234-801")])
def test_landline_numbers(given: str, stored: str) -> None:
    assert normalize_landline(given) == stored == normalize_phone(given)


@pytest.mark.parametrize("given", ["86681234", "0519-06681234", "0519-866812345",
                                   "0519-866812", "1519-86681234", "010-1234567"])
def test_wrong_landline_numbers(given: str) -> None:
    with pytest.raises(ValueError, match="区号"):
        normalize_landline(given)
    with pytest.raises(ValueError, match="既不是手机号码"):
        normalize_phone(given)


@pytest.mark.parametrize(("change", "problem"), [
    (('key = "summary"\nkind = "text"', 'key = "summary"\nkind = "text"\nrestricted = true'),
     "a form with restricted fields names its readers"),
    (('version = 1', 'version = 1\nreaders = ["leader"]'),
     "a form with restricted fields names its readers"),
    (('version = 1', 'version = 1\nreaders = ["boss"]'), "readers must be a list of: leader"),
    (('version = 1', 'version = 1\nreader_fields = ["date"]'),
     "reader_fields must be a list of:"),
    (('key = "summary"\nkind = "text"', 'key = "summary"\nkind = "text"\nrestricted = 1'),
     "restricted must be true or false"),
    (('key = "mobile"\nkind = "text"', 'key = "mobile"\nkind = "text"\nrestricted = true'),
     "only a form's own fields can be restricted"),
])
def test_restricted_fields_name_their_readers(change, problem) -> None:
    old, new = change
    assert SAMPLE.count(old) == 1
    set_language("en")
    with pytest.raises(FormDefinitionError, match=re.escape(problem)):
        parse(SAMPLE.replace(old, new, 1), "forms/steps/mine.v1.toml")


def test_the_shipped_petition_and_talk_forms_restrict_who_and_what() -> None:
    forms_ = load_all()
    petition, talk = forms_.latest("petition"), forms_.latest("interview")
    assert petition.restricted == ("reporter_name", "reporter_id_card", "reporter_phone",
                                   "reporter_address", "attachments")  # the letter names them
    assert (petition.readers, petition.reader_fields) == (("leader",), ("received_by",))
    assert {"interviewee", "transcript", "mentioned", "attachments"} <= set(talk.restricted)
    assert "interviewers" not in talk.restricted and talk.reader_fields == ("interviewers",
                                                                            "recorder")
    assert all(not f.restricted for form in forms_ if form.key not in ("petition", "interview")
               for f in form.fields)

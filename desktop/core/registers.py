"""Rules of the registers: findings (问题), problem clues (问题线索), petitions (信访) and the
measures tracked until closed out (整改意见建议, 完善制度, 立行立改, 整改).

Pure Python: numbering patterns, the review chain of a finding, amendments of a signed-off
finding, deadlines (feedback on a clue is due three months after its handover; a measure is
overdue after its deadline), and who may see what. The services apply these to the store.

Numbers are given when a finding is signed off (or a clue handed over), from the team's
pattern: only the leader does that, so drafts never use up numbers. Two laptops may still
give the same number before their data is merged; ``duplicate_numbers`` lists those for the
leader, who renumbers one of them.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core import visibility
from desktop.core.errors import XunchaError
from desktop.core.i18n import N_, tr


class RegisterRefused(XunchaError):
    """An action the registers' rules refuse; the detail says why, in the user's language."""

    message = ""


class FindingLocked(RegisterRefused):
    message = N_("Finding {number} is signed off and locked; change it through an amendment")


ASPECT_LABELS = {"party_affairs": N_("Party affairs"), "finance": N_("Finances"),
                 "ecology": N_("Ecology"), "living": N_("Living conditions")}
FOCUS_LABELS = {"three_affairs": N_("Three affairs"), "three_assets": N_("Three assets"),
                "three_lives": N_("Production, living and ecology")}
CLASS_LABELS = {"individual": N_("Individual problem"), "common": N_("Common problem"),
                "stubborn": N_("Stubborn problem")}
STATUS_LABELS = {"drafted": N_("Drafted"), "reviewed": N_("Reviewed"),
                 "signed_off": N_("Signed off")}
CLUE_CATEGORY_LABELS = {
    "political": N_("Political discipline"), "organisational": N_("Organisational discipline"),
    "integrity": N_("Integrity discipline"), "mass": N_("Discipline towards the people"),
    "work": N_("Work discipline"), "life": N_("Discipline in private life"),
    "collective_assets": N_("Collective funds, assets and resources"),
    "benefit_funds": N_("Benefit and relief funds"), "other": N_("Other")}
HANDLING_LABELS = {"talk_or_letter": N_("Talk or letter of inquiry"),
                   "preliminary_check": N_("Preliminary verification"),
                   "hold": N_("Kept for later examination"), "close": N_("Closed without action")}
RECEIVER_LABELS = {
    "discipline_commission": N_("Discipline inspection and supervision commission"),
    "organisation_department": N_("Organisation department")}
TASK_STATUS_LABELS = {"open": N_("Being rectified"), "closed": N_("Closed out")}
LABEL_TABLES = (ASPECT_LABELS, FOCUS_LABELS, CLASS_LABELS, STATUS_LABELS, CLUE_CATEGORY_LABELS,
                HANDLING_LABELS, RECEIVER_LABELS, TASK_STATUS_LABELS)

# ---- numbering ------------------------------------------------------------------------------

PLACEHOLDERS = ("year", "team", "team_no", "seq")
DEFAULT_PATTERNS = {"finding": "〔{year}〕巡-{team_no}组-{seq:02d}",
                    "clue": "〔{year}〕巡线-{team_no}组-{seq:02d}"}
_SEQ_SPEC = re.compile(r"0?[1-9]?d?")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def check_pattern(pattern: str) -> str:
    """The pattern trimmed, or RegisterRefused saying what is wrong with it."""
    pattern = pattern.strip()
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise RegisterRefused(tr("The number pattern has an unmatched brace")) from None
    names = [name for _, name, _, _ in parts if name is not None]
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise RegisterRefused(tr("Unknown placeholder {name} in the number pattern; use "
                                     "{allowed}", name="{" + name + "}",
                                     allowed=", ".join("{" + p + "}" for p in PLACEHOLDERS)))
        if conversion or (spec and (name != "seq" or not _SEQ_SPEC.fullmatch(spec))):
            raise RegisterRefused(tr("Only {seq} may have a width, as in {example}",
                                     seq="{seq}", example="{seq:02d}"))
    if names.count("seq") != 1:
        raise RegisterRefused(tr("The number pattern must contain {placeholder} once",
                                 placeholder="{seq}"))
    return pattern


def team_number(team_name: str) -> str:
    """The team's number from its name: 第二巡察组 → 2, 第12组 → 12; else the name itself."""
    digits = re.search(r"\d+", team_name)
    if digits:
        return str(int(digits.group()))
    found = re.search(r"[零一二三四五六七八九十]+", team_name)
    if not found:
        return team_name
    text, value = found.group(), 0
    if "十" in text:
        tens, _, units = text.partition("十")
        value = 10 * (_NUMERALS.get(tens, 1) if tens else 1)
        text = units
    return str(value + sum(_NUMERALS[c] for c in text[-1:]))


def render_number(pattern: str, *, year: int, team: str, seq: int) -> str:
    """A number from a (checked) pattern: 〔2026〕X巡-2组-01."""
    return check_pattern(pattern).format(year=year, team=team, team_no=team_number(team), seq=seq)


def next_sequence(used: Iterable[int | None]) -> int:
    """One more than the highest sequence given so far (gaps are not refilled)."""
    return max((n for n in used if n), default=0) + 1


def duplicate_numbers(entries: Iterable[tuple[str, str | None]]) -> dict[str, tuple[str, ...]]:
    """number → ids of the records that share it (only numbers given more than once)."""
    groups: dict[str, list[str]] = {}
    for record_id, number in entries:
        if number:
            groups.setdefault(number, []).append(record_id)
    return {n: tuple(sorted(ids)) for n, ids in sorted(groups.items()) if len(ids) > 1}


# ---- the review chain of a finding ----------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    action: str
    before: str
    after: str
    roles: tuple[str, ...]  # who may take it
    role_refusal: str  # English source text, translated when raised
    state_refusal: str


TRANSITIONS = {t.action: t for t in (
    Transition("review", "drafted", "reviewed", ("leader", "deputy"),
               N_("Only the leader or a deputy leader may review a finding"),
               N_("Only a drafted finding can be reviewed")),
    Transition("send_back", "reviewed", "drafted", ("leader", "deputy"),
               N_("Only the leader or a deputy leader may send a finding back"),
               N_("Only a reviewed finding can be sent back")),
    Transition("sign_off", "reviewed", "signed_off", ("leader",),
               N_("Only the leader may sign off a finding"),
               N_("Only a reviewed finding can be signed off")),
)}


def next_status(status: str, action: str, role: str | None) -> str:
    """The status after ``action``, or RegisterRefused when the role or the status forbid it."""
    t = TRANSITIONS[action]
    if role not in t.roles:
        raise RegisterRefused(tr(t.role_refusal))
    if status != t.before:
        raise RegisterRefused(tr(t.state_refusal))
    return t.after


def check_ready_for_review(body: Mapping[str, Any]) -> None:
    if not body.get("basis"):
        raise RegisterRefused(tr("State the basis for the finding before it is reviewed"))


def status_after_edit(status: str, number: str | None) -> str:
    """An edit of a draft keeps it drafted; of a reviewed finding, sends it back for review
    again; of a signed-off finding, is refused (an amendment is needed)."""
    if status == "signed_off":
        raise FindingLocked(number=number or "")
    return "drafted"


AMENDABLE = ("title", "aspect", "focus", "problem_class", "description", "basis",
             "responsible_party", "evidence_records", "evidence_files")


def check_amendment(current: Mapping[str, Any], changes: Mapping[str, Any], reason: str,
                    status: str, role: str | None) -> dict[str, Any]:
    """The changes that really change something, or RegisterRefused."""
    if status != "signed_off":
        raise RegisterRefused(tr("Only a signed-off finding is amended; edit the draft instead"))
    if role != "leader":
        raise RegisterRefused(tr("Only the leader may amend a signed-off finding"))
    if not reason.strip():
        raise RegisterRefused(tr("An amendment needs a reason"))
    for key in changes:
        if key not in AMENDABLE:
            raise RegisterRefused(tr("{field} cannot be amended", field=key))
    real = {k: (v if v not in ("", [], ()) else None) for k, v in changes.items()}
    real = {k: v for k, v in real.items() if v != current.get(k)}
    if not real:
        raise RegisterRefused(tr("An amendment must change at least one field"))
    return real


def apply_amendments(body: Mapping[str, Any], changes: Iterable[Mapping[str, Any]]
                     ) -> dict[str, Any]:
    """The finding as amended: each change in turn (None clears a field)."""
    out = dict(body)
    for change in changes:
        for key, value in change.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
    return out


# ---- deadlines ------------------------------------------------------------------------------

FEEDBACK_MONTHS = 3


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day (30 Nov + 3 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def feedback_due(handed_over_on: dt.date) -> dt.date:
    """The receiver reports back on a clue within three months of its handover."""
    return add_months(handed_over_on, FEEDBACK_MONTHS)


def days_overdue(deadline: dt.date, today: dt.date, closed_on: dt.date | None = None) -> int:
    """Days past the deadline of an open measure (0 when not overdue or closed out)."""
    if closed_on is not None:
        return 0
    return max(0, (today - deadline).days)


def check_close_out(status: str, records: Iterable[str], files: Iterable[str]) -> None:
    """Closing out (销号) needs evidence: a file or a linked record."""
    if status == "closed":
        raise RegisterRefused(tr("This item is already closed out"))
    if not list(records) and not list(files):
        raise RegisterRefused(tr("Closing out needs evidence: attach a file or link a record"))


# ---- who may see what -----------------------------------------------------------------------


Viewer = visibility.Viewer
CLUE_READERS = visibility.CLUE_READERS
REPORTER_FIELDS = ("reporter_name", "reporter_id_card", "reporter_phone", "reporter_address")


def can_see_clue(viewer: Viewer | None, team_id: str, drafted_by: str) -> bool:
    """The drafter, and the leader and deputies of the clue's team (core.visibility)."""
    return viewer is not None and viewer.inspector_id == drafted_by or (
        viewer is not None and viewer.role in CLUE_READERS and viewer.team_id == team_id)


def sees_reporter(viewer: Viewer | None, handler_id: str | None,
                  handler_team: str | None) -> bool:
    """Who a petition's reporter is: only the inspector handling it and the leader of that
    inspector's team know (the form's readers, core.visibility)."""
    if viewer is None or handler_id is None:
        return False
    return viewer.inspector_id == handler_id or (
        viewer.role == "leader" and handler_team is not None and viewer.team_id == handler_team)


def mask_reporter(values: Mapping[str, Any], visible: bool) -> dict[str, Any]:
    """The petition's values with the reporter's identity withheld unless ``visible``."""
    if visible:
        return dict(values)
    return {k: (tr("(withheld)") if k in REPORTER_FIELDS and v else v) for k, v in values.items()}

"""The default steps of a village inspection (巡察环节), in the order the article gives them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    zh: str
    en: str


DEFAULT_STEPS: tuple[Step, ...] = (
    Step("opening_meeting", "见面沟通", "Opening meeting"),
    Step("interview", "个别谈话", "Individual talks"),
    Step("evaluation", "民主测评", "Democratic evaluation"),
    Step("questionnaire", "问卷调查", "Questionnaire"),
    Step("ledger_review", "查阅台账", "Ledger review"),
    Step("household_visit", "进村入户", "Household visits"),
    Step("field_research", "走访调研", "Field research"),
    Step("petition", "办信接访", "Letters and visits"),
)

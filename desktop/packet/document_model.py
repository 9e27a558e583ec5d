"""Read models of the packet's documents: plain frozen dataclasses that ``services.handover``
fills from the store and ``packet`` lays out (packet never reads the store).

- ``ClueSheet``: a problem clue (问题线索) for the handover letter's clue list and its working
  paper (线索底稿), with its evidence: linked step records and attached files.
- ``RecordView``: a step record (谈话记录 …) with its form definition and the names its ids
  stand for; ``record_pdf`` renders any of them from the form.
- ``FindingPaper``: a finding's working paper (问题底稿) with its review chain and amendments.
- ``PlaceMeasures``: the measures of a village (or a town) for the notices (立行立改通知书,
  整改通知书); ``VillageReport``: the village report skeleton (村巡察报告框架).
- ``Posting``: the public version of the problem and rectification list (张榜公布); it holds
  nothing a notice board may not show (the service leaves names and clues out).

Values that need the store to be read (names, form labels of linked records) arrive
resolved; values that are keys of a label table (aspects, categories …) arrive as keys and
are translated when the page is made. Dates are ISO strings as stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.forms import Form

CLUE_RULES = ("new", "all", "none")  # which clues a packet carries (ClueSelection.rule)


@dataclass(frozen=True)
class FileRef:
    """An attached file: its SHA-256 and, when embedded in the packet, its embedded name."""

    sha256: str
    name: str = ""  # E03-1a2b3c4d.jpg; empty when the packet does not carry the file
    size: int = 0


@dataclass(frozen=True)
class RecordLink:
    """A step record linked as evidence: the form's label, its date, its village."""

    id: str
    label: str
    date: str
    village: str


@dataclass(frozen=True)
class ClueSheet:
    id: str
    number: str | None  # given when the clue is handed over in the register
    person: str
    post: str
    town: str
    village: str  # empty: a clue about the town
    category: str  # a key of core.registers.CLUE_CATEGORY_LABELS
    source: str  # the step it came from, as a label
    summary: str
    proposed_handling: str  # a key of core.registers.HANDLING_LABELS
    sealed: bool
    drafted_by: str
    handed_over_to: str | None  # a key of core.registers.RECEIVER_LABELS
    handed_over_on: str | None
    handed_over_by: str
    received_by: str
    feedback_due: str | None
    feedback_on: str | None
    feedback_result: str
    records: tuple[RecordLink, ...] = ()
    files: tuple[FileRef, ...] = ()
    conflict: bool = False

    @property
    def handed_over(self) -> bool:
        return self.handed_over_on is not None

    @property
    def evidence_count(self) -> int:
        return len(self.records) + len(self.files)


@dataclass(frozen=True)
class ClueSelection:
    """Which clues the packet carries and what was left out, for the cover and the letter."""

    rule: str  # CLUE_RULES: not handed over before the packet's date / all / none
    withheld: int = 0  # clues of the chosen villages the signer may not see, or sealed


@dataclass(frozen=True)
class RecordView:
    """A step record with what it takes to show it: the form it was written with, and the
    names of the people and villages its values refer to by id."""

    id: str
    village: str
    form: Form
    values: Mapping[str, Any] = field(hash=False)
    names: Mapping[str, str] = field(hash=False, default_factory=dict)
    files: Mapping[str, FileRef] = field(hash=False, default_factory=dict)  # by SHA-256
    conflict: bool = False
    title: str = ""  # a one-line name for the contents


@dataclass(frozen=True)
class PaperText:
    """The amendable text of a finding, with its evidence resolved."""

    title: str
    aspect: str  # keys of the label tables of core.registers
    focus: str | None
    problem_class: str
    description: str
    basis: str
    responsible_party: str
    records: tuple[RecordLink, ...] = ()
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True)
class TrailStep:
    status: str  # a key of core.registers.STATUS_LABELS
    by: str
    at: str  # wall time (ISO, UTC)


@dataclass(frozen=True)
class AmendmentNote:
    at: str
    by: str
    reason: str
    fields: tuple[str, ...]  # keys of the fields it changed


@dataclass(frozen=True)
class FindingPaper:
    id: str
    number: str | None
    status: str
    town: str
    village: str  # empty: a problem common to the town's villages
    source: str  # the step it came from, as a label
    text: PaperText  # as amended
    signed_text: PaperText | None  # as signed off, when amendments changed it since
    amendments: tuple[AmendmentNote, ...] = ()
    trail: tuple[TrailStep, ...] = ()
    conflict: bool = False


@dataclass(frozen=True)
class Measure:
    kind: str  # core.kinds.TASK_KINDS
    title: str
    measure: str
    responsible: str
    deadline: str
    status: str  # open / closed
    closed_on: str | None = None
    closure_note: str = ""
    finding: str = ""  # number and title of the finding it rectifies, if linked
    days_overdue: int = 0


@dataclass(frozen=True)
class PlaceMeasures:
    """The measures of one village (or of a town, for what is common to its villages)."""

    town: str
    village: str
    measures: tuple[Measure, ...]

    @property
    def place(self) -> str:
        return self.village or self.town

    def of(self, *kinds: str) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.kind in kinds)


@dataclass(frozen=True)
class ReportFigures:
    """A village's figures (as ``queries.round_figures`` counts them) and its step records."""

    findings: int = 0
    signed_off: int = 0
    by_aspect: Mapping[str, int] = field(hash=False, default_factory=dict)
    by_class: Mapping[str, int] = field(hash=False, default_factory=dict)
    suggestions: int = 0
    rules_improved: int = 0
    immediate_rectifications: int = 0
    rectifications: int = 0
    closed_out: int = 0
    clues_handed_over: int = 0
    records: tuple[tuple[str, int], ...] = ()  # (step label, records) in the round's order


@dataclass(frozen=True)
class ReportFinding:
    number: str | None
    title: str
    aspect: str
    common: bool  # common to the town's villages


@dataclass(frozen=True)
class VillageReport:
    district: str
    town: str
    village: str
    figures: ReportFigures
    findings: tuple[ReportFinding, ...]  # signed off, the village's and its town's
    unsigned: int  # findings not yet signed off (left out of the lists)
    suggestions: tuple[str, ...] = ()
    rules_improved: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostingRow:
    """A line of the public list: a problem (or a measure not tied to one) and its measures."""

    problem: str
    aspect: str  # empty for a measure without a finding
    measures: tuple[Measure, ...]  # responsible left empty: no names on a notice board


@dataclass(frozen=True)
class PostingPlace:
    town: str
    village: str
    rows: tuple[PostingRow, ...]


@dataclass(frozen=True)
class Posting:
    round_name: str
    team: str
    issued_on: dt.date
    places: tuple[PostingPlace, ...]


@dataclass(frozen=True)
class Dossier:
    """Everything the documents of a packet are made of (besides PacketContent's own)."""

    round_name: str
    team: str
    receiver: str
    issued_on: dt.date
    villages: tuple[str, ...]  # names of the chosen villages
    clues: tuple[ClueSheet, ...] = ()
    selection: ClueSelection = ClueSelection("new")
    interviews: tuple[RecordView, ...] = ()
    findings: tuple[FindingPaper, ...] = ()
    measures: tuple[PlaceMeasures, ...] = ()
    reports: tuple[VillageReport, ...] = ()
    towns: tuple[str, ...] = ()  # the town of each chosen village
    drafts: bool = False  # unfinished material goes into a 未定稿附件; otherwise it stays out
    unsigned: int = 0  # findings not signed off (in the annex with drafts, else left out)


def local_minute(iso: str | None) -> str:
    """A stored wall time in this computer's time zone, to the minute."""
    if not iso:
        return ""
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso

"""What a handover packet (移交材料) holds: plain read models that services hand to packet/.

A packet is built from a ``PacketContent``: who hands over to whom, the state digest of the
data it was built from, the round's roster summary, the democratic-evaluation results of the
chosen villages, the problem clues it hands over (``ClueSheet``, with the rule that chose
them), further documents (``Document``: the handover letter, working papers, interview
records, notices and report skeletons plug in here, see ``packet.documents``), the evidence
files and the records (with their revision ids) it was built from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from desktop.core.i18n import N_, tr
from desktop.core.questionnaire import Questionnaire
from desktop.core.scoring import Evaluation
from desktop.packet.document_model import ClueSelection, ClueSheet
from desktop.packet.fonts import FontSet
from desktop.packet.session import SessionHeader

# Leading bytes of the file types met as evidence → (media type, file name extension).
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
    (b"%PDF-", "application/pdf", "pdf"),
    (b"II*\x00", "image/tiff", "tif"),
    (b"MM\x00*", "image/tiff", "tif"),
    (b"PK\x03\x04", "application/zip", "zip"),
    (b"\xd0\xcf\x11\xe0", "application/x-ole-storage", "doc"),
    (b"ID3", "audio/mpeg", "mp3"),
    (b"RIFF", "application/octet-stream", "bin"),
)


def sniff(data: bytes) -> tuple[str, str]:
    """(media type, extension) of a file from its first bytes; octet-stream when unknown."""
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE"):
        return ("image/webp", "webp") if data[8:12] == b"WEBP" else ("audio/wav", "wav")
    if data[4:8] == b"ftyp":
        return "video/mp4", "mp4"
    for magic, media_type, extension in _MAGIC:
        if data.startswith(magic):
            return media_type, extension
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream", "bin"
    return "text/plain", "txt"


@dataclass(frozen=True)
class Member:
    name: str
    role: str  # a key of core.kinds.ROLES


@dataclass(frozen=True)
class Place:
    """A chosen village with the town and district it belongs to."""

    district: str
    town: str
    village: str


@dataclass(frozen=True)
class RosterSummary:
    round_name: str
    year: int
    team: str
    members: tuple[Member, ...]
    districts: int  # in the whole round
    towns: int
    villages: int
    chosen: tuple[Place, ...]  # the villages of this packet


@dataclass(frozen=True)
class EvaluationResults:
    """One democratic-evaluation session; ``evaluation`` None when it cannot be counted
    (``problem`` says why, e.g. a serial keyed twice after a merge)."""

    village: str
    questionnaire: Questionnaire
    evaluation: Evaluation | None
    header: SessionHeader
    problem: str = ""

    @property
    def final(self) -> bool:
        """Counted, and the two entries of every ballot agree."""
        return self.evaluation is not None and self.header.verified


@dataclass(frozen=True)
class Document:
    """A further document of the packet: a title (in the contents and the outline) and its
    flowables, made for the packet's fonts; its ``parts`` are subsections (one level down in
    the contents and the outline, nested by town and village when they span several), each
    opening a page. A ``leading`` document comes before
    the round and the team (the handover letter)."""

    title: str
    flowables: Callable[[FontSet], list[Flowable]]
    parts: tuple[Document, ...] = ()
    leading: bool = False
    place: tuple[str, str] = ("", "")  # (town, village) of a part: where the outline nests it


@dataclass(frozen=True)
class Evidence:
    """An evidence file (photo, scan) attached to records of the packet."""

    name: str  # as embedded: unique within the packet, ASCII
    media_type: str
    data: bytes = field(repr=False)
    records: tuple[str, ...]  # ids of the records it is attached to
    described_as: str = ""  # what it belongs to, for the list (e.g. the village's name)

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class RecordRef:
    """A record the packet was built from, with its head revision(s) at the time."""

    id: str
    kind: str
    revisions: tuple[str, ...]


# 密级 of a packet (GB/T 9704: on the cover and at the head of each page); "none" prints none
CLASSIFICATIONS = {"none": N_("Not classified"), "confidential": N_("Confidential"),
                   "secret": N_("Secret"), "top_secret": N_("Top secret")}


def marking(classification: str, copy: int) -> str:
    """The page head's 份号 and 密级: "000001 机密" (empty when neither applies)."""
    parts = [f"{copy:06d}"] if copy > 0 else []
    if classification != "none":
        parts.append(tr(CLASSIFICATIONS[classification]))
    return "　".join(parts)


@dataclass(frozen=True)
class PacketContent:
    number: str  # 材料编号
    issued_on: dt.date
    team: str  # the issuing team
    issuer: str  # the inspector handing over (移交人)
    issuer_role: str
    receiver: str  # 接收人 (person or office)
    digest: str  # state digest of the database the packet was built from
    roster: RosterSummary
    evaluations: tuple[EvaluationResults, ...] = ()
    documents: tuple[Document, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    records: tuple[RecordRef, ...] = ()
    clues: tuple[ClueSheet, ...] = ()  # the problem clues this packet hands over
    clue_selection: ClueSelection = ClueSelection("none")
    classification: str = "secret"  # a key of CLASSIFICATIONS
    copy: int = 1  # 份号 of this copy; 0: not numbered
    drafts: bool = False  # the unfinished material is in a 未定稿附件 (else left out)
    unfinished: tuple[int, int] = (0, 0)  # findings not signed off, evaluations not verified


def evidence_name(n: int, data: bytes) -> str:
    """The embedded name of the n-th evidence file: E01-1a2b3c4d.jpg (ASCII, unique)."""
    _, extension = sniff(data)
    return f"E{n:02d}-{hashlib.sha256(data).hexdigest()[:8]}.{extension}"

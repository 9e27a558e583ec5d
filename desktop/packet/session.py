"""What the results documents say about a 民主测评 session besides the ballots themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Attendance:
    """One category of participants (党员, 村民代表, 群众): expected (应到) and present (实到)."""

    category: str
    expected: int | None = None
    present: int | None = None


@dataclass(frozen=True)
class SessionHeader:
    village: str = ""
    held_on: date | None = None
    attendance: tuple[Attendance, ...] = ()
    # Double entry: True when both entries agree, False while they differ, None when the
    # ballots were not keyed twice (a spreadsheet counted from the command line).
    verified: bool | None = None

    def totals(self) -> Attendance | None:
        """The sum over the categories, when there are several and every number is given."""
        if len(self.attendance) < 2 or any(a.expected is None or a.present is None
                                           for a in self.attendance):
            return None
        return Attendance("", sum(a.expected or 0 for a in self.attendance),
                          sum(a.present or 0 for a in self.attendance))

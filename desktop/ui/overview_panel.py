"""The round at a glance: round, team, who is working, and how much is recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.core.i18n import tr
from desktop.core.kinds import ROLE_LABELS
from desktop.services.queries import RoundSummary, Stats


class OverviewPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for key, label in (("round", tr("Round")), ("team", tr("Team")),
                           ("me", tr("Inspector on this laptop")), ("villages", tr("Villages")),
                           ("revisions", tr("Revisions")), ("digest", tr("State digest"))):
            value = QLabel()
            value.setObjectName(f"overview_{key}")
            self.fields[key] = value
            layout.addRow(tr("{label}:", label=label), value)

    def show_round(self, summary: RoundSummary, stats: Stats) -> None:
        role = tr(ROLE_LABELS[summary.role]) if summary.role in ROLE_LABELS else ""
        self.fields["round"].setText(summary.name)
        self.fields["team"].setText(summary.team)
        self.fields["me"].setText(tr("{name} ({role})", name=summary.inspector, role=role)
                                  if role else summary.inspector)
        self.fields["villages"].setText(str(stats.totals["villages"]))
        self.fields["revisions"].setText(str(stats.revisions))
        self.fields["digest"].setText(stats.digest[:16] + "…")
        self.fields["digest"].setToolTip(stats.digest)

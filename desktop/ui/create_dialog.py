"""The form that creates a new database: file, round, team, the inspector's identity and a
passphrase typed twice. It only collects and checks input; the service does the work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import ROLE_LABELS, ROLES
from desktop.services import roster
from desktop.services.locations import data_dir
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS
from desktop.ui.passphrase_fields import PassphraseFields


class CreateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New database"))
        self.workspace: Workspace | None = None
        self.path = QLineEdit(str(data_dir() / "round.db"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        self.round_name = QLineEdit()
        self.round_name.setPlaceholderText(tr("e.g. 2026 first round of village inspections"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.team = QLineEdit()
        self.team.setPlaceholderText(tr("e.g. Second inspection team"))
        self.inspector = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(tr(ROLE_LABELS[role]), role)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Database file"), path_row)
        form.addRow(tr("Round name"), self.round_name)
        form.addRow(tr("Year"), self.year)
        form.addRow(tr("Team"), self.team)
        form.addRow(tr("Your name"), self.inspector)
        form.addRow(tr("Your role"), self.role)
        self.secret = PassphraseFields(form)
        self.passphrase, self.confirm = self.secret.passphrase, self.secret.confirm
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("New database"), self.path.text(),
                                              tr("Inspection database (*.db)"))
        if name:
            self.path.setText(name)

    def create(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.error.setText(tr("The two passphrases differ"))
            return
        try:
            self.workspace, _ = roster.create_database(
                Path(self.path.text().strip()), self.passphrase.text(), roster.NewRound(
                    round_name=self.round_name.text(), year=self.year.value(),
                    team_name=self.team.text(), inspector_name=self.inspector.text(),
                    role=self.role.currentData()))
        except USER_ERRORS as e:
            self.error.setText(str(e))
            return
        self.accept()

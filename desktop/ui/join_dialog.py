"""Joining a round on a member's laptop from the exchange file the leader hands out."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import ROLE_LABELS, ROLES
from desktop.services import joining
from desktop.services.locations import data_dir
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS
from desktop.ui.passphrase_fields import PassphraseFields


def _file_row(edit: QLineEdit, browse) -> QHBoxLayout:  # type: ignore[no-untyped-def]
    row = QHBoxLayout()
    button = QPushButton(tr("Browse…"))
    button.clicked.connect(browse)
    row.addWidget(edit)
    row.addWidget(button)
    return row


class JoinDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Join a round"))
        self.workspace: Workspace | None = None
        intro = QLabel(tr("Start from the exchange file the leader gave you: the round, the "
                          "team and the villages come with it; this laptop gets your own key."))
        intro.setWordWrap(True)
        self.exchange = QLineEdit()
        self.exchange.setObjectName("exchangeFile")
        self.exchange_passphrase = QLineEdit()
        self.exchange_passphrase.setObjectName("exchangePassphrase")
        self.exchange_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.path = QLineEdit(str(data_dir() / "round.db"))
        self.path.setObjectName("path")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(tr("As the leader wrote it on the roster"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(tr(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(ROLES.index("member"))
        form = QFormLayout()
        form.addRow(tr("Exchange file from the leader"), _file_row(self.exchange, self._browse_in))
        form.addRow(tr("Exchange passphrase"), self.exchange_passphrase)
        form.addRow(tr("New database file"), _file_row(self.path, self._browse_out))
        form.addRow(tr("Your name"), self.name)
        form.addRow(tr("Your role (if you are new to the roster)"), self.role)
        self.secret = PassphraseFields(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Join"))
        buttons.accepted.connect(self.join)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())

    def _browse_in(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Exchange file from the leader"), "",
                                              tr("Exchange files (*.xch);;All files (*)"))
        if name:
            self.exchange.setText(name)

    def _browse_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("New database file"), self.path.text(),
                                              tr("Inspection database (*.db)"))
        if name:
            self.path.setText(name)

    def join(self) -> None:
        passphrase = self.secret.value()
        if passphrase is None:
            self.error.setText(tr("The two passphrases differ"))
            return
        self.error.setText(tr("Checking the exchange file…"))
        self.repaint()
        try:
            self.workspace, _known = joining.join_round(
                Path(self.path.text().strip()), passphrase, Path(self.exchange.text().strip()),
                self.exchange_passphrase.text(), self.name.text(), self.role.currentData())
        except USER_ERRORS as e:
            self.error.setText(str(e))
            return
        self.accept()

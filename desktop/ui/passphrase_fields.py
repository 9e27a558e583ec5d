"""The two passphrase fields of a new database, with a strength hint as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from desktop.core.i18n import tr
from desktop.core.passphrase import strength

COLOURS = {"weak": "#c62828", "fair": "#b26a00", "good": "#2e7d32", "strong": "#1b5e20"}


class PassphraseFields:
    """Adds "Passphrase", its hint and "Passphrase again" rows to a form."""

    def __init__(self, form: QFormLayout) -> None:
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setObjectName("strength")
        self.passphrase.textChanged.connect(self._show_strength)
        form.addRow(tr("Passphrase"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(tr("Passphrase again"), self.confirm)
        self._show_strength("")

    def _show_strength(self, text: str) -> None:
        level, hint = strength(text)
        self.hint.setText(hint if text else tr("Nobody can open the data without it: write it "
                                               "down and keep it apart from the laptop."))
        self.hint.setStyleSheet(f"color: {COLOURS[level] if text else '#555'};")

    def value(self) -> str | None:
        """The passphrase, or None when the two fields differ."""
        return self.passphrase.text() if self.passphrase.text() == self.confirm.text() else None

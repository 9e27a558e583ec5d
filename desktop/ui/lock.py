"""Locking the open database after a while without use, or on request.

``IdleWatcher`` restarts a timer on every key press and mouse action anywhere in the program
and emits ``idle`` when it runs out. Locking hides every window (so nothing of the round shows
on the screen), keeps everything open (drafts, half-keyed ballots, unsaved choices stay as they
are) and asks for the database's passphrase before showing them again.
"""

from __future__ import annotations

import hmac

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int, unit_ms: int = 60_000) -> None:
        """0 turns locking off."""
        self.timer.stop()
        if minutes > 0:
            self.timer.setInterval(minutes * unit_ms)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.interval() and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()


class LockDialog(QDialog):
    """Asks for the passphrase until it is right; the only other way out is quitting."""

    def __init__(self, name: str, passphrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = passphrase.encode()
        self.setWindowTitle(tr("Locked"))
        self.setObjectName("lockDialog")
        self.message = QLabel(tr("{name} is locked. Enter the passphrase to go on.", name=name))
        self.message.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(tr("Quit the program"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.accepted.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.done_quit)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.passphrase, self.problem, buttons):
            layout.addWidget(widget)
        self.quitting = False

    def try_unlock(self) -> None:
        if hmac.compare_digest(self.passphrase.text().encode(), self._secret):
            self.accept()
            return
        self.problem.setText(tr("Wrong passphrase."))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def done_quit(self) -> None:
        self.quitting = True
        self.accept()

    def reject(self) -> None:
        """Escape or the close button do not unlock."""

"""The first screen: create a database, open one (asking its passphrase), or open the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.services import demo
from desktop.services.workspace import Workspace, open_workspace
from desktop.ui.create_dialog import CreateDialog
from desktop.ui.join_dialog import JoinDialog
from desktop.ui.messages import USER_ERRORS, show_error

RECENT_KEY = "recent/databases"
RECENT_KEPT = 5


def recent(settings: QSettings) -> list[Path]:
    """The databases opened last, newest first."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a lone value back as a string
        value = [value]
    return [Path(v) for v in value or [] if v]


class StartDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.workspace: Workspace | None = None
        self.setWindowTitle(tr("Village inspection workbench"))
        title = QLabel(tr("Village inspection workbench"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        hint = QLabel(tr("Your data stays on this laptop, encrypted with your passphrase."))
        hint.setWordWrap(True)
        self.recent_paths = [p for p in recent(settings) if p.exists()]
        self.recent_buttons = []
        for path in self.recent_paths:
            button = QPushButton(tr("Open {name}", name=path.name))
            button.setToolTip(str(path))
            button.clicked.connect(lambda _=False, path=path: self.ask_and_open(path))
            self.recent_buttons.append(button)
        self.create_button = QPushButton(tr("Create a new database…"))
        self.create_button.clicked.connect(self.create)
        self.open_button = QPushButton(tr("Open a database…"))
        self.open_button.clicked.connect(self.browse)
        self.join_button = QPushButton(tr("Join a round from the leader's exchange file…"))
        self.join_button.clicked.connect(self.join)
        self.demo_button = QPushButton(tr("Open the demo round"))
        self.demo_button.clicked.connect(self.open_demo)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        for button in (*self.recent_buttons, self.create_button, self.join_button,
                       self.open_button, self.demo_button):
            button.setMinimumHeight(36)
            layout.addWidget(button)
        (self.recent_buttons[0] if self.recent_buttons else self.demo_button).setDefault(True)
        self.setMinimumWidth(420)

    def _done(self, ws: Workspace) -> None:
        self.workspace = ws
        paths = [ws.path.resolve(), *(p for p in recent(self.settings)
                                      if p.resolve() != ws.path.resolve())]
        self.settings.setValue(RECENT_KEY, [str(p) for p in paths[:RECENT_KEPT]])
        self.accept()

    def join(self) -> None:
        dialog = JoinDialog(self)
        if dialog.exec() and dialog.workspace:
            self._done(dialog.workspace)

    def create(self) -> None:
        dialog = CreateDialog(self)
        if dialog.exec() and dialog.workspace:
            self._done(dialog.workspace)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open a database…"), "",
                                              tr("Inspection database (*.db)"))
        if name:
            self.ask_and_open(Path(name))

    def ask_and_open(self, path: Path) -> None:
        passphrase, ok = QInputDialog.getText(
            self, tr("Passphrase"), tr("Passphrase for {name}:", name=path.name),
            QLineEdit.EchoMode.Password)
        if ok:
            self.open_path(path, passphrase)

    def open_path(self, path: Path, passphrase: str) -> bool:
        try:
            ws = open_workspace(path, passphrase)
        except USER_ERRORS as e:
            show_error(self, e)
            return False
        self._done(ws)
        return True

    def open_demo(self) -> None:
        try:
            ws = demo.open_demo()
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self._done(ws)

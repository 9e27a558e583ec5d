"""The round's devices and their fingerprints; where the leader enrols and revokes them.

A member reads this laptop's fingerprint from here to the leader, who types its start when
enrolling the device that signed a member's first exchange file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.services import enrolment, trust
from desktop.services.workspace import Workspace, open_workspace
from desktop.ui.messages import show_error

STATUS = {"root": N_("Founded the round"), "enrolled": N_("Enrolled"), "revoked": N_("Revoked"),
          "": N_("Not enrolled")}
COLUMNS = (N_("Inspector"), N_("Fingerprint"), N_("Status"), N_("This laptop"))


class DevicesDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(tr("Devices of the round"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.revoke_button = QPushButton(tr("Revoke the selected device…"))
        self.revoke_button.clicked.connect(self._revoke)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Read this laptop's fingerprint to the team leader, who "
                                   "compares it before enrolling the laptop.")))
        layout.addWidget(self.table)
        layout.addWidget(self.revoke_button)
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.reload()

    def reload(self) -> None:
        self.devices = enrolment.devices(self.ws)
        root = any(d.this_laptop and d.status == "root" for d in self.devices)
        self.revoke_button.setVisible(root)
        self.table.setRowCount(len(self.devices))
        for row, d in enumerate(self.devices):
            for col, text in enumerate((d.name, trust.grouped(d.fingerprint), tr(STATUS[d.status]),
                                        tr("Yes") if d.this_laptop else "")):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _revoke(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.devices[row].status != "enrolled":
            QMessageBox.information(self, tr("Devices of the round"),
                                    tr("Select an enrolled device to revoke."))
            return
        device = self.devices[row]
        answer = QMessageBox.question(
            self, tr("Revoke the selected device…"),
            tr("Revoke the laptop of {name} for good? Nothing it writes from now on will merge; "
               "what it brought stays.", name=device.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            enrolment.revoke(self.ws, device.device_id)
        except errors.XunchaError as e:
            show_error(self, e)
        self.reload()


def enrol_from_file(parent: QWidget, target: Path, passphrase: str, exchange_file: Path,
                    exchange_passphrase: str) -> bool:
    """Ask the leader to compare and type the fingerprint of the device that signed
    ``exchange_file``, then enrol it in ``target``. Returns whether it was enrolled."""
    ws = open_workspace(target, passphrase)
    try:
        who = enrolment.candidate(exchange_file, exchange_passphrase, ws)
        typed, ok = QInputDialog.getText(
            parent, tr("Enrol a device"),
            tr("{name} signed {file} on a laptop with the fingerprint\n\n{fingerprint}\n\nAsk "
               "them to open Team ▸ Devices of the round on their laptop and read its "
               "fingerprint. If it is the same, type its first 8 characters or more here:",
               name=who.name, file=exchange_file.name,
               fingerprint=trust.grouped(who.fingerprint)),
            QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
        enrolment.enrol(ws, who, typed)
    except errors.XunchaError as e:
        show_error(parent, e)
        return False
    finally:
        ws.close()
    return True

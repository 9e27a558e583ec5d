"""Settings: the interface language (applies at the next start) and the idle time to lock."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from desktop.core.i18n import tr

LANGUAGE_KEY = "ui/language"
IDLE_KEY = "lock/idle_minutes"
DEFAULT_IDLE_MINUTES = 10
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(
            settings.value(LANGUAGE_KEY, "zh_CN"))))
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(tr("never"))
        self.idle.setSuffix(tr(" min"))
        self.idle.setValue(int(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Interface language"), self.language)
        form.addRow(QLabel(tr("The language changes the next time the program starts.")))
        form.addRow(tr("Lock after this long without use"), self.idle)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.setValue(IDLE_KEY, self.idle.value())
        self.settings.sync()
        super().accept()

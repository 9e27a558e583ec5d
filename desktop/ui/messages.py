"""Showing errors to the user: one place that turns an exception into a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core import errors
from desktop.core.i18n import tr

USER_ERRORS = (errors.XunchaError,)


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show the error's message in a window-modal box that does not block the caller."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Cannot do that"), describe(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def describe(error: BaseException) -> str:
    """The user's message for a known error; a short first line for an unexpected one."""
    if isinstance(error, errors.XunchaError):
        return str(error)
    first = (str(error).splitlines() or [""])[0][:300]
    return tr("Unexpected error ({kind}): {detail}", kind=type(error).__name__, detail=first)

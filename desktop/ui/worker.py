"""Running long work (merge, export) off the GUI thread, reporting progress by signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class Worker(QThread):
    """Runs ``job(progress)`` in a thread; when ``done`` fires, ``result`` or ``error`` is set.

    Only plain strings cross threads in signals; the result is read from the worker after
    ``done``, on the GUI thread.
    """

    progress = Signal(str)
    done = Signal()

    def __init__(self, job: Callable[[Callable[[str], None]], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.result: Any = None
        self.error: Exception | None = None
        self.finished.connect(self.done.emit)

    def run(self) -> None:
        try:
            self.result = self.job(self.progress.emit)
        except Exception as e:  # shown to the user by the receiver, never lost
            self.error = e

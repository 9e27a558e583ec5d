"""A register as a table: a filter box, the rows, and the buttons that act on the chosen row.

Each register tab (findings, clues, petitions, measures) gives its headers and rows; the
filter hides the rows that do not contain the typed words (in any column) as you type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
WARNING = QColor("#fde7e7")


class RegisterTable(QWidget):
    def __init__(self, headers: Sequence[str],
                 buttons: Sequence[tuple[str, Callable[[], None]]]) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(tr("Filter: type any words of a row"))
        self.filter.textChanged.connect(self.apply_filter)
        self.note = QLabel()
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[text] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str], bool]]) -> None:
        """(record id, cells, highlighted) per row; the choice and the filter are kept."""
        chosen = self.current_id()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, (rid, cells, highlighted) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, rid)
                if highlighted:
                    item.setBackground(WARNING)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        self.apply_filter(self.filter.text())
        if chosen:
            self.choose(chosen)

    def apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for r in range(self.table.rowCount()):
            line = " ".join(self.table.item(r, c).text().lower()
                            for c in range(self.table.columnCount()) if self.table.item(r, c))
            self.table.setRowHidden(r, not all(w in line for w in words))

    def visible_rows(self) -> int:
        return sum(not self.table.isRowHidden(r) for r in range(self.table.rowCount()))

    def current_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(ID_ROLE) if item is not None else None

    def choose(self, record_id: str) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == record_id:
                self.table.selectRow(r)
                return True
        return False

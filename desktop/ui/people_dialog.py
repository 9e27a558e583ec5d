"""The people of a village: 两委 members, party members, villagers that forms can name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import PERSON_CATEGORIES, PERSON_CATEGORY_LABELS
from desktop.services import people, roster
from desktop.services.workspace import Workspace
from desktop.ui.messages import USER_ERRORS, show_error
from desktop.ui.register_table import ID_ROLE


class PeopleDialog(QDialog):
    def __init__(self, ws: Workspace, village_id: str, village: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.village_id = village_id
        self.setWindowTitle(tr("People of {village}", village=village))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Category"), tr("Post")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.name.setObjectName("personName")
        self.name.setPlaceholderText(tr("Name"))
        self.category = QComboBox()
        for key in PERSON_CATEGORIES:
            self.category.addItem(tr(PERSON_CATEGORY_LABELS[key]), key)
        self.post = QLineEdit()
        self.post.setPlaceholderText(tr("Post, e.g. 村党总支书记"))
        add = QPushButton(tr("Add"))
        add.setDefault(True)
        add.clicked.connect(self.add)
        remove = QPushButton(tr("Delete"))
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        for widget in (self.name, self.category, self.post, add, remove):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        found = people.people_of(self.ws, self.village_id)
        self.table.setRowCount(len(found))
        for r, p in enumerate(found):
            for c, text in enumerate((p.name, tr(PERSON_CATEGORY_LABELS[p.category]), p.post)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, p.id)
                self.table.setItem(r, c, item)

    def add(self) -> None:
        try:
            people.add_person(self.ws, self.village_id, self.name.text(),
                              self.category.currentData(), self.post.text())
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.name.clear()
        self.post.clear()
        self.name.setFocus()
        self.reload()

    def remove(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        answer = QMessageBox.question(
            self, tr("Delete"), tr("Delete {name}? It can be brought back from Deleted records.",
                                   name=item.text()))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                roster.delete_record(self.ws, item.data(ID_ROLE))
            except USER_ERRORS as e:
                show_error(self, e)
            self.reload()

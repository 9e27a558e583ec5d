"""The round tree (district → town → village) as a Qt item model built from read rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.core.i18n import tr
from desktop.services.queries import Node

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _label(node: Node) -> str:
    badge = "⚠ " if node.conflict else ""
    if node.kind == "village":
        return badge + node.name
    villages = sum(len(t.children) for t in node.children) if node.kind == "district" \
        else len(node.children)
    return badge + tr("{name} ({n} villages)", name=node.name, n=villages)


def _item(node: Node) -> QStandardItem:
    item = QStandardItem(_label(node))
    item.setEditable(False)
    item.setData(node, NODE_ROLE)
    if node.conflict:
        item.setToolTip(tr("This record has conflicting edits"))
    for child in node.children:
        item.appendRow(_item(child))
    return item


class RoundTreeModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([tr("Districts, towns and villages")])

    def load(self, nodes: tuple[Node, ...]) -> None:
        self.removeRows(0, self.rowCount())
        for node in nodes:
            self.appendRow(_item(node))

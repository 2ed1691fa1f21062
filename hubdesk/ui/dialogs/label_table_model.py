"""Labels as a table: name, colour swatch, description, how many contacts carry it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hubdesk.core.labels import LabelInfo
from hubdesk.ui.widgets.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class LabelTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("LabelTableModel", "Name"),
               QT_TRANSLATE_NOOP("LabelTableModel", "Colour"),
               QT_TRANSLATE_NOOP("LabelTableModel", "Description"),
               QT_TRANSLATE_NOOP("LabelTableModel", "Contacts"))
    NAME, COLOUR, DESCRIPTION, CONTACTS = range(4)
    InfoRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[LabelInfo] = []

    def set_labels(self, rows: list[LabelInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def labels(self) -> list[LabelInfo]:
        return list(self._rows)

    def row_of(self, label_id: int) -> int:
        return next((i for i, lb in enumerate(self._rows) if lb.id == label_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, column = self._rows[index.row()], index.column()
        if role == self.InfoRole:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (info.name, info.color, info.description, info.contacts)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR:
            return QColor(info.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CONTACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

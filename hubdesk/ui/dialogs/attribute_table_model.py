"""The custom attribute definitions as a table: name, key, type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hubdesk.core.attributes import AttributeInfo
from hubdesk.ui.widgets.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


def type_name(type_: str) -> str:
    names = {
        "text": QT_TRANSLATE_NOOP("AttributeTypes", "Text"),
        "number": QT_TRANSLATE_NOOP("AttributeTypes", "Number"),
        "currency": QT_TRANSLATE_NOOP("AttributeTypes", "Currency"),
        "percent": QT_TRANSLATE_NOOP("AttributeTypes", "Percent"),
        "link": QT_TRANSLATE_NOOP("AttributeTypes", "Link"),
        "date": QT_TRANSLATE_NOOP("AttributeTypes", "Date"),
        "list": QT_TRANSLATE_NOOP("AttributeTypes", "List"),
        "checkbox": QT_TRANSLATE_NOOP("AttributeTypes", "Checkbox"),
    }
    return QCoreApplication.translate("AttributeTypes", names.get(type_, type_))


class AttributeTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("AttributeTableModel", "Name"),
               QT_TRANSLATE_NOOP("AttributeTableModel", "Key"),
               QT_TRANSLATE_NOOP("AttributeTableModel", "Type"))
    InfoRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AttributeInfo] = []

    def set_definitions(self, rows: list[AttributeInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def definitions(self) -> list[AttributeInfo]:
        return list(self._rows)

    def row_of(self, definition_id: int) -> int:
        return next((i for i, d in enumerate(self._rows) if d.id == definition_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == self.InfoRole:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return info.label
            if index.column() == 1:
                return info.key
            if info.type == "list":
                return self.tr("List (%n options)").replace("%n", str(len(info.options)))
            return type_name(info.type)
        return None

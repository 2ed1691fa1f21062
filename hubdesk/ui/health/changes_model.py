"""A fix's preview as a table: which contact, which field, the value now and after the fix."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hubdesk.core.health_fixes import FieldChange
from hubdesk.ui.widgets.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


def field_name(key: str) -> str:
    kind = key.split(":")[0]
    return {
        "phone": QCoreApplication.translate("ChangesModel", "Phone"),
        "extra_phone": QCoreApplication.translate("ChangesModel", "Other phone"),
        "email": QCoreApplication.translate("ChangesModel", "Email"),
        "extra_email": QCoreApplication.translate("ChangesModel", "Other email"),
        "timezone": QCoreApplication.translate("ChangesModel", "Time zone"),
    }.get(kind, kind)


class ChangesModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ChangesModel", "Contact"),
               QT_TRANSLATE_NOOP("ChangesModel", "Field"),
               QT_TRANSLATE_NOOP("ChangesModel", "Now"),
               QT_TRANSLATE_NOOP("ChangesModel", "After the fix"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, FieldChange]] = []

    def set_changes(self, changes: list[FieldChange], names: dict[int, str]) -> None:
        self._set_rows((names.get(c.contact_id, f"#{c.contact_id}"), c) for c in changes)

    def change(self, row: int) -> FieldChange:
        return self._rows[row][1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        # Item views draw these as plain text: names and values come from users' files.
        name, change = self._rows[index.row()]
        text = (name, field_name(change.field), change.before, change.after)[index.column()]
        if not text and index.column() == 2:
            return QCoreApplication.translate("ChangesModel", "(empty)")
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate("ChangesModel", self.COLUMNS[section])
        return super().headerData(section, orientation, role)

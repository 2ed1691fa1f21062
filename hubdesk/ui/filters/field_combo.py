"""The field chooser of a condition row: every field a filter can test, in three groups
(contact fields, labels and activity, custom attributes) under headers that cannot be chosen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from hubdesk.core.filters.resolve import FilterField

KEY_ROLE = Qt.ItemDataRole.UserRole


def field_label(f: FilterField) -> str:
    """Built-in field names are ours to translate; attribute labels are the user's words."""
    return f.label if f.attribute_id else QCoreApplication.translate("FilterField", f.label)


def field_group(f: FilterField) -> int:
    if f.attribute_id:
        return 2
    return 1 if f.kind in ("date", "labels", "presence") or f.key == "conversation_status" \
        else 0


class FieldCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Field"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaxVisibleItems(20)

    def set_fields(self, fields: list[FilterField]) -> None:
        """Fill (or refill, keeping the choice when the field still exists)."""
        keep = self.current_key()
        headers = (self.tr("Contact"), self.tr("Labels and activity"),
                   self.tr("Custom attributes"))
        model = QStandardItemModel(self)
        for group, header in enumerate(headers):
            members = [f for f in fields if field_group(f) == group]
            if not members:
                continue
            title = QStandardItem(header)
            title.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a choice
            font = QFont(self.font())
            font.setBold(True)
            title.setFont(font)
            model.appendRow(title)
            for f in members:
                item = QStandardItem(field_label(f))
                item.setData(f.key, KEY_ROLE)
                item.setToolTip(f.name)  # the name the text syntax uses
                model.appendRow(item)
        self.blockSignals(True)
        self.setModel(model)
        self.blockSignals(False)
        if not (keep and self.select_key(keep)):
            self.setCurrentIndex(-1)
            self.select_first()

    def current_key(self) -> str:
        return self.currentData(KEY_ROLE) or ""

    def select_key(self, key: str) -> bool:
        index = self.findData(key, KEY_ROLE)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def select_first(self) -> None:
        for row in range(self.count()):
            if self.itemData(row, KEY_ROLE):
                self.setCurrentIndex(row)
                return

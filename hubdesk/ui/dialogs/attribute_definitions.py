"""Settings → Custom attributes: add, rename, reorder, retype and delete definitions.

Definitions are settings, not per-contact edits, so they are written straight through the core
services (one write session per action) rather than the contact undo stack; the store's
attributesChanged tells the rest of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import ATTRIBUTE_TYPES
from hubdesk.ui.dialogs import ask
from hubdesk.ui.dialogs.action_button import action_button, not_on_enter
from hubdesk.ui.dialogs.attribute_table_model import AttributeTableModel, type_name
from hubdesk.ui.dialogs.attribute_type_change import change_type
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.dialogs.new_attribute import NewAttributeDialog, options_from_text
from hubdesk.ui.store import ContactStore


class AttributeDefinitionsDialog(QDialog):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Custom attributes"))
        self.model = AttributeTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Custom attributes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)

        self.add_button = action_button(self.tr("Add…"))
        self.up_button = action_button(self.tr("Move up"))
        self.down_button = action_button(self.tr("Move down"))
        self.delete_button = action_button(self.tr("Delete…"))
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addLayout(list_buttons)

        self.details = self._build_details()
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.details, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        not_on_enter(close.button(QDialogButtonBox.StandardButton.Close))
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(close)
        for button, name in ((self.add_button, self.tr("Add attribute")),
                             (self.up_button, self.tr("Move attribute up")),
                             (self.down_button, self.tr("Move attribute down")),
                             (self.delete_button, self.tr("Delete attribute"))):
            button.setAccessibleName(name)

        self.add_button.clicked.connect(self.add)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.delete_button.clicked.connect(self.delete)
        self.reload()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.select_row(0)
        self.resize(860, 480)

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected attribute"))
        self.name_edit = QLineEdit()
        self.key_label = QLabel()
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.type_combo = QComboBox()
        for t in ATTRIBUTE_TYPES:
            self.type_combo.addItem(type_name(t), t)
        self.change_type_button = action_button(self.tr("Change type…"))
        self.options_edit = QPlainTextEdit()
        self.options_edit.setPlaceholderText(self.tr("One option per line"))
        self.options_edit.setTabChangesFocus(True)
        self.save_button = action_button(self.tr("Save changes"))
        self.messages = {k: FieldMessage() for k in ("label", "type", "options")}
        for widget, name in ((self.name_edit, self.tr("Attribute name")),
                             (self.key_label, self.tr("Attribute key")),
                             (self.type_combo, self.tr("Attribute type")),
                             (self.change_type_button, self.tr("Change attribute type")),
                             (self.options_edit, self.tr("List options")),
                             (self.save_button, self.tr("Save attribute changes"))):
            widget.setAccessibleName(name)

        type_row = QHBoxLayout()
        type_row.addWidget(self.type_combo, 1)
        type_row.addWidget(self.change_type_button)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), _stack(self.name_edit, self.messages["label"]))
        form.addRow(self.tr("Key"), self.key_label)
        form.addRow(self.tr("Type"), _stack(type_row, self.messages["type"]))
        self.options_label = QLabel(self.tr("Options"))
        form.addRow(self.options_label, _stack(self.options_edit, self.messages["options"]))
        form.addRow("", self.save_button)

        self.name_edit.textEdited.connect(lambda _t: self._update_buttons())
        self.name_edit.returnPressed.connect(self.save_details)
        self.options_edit.textChanged.connect(self._update_buttons)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.change_type_button.clicked.connect(self.change_type)
        self.save_button.clicked.connect(self.save_details)
        return box

    # --- state -----------------------------------------------------------------------------
    def current(self) -> AttributeInfo | None:
        index = self.table.currentIndex()
        return self.model.data(index, AttributeTableModel.InfoRole) if index.isValid() else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else getattr(self.current(), "id", None)
        self.model.set_definitions(self.store.attribute_definitions())
        row = self.model.row_of(keep) if keep is not None else 0
        self.select_row(max(row, 0))

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_selected()

    def _show_selected(self) -> None:
        info = self.current()
        self.details.setEnabled(info is not None)
        for message in self.messages.values():
            message.clear_message()
        self.name_edit.setText(info.label if info else "")
        self.key_label.setText(info.key if info else "")
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(info.type if info
                                                                        else "text")))
        self.options_edit.setPlainText("\n".join(info.options) if info else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.current()
        row = self.table.currentIndex().row()
        self.up_button.setEnabled(info is not None and row > 0)
        self.down_button.setEnabled(info is not None and row < self.model.rowCount() - 1)
        self.delete_button.setEnabled(info is not None)
        wanted = self.type_combo.currentData()
        shows_options = wanted == "list"
        self.options_label.setVisible(shows_options)
        self.options_edit.setVisible(shows_options)
        if info is None:
            return
        self.change_type_button.setEnabled(wanted != info.type)
        renamed = self.name_edit.text().strip() != info.label
        reoptioned = (info.type == "list" and wanted == "list"
                      and tuple(options_from_text(self.options_edit.toPlainText())) != info.options)
        self.save_button.setEnabled(renamed or reoptioned)

    # --- actions ---------------------------------------------------------------------------
    def _write(self, step: Callable[[Session], Any], message_key: str = "label") -> Any:
        """Run one change in its own write session; a refusal is shown beside the field."""
        try:
            with self.store.db.session() as s:
                result = step(s)
        except ValidationError as exc:
            self.messages[message_key].show_error("; ".join(exc.errors.values()))
            return None
        self.store.attributesChanged.emit()
        return result

    def add(self) -> None:
        dialog = NewAttributeDialog(self.store, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.store.attributesChanged.emit()
            self.reload(dialog.created.id)

    def save_details(self) -> None:
        info = self.current()
        if info is None or not self.save_button.isEnabled():
            return
        label = self.name_edit.text()
        options = None
        if info.type == "list" and self.type_combo.currentData() == "list":
            options = options_from_text(self.options_edit.toPlainText())
        key = "options" if options is not None and label.strip() == info.label else "label"
        if self._write(lambda s: attrs.update_attribute(s, info.id, label=label,
                                                        options=options), key) is not None:
            self.reload(info.id)

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row()
        ids = [d.id for d in self.model.definitions()]
        target = row + step
        if not (0 <= row < len(ids) and 0 <= target < len(ids)):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._write(lambda s: attrs.reorder_attributes(s, ids))
        self.reload(ids[target])

    def _value_count(self, definition_id: int) -> int:
        return self.store.read(lambda s: attrs.attribute_usage(s, definition_id))

    def delete(self) -> None:
        info = self.current()
        if info is None:
            return
        count = self._value_count(info.id)
        detail = (self.tr("%n contact(s) have a value for it; those values will be deleted "
                          "too.").replace("%n", str(count)) if count else
                  self.tr("No contact has a value for it."))
        if not ask.confirm(self, self.tr("Delete attribute"),
                           self.tr("Delete the attribute “%1”?").replace("%1", info.label),
                           detail + " " + self.tr("This cannot be undone."),
                           yes_text=self.tr("Delete")):
            return
        row = self.table.currentIndex().row()
        self._write(lambda s: attrs.delete_attribute(s, info.id))
        # Undo steps may set values of this attribute, which no longer exists.
        self.store.undo_stack.clear()
        self.model.set_definitions(self.store.attribute_definitions())
        self.select_row(min(row, self.model.rowCount() - 1))

    def change_type(self) -> None:
        info = self.current()
        if info is None:
            return
        new_type = self.type_combo.currentData()
        options = options_from_text(self.options_edit.toPlainText()) if new_type == "list" \
            else None
        if change_type(self, self.store, info, new_type, options, self.messages["type"]):
            self.reload(info.id)


def _stack(item: QWidget | QHBoxLayout, message: FieldMessage) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setSpacing(2)
    if isinstance(item, QWidget):
        layout.addWidget(item)
    else:
        layout.addLayout(item)
    layout.addWidget(message)
    return layout

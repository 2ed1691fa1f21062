"""Manage labels: rename, recolour, describe and delete them for every contact at once.

Labels are settings rather than per-contact edits, so they are written straight through the
core services (one write session per action); the store's labelsChanged tells the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from hubdesk.core import labels
from hubdesk.core.errors import ValidationError
from hubdesk.core.labels import LabelInfo
from hubdesk.ui.dialogs import ask
from hubdesk.ui.dialogs.action_button import action_button, not_on_enter
from hubdesk.ui.dialogs.color_picker import ColorPicker
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.dialogs.label_table_model import LabelTableModel
from hubdesk.ui.store import ContactStore


class LabelsManagerDialog(QDialog):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Manage labels"))
        self.model = LabelTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Labels"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LabelTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(LabelTableModel.NAME, 180)

        self.details = self._build_details()
        self.empty = QLabel(self.tr("No labels yet. Add labels to contacts from their "
                                    "profile or when editing them."))
        self.empty.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        not_on_enter(close.button(QDialogButtonBox.StandardButton.Close))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.reload()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.select_row(0)
        self.resize(760, 520)

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected label"))
        self.name_edit = QLineEdit()
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("What this label means (optional)"))
        self.colors = ColorPicker()
        self.save_button = action_button(self.tr("Save changes"))
        self.delete_button = action_button(self.tr("Delete label…"))
        self.messages = {"label": FieldMessage(), "color": FieldMessage()}
        for widget, name in ((self.name_edit, self.tr("Label name")),
                             (self.description_edit, self.tr("Label description")),
                             (self.save_button, self.tr("Save label changes")),
                             (self.delete_button, self.tr("Delete label"))):
            widget.setAccessibleName(name)
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.messages["label"])
        color_box = QVBoxLayout()
        color_box.setSpacing(2)
        color_box.addWidget(self.colors)
        color_box.addWidget(self.messages["color"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), name_box)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Colour"), color_box)
        form.addRow(buttons)

        self.name_edit.textEdited.connect(lambda _t: self._update_buttons())
        self.description_edit.textEdited.connect(lambda _t: self._update_buttons())
        self.name_edit.returnPressed.connect(self.save_details)
        self.description_edit.returnPressed.connect(self.save_details)
        self.save_button.clicked.connect(self.save_details)
        self.delete_button.clicked.connect(self.delete)
        self.colors.picked.connect(self.recolor)
        return box

    # --- state -----------------------------------------------------------------------------
    def current(self) -> LabelInfo | None:
        index = self.table.currentIndex()
        return self.model.data(index, LabelTableModel.InfoRole) if index.isValid() else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else getattr(self.current(), "id", None)
        self.model.set_labels(self.store.all_labels())
        has_labels = self.model.rowCount() > 0
        self.table.setVisible(has_labels)
        self.empty.setVisible(not has_labels)
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
        self.name_edit.setText(info.name if info else "")
        self.description_edit.setText(info.description if info else "")
        self.colors.set_current(info.color if info else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.current()
        self.save_button.setEnabled(info is not None and (
            self.name_edit.text().strip() != info.name
            or self.description_edit.text().strip() != info.description))

    # --- actions ---------------------------------------------------------------------------
    def _write(self, step: Callable[[Session], Any], message_key: str = "label") -> bool:
        try:
            with self.store.db.session() as s:
                step(s)
        except ValidationError as exc:
            self.messages[message_key].show_error("; ".join(exc.errors.values()))
            return False
        self.store.labelsChanged.emit()
        return True

    def save_details(self) -> None:
        info = self.current()
        if info is None or not self.save_button.isEnabled():
            return
        name = self.name_edit.text() if self.name_edit.text().strip() != info.name else None
        description = self.description_edit.text()
        if self._write(lambda s: labels.update_label(s, info.id, name=name,
                                                     description=description)):
            self.status.setText(self.tr("Saved “%1”.").replace("%1", self.name_edit.text()
                                                                 .strip()))
            self.reload(info.id)

    def recolor(self, color: str) -> None:
        info = self.current()
        if info is None:
            return
        if self._write(lambda s: labels.update_label(s, info.id, color=color), "color"):
            self.reload(info.id)
        else:
            self.colors.set_current(info.color)

    def delete(self) -> None:
        info = self.current()
        if info is None:
            return
        count = self.store.read(lambda s: labels.label_usage(s, info.id))
        text = self.tr("Delete the label “%1”?").replace("%1", info.name)
        detail = (self.tr("It will be removed from %n contact(s); the contacts themselves "
                          "are kept.").replace("%n", str(count)) if count else
                  self.tr("No contact has this label."))
        if not ask.confirm(self, self.tr("Delete label"), text, detail,
                           yes_text=self.tr("Delete")):
            return
        row = self.table.currentIndex().row()
        affected = 0

        def step(s: Session) -> None:
            nonlocal affected
            affected = labels.delete_label(s, info.id)

        if self._write(step):
            self.status.setText(self.tr("Deleted “%1” from %n contact(s).")
                                .replace("%1", info.name).replace("%n", str(affected)))
            self.reload()
            self.select_row(min(row, self.model.rowCount() - 1))

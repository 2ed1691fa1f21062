"""Define a new custom attribute: a name, a key derived from it, a type, and list options."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.attributes import AttributeInfo, define_attribute
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import ATTRIBUTE_TYPES
from hubdesk.ui.dialogs.attribute_table_model import type_name
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.store import ContactStore


def suggest_key(label: str, taken: set[str]) -> str:
    """'Customer rank' → 'customer_rank'; a name with no Latin letters (顧客ランク) gets
    'attribute', and a taken key a number: the user may edit it before saving."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:60]
    if not key or not key[0].isalpha():
        key = f"attribute_{key}".rstrip("_") if key else "attribute"
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}_{n}", n + 1
    return candidate


def options_from_text(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class NewAttributeDialog(QDialog):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.created: AttributeInfo | None = None
        self._taken = {d.key for d in store.attribute_definitions()}
        self._key_edited = False
        self.setWindowTitle(self.tr("New attribute"))
        self.setMinimumWidth(440)

        self.name = QLineEdit()
        self.key = QLineEdit()
        self.type = QComboBox()
        for t in ATTRIBUTE_TYPES:
            self.type.addItem(type_name(t), t)
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(self.tr("One option per line"))
        self.options.setTabChangesFocus(True)
        self.options.setMaximumHeight(120)
        self.messages = {k: FieldMessage() for k in ("label", "key", "type", "options")}
        for widget, name in ((self.name, self.tr("Name")), (self.key, self.tr("Key")),
                             (self.type, self.tr("Type")), (self.options, self.tr("Options"))):
            widget.setAccessibleName(name)
        self.key.setToolTip(self.tr("Used in imports, exports and the command line "
                                    "(--attr key=value); cannot be changed later"))

        self._options_label = QLabel(self.tr("Options"))
        form = QFormLayout()
        for label, widget, key in ((self.tr("Name"), self.name, "label"),
                                   (self.tr("Key"), self.key, "key"),
                                   (self.tr("Type"), self.type, "type"),
                                   (self._options_label, self.options, "options")):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.messages[key])
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add attribute"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.name.textEdited.connect(self._name_edited)
        self.key.textEdited.connect(self._key_typed)
        self.type.currentIndexChanged.connect(self._update)
        self.options.textChanged.connect(self._update)
        self._update()

    def _name_edited(self, text: str) -> None:
        # The key follows the name until the user types a key of their own.
        if not self._key_edited:
            self.key.setText(suggest_key(text, self._taken) if text.strip() else "")
        self._update()

    def _key_typed(self, _text: str) -> None:
        self._key_edited = True
        self._update()

    def _update(self) -> None:
        is_list = self.type.currentData() == "list"
        self.options.setVisible(is_list)
        self.messages["options"].setVisible(is_list and bool(self.messages["options"].text()))
        self._options_label.setVisible(is_list)
        self.messages["key"].clear_message()
        self.ok_button.setEnabled(bool(self.name.text().strip() and self.key.text().strip()))

    def save(self) -> None:
        type_ = self.type.currentData()
        options = options_from_text(self.options.toPlainText()) if type_ == "list" else None
        for message in self.messages.values():
            message.clear_message()
        try:
            with self.store.db.session() as s:
                self.created = define_attribute(s, self.key.text().strip(), self.name.text(),
                                                type_, options)
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self.messages.get(key, self.messages["label"]).show_error(text)
            return
        self.accept()

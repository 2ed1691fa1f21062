"""One change for many contacts: add labels, remove labels, set a custom attribute or the
subscription status. The OK button names how many contacts it will change — that is the
confirmation; the change itself runs in the background through the store."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.models import SUBSCRIPTION_STATUSES
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.dialogs.labels_edit import LabelsEdit
from hubdesk.ui.store import ContactStore

KINDS = ("add_labels", "remove_labels", "set_attribute", "set_subscription")


class BulkEditDialog(QDialog):
    def __init__(self, store: ContactStore, kind: str, ids: list[int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.store, self.kind, self.ids = store, kind, list(ids)
        titles = {"add_labels": self.tr("Add labels"), "remove_labels": self.tr("Remove labels"),
                  "set_attribute": self.tr("Set a custom attribute"),
                  "set_subscription": self.tr("Set subscription status")}
        self.setWindowTitle(titles[kind])
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.labels_edit: LabelsEdit | None = None
        self.attribute_combo: QComboBox | None = None
        self.value_edit: QLineEdit | None = None
        self.value_combo: QComboBox | None = None
        self.status_combo: QComboBox | None = None
        if kind in ("add_labels", "remove_labels"):
            self.labels_edit = LabelsEdit(store.label_names())
            self.labels_edit.setPlaceholderText(self.tr("Labels, separated by commas"))
            self.labels_edit.setAccessibleName(self.tr("Labels"))
            self.labels_edit.textChanged.connect(self._check)
            form.addRow(self.tr("Labels:"), self.labels_edit)
        elif kind == "set_attribute":
            self.attribute_combo = QComboBox()
            self.attribute_combo.setAccessibleName(self.tr("Attribute"))
            self._definitions = {a.key: a for a in store.attribute_definitions()}
            for a in self._definitions.values():
                self.attribute_combo.addItem(a.label, a.key)
            self.attribute_combo.currentIndexChanged.connect(self._attribute_chosen)
            self.value_edit = QLineEdit()
            self.value_edit.setAccessibleName(self.tr("Value"))
            self.value_edit.setPlaceholderText(self.tr("Leave empty to clear the value"))
            self.value_edit.textChanged.connect(self._check)
            self.value_combo = QComboBox()
            self.value_combo.setAccessibleName(self.tr("Value"))
            self.value_combo.currentIndexChanged.connect(self._check)
            form.addRow(self.tr("Attribute:"), self.attribute_combo)
            form.addRow(self.tr("Value:"), self.value_edit)
            form.addRow("", self.value_combo)
        else:
            self.status_combo = QComboBox()
            self.status_combo.setAccessibleName(self.tr("Subscription status"))
            names = {"unknown": self.tr("Unknown"), "subscribed": self.tr("Subscribed"),
                     "unsubscribed": self.tr("Unsubscribed")}
            for status in SUBSCRIPTION_STATUSES:
                self.status_combo.addItem(names.get(status, status), status)
            form.addRow(self.tr("Subscription:"), self.status_combo)
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Apply to %n contact(s)").replace("%n", f"{len(self.ids):,}"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%n contact(s) selected.").replace("%n", f"{len(self.ids):,}"))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if self.attribute_combo is not None:
            if not self._definitions:
                self.message.show_error(self.tr("There are no custom attributes yet: define "
                                                "one in Settings → Custom attributes."))
            self._attribute_chosen()
        self._check()

    # --- value editors by attribute type -------------------------------------------------
    def _attribute_chosen(self, *_args) -> None:
        assert self.value_edit is not None and self.value_combo is not None
        info = self._definitions.get(self.attribute_combo.currentData()) \
            if self.attribute_combo else None
        choices: list[tuple[str, str]] = []
        if info is not None and info.type == "list":
            choices = [(self.tr("(clear the value)"), ""), *((o, o) for o in info.options)]
        elif info is not None and info.type == "checkbox":
            choices = [(self.tr("Yes"), "yes"), (self.tr("No"), "no"),
                       (self.tr("(clear the value)"), "")]
        self.value_combo.blockSignals(True)
        self.value_combo.clear()
        for text, data in choices:
            self.value_combo.addItem(text, data)
        self.value_combo.blockSignals(False)
        self.value_combo.setVisible(bool(choices))
        self.value_edit.setVisible(not choices)
        self._check()

    def value(self) -> str:
        if self.value_combo is not None and self.value_combo.isVisibleTo(self):
            return str(self.value_combo.currentData() or "")
        return self.value_edit.text() if self.value_edit is not None else ""

    # --- checking and applying -------------------------------------------------------------
    def _problem(self) -> str:
        if not self.ids:
            return self.tr("No contacts are selected.")
        if self.labels_edit is not None and not self.labels_edit.labels():
            return " "  # nothing typed yet: OK stays disabled without scolding
        if self.attribute_combo is not None:
            key = self.attribute_combo.currentData()
            if not key:
                return " "
            return self.store.check_attribute_value(key, self.value())
        return ""

    def _check(self, *_args) -> None:
        problem = self._problem()
        self.ok.setEnabled(not problem)
        if problem.strip():
            self.message.show_error(problem)
        elif self.attribute_combo is None or self._definitions:
            self.message.clear_message()

    def apply(self) -> None:
        if self._problem():
            return
        if self.kind == "add_labels" and self.labels_edit is not None:
            self.store.bulk_add_labels(self.ids, self.labels_edit.labels())
        elif self.kind == "remove_labels" and self.labels_edit is not None:
            self.store.bulk_remove_labels(self.ids, self.labels_edit.labels())
        elif self.kind == "set_attribute" and self.attribute_combo is not None:
            self.store.bulk_set_attribute(self.ids, self.attribute_combo.currentData(),
                                          self.value())
        elif self.status_combo is not None:
            self.store.bulk_set_subscription(self.ids, self.status_combo.currentData())
        self.accept()

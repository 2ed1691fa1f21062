"""One condition of the filter builder: field × operator × value(s), and a remove button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QToolButton, QWidget

from hubdesk.core.filters.model import OPERATOR_LABELS, OPERATORS, Condition
from hubdesk.core.filters.resolve import FilterField
from hubdesk.ui.filters.field_combo import FieldCombo, field_label
from hubdesk.ui.filters.value_editor import ValueEditor, editor_shape
from hubdesk.ui.profile.channels import status_name


def operator_label(op: str) -> str:
    return QCoreApplication.translate("FilterOperator", OPERATOR_LABELS[op])


class ConditionRow(QWidget):
    removeRequested = Signal(object)  # the row
    submitted = Signal()

    def __init__(self, fields: list[FilterField], label_names: Callable[[], list[str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._fields = {f.key: f for f in fields}
        self._label_names = label_names
        self._key = ""
        self.field_combo = FieldCombo()
        self.op_combo = QComboBox()
        self.op_combo.setAccessibleName(self.tr("Operator"))
        self.op_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.value = ValueEditor("none", self._options, option_label=self._option_label)
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.remove_button.setAccessibleName(self.tr("Remove condition"))
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.field_combo)
        self._layout.addWidget(self.op_combo)
        self._layout.addWidget(self.value, 1)
        self._layout.addWidget(self.remove_button)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.op_combo.currentIndexChanged.connect(self._op_changed)
        self.field_combo.set_fields(fields)

    # --- what the row says ---------------------------------------------------------------
    def field(self) -> FilterField | None:
        return self._fields.get(self._key)

    def op(self) -> str:
        return self.op_combo.currentData() or ""

    def condition(self) -> Condition:
        """The condition as chosen: field key, canonical operator, values as entered
        (resolve checks and types them)."""
        return Condition(self._key, self.op(), self.value.values())

    def missing(self) -> str:
        """Why the row cannot be used yet (a blank value), or ""."""
        f = self.field()
        if f is None:
            return self.tr("Choose a field for every condition.")
        if self.value.missing():
            return self.tr("“%1 %2” needs a value.").replace("%1", field_label(f)).replace(
                "%2", operator_label(self.op()))
        return ""

    def focus_value(self) -> None:
        inputs = self.value.inputs
        (inputs[0] if inputs else self.field_combo).setFocus()

    # --- filling it ----------------------------------------------------------------------
    def set_fields(self, fields: list[FilterField]) -> None:
        """New attribute list; the row keeps its field (and values) if it still exists."""
        self._fields = {f.key: f for f in fields}
        self.field_combo.set_fields(fields)

    def set_field(self, key: str) -> bool:
        return self.field_combo.select_key(key)

    def set_op(self, op: str) -> bool:
        index = self.op_combo.findData(op)
        if index < 0:
            return False
        self.op_combo.setCurrentIndex(index)
        return True

    def set_condition(self, c: Condition) -> bool:
        """Show a resolved condition; False if this row cannot (unknown field or operator)."""
        if not (self.set_field(c.field) and self.set_op(c.op)):
            return False
        self.value.set_values(c.values)
        return True

    # --- reacting ------------------------------------------------------------------------
    def _options(self) -> list[str]:
        f = self.field()
        if f is None:
            return []
        return self._label_names() if f.kind == "labels" else list(f.options)

    def _option_label(self, value: str) -> str:
        """Fixed choices read in the UI's language; list options and labels are the user's."""
        f = self.field()
        if f is not None and f.key == "conversation_status":
            return status_name(value)
        if f is not None and f.key == "subscription_status":
            return {"subscribed": self.tr("Subscribed"), "unsubscribed": self.tr("Unsubscribed"),
                    "unknown": self.tr("Unknown")}.get(value, value)
        return value

    def _field_changed(self) -> None:
        key = self.field_combo.current_key()
        if key == self._key:
            return  # the list was refilled around the same field
        self._key = key
        f = self.field()
        self.op_combo.blockSignals(True)
        self.op_combo.clear()
        for op in OPERATORS[f.kind] if f else ():
            self.op_combo.addItem(operator_label(op), op)
        self.op_combo.setCurrentIndex(0 if f else -1)
        self.op_combo.blockSignals(False)
        self._replace_value(editor_shape(f.kind, self.op()) if f else "none")

    def _op_changed(self) -> None:
        f = self.field()
        shape = editor_shape(f.kind, self.op()) if f and self.op() else "none"
        if shape != self.value.shape:
            self._replace_value(shape)

    def _replace_value(self, shape: str) -> None:
        editor = ValueEditor(shape, self._options, option_label=self._option_label)
        editor.submitted.connect(self.submitted)
        self._layout.replaceWidget(self.value, editor)
        self.value.hide()
        self.value.deleteLater()
        self.value = editor

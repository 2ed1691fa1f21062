"""The value part of a condition row: the right editor for the field's kind and the operator's
number of values — text, a number, one or two dates, a number of days, a checklist, nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from hubdesk.core.filters.model import OPERATORS
from hubdesk.ui.filters.multi_select import MultiSelectButton

DAYS_DEFAULT = 30
DAYS_MAX = 36_500
# What core.filters.resolve reads as a number: thousands separators and a % are allowed.
NUMBER = QRegularExpression(r"-?[0-9,]*\.?[0-9]*%?")


def editor_shape(kind: str, op: str) -> str:
    """Which editor an operator needs; rows keep their editor while the shape is the same,
    so switching "<" to ">" keeps the number typed."""
    arity = OPERATORS[kind][op]
    if arity == 0:
        return "none"
    if kind in ("list", "choice", "labels"):
        return "multi"
    if kind == "date":
        if op in ("last_days", "older_days"):
            return "days"
        return "date2" if arity == 2 else "date"
    if kind == "number":
        return "number2" if arity == 2 else "number"
    return "text"


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ValueEditor(QWidget):
    submitted = Signal()  # Enter in a text box: apply the filter

    def __init__(self, shape: str, options: Callable[[], Iterable[str]],
                 parent: QWidget | None = None, *,
                 option_label: Callable[[str], str] | None = None):
        super().__init__(parent)
        self.shape = shape
        self._inputs: list[QWidget] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if shape in ("text", "number", "number2"):
            for i in range(2 if shape == "number2" else 1):
                if i:
                    layout.addWidget(QLabel(self.tr("and")))
                edit = QLineEdit()
                edit.setAccessibleName(self.tr("Value") if not i else self.tr("Upper value"))
                if shape != "text":
                    edit.setValidator(QRegularExpressionValidator(NUMBER, edit))
                    edit.setPlaceholderText(self.tr("number"))
                edit.returnPressed.connect(self.submitted)
                self._add(layout, edit)
        elif shape in ("date", "date2"):
            for i in range(2 if shape == "date2" else 1):
                if i:
                    layout.addWidget(QLabel(self.tr("and")))
                edit = QDateEdit(QDate.currentDate())
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setAccessibleName(self.tr("Date") if not i else self.tr("End date"))
                self._add(layout, edit)
        elif shape == "days":
            spin = QSpinBox()
            spin.setRange(1, DAYS_MAX)
            spin.setValue(DAYS_DEFAULT)
            spin.setSuffix(self.tr(" days"))
            spin.setAccessibleName(self.tr("Number of days"))
            self._add(layout, spin)
        elif shape == "multi":
            self._add(layout, MultiSelectButton(options, label=option_label))
        if shape != "none":
            layout.addStretch(1 if shape == "multi" else 0)

    def _add(self, layout: QHBoxLayout, widget: QWidget) -> None:
        self._inputs.append(widget)
        # Text boxes take the room; a checklist button is as wide as what it lists.
        layout.addWidget(widget, 0 if isinstance(widget, MultiSelectButton) else 1)

    @property
    def inputs(self) -> list[QWidget]:
        return list(self._inputs)

    def values(self) -> tuple:
        """What the user chose: strings for text and numbers (resolve reads them), dates as
        date objects, days as a number, options as their names."""
        out: list[Any] = []
        for widget in self._inputs:
            if isinstance(widget, QLineEdit):
                out.append(widget.text().strip())
            elif isinstance(widget, QDateEdit):
                out.append(widget.date().toPython())
            elif isinstance(widget, QSpinBox):
                out.append(widget.value())
            elif isinstance(widget, MultiSelectButton):
                out.extend(widget.values())
        return tuple(out)

    def set_values(self, values: tuple) -> None:
        if self.shape == "multi":
            self._inputs[0].set_values(str(v) for v in values)
            return
        for widget, value in zip(self._inputs, values, strict=False):
            if isinstance(widget, QLineEdit):
                widget.setText(number_text(value))
            elif isinstance(widget, QDateEdit) and isinstance(value, date):
                widget.setDate(QDate(value.year, value.month, value.day))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))

    def missing(self) -> bool:
        """True when a value the operator needs is blank."""
        return any(v == "" for v in self.values()) or (self.shape == "multi"
                                                        and not self.values())

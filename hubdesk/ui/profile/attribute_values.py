"""Custom attribute values as the profile shows them, and the editor that suits each type.

The editors only collect what the user entered; whether it is valid is the core's decision
(set_attribute raises ValidationError with the message shown beside the editor)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QUrl
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QWidget

from hubdesk.core.attributes import AttributeInfo

NUMBER_TYPES = ("number", "currency", "percent")
# Links open in the browser only with these schemes: never file:, javascript: or the like.
SAFE_SCHEMES = ("http", "https", "mailto")


def display_text(info: AttributeInfo, value: Any) -> str:
    """The typed value as text; '' when the contact has none."""
    if value is None or value == "":
        return ""
    if info.type == "checkbox":
        return "Yes" if value else "No"
    if info.type in NUMBER_TYPES and isinstance(value, int | float):
        text = f"{value:,}"
        return f"{text}%" if info.type == "percent" else text
    return str(value)


def safe_url(text: str) -> QUrl | None:
    """The link as a URL the browser may open, or None."""
    url = QUrl(text.strip(), QUrl.ParsingMode.TolerantMode)  # percent-encodes stray < > "
    if url.isValid() and url.scheme().lower() in SAFE_SCHEMES and (
        url.host() or url.scheme().lower() == "mailto"
    ):
        return url
    return None


@dataclass
class Editor:
    widget: QWidget
    value: Callable[[], Any]  # what goes to store.set_attribute ("" clears)


def make_editor(info: AttributeInfo, value: Any) -> Editor:
    if info.type == "date":
        return _date_editor(info, value)
    if info.type == "list":
        return _list_editor(info, value)
    if info.type == "checkbox":
        box = QCheckBox(info.label)
        box.setChecked(bool(value))
        box.setAccessibleName(info.label)
        return Editor(box, box.isChecked)
    line = QLineEdit()
    line.setAccessibleName(info.label)
    # Numbers are edited without thousands separators; the core reads both forms anyway.
    line.setText("" if value is None else str(value))
    if info.type == "link":
        line.setPlaceholderText("https://…")
    elif info.type in NUMBER_TYPES:
        line.setPlaceholderText({"number": "1234.5", "currency": "1200",
                                 "percent": "12.5"}[info.type])
    line.selectAll()
    return Editor(line, line.text)


def _date_editor(info: AttributeInfo, value: Any) -> Editor:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(info.label)
    start = date.today()
    if isinstance(value, str) and value:
        with contextlib.suppress(ValueError):  # not a date: start from today
            start = date.fromisoformat(value)
    edit.setDate(QDate(start.year, start.month, start.day))

    def picked() -> date:
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    return Editor(edit, picked)


def _list_editor(info: AttributeInfo, value: Any) -> Editor:
    combo = QComboBox()
    combo.setAccessibleName(info.label)
    combo.addItem("—", "")  # no value: clears the attribute
    for option in info.options:
        combo.addItem(option, option)
    index = combo.findData(value if value is not None else "")
    combo.setCurrentIndex(max(index, 0))
    return Editor(combo, lambda: combo.currentData())

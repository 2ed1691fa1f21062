"""A phone field that formats the number for its region as it is typed."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from PySide6.QtWidgets import QLineEdit, QWidget

# Only text made of these is reformatted; anything else (an extension, a note) is left alone.
_DIALLED = re.compile(r"^[\d\s+\-().]*$")


def format_as_you_type(text: str, region: str) -> str:
    """'09012345678' → '090-1234-5678' for JP; full-width digits become ASCII on the way."""
    ascii_text = unicodedata.normalize("NFKC", text).replace("\u30fc", "-")
    if not ascii_text.strip() or not _DIALLED.match(ascii_text):
        return text
    formatter = phonenumbers.AsYouTypeFormatter(region.upper())
    formatted = ""
    for ch in ascii_text.strip():
        if ch.isdigit() or (ch == "+" and not formatted):
            formatted = formatter.input_digit(ch)
    return formatted or text


class PhoneEdit(QLineEdit):
    def __init__(self, region: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._region = region
        self._previous = ""
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.reformat)

    def set_region(self, region: str) -> None:
        self._region = region
        self.reformat()

    def reformat(self) -> None:
        formatted = format_as_you_type(self.text(), self._region)
        if formatted != self.text():
            self.setText(formatted)
        self._previous = self.text()

    def _typed(self, text: str) -> None:
        # Reformat only while appending digits at the end: reformatting under a cursor in the
        # middle, or after a deletion, would fight the user (a deleted dash would come back).
        grew = len(text) > len(self._previous)
        at_end = self.cursorPosition() == len(text)
        self._previous = text
        if grew and at_end and unicodedata.normalize("NFKC", text[-1:]).isdigit():
            formatted = format_as_you_type(text, self._region)
            if formatted != text:
                self.setText(formatted)
                self._previous = formatted


def editable_phone(value: str, region: str) -> str:
    """A stored number as a person would type it: national form for the chosen region
    ('090-1234-5678'), international otherwise; anything unparsable exactly as stored."""
    if not value or not value.startswith("+"):
        return value or ""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    if phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

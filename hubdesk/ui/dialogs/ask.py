"""Message boxes that show their text as plain text.

QMessageBox's static helpers guess whether text is rich text, so a label or value named
`<b>x</b>` would render as markup; these build the box by hand with PlainText instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         informative: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    return box


def confirm(parent: QWidget | None, title: str, text: str, informative: str = "",
            yes_text: str = "") -> bool:
    """Ask before doing something that changes data; No is the default (Enter is safe)."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, informative)
    box.setStandardButtons(Button.Yes | Button.No)
    box.setDefaultButton(Button.No)
    if yes_text:
        box.button(Button.Yes).setText(yes_text)
    return box.exec() == Button.Yes


def tell(parent: QWidget | None, title: str, text: str, informative: str = "",
         *, warning: bool = True) -> None:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = _box(parent, icon, title, text, informative)
    box.setStandardButtons(Button.Ok)
    box.exec()

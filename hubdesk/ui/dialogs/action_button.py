"""Push buttons that act on something, and so must never fire on Enter.

In a QDialog every push button is "auto-default": Enter pressed in a line edit clicks one.
Enter while renaming a label must not click "Delete label…" or "Close".
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def action_button(text: str, accessible_name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.setDefault(False)
    button.setAccessibleName(accessible_name or text.rstrip("…"))
    return button


def not_on_enter(*buttons: QPushButton | None) -> None:
    for button in buttons:
        if button is not None:
            button.setAutoDefault(False)
            button.setDefault(False)

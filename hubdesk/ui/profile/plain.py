"""Small building blocks shared by the profile's parts: labels that can only show plain text,
and emptying a layout whose widgets may still be busy delivering a signal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QLayout, QWidget

ERROR_COLOR = QColor("#dc2626")


def plain_label(text: str = "", *, wrap: bool = False, selectable: bool = False,
                muted: bool = False, bold: bool = False, scale: float = 1.0) -> QLabel:
    """A QLabel that never interprets its text: names, notes and subjects come from users and
    files, and Qt would otherwise guess that `<b>x</b>` is markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        set_muted(label)
    if bold or scale != 1.0:
        font = QFont(label.font())
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


def set_muted(widget: QWidget) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    widget.setPalette(palette)


def set_error_style(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
    label.setPalette(palette)


def clear_layout(layout: QLayout) -> None:
    """Remove everything from a layout. Widgets are hidden now and deleted later, because the
    click that caused the refresh may still be running inside one of them."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # out of findChildren() and the focus chain at once
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())
            item.layout().deleteLater()

"""Painting for the contact list: an initials avatar beside the name, coloured label chips."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hubdesk.core.normalize import display_phone

AVATAR_COLORS = ("#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563",
                 "#b45309", "#0f766e", "#9333ea")


def avatar_color(seed: str) -> QColor:
    return QColor(AVATAR_COLORS[zlib.crc32(seed.encode("utf-8")) % len(AVATAR_COLORS)])


def readable_text_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour (WCAG relative luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
           + 0.0722 * channel(background.blueF()))
    return QColor("#111827") if lum > 0.4 else QColor("#ffffff")


def _background_only(option: QStyleOptionViewItem, painter: QPainter) -> None:
    opt = QStyleOptionViewItem(option)
    opt.text = ""
    style = opt.widget.style() if opt.widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


def _text_color(option: QStyleOptionViewItem) -> QColor:
    role = (QPalette.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Text)
    return option.palette.color(role)


class _RowDelegate(QStyledItemDelegate):
    """Paints the cell's background the style's way, then the row's content itself."""

    def __init__(self, row_role: int, parent=None):
        super().__init__(parent)
        self._row_role = row_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        row = index.data(self._row_role)
        _background_only(option, painter)
        if row is not None:
            painter.save()
            self.paint_row(painter, option, row)
            painter.restore()

    def paint_row(self, painter: QPainter, option: QStyleOptionViewItem, row) -> None:
        raise NotImplementedError


class NameDelegate(_RowDelegate):
    """Initials in a coloured circle, then the name (plain text, elided)."""

    def paint_row(self, painter: QPainter, option: QStyleOptionViewItem, row) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect
        size = min(r.height() - 8, 28)
        circle = QRectF(r.left() + 6, r.top() + (r.height() - size) / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(avatar_color(row.name or row.email))
        painter.drawEllipse(circle)
        font = QFont(option.font)
        font.setPixelSize(max(9, int(size * 0.4)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, row.initials)
        painter.setFont(option.font)
        painter.setPen(_text_color(option))
        text_rect = QRect(int(circle.right()) + 8, r.top(), r.right() - int(circle.right()) - 12,
                          r.height())
        name = row.name or row.email or row.company or display_phone(row.phone, row.phone_valid)
        elided = QFontMetrics(option.font).elidedText(name, Qt.TextElideMode.ElideRight,
                                                      text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         elided)


class LabelChipsDelegate(_RowDelegate):
    """Each label as a rounded chip in its colour; '+N' when they do not all fit."""

    def paint_row(self, painter: QPainter, option: QStyleOptionViewItem, row) -> None:
        if not row.labels:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        fm = QFontMetrics(font)
        r = option.rect
        height = fm.height() + 4
        top = r.top() + (r.height() - height) // 2
        x = r.left() + 4
        for i, (name, color) in enumerate(row.labels):
            width = fm.horizontalAdvance(name) + 12
            rest = len(row.labels) - i - 1
            reserve = fm.horizontalAdvance(f"+{rest}") + 8 if rest else 0
            if x + width + reserve > r.right() - 2:
                painter.setPen(_text_color(option))
                painter.drawText(QRect(x, r.top(), r.right() - x, r.height()),
                                 Qt.AlignmentFlag.AlignVCenter, f"+{len(row.labels) - i}")
                break
            chip = QRectF(x, top, width, height)
            bg = QColor(color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(chip, height / 2, height / 2)
            painter.setPen(readable_text_color(bg))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(160, super().sizeHint(option, index).height())

"""Painting for the contact list: an initials avatar beside the name, coloured label chips."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hubdesk.core.normalize import display_phone

AVATAR_COLORS = ("#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563",
                 "#b45309", "#0f766e", "#9333ea")


def avatar_color(seed: str) -> QColor:
    return QColor(AVATAR_COLORS[zlib.crc32(seed.encode("utf-8")) % len(AVATAR_COLORS)])


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21; 4.5 is the minimum for text of this size."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_WHITE, _INK, _BLACK = QColor("#ffffff"), QColor("#111827"), QColor("#000000")


def readable_text_color(background: QColor) -> QColor:
    """White or dark text, whichever contrasts more with the chip colour. The dark one is a
    soft ink where that still reaches 4.5:1, pure black where only black does (mid-tones
    such as #db2777 leave little room either way)."""
    if contrast_ratio(background, _WHITE) >= contrast_ratio(background, _BLACK):
        return QColor(_WHITE)
    return QColor(_INK) if contrast_ratio(background, _INK) >= 4.5 else QColor(_BLACK)


def chip_border_color(chip: QColor, surface: QColor) -> QColor | None:
    """An outline for a chip that would melt into what it is drawn on (a grey or violet chip
    on a dark row), so its shape still reads; None when the chip stands out by itself
    (3:1, WCAG's minimum for shapes)."""
    if contrast_ratio(chip, surface) >= 3.0:
        return None
    dark_surface = relative_luminance(surface) < 0.18
    return QColor(255, 255, 255, 150) if dark_surface else QColor(0, 0, 0, 90)


def _background_only(option: QStyleOptionViewItem, painter: QPainter) -> None:
    opt = QStyleOptionViewItem(option)
    opt.text = ""
    style = opt.widget.style() if opt.widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


def _row_background(option: QStyleOptionViewItem) -> QColor:
    if option.state & QStyle.StateFlag.State_Selected:
        return option.palette.color(QPalette.ColorRole.Highlight)
    alternate = option.features & QStyleOptionViewItem.ViewItemFeature.Alternate
    return option.palette.color(QPalette.ColorRole.AlternateBase if alternate
                                else QPalette.ColorRole.Base)


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
            border = chip_border_color(bg, _row_background(option))
            if border is None:
                painter.setPen(Qt.PenStyle.NoPen)
            else:
                painter.setPen(QPen(border, 1.0))
                chip.adjust(0.5, 0.5, -0.5, -0.5)  # a 1 px line on whole pixels
            painter.setBrush(bg)
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(readable_text_color(bg))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(160, super().sizeHint(option, index).height())

"""Small charts drawn with QPainter (QtCharts stays out of the bundle): horizontal bars with
their labels and values, or columns for a time series. Colours come from the palette, so they
read in light and dark themes; hovering a bar shows its exact value, clicking one asks for the
contacts behind it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hubdesk.ui.widgets.format import plain_tooltip

Role = QPalette.ColorRole
GAP = 4  # between bars, px


@dataclass(frozen=True)
class ChartItem:
    label: str  # may be the user's own words (a label, a country as imported)
    value: int
    tooltip: str  # the exact figure, as a sentence
    color: str = ""  # "" for the palette's highlight
    caption: str = ""  # columns only: shown under the column ("" for none)


class _Chart(QWidget):
    barClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[ChartItem] = []
        self._hover = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: list[ChartItem]) -> None:
        self.items = list(items)
        self._hover = -1
        # A screen reader gets the figures the picture shows.
        self.setAccessibleDescription("; ".join(i.tooltip for i in self.items))
        self.updateGeometry()
        self.update()

    def bar_at(self, pos: QPoint) -> int:
        return next((i for i, rect in enumerate(self._hit_rects()) if rect.contains(pos)), -1)

    def _hit_rects(self) -> list[QRect]:
        raise NotImplementedError

    # --- interaction -----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.bar_at(event.pos())
            if index >= 0:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.items[index].tooltip),
                                  self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0
                           else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.barClicked.emit(index)
        super().mouseReleaseEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # --- colours ---------------------------------------------------------------------------
    def _fill(self, index: int) -> QColor:
        own = self.items[index].color
        color = QColor(own) if own and QColor(own).isValid() else \
            self.palette().color(Role.Highlight)
        if index == self._hover:  # towards the text colour: visible on light and dark
            dark = self.palette().color(Role.Window).lightness() < 128
            color = color.lighter(130) if dark else color.darker(120)
        return color


class BarChart(_Chart):
    """One horizontal bar per item: label on the left, value at the end of the bar."""

    def _row_height(self) -> int:
        return self.fontMetrics().height() + GAP

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.items)) * self._row_height() + GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _geometry(self) -> tuple[int, int, int]:
        """Label width, bar area's left edge and its widest bar."""
        fm = self.fontMetrics()
        widest_value = max((fm.horizontalAdvance(f"{i.value:,}") for i in self.items),
                           default=0)
        # +2: antialiased text can be a pixel wider than its advance, and would be elided.
        label_w = min(max((fm.horizontalAdvance(i.label) + 2 for i in self.items), default=0),
                      int(self.width() * 0.4))
        left = label_w + 2 * GAP
        return label_w, left, max(0, self.width() - left - widest_value - 2 * GAP)

    def _hit_rects(self) -> list[QRect]:
        h = self._row_height()
        return [QRect(0, i * h, self.width(), h) for i in range(len(self.items))]

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, h = self.fontMetrics(), self._row_height()
        label_w, left, span = self._geometry()
        top = max((i.value for i in self.items), default=0) or 1
        text = self.palette().color(Role.WindowText)
        for i, item in enumerate(self.items):
            y = i * h
            if i == self._hover:
                p.fillRect(QRect(0, y, self.width(), h),
                           self.palette().color(Role.AlternateBase))
            p.setPen(text)
            p.drawText(QRect(0, y, label_w, h), Qt.AlignmentFlag.AlignVCenter |
                       Qt.AlignmentFlag.AlignRight,
                       fm.elidedText(item.label, Qt.TextElideMode.ElideRight, label_w))
            width = round(span * item.value / top)
            if item.value and width < 2:
                width = 2  # a non-zero value never looks like nothing
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._fill(i))
            p.drawRoundedRect(QRect(left, y + GAP // 2 + 1, width, h - GAP - 2), 2, 2)
            p.setPen(text)
            p.drawText(QRect(left + width + GAP, y, self.width(), h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       f"{item.value:,}")
        p.end()


class ColumnChart(_Chart):
    """A column per item (a month), captions underneath where an item has one."""

    HEIGHT = 120

    def sizeHint(self) -> QSize:
        return QSize(320, self.HEIGHT + self.fontMetrics().height() + GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _plot(self) -> QRect:
        return QRect(0, GAP, self.width(), self.HEIGHT - GAP)

    def _hit_rects(self) -> list[QRect]:
        n = len(self.items)
        if not n:
            return []
        plot, step = self._plot(), self.width() / n
        return [QRect(round(i * step), plot.top(), max(1, round(step)), plot.height())
                for i in range(n)]

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot, n = self._plot(), len(self.items)
        step = self.width() / n
        top = max(i.value for i in self.items) or 1
        fm = self.fontMetrics()
        for i, item in enumerate(self.items):
            x = round(i * step)
            if i == self._hover:
                p.fillRect(QRect(x, plot.top(), max(1, round(step)), plot.height()),
                           self.palette().color(Role.AlternateBase))
            height = round((plot.height() - fm.height()) * item.value / top)
            if item.value and height < 2:
                height = 2
            width = max(1, round(step * 0.7))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._fill(i))
            p.drawRect(QRect(x + (round(step) - width) // 2, plot.bottom() - height, width,
                             height))
        p.setPen(self.palette().color(Role.Mid))
        p.drawLine(0, plot.bottom(), self.width(), plot.bottom())
        p.setPen(self.palette().color(Role.WindowText))
        highest = max(range(n), key=lambda i: self.items[i].value)
        if self.items[highest].value:  # the scale, written once, over the tallest column
            x = round(highest * step + step / 2)
            value = f"{self.items[highest].value:,}"
            w = fm.horizontalAdvance(value)
            x = min(max(0, x - w // 2), self.width() - w)
            y = plot.bottom() - round((plot.height() - fm.height()) *
                                      self.items[highest].value / top) - GAP
            p.drawText(QPoint(x, y), value)
        free_until = self.width() + GAP  # from the newest column back: it matters most
        for i in range(n - 1, -1, -1):
            caption = self.items[i].caption
            if not caption:
                continue
            # Centred under its column, never cut at an edge, never over its neighbour.
            w = fm.horizontalAdvance(caption) + 2
            x = min(max(0, round(i * step + step / 2) - w // 2), self.width() - w)
            if x + w + GAP > free_until:
                continue
            p.drawText(QRect(x, plot.bottom() + 2, w, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, caption)
            free_until = x
        p.end()

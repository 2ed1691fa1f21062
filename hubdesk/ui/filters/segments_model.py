"""The segments sidebar's list: each saved segment's name and live count, and a delegate that
draws the count at the right edge (muted; "!" in red when the filter no longer resolves)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hubdesk.ui.widgets.format import plain_tooltip

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
ERROR_ROLE = Qt.ItemDataRole.UserRole + 3
ERROR_COLOR = QColor("#dc2626")
ParentIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SegmentRow:
    name: str
    where: str  # the filter in the text syntax, as stored
    count: int | None = None  # None: not counted yet
    error: str = ""  # why the filter no longer resolves


class SegmentsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SegmentRow] = []

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, NAME_ROLE):
            return row.name
        if role == COUNT_ROLE:
            return count_text(row)
        if role == ERROR_ROLE:
            return row.error
        if role == Qt.ItemDataRole.ToolTipRole:
            # Names, filters and errors are user text: shown literally.
            return plain_tooltip(row.error or f"{row.name}\n{row.where}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {count_text(row)}"
        return None

    def set_segments(self, segments: list[tuple[str, str]]) -> None:
        """(name, filter text) pairs; a segment listed before keeps its count until the next
        one arrives, so the numbers do not blink on every refresh."""
        known = {r.name: r for r in self._rows}
        self.beginResetModel()
        self._rows = [
            replace(known[name], where=where) if name in known and known[name].where == where
            else SegmentRow(name, where) for name, where in segments]
        self.endResetModel()

    def set_counts(self, counts: dict[str, tuple[int | None, str]]) -> None:
        """name → (count, error) for every segment, in one change signal."""
        if not self._rows:
            return
        self._rows = [replace(r, count=counts[r.name][0], error=counts[r.name][1])
                      if r.name in counts else r for r in self._rows]
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def names(self) -> list[str]:
        return [r.name for r in self._rows]

    def row_of(self, name: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.name == name), None)

    def segment(self, row: int) -> SegmentRow:
        return self._rows[row]


def count_text(row: SegmentRow) -> str:
    if row.error:
        return "!"
    return "…" if row.count is None else f"{row.count:,}"


class SegmentDelegate(QStyledItemDelegate):
    PADDING = 8

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = index.data(COUNT_ROLE) or ""
        name = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect = rect.adjusted(self.PADDING // 2, 0, -self.PADDING, 0)
        count_width = opt.fontMetrics.horizontalAdvance(count) + self.PADDING
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(text_role))
        elided = opt.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                            max(0, rect.width() - count_width))
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignLeft, elided)
        if index.data(ERROR_ROLE):
            painter.setPen(ERROR_COLOR)
        elif not selected:
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignRight, count)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))

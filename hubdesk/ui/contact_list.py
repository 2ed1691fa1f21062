"""The contact list: a table model that holds only the ordered ids of the current query and
fetches the rows it shows by page, keeping a bounded number of pages."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from hubdesk.core.contacts import ListRow
from hubdesk.core.normalize import display_phone
from hubdesk.ui.widgets.delegates import LabelChipsDelegate, NameDelegate
from hubdesk.ui.widgets.format import plain_tooltip, relative_time, subscription_label

RowFetcher = Callable[[Sequence[int]], dict[int, ListRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

# (column key, header); the key is also the sort key of core.query, or None if unsortable.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("name", QT_TRANSLATE_NOOP("ContactListModel", "Name"), True),
    ("email", QT_TRANSLATE_NOOP("ContactListModel", "Email"), True),
    ("phone", QT_TRANSLATE_NOOP("ContactListModel", "Phone"), True),
    ("subscription_status", QT_TRANSLATE_NOOP("ContactListModel", "Subscription"), True),
    ("company", QT_TRANSLATE_NOOP("ContactListModel", "Company"), True),
    ("labels", QT_TRANSLATE_NOOP("ContactListModel", "Labels"), False),
    ("last_activity_at", QT_TRANSLATE_NOOP("ContactListModel", "Last activity"), True),
)
INVALID_PHONE = QColor("#dc2626")


class ContactListModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    # The view asked for another order; the owner reruns the query (SQL sorts, not the model).
    sortRequested = Signal(str, bool)

    PAGE_SIZE = 100  # a few screens; small enough that fetching one never shows
    MAX_PAGES = 80  # 8,000 rows cached at most, whatever the list size

    def __init__(self, fetch_rows: RowFetcher, parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids = array("q")
        self._pages: OrderedDict[int, dict[int, ListRow]] = OrderedDict()
        self.fetches = 0  # pages read from the database, for tests and the benchmark

    # --- the query result ---------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """Show a new query result: one reset, whatever its size."""
        self.beginResetModel()
        self._ids = ids if isinstance(ids, array) else array("q", ids)
        self._pages.clear()
        self.endResetModel()

    def extend_ids(self, ids: array) -> None:
        """The rest of a result whose first rows are already shown: rows are appended, so
        the view keeps its scroll position and selection. Anything else resets."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) == shown:
            self._ids = ids
            return
        # The page holding the last shown row was read when it had fewer ids: read it again.
        self._pages.pop(max(shown - 1, 0) // self.PAGE_SIZE, None)
        self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
        self._ids = ids
        self.endInsertRows()

    def refresh_rows(self) -> None:
        """Rows changed in the database but the ids did not: drop the cache, repaint."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def ids(self) -> array:
        """Every id shown, in order. Not a copy: set_ids and extend_ids replace the array
        rather than change it, so a worker thread may read the one it was given."""
        return self._ids

    def ids_in(self, first: int, last: int) -> list[int]:
        return self._ids[max(first, 0) : last + 1].tolist()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int | None:
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return None

    def contact_row(self, row: int) -> ListRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self.PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.PAGE_SIZE
            page = self._fetch_rows(self._ids[start : start + self.PAGE_SIZE].tolist())
            self.fetches += 1
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # --- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    # Computed once: Qt asks for every cell of a selection (a million rows on select-all).
    _FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return self._FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == self.IdRole:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, self.RowRole):
            return None
        row = self.contact_row(index.row())
        if row is None:
            return None
        if role == self.RowRole:
            return row
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "phone" and row.phone and not row.phone_valid:
                return QBrush(INVALID_PHONE)
            return None
        text = self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "phone" and row.phone and not row.phone_valid:
                return plain_tooltip(self.tr("This number could not be read: %1").replace(
                    "%1", row.phone))
            return plain_tooltip(text) if key in ("name", "email", "company", "labels") else None
        return text

    def _text(self, row: ListRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "phone":
            return display_phone(row.phone, row.phone_valid)
        if key == "subscription_status":
            return subscription_label(row.subscription_status)
        if key == "labels":
            return ", ".join(name for name, _ in row.labels)
        if key == "last_activity_at":
            return relative_time(row.last_activity_at)
        return getattr(row, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column][2]:
            self.sortRequested.emit(COLUMNS[column][0],
                                    order == Qt.SortOrder.DescendingOrder)


class ContactTableView(QTableView):
    """Fixed row height and no per-row size queries: a million rows scroll like a hundred."""

    ROW_HEIGHT = 36
    # Enter or a double click on a contact: open it for editing.
    openRequested = Signal()

    def keyPressEvent(self, event) -> None:  # Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # Qt's name
        super().mouseDoubleClickEvent(event)
        if self.indexAt(event.position().toPoint()).isValid():
            self.openRequested.emit()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.ROW_HEIGHT)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionsMovable(True)
        hh.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._default_widths = (240, 260, 170, 110, 200, 200, 120)

    def setModel(self, model) -> None:
        super().setModel(model)
        # The header paints each column asking "is this whole column selected?", which Qt
        # answers by visiting every row: after select-all on a million rows each repaint
        # took seconds. Headers here never show selection, so they get one of their own.
        self._header_selection = QItemSelectionModel(model, self)
        self.horizontalHeader().setSelectionModel(self._header_selection)
        self.verticalHeader().setSelectionModel(self._header_selection)
        if isinstance(model, ContactListModel):
            self.setItemDelegateForColumn(0, NameDelegate(ContactListModel.RowRole, self))
            self.setItemDelegateForColumn(5, LabelChipsDelegate(ContactListModel.RowRole, self))
            for column, width in enumerate(self._default_widths):
                self.setColumnWidth(column, width)

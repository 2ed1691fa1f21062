"""The first problems a dry run found: row, line, what happens to it, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from hubdesk.core.io.importer import ImportResult, RowReport
from hubdesk.ui.import_pages.cells import one_line
from hubdesk.ui.widgets.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

MAX_SHOWN = 500  # a table to read, not the whole report; the rejected file has every row


class ProblemsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ProblemsModel", "Row"),
               QT_TRANSLATE_NOOP("ProblemsModel", "Line"),
               QT_TRANSLATE_NOOP("ProblemsModel", "Outcome"),
               QT_TRANSLATE_NOOP("ProblemsModel", "Problem"))
    ROW, LINE, OUTCOME, MESSAGE = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[RowReport, str]] = []

    def set_result(self, result: ImportResult | None) -> None:
        rows: list[tuple[RowReport, str]] = []
        if result is not None:
            rows = [(r, self.tr("Rejected")) for r in result.errors[:MAX_SHOWN]]
            rows += [(r, self.tr("Imported, flagged")) for r in result.warnings[:MAX_SHOWN]]
            rows.sort(key=lambda pair: pair[0].row)
        self.beginResetModel()
        self._rows = rows[:MAX_SHOWN]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        report, outcome = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Messages quote cell values from the file: plain strings only.
            return (str(report.row), str(report.line), outcome, one_line(report.message))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ROW, self.LINE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

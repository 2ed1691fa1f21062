"""The column mapping as a table: column | sample values | how sure the guess is | target.

Row i is the file's column i, always: the importer reads `mapping[i]` for `values[i]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from hubdesk.core.io.draft import IGNORE, ColumnMapping
from hubdesk.core.io.mapping import MULTI_TARGETS
from hubdesk.core.io.table import SourceRow
from hubdesk.ui.import_pages.cells import one_line
from hubdesk.ui.import_pages.targets import SURE, target_label

Index = QModelIndex | QPersistentModelIndex

SAMPLES = 3  # values shown per column: enough to recognise what it holds
MUTED = QColor("#6b7280")
WARN = QColor("#b45309")


def column_samples(rows: Sequence[SourceRow], column: int, count: int = SAMPLES) -> list[str]:
    """The first `count` non-empty values of a column."""
    found = []
    for row in rows:
        value = row.values[column].strip() if column < len(row.values) else ""
        if value:
            found.append(value)
            if len(found) == count:
                break
    return found


class MappingModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("MappingModel", "Column"),
               QT_TRANSLATE_NOOP("MappingModel", "Sample values"),
               QT_TRANSLATE_NOOP("MappingModel", "Guess"),
               QT_TRANSLATE_NOOP("MappingModel", "Import as"))
    HEADER, SAMPLE, GUESS, TARGET = range(4)
    # The user changed a target (not emitted when a new guess replaces the whole mapping).
    mappingEdited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._mapping: list[ColumnMapping] = []
        self._samples: list[str] = []
        self._choices: list[tuple[str, str]] = []

    def set_mapping(self, mapping: list[ColumnMapping], rows: Sequence[SourceRow],
                    choices: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._mapping = [ColumnMapping(m.header, m.target, m.confidence, m.source)
                         for m in mapping]
        self._samples = [" | ".join(one_line(v) for v in column_samples(rows, i))
                         for i in range(len(mapping))]
        self._choices = list(choices)
        known = {key for key, _label in self._choices}
        # A guessed target the combo does not list would show as another one and be lost.
        self._choices += [(m.target, m.target) for m in self._mapping if m.target not in known]
        self.endResetModel()

    def mapping(self) -> list[ColumnMapping]:
        return [ColumnMapping(m.header, m.target, m.confidence, m.source) for m in self._mapping]

    def choices(self) -> list[tuple[str, str]]:
        return list(self._choices)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._mapping)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._mapping):
            return None
        m, column = self._mapping[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.HEADER:
                return one_line(m.header)
            if column == self.SAMPLE:
                return self._samples[index.row()]
            if column == self.GUESS:
                return self._guess_text(index.row())
            return target_label(m.target, self._choices)
        if role == Qt.ItemDataRole.EditRole and column == self.TARGET:
            return m.target
        if role == Qt.ItemDataRole.ForegroundRole:
            if m.target == IGNORE:
                return MUTED
            if column == self.GUESS and (self._shared_with(index.row()) or m.confidence < SURE):
                return WARN
        if role == Qt.ItemDataRole.FontRole and m.target == IGNORE:
            font = QFont()
            font.setItalic(True)  # "not imported" reads differently at a glance, not by colour
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != self.TARGET or not 0 <= index.row() < len(self._mapping)
                or not isinstance(value, str)):
            return False
        old = self._mapping[index.row()]
        if old.target == value:
            return True
        # A choice the user made is sure by definition.
        self._mapping[index.row()] = ColumnMapping(old.header, value, 1.0, "user")
        # Every row: the "also mapped from" marks of other rows may change with this one.
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._mapping) - 1, self.TARGET))
        self.mappingEdited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return self.tr(self.COLUMNS[section])
        return None

    def _shared_with(self, row: int) -> str:
        """The first other column mapped to the same one-value target, if any."""
        target = self._mapping[row].target
        if target in MULTI_TARGETS:
            return ""
        return next((m.header for i, m in enumerate(self._mapping)
                     if i != row and m.target == target), "")

    def _guess_text(self, row: int) -> str:
        m = self._mapping[row]
        if m.target == IGNORE:
            return self.tr("— not imported")
        other = self._shared_with(row)
        if other:
            return self.tr("⚠ also from “%1”").replace("%1", one_line(other))
        if m.source == "user":
            return self.tr("✓ your choice")
        if m.confidence >= SURE:
            return self.tr("✓ sure")
        return self.tr("? %1 % — check").replace("%1", str(round(m.confidence * 100)))

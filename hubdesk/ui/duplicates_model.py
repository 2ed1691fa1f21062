"""The groups of likely duplicates as a tree: a group (confidence, reason, names) over the
contacts in it. Plain values only — the scan reads them in the background and hands them
over whole; merging or dismissing a group changes the tree in place, one signal per change."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from hubdesk.core.normalize import display_phone
from hubdesk.ui.core_strings import duplicate_reason
from hubdesk.ui.widgets.format import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
TOP = 0  # internal id of a group row; a contact row carries its group's key
# A group row is a heading over its contacts: a grey wash reads on light and dark themes.
GROUP_TINT = QColor(128, 128, 128, 36)
ROOT = QModelIndex()  # Qt's default argument: no parent (an index is never mutated)


@dataclass
class Person:
    id: int
    name: str
    email: str = ""
    phone: str = ""
    phone_valid: bool = True
    company: str = ""

    def shown_name(self) -> str:
        return self.name or self.email or self.company or self.phone or f"#{self.id}"


@dataclass
class Group:
    people: list[Person]
    reason: str
    confidence: float  # 0–1
    reasons: list[str] = field(default_factory=list)
    key: int = 0  # set by the model: stable while rows around it come and go

    @property
    def ids(self) -> list[int]:
        return [p.id for p in self.people]


class DuplicatesModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[Group] = []
        self._rows: dict[int, int] = {}  # group key → row
        self._keys = count(1)
        self.headers = [self.tr("Name"), self.tr("Email"), self.tr("Phone"), self.tr("Company")]

    # --- changing ----------------------------------------------------------------------------
    def set_groups(self, groups: list[Group]) -> None:
        self.beginResetModel()
        for group in groups:
            group.key = next(self._keys)
        self._groups = list(groups)
        self._reindex()
        self.endResetModel()

    def remove_group(self, key: int) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._groups[row]
        self._reindex()
        self.endRemoveRows()

    def contacts_gone(self, gone: set[int], kept: Person | None = None) -> None:
        """Merged away: other groups that listed them now list the kept contact (once), and
        a group left with fewer than two contacts goes."""
        for group in list(self._groups):
            if not gone & set(group.ids):
                continue
            people = [p for p in group.people if p.id not in gone]
            if kept is not None and all(p.id != kept.id for p in people):
                people.append(kept)
            if len(people) < 2:
                self.remove_group(group.key)
                continue
            parent = self.index(self._rows[group.key], 0)
            self.beginRemoveRows(parent, 0, len(group.people) - 1)
            group.people = []
            self.endRemoveRows()
            self.beginInsertRows(parent, 0, len(people) - 1)
            group.people = people
            self.endInsertRows()
            self.dataChanged.emit(parent, parent)

    def _reindex(self) -> None:
        self._rows = {g.key: row for row, g in enumerate(self._groups)}

    # --- reading -----------------------------------------------------------------------------
    def groups(self) -> list[Group]:
        return list(self._groups)

    def group_at(self, index: Index) -> Group | None:
        """The group of a group row or of a contact row."""
        if not index.isValid():
            return None
        key = index.internalId()
        row = index.row() if key == TOP else self._rows.get(key)
        return self._groups[row] if row is not None and row < len(self._groups) else None

    def person_at(self, index: Index) -> Person | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        group = self.group_at(index)
        return group.people[index.row()] if group and index.row() < len(group.people) else None

    def group_index(self, key: int) -> QModelIndex:
        row = self._rows.get(key)
        return self.index(row, 0) if row is not None else QModelIndex()

    # --- the model ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, self._groups[parent.row()].key)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        row = self._rows.get(index.internalId())
        return self.createIndex(row, 0, TOP) if row is not None else QModelIndex()

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self._groups[parent.row()].people)
        return 0

    def columnCount(self, _parent: Index = ROOT) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        person = self.person_at(index)
        if person is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._person_text(person, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._person_text(person, index.column())
            return plain_tooltip(text) if text else None  # names may look like markup
        return None

    def _group_data(self, group: Group, column: int, role: int):
        if column != 0:
            return None  # the view spans the group's first column over the row
        if role == Qt.ItemDataRole.DisplayRole:
            names = ", ".join(p.shown_name() for p in group.people)
            return self.tr("%1%  ·  %2  ·  %3").replace(
                "%1", str(round(group.confidence * 100))).replace(
                "%2", duplicate_reason(group.reason)).replace("%3", names)
        if role == Qt.ItemDataRole.ToolTipRole:
            why = group.reasons or [group.reason]
            return plain_tooltip("\n".join(duplicate_reason(r) for r in why))
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_TINT
        return None

    @staticmethod
    def _person_text(person: Person, column: int) -> str:
        if column == 0:
            return person.shown_name()
        if column == 1:
            return person.email
        if column == 2:
            return display_phone(person.phone, person.phone_valid)
        return person.company

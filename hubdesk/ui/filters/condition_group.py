"""A group of conditions inside the builder (the one level of nesting it offers), with its
own "all"/"any": e.g. all of [Labels has any of vip] and any of [City is Tokyo, City is Osaka]."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.filters.model import Expr
from hubdesk.ui.filters.condition_row import ConditionRow
from hubdesk.ui.filters.tree import combine


def match_combo(parent: QWidget, match_any: bool = False) -> QComboBox:
    translate = QCoreApplication.translate  # one context for the builder's and the groups'
    combo = QComboBox(parent)
    combo.addItem(translate("ConditionGroup", "all"), False)
    combo.addItem(translate("ConditionGroup", "any"), True)
    combo.setCurrentIndex(1 if match_any else 0)
    combo.setAccessibleName(translate("ConditionGroup", "Match all or any"))
    return combo


class ConditionGroup(QFrame):
    removeRequested = Signal(object)  # the group

    def __init__(self, make_row: Callable[[], ConditionRow], parent: QWidget | None = None):
        super().__init__(parent)
        self._make_row = make_row
        self.setObjectName("conditionGroup")
        self.setStyleSheet("#conditionGroup { border: 1px solid palette(mid); "
                           "border-radius: 4px; }")
        # A group is usually the "or" inside an "and" filter: start on "any".
        self.match = match_combo(self, match_any=True)
        remove = QPushButton(self.tr("Remove group"))
        remove.setFlat(True)
        remove.clicked.connect(lambda: self.removeRequested.emit(self))
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Match")))
        header.addWidget(self.match)
        header.addWidget(QLabel(self.tr("of these:")))
        header.addStretch(1)
        header.addWidget(remove)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(4)
        add = QPushButton(self.tr("+ Add condition"))
        add.setFlat(True)
        add.clicked.connect(lambda: self.add_row().field_combo.setFocus())
        footer = QHBoxLayout()
        footer.addWidget(add)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addLayout(self._rows)
        layout.addLayout(footer)

    def add_row(self) -> ConditionRow:
        row = self._make_row()
        row.removeRequested.connect(self._remove_row)
        self._rows.addWidget(row)
        return row

    def rows(self) -> list[ConditionRow]:
        return [self._rows.itemAt(i).widget() for i in range(self._rows.count())]

    def match_any(self) -> bool:
        return bool(self.match.currentData())

    def set_match_any(self, match_any: bool) -> None:
        self.match.setCurrentIndex(1 if match_any else 0)

    def expression(self) -> Expr | None:
        return combine([row.condition() for row in self.rows()], self.match_any())

    def _remove_row(self, row: ConditionRow) -> None:
        self._rows.removeWidget(row)
        row.hide()
        row.deleteLater()
        if not self.rows():
            self.removeRequested.emit(self)  # an empty group means nothing

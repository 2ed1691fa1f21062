"""Someone saved a contact while it was open here: both versions side by side, field by field,
and the choice — keep my changes on top of theirs, or start again from theirs. Never a silent
overwrite: the save that lost the race changes nothing until the user decides."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.fields import EDITABLE_KEYS, FIELDS_BY_KEY

# What an edit can change beyond the standard fields, labelled as the form labels them.
EXTRA_KEYS = {"extra_emails": QT_TRANSLATE_NOOP("EditConflictDialog", "Other emails"),
              "extra_phones": QT_TRANSLATE_NOOP("EditConflictDialog", "Other phones"),
              "labels": QT_TRANSLATE_NOOP("EditConflictDialog", "Labels")}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if v)
    return str(value)


def _label(key: str) -> str:
    if key in EXTRA_KEYS:
        return QCoreApplication.translate("EditConflictDialog", EXTRA_KEYS[key])
    return QCoreApplication.translate("FilterField", FIELDS_BY_KEY[key].label)


def compared_keys() -> tuple[str, ...]:
    return (*EDITABLE_KEYS, *EXTRA_KEYS)


def changes(now: Mapping[str, Any], before: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that differ between two versions in the same form (both as the editor's
    form shows them, or both as saved: a phone shows nationally but is saved as E.164)."""
    return {k: now[k] for k in compared_keys()
            if k in now and k in before and _text(now[k]) != _text(before[k])}


def merged(mine: Mapping[str, Any], opened: Mapping[str, Any],
           theirs: Mapping[str, Any]) -> dict[str, Any]:
    """Their saved contact with my changes on top: what "Save my changes" saves. opened:
    the contact as the form showed it when the editor opened."""
    return {**theirs, **changes(mine, opened)}


class EditConflictDialog(QDialog):
    SAVE_MINE, USE_THEIRS = 1, 2

    def __init__(self, mine: Mapping[str, Any], opened: Mapping[str, Any],
                 saved_then: Mapping[str, Any], theirs: Mapping[str, Any],
                 parent: QWidget | None = None):
        """mine and opened: the form now and when it opened; saved_then and theirs: the
        saved contact when the editor opened it and now."""
        super().__init__(parent)
        self.choice = 0
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(self.tr(
            "Someone saved this contact after you opened it. Nothing of yours is saved yet. "
            "Where you both changed a field, yours is kept if you save your changes; their "
            "other changes are kept either way."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your version"), self.tr("Saved by someone else")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        mine_changed = changes(mine, opened)
        theirs_changed = changes(theirs, saved_then)
        for key in compared_keys():
            if key not in mine_changed and key not in theirs_changed:
                continue
            yours, saved = _text(mine.get(key)), _text(theirs.get(key))
            if key in mine_changed and key in theirs_changed and yours == saved:
                continue  # both made the same change
            row = self.table.rowCount()
            self.table.insertRow(row)
            # QTableWidgetItem shows its text as plain text: names and notes may hold markup.
            mark = " ✎" if key in mine_changed else ""
            for column, text in enumerate((_label(key) + mark, yours, saved)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        legend = QLabel(self.tr("✎ marks the fields you changed."))
        buttons = QDialogButtonBox()
        self.save_mine = QPushButton(self.tr("Save my changes"))
        self.use_theirs = QPushButton(self.tr("Use their version"))
        buttons.addButton(self.save_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.use_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_mine.clicked.connect(lambda: self._choose(self.SAVE_MINE))
        self.use_theirs.clicked.connect(lambda: self._choose(self.USE_THEIRS))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3))
                for r in range(self.table.rowCount())]

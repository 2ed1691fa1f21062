"""The filter builder, a panel above the contact list: "Match all/any of these conditions",
condition rows and (one level of) groups, Apply / Clear / Save as segment.

A filter that needs more than two levels (from a segment saved on the command line, say) is
not squeezed into rows: it is shown read-only in the text syntax, still applies, and Clear
removes it. `not X` is shown as the negative operator when one matches exactly the same
contacts ("has none of" for `not label:vip`); otherwise it too is shown read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters import Condition, Expr, format_expr, resolve
from hubdesk.core.filters.resolve import FilterField, filter_fields
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.filters.condition_group import ConditionGroup, match_combo
from hubdesk.ui.filters.condition_row import ConditionRow
from hubdesk.ui.filters.tree import combine, fit
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore


class FilterBuilder(QFrame):
    applied = Signal(object)  # the resolved filter, or None for "no filter"
    saveRequested = Signal(str, object)  # segment name, resolved filter

    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.fields: list[FilterField] = store.read(filter_fields)
        self._labels: list[str] | None = None
        self._fixed: Expr | None = None  # a filter too deep for rows, shown as text
        store.attributesChanged.connect(self.reload_fields)
        store.labelsChanged.connect(self._forget_labels)
        self.setObjectName("filterBuilder")
        self.setStyleSheet("#filterBuilder { border-bottom: 1px solid palette(mid); }")

        self.match = match_combo(self)
        self._match_line = QHBoxLayout()
        self._match_line.addWidget(QLabel(self.tr("Match")))
        self._match_line.addWidget(self.match)
        self._match_line.addWidget(QLabel(self.tr("of these conditions")))
        self._match_line.addStretch(1)
        self._items = QVBoxLayout()
        self._items.setSpacing(4)
        self.fixed_text = plain_label(wrap=True, selectable=True)
        self.fixed_note = plain_label(self.tr(
            "This filter has more levels than the builder shows; it still applies. Clear "
            "removes it."), wrap=True, muted=True)
        self.message = FieldMessage()
        self.add_button = QPushButton(self.tr("+ Add condition"))
        self.add_button.clicked.connect(lambda: self.add_row().field_combo.setFocus())
        self.group_button = QPushButton(self.tr("+ Add group"))
        self.group_button.clicked.connect(self._add_group_clicked)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.clear())
        self.save_button = QPushButton(self.tr("Save as segment…"))
        self.save_button.clicked.connect(self._ask_save)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.group_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.clear_button, self.save_button, self.apply_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(self._match_line)
        layout.addLayout(self._items)
        layout.addWidget(self.fixed_text)
        layout.addWidget(self.fixed_note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._show_fixed(None)

    # --- rows ----------------------------------------------------------------------------
    def add_row(self) -> ConditionRow:
        row = self._make_row()
        row.removeRequested.connect(self._remove_item)
        self._items.addWidget(row)
        return row

    def add_group(self) -> ConditionGroup:
        group = ConditionGroup(self._make_row)
        group.removeRequested.connect(self._remove_item)
        self._items.addWidget(group)
        return group

    def ensure_row(self) -> None:
        """Opening an empty builder offers a first row to fill in."""
        if not self.items() and self._fixed is None:
            self.add_row()

    def items(self) -> list[ConditionRow | ConditionGroup]:
        return [self._items.itemAt(i).widget() for i in range(self._items.count())]

    def rows(self) -> list[ConditionRow]:
        """Every row, those in groups included, top to bottom."""
        out: list[ConditionRow] = []
        for item in self.items():
            out.extend(item.rows() if isinstance(item, ConditionGroup) else [item])
        return out

    def _make_row(self) -> ConditionRow:
        row = ConditionRow(self.fields, self.label_names)
        row.submitted.connect(self.apply)
        return row

    def _add_group_clicked(self) -> None:
        group = self.add_group()
        group.add_row()
        group.add_row().field_combo.setFocus()

    def _remove_item(self, item: QWidget) -> None:
        self._items.removeWidget(item)
        item.hide()
        item.deleteLater()

    def _remove_all(self) -> None:
        for item in self.items():
            self._remove_item(item)

    # --- the filter ----------------------------------------------------------------------
    def expression(self) -> Expr | None:
        """The filter as built (not yet checked: `resolve` types values), or None."""
        if self._fixed is not None:
            return self._fixed
        parts = []
        for item in self.items():
            part = item.expression() if isinstance(item, ConditionGroup) else item.condition()
            if part is not None:
                parts.append(part)
        return combine(parts, bool(self.match.currentData()))

    def resolved(self) -> Expr | None:
        """The checked filter; raises HubDeskError naming the problem."""
        for row in self.rows():
            problem = row.missing()
            if problem:
                row.focus_value()
                raise HubDeskError(problem)
        expr = self.expression()
        return None if expr is None else self.store.read(
            lambda s: resolve(s, expr, self.fields))

    def apply(self) -> bool:
        """Check the filter and announce it; a problem is shown here and nothing applies."""
        try:
            expr = self.resolved()
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return False
        self.message.clear_message()
        self.applied.emit(expr)
        return True

    def clear(self, emit: bool = True) -> None:
        self._remove_all()
        self._show_fixed(None)
        self.match.setCurrentIndex(0)
        self.message.clear_message()
        if emit:
            self.applied.emit(None)

    def set_expression(self, expr: Expr | None) -> None:
        """Show a filter (a segment's, or what is left after removing a chip)."""
        self.clear(emit=False)
        if expr is None:
            return
        try:
            expr = self.store.read(lambda s: resolve(s, expr, self.fields))
        except HubDeskError as exc:
            self._show_fixed(expr)
            self.message.show_error(str(exc))
            return
        shape = fit(expr)
        if shape is None:
            self._show_fixed(expr)
            return
        match_any, parts = shape
        self.match.setCurrentIndex(1 if match_any else 0)
        for part in parts:
            if isinstance(part, Condition):
                shown = self.add_row().set_condition(part)
            else:
                group = self.add_group()
                group.set_match_any(part[0])
                shown = all(group.add_row().set_condition(c) for c in part[1])
            if not shown:  # a field or operator rows do not offer
                self.clear(emit=False)
                self._show_fixed(expr)
                return

    def _show_fixed(self, expr: Expr | None) -> None:
        self._fixed = expr
        fixed = expr is not None
        if fixed:
            self.fixed_text.setText(format_expr(expr, self.names()))
        for widget in (self.fixed_text, self.fixed_note):
            widget.setVisible(fixed)
        for i in range(self._match_line.count()):
            widget = self._match_line.itemAt(i).widget()
            if widget is not None:
                widget.setVisible(not fixed)
        for button in (self.add_button, self.group_button):
            button.setEnabled(not fixed)

    # --- segments ------------------------------------------------------------------------
    def _ask_save(self) -> None:
        try:
            if self.resolved() is None:
                raise HubDeskError(self.tr("Add a condition first, then save it as a segment."))
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return
        name, ok = QInputDialog.getText(self, self.tr("Save as segment"),
                                        self.tr("Segment name:"))
        if ok and name.strip():
            self.save_as(name)

    def save_as(self, name: str) -> bool:
        """Apply the filter and ask for it to be saved under this name."""
        if not self.apply():
            return False
        expr = self.resolved()
        if expr is None:
            self.message.show_error(self.tr("Add a condition first, then save it as a segment."))
            return False
        self.saveRequested.emit(name, expr)
        return True

    def show_error(self, message: str) -> None:
        self.message.show_error(message)

    # --- what fields and labels exist ----------------------------------------------------
    def names(self) -> dict[str, str]:
        """Field key → the name the text syntax uses (for chips and segments)."""
        return {f.key: f.name for f in self.fields}

    def label_names(self) -> list[str]:
        if self._labels is None:
            self._labels = self.store.label_names()
        return self._labels

    def _forget_labels(self) -> None:
        self._labels = None

    def reload_fields(self) -> None:
        self.fields = self.store.read(filter_fields)
        for row in self.rows():
            row.set_fields(self.fields)

    def focus_first(self) -> None:
        rows = self.rows()
        if rows:
            rows[0].field_combo.setFocus(Qt.FocusReason.OtherFocusReason)

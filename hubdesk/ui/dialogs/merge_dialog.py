"""Merge two or more contacts: the contacts side by side, one row per field, a radio button
per value. The user picks which contact survives and whose value each field gets (by default
the most recently updated one that has a value); what is not picked is kept as additional
emails and phones or written into a "Merged from …" note by the core. One undo step."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core import contacts as contact_service
from hubdesk.core.errors import HubDeskError
from hubdesk.core.merge import MergePlan
from hubdesk.core.normalize import display_phone
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.format import plain_tooltip, relative_time

CELL_WIDTH = 240  # px a value may take before it is elided (the tooltip has all of it)
HEADER_ROWS = 3  # name, "#id · updated …", "Keep this contact"


class MergeDialog(QDialog):
    def __init__(self, store: ContactStore, ids: Sequence[int], keep_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Merge contacts"))
        self.setMinimumWidth(560)
        self.plan: MergePlan | None = None
        self.order: list[int] = []  # columns; stays put when another contact is kept
        self.keep_id: int | None = None
        self.kept_id: int | None = None  # set once the merge is done
        self._picked: dict[str, int] = {}  # what the user chose, over the plan's defaults
        self._groups: dict[str, QButtonGroup] = {}
        self._cells: list[QWidget] = []
        self._about: dict[int, dict] = {}  # each contact as get_contact returns it

        self.intro = QLabel(self.tr(
            "Pick the value to keep for each field. The other contacts are merged into the "
            "kept one and removed; Edit → Undo brings them all back."))
        self.intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        table = QWidget()
        table.setLayout(self.grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(table)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        try:
            plan = store.merge_plan(list(ids), keep_id)
        except HubDeskError as exc:
            self._refuse(str(exc))
            return
        self.order = list(plan.ids)
        self.keep_id = plan.ids[0]
        self._build_header(plan)
        self._show_plan(plan)
        self._summarise()
        self._fit_to_content()

    # --- building ----------------------------------------------------------------------------
    def _build_header(self, plan: MergePlan) -> None:
        about = self._about = self.store.read(
            lambda s: {cid: contact_service.get_contact(s, cid) for cid in self.order})
        self.keep_group = QButtonGroup(self)
        for col, cid in enumerate(self.order, start=1):
            name = plain_label(plan.names[cid], bold=True)
            name.setToolTip(plain_tooltip(plan.names[cid]))
            name.setMaximumWidth(CELL_WIDTH + 40)
            updated = _when(about[cid].get("updated_at"))
            where = plain_label(self.tr("#%1 · updated %2").replace("%1", str(cid))
                                .replace("%2", relative_time(updated)), muted=True)
            keep = QRadioButton(self.tr("Keep this contact"))
            keep.setAccessibleName(self.tr("Keep %1").replace("%1", plan.names[cid]))
            keep.setChecked(cid == self.keep_id)
            self.keep_group.addButton(keep, cid)
            for row, widget in enumerate((name, where, keep)):
                self.grid.addWidget(widget, row, col)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, HEADER_ROWS, 0, 1, len(self.order) + 1)
        self.grid.setColumnStretch(len(self.order) + 1, 1)
        self.keep_group.idToggled.connect(self._keep_toggled)

    def _show_plan(self, plan: MergePlan) -> None:
        """One row per field; rebuilt whole when the plan is read again."""
        self.plan = plan
        for widget in self._cells:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self._cells.clear()
        for group in self._groups.values():
            group.deleteLater()
        self._groups.clear()
        for row, choice in enumerate(plan.choices, start=HEADER_ROWS + 1):
            # The core names the standard fields (core_strings); attributes are the user's.
            label = (choice.label if choice.key.startswith("attr:")
                     else QCoreApplication.translate("MergeFields", choice.label))
            caption = plain_label(label, muted=True)
            self.grid.addWidget(caption, row, 0)  # values are one line: centred beside it
            self._cells.append(caption)
            group = QButtonGroup(self)
            self._groups[choice.key] = group
            chosen = self._picked.get(choice.key, choice.chosen)
            for col, cid in enumerate(self.order, start=1):
                value = choice.values.get(cid, "")
                if choice.key == "phone":
                    value = display_phone(value)
                button = self._value_button(value, label)
                button.setChecked(cid == chosen and bool(value))
                group.addButton(button, cid)
                self.grid.addWidget(button, row, col)
                self._cells.append(button)
            group.idClicked.connect(
                lambda cid, key=choice.key: self._picked.__setitem__(key, cid))

    def _value_button(self, value: str, field: str) -> QRadioButton:
        one_line = " ".join(value.split())
        shown = self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight,
                                              CELL_WIDTH)
        # A button's text is plain, except that "&" marks a keyboard shortcut.
        button = QRadioButton((shown or self.tr("(empty)")).replace("&", "&&"))
        button.setAccessibleName(f"{field}: {one_line}" if one_line else field)
        if shown != one_line:
            button.setToolTip(plain_tooltip(value))
        button.setEnabled(bool(value))  # nothing to pick: greyed
        return button

    def _summarise(self) -> None:
        n = len(self.order)
        notes = sum(len(a.get("notes") or ()) for a in self._about.values())
        conversations = sum(len(a.get("conversations") or ()) for a in self._about.values())
        self.summary.setText(self.tr(
            "Labels, notes (%1), conversations (%2), additional emails and phones of all %3 "
            "contacts are kept. Values not chosen are recorded in a note.")
            .replace("%1", f"{notes:,}").replace("%2", f"{conversations:,}")
            .replace("%3", str(n)))
        self.merge_button.setText(self.tr("Merge %n contacts").replace("%n", str(n)))

    def _fit_to_content(self) -> None:
        """Every column and row in view when the screen has room; scroll bars only beyond."""
        table = self.scroll.widget().sizeHint()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        rest = self.sizeHint()
        screen = self.screen().availableGeometry()
        width = max(rest.width(), table.width() + bar + 2 * self.layout().spacing() + 24)
        fits = width <= screen.width() * 0.92
        height = rest.height() - self.scroll.sizeHint().height() + table.height()
        height += 0 if fits else bar  # room for the horizontal scroll bar
        self.resize(min(width, int(screen.width() * 0.92)),
                    min(max(height, rest.height()), int(screen.height() * 0.85)))

    def _refuse(self, message: str) -> None:
        self.message.show_error(message)
        self.scroll.hide()
        self.intro.hide()
        self.merge_button.setEnabled(False)

    # --- choosing ----------------------------------------------------------------------------
    def choose(self, key: str, contact_id: int) -> None:
        """Pick whose value `key` gets (as clicking its radio button does)."""
        button = self._groups[key].button(contact_id)
        if button is None or not button.isEnabled():
            raise ValueError(f"{key}: contact {contact_id} has no value to choose")
        button.setChecked(True)
        self._picked[key] = contact_id

    def chosen(self) -> dict[str, int]:
        """Field key → the contact whose value is kept, as the dialog shows it."""
        return {key: group.checkedId() for key, group in self._groups.items()
                if group.checkedId() != -1}

    def set_keep(self, contact_id: int) -> None:
        button = self.keep_group.button(contact_id)
        if button is None:
            raise ValueError(f"contact {contact_id} is not being merged")
        button.setChecked(True)

    def _keep_toggled(self, contact_id: int, checked: bool) -> None:
        if not checked or contact_id == self.keep_id:
            return
        self._picked.update(self.chosen())  # switching the keeper keeps what was picked
        try:
            plan = self.store.merge_plan(self.order, contact_id)
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            previous = self.keep_group.button(self.keep_id or -1)
            if previous is not None:  # the radio shows who is really kept
                self.keep_group.blockSignals(True)
                previous.setChecked(True)
                self.keep_group.blockSignals(False)
            return
        self.keep_id = contact_id
        self.message.clear_message()
        self._show_plan(plan)

    # --- merging -----------------------------------------------------------------------------
    def merge(self) -> None:
        if self.keep_id is None:
            return
        others = [cid for cid in self.order if cid != self.keep_id]
        try:
            self.store.merge_contacts(self.keep_id, others, self.chosen())
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return
        self.kept_id = self.keep_id
        self.accept()


def _when(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None

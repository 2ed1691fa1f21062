"""The profile panel beside the list: the selected contact's header and tabs, kept current by
the store's change signals. Which tab is showing is the main window's to remember (`tabs`).
The header also says when the contact has a likely duplicate (looked up in the background)
and offers to merge it, or any contact found by search."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from hubdesk.core import contacts as contact_service
from hubdesk.core import duplicates
from hubdesk.core.errors import HubDeskError, NotFoundError
from hubdesk.ui.profile.attributes_tab import AttributesTab
from hubdesk.ui.profile.conversations_tab import ConversationsTab
from hubdesk.ui.profile.header import ProfileHeader
from hubdesk.ui.profile.labels_tab import LabelsTab
from hubdesk.ui.profile.notes_tab import NotesTab
from hubdesk.ui.profile.reload_bar import ReloadBar
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.empty_state import EmptyState

log = logging.getLogger(__name__)


class ProfilePanel(QWidget):
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    contactMerged = Signal(int)  # the kept contact: the list selects it
    duplicatesChecked = Signal()  # the duplicate hint is current (tests wait on it)

    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._contact_id: int | None = None
        self.contact: dict | None = None  # what is shown, as get_contact returned it

        self.empty = EmptyState()
        self.header = ProfileHeader()
        self.header.editClicked.connect(self._edit_clicked)
        self.header.deleteClicked.connect(self._delete_clicked)
        self.header.mergeWithClicked.connect(self._merge_with)
        self.header.mergeDuplicateClicked.connect(
            lambda other: self._merge([self._contact_id, other]))
        self.header.notDuplicateClicked.connect(self._not_duplicate)
        self._hint_for: int | None = None  # whose duplicates the header shows
        self._hint_generation = 0
        self.attributes_tab = AttributesTab(store)
        self.labels_tab = LabelsTab(store)
        self.conversations_tab = ConversationsTab(store)
        self.header.new_message_button.clicked.connect(self._new_message)
        self.notes_tab = NotesTab(store)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Contact details"))
        self.tabs.addTab(self.attributes_tab, self.tr("Attributes"))
        self.tabs.addTab(self.labels_tab, self.tr("Labels"))
        self.tabs.addTab(self.conversations_tab, self.tr("Conversations"))
        self.tabs.addTab(self.notes_tab, self.tr("Notes"))

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(0)
        details.addWidget(self.header)
        details.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.details)
        self.reload_bar = ReloadBar()
        self.reload_bar.reloadClicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reload_bar)
        layout.addWidget(self.stack)

        store.contactsChanged.connect(self._contacts_changed)
        store.labelsChanged.connect(self.refresh)
        store.attributesChanged.connect(self.refresh)
        # A twin may have been created, deleted or restored.
        store.listChanged.connect(self._check_duplicates)
        self.show_contact(None)

    def contact_id(self) -> int | None:
        return self._contact_id

    def _new_message(self) -> None:
        self.tabs.setCurrentWidget(self.conversations_tab)
        self.conversations_tab.new_message()

    def show_contact(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.refresh()

    def refresh(self) -> None:
        """Read the contact again and show it (or the empty state)."""
        self.reload_bar.hide()  # what is shown next is what the database holds
        if self._contact_id is None:
            self._show_empty(self.tr("Select a contact"),
                             self.tr("Choose someone in the list to see their details here."))
            return
        try:
            contact = self.store.contact(self._contact_id)
        except NotFoundError:
            # Trashed or merged away; an undo brings it back through contactsChanged.
            self._show_empty(self.tr("Contact not found"),
                             self.tr("It was deleted. Edit → Undo brings it back."))
            return
        definitions = self.store.attribute_definitions()
        self.contact = contact
        self.header.set_contact(contact)
        self._check_duplicates()
        self.attributes_tab.set_contact(contact, definitions)
        self.labels_tab.set_contact(contact)
        self.conversations_tab.set_contact(contact)
        self.notes_tab.set_contact(contact)
        self._set_counts(contact)
        self.stack.setCurrentWidget(self.details)

    def is_editing(self) -> bool:
        """An attribute or a note is open for editing: a refresh would discard it."""
        return (any(row.is_editing() for row in self.attributes_tab.rows.values())
                or any(item.is_editing() for item in self.notes_tab.items))

    def changed_elsewhere(self) -> None:
        """Someone else changed the contact shown: show it as it is now, unless the user is
        editing in it; then the bar offers to reload when they are ready."""
        if self.is_editing():
            self.reload_bar.show()
        else:
            self.refresh()

    def _show_empty(self, title: str, message: str) -> None:
        self.contact = None
        self._hint_generation += 1  # a lookup still running is for nobody now
        self._hint_for = None
        self.header.set_duplicates([])
        self.attributes_tab.clear()
        self.empty.show_message(title, message)
        self.stack.setCurrentWidget(self.empty)

    def _set_counts(self, contact: dict) -> None:
        for tab, title, key in (
            (self.labels_tab, self.tr("Labels"), "labels"),
            (self.conversations_tab, self.tr("Conversations"), "conversations"),
            (self.notes_tab, self.tr("Notes"), "notes"),
        ):
            n = len(contact.get(key) or ())
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{title} ({n})" if n else title)

    def _contacts_changed(self, ids: list) -> None:
        if self._contact_id is not None and (not ids or self._contact_id in ids):
            self.refresh()

    def _edit_clicked(self) -> None:
        if self._contact_id is not None:
            self.editRequested.emit(self._contact_id)

    def _delete_clicked(self) -> None:
        if self._contact_id is not None:
            self.deleteRequested.emit(self._contact_id)

    # --- duplicates and merging ------------------------------------------------------------
    def _check_duplicates(self) -> None:
        cid = self._contact_id
        if cid is None or self.contact is None:
            return
        if self._hint_for != cid:
            self.header.set_duplicates([])  # not another contact's twin while looking
        self._hint_generation += 1
        generation, read = self._hint_generation, self.store.read

        def work(_report=None, _cancelled=None):
            return generation, cid, read(lambda s: _twins(s, cid))

        if self.store.jobs is None:
            self._show_duplicates(work())
        else:
            self.store.jobs.start("duplicates of", work, self._show_duplicates,
                                  self._duplicates_failed)

    def _show_duplicates(self, result) -> None:
        generation, cid, twins = result
        if generation != self._hint_generation:
            return  # another contact (or a newer state) is shown by now
        self._hint_for = cid
        self.header.set_duplicates(twins)
        self.duplicatesChecked.emit()

    def _duplicates_failed(self, message: str) -> None:
        # Only a suggestion: the profile itself is fine, so no dialog for it.
        log.warning("looking for duplicates failed: %s", message)

    def _not_duplicate(self, other: int) -> None:
        if self._contact_id is None:
            return
        try:
            with self.store.db.session() as s:
                duplicates.mark_not_duplicates(s, [self._contact_id, other])
        except HubDeskError as exc:  # the other one was deleted meanwhile: the hint updates
            log.info("not marked as duplicates: %s", exc)
        self._check_duplicates()

    def _merge_with(self) -> None:
        from hubdesk.ui.dialogs.pick_contact import PickContactDialog

        if self._contact_id is None or self.contact is None:
            return
        name = self.contact.get("name") or self.contact.get("email") or f"#{self._contact_id}"
        picker = PickContactDialog(
            self.store, exclude=[self._contact_id], title=self.tr("Merge with…"),
            prompt=self.tr("Find the contact to merge with %1.").replace("%1", name),
            parent=self)
        self.picker = picker  # tests drive the open dialog
        if picker.exec() and picker.picked_id is not None:
            self._merge([self._contact_id, picker.picked_id])

    def _merge(self, ids: list[int | None]) -> None:
        from hubdesk.ui.dialogs.merge_dialog import MergeDialog

        if None in ids:
            return
        # The contact being looked at is the one to keep, unless the user picks the other.
        dialog = MergeDialog(self.store, ids, keep_id=ids[0], parent=self)
        self.merge_dialog = dialog  # tests drive the open dialog
        if dialog.exec() and dialog.kept_id is not None:
            self.show_contact(dialog.kept_id)
            self.contactMerged.emit(dialog.kept_id)


def _twins(session, contact_id: int) -> list[tuple[int, str, str]]:
    """(id, name, reason) of the contact's likely duplicates, most likely first."""
    found = duplicates.duplicates_of(session, contact_id)
    rows = contact_service.list_rows(session, [other for other, _ in found])
    return [(other, rows[other].name or rows[other].email or rows[other].company, reason)
            for other, reason in found if other in rows]

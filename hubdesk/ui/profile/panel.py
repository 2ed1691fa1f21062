"""The profile panel beside the list: the selected contact's header and tabs, kept current by
the store's change signals. Which tab is showing is the main window's to remember (`tabs`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from hubdesk.core.errors import NotFoundError
from hubdesk.ui.profile.attributes_tab import AttributesTab
from hubdesk.ui.profile.conversations_tab import ConversationsTab
from hubdesk.ui.profile.header import ProfileHeader
from hubdesk.ui.profile.labels_tab import LabelsTab
from hubdesk.ui.profile.notes_tab import NotesTab
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.empty_state import EmptyState


class ProfilePanel(QWidget):
    editRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._contact_id: int | None = None
        self.contact: dict | None = None  # what is shown, as get_contact returned it

        self.empty = EmptyState()
        self.header = ProfileHeader()
        self.header.editClicked.connect(self._edit_clicked)
        self.header.deleteClicked.connect(self._delete_clicked)
        self.attributes_tab = AttributesTab(store)
        self.labels_tab = LabelsTab(store)
        self.conversations_tab = ConversationsTab()
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        store.contactsChanged.connect(self._contacts_changed)
        store.labelsChanged.connect(self.refresh)
        store.attributesChanged.connect(self.refresh)
        self.show_contact(None)

    def contact_id(self) -> int | None:
        return self._contact_id

    def show_contact(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.refresh()

    def refresh(self) -> None:
        """Read the contact again and show it (or the empty state)."""
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
        self.attributes_tab.set_contact(contact, definitions)
        self.labels_tab.set_contact(contact)
        self.conversations_tab.set_contact(contact)
        self.notes_tab.set_contact(contact)
        self._set_counts(contact)
        self.stack.setCurrentWidget(self.details)

    def _show_empty(self, title: str, message: str) -> None:
        self.contact = None
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


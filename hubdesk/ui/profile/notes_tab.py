"""The Notes tab: a box to write a note (Ctrl+Enter adds), then the notes, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import ValidationError
from hubdesk.ui.profile.note_item import NoteItem
from hubdesk.ui.profile.note_keys import NoteKeys
from hubdesk.ui.profile.plain import plain_label, set_error_style
from hubdesk.ui.store import ContactStore


class NotesTab(QWidget):
    def __init__(self, store: ContactStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._contact_id: int | None = None
        self.items: list[NoteItem] = []

        self.composer = QPlainTextEdit()
        self.composer.setPlaceholderText(self.tr("Write a note…  (Ctrl+Enter adds it)"))
        self.composer.setAccessibleName(self.tr("New note"))
        self.composer.setTabChangesFocus(True)
        self.composer.setFixedHeight(72)
        NoteKeys(self.composer, self.add)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setAccessibleName(self.tr("Add note"))
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        self.composer.textChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.composer.toPlainText().strip())))
        self.error_label = plain_label(wrap=True)
        set_error_style(self.error_label)
        self.error_label.setVisible(False)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._build([])

        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 0)
        layout.setSpacing(6)
        layout.addWidget(self.composer)
        layout.addLayout(buttons)
        layout.addWidget(self.scroll, 1)

    def set_contact(self, contact: dict) -> None:
        same = contact["id"] == self._contact_id
        if not same:
            self.composer.clear()  # a draft belongs to the contact it was written for
            self.error_label.setVisible(False)
        scroll = self.scroll.verticalScrollBar().value() if same else 0
        self._contact_id = contact["id"]
        self._build(sorted(contact.get("notes") or [], reverse=True,
                           key=lambda n: (n["created_at"], n["id"])))
        self.scroll.verticalScrollBar().setValue(scroll)

    def _build(self, notes: list[dict]) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 6, 0, 12)
        layout.setSpacing(6)
        self.items = []
        for note in notes:
            assert self._contact_id is not None
            item = NoteItem(self._store, self._contact_id, note)
            layout.addWidget(item)
            self.items.append(item)
        self.empty_label = plain_label(self.tr("No notes yet"), muted=True)
        # Into the layout before it is shown: a parentless shown label is a window of its
        # own for a moment, which takes activation from the main window.
        layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not self.items)
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:  # deleted later: its Delete button may be what got us here
            old.hide()
            old.deleteLater()
        self.scroll.setWidget(content)

    def add(self) -> None:
        body = self.composer.toPlainText()
        if self._contact_id is None or not body.strip():
            return
        try:
            self._store.add_note(self._contact_id, body)
        except ValidationError as exc:
            self.error_label.setText(next(iter(exc.errors.values()), str(exc)))
            self.error_label.setVisible(True)
            return
        self.error_label.setVisible(False)
        self.composer.clear()

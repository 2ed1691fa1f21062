"""One note: who wrote it and when, the text (wrapped), and Edit/Delete for one's own notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.errors import ValidationError
from hubdesk.ui.profile.note_keys import NoteKeys
from hubdesk.ui.profile.plain import plain_label, set_error_style
from hubdesk.ui.profile.times import local_text, when_text
from hubdesk.ui.store import ContactStore


class NoteItem(QFrame):
    def __init__(self, store: ContactStore, contact_id: int, note: dict,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self._contact_id, self.note = store, contact_id, note
        self.note_id: int = note["id"]
        self.own = note.get("author", "") == store.author
        self.setFrameShape(QFrame.Shape.StyledPanel)
        author = self.tr("You") if self.own else (note.get("author") or self.tr("Someone"))
        meta = f"{author} · {when_text(note['created_at'])}"
        if note.get("updated_at") and note["updated_at"] != note["created_at"]:
            meta += " · " + self.tr("edited")
        self.meta_label = plain_label(meta, muted=True)
        self.meta_label.setToolTip(local_text(note["created_at"]))
        self.body_label = plain_label(note["body"], wrap=True, selectable=True)

        self.edit_button = self._tool(self.tr("Edit"), self.tr("Edit note"))
        self.edit_button.clicked.connect(self.start_editing)
        self.delete_button = self._tool(self.tr("Delete"), self.tr("Delete note"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.edit_button, self.delete_button):
            button.setVisible(self.own)

        self.editor: QPlainTextEdit | None = None
        self.edit_box = QWidget()
        self._edit_layout = QVBoxLayout(self.edit_box)
        self._edit_layout.setContentsMargins(0, 0, 0, 0)
        self.edit_box.setVisible(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save note"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel editing note"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.error_label = plain_label(wrap=True)
        set_error_style(self.error_label)
        self.error_label.setVisible(False)

        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.meta_label, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.body_label)
        layout.addWidget(self.edit_box)
        layout.addWidget(self.error_label)

    def _tool(self, text: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(True)
        button.setAccessibleName(accessible)
        return button

    def start_editing(self) -> None:
        if self.editor is None:
            self._build_editor()
        assert self.editor is not None
        self.editor.setPlainText(self.note["body"])
        self.body_label.setVisible(False)
        self.edit_box.setVisible(True)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()

    def is_editing(self) -> bool:
        return self.edit_box.isVisibleTo(self)

    def _build_editor(self) -> None:
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(80)
        NoteKeys(self.editor, self.save, self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(plain_label(self.tr("Ctrl+Enter saves, Esc cancels"), muted=True), 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        self._edit_layout.addWidget(self.editor)
        self._edit_layout.addLayout(buttons)

    def save(self) -> None:
        if self.editor is None:
            return
        body = self.editor.toPlainText()
        if body == self.note["body"]:
            self.cancel()
            return
        try:
            self._store.edit_note(self._contact_id, self.note_id, body, self.note["body"])
        except ValidationError as exc:
            self.error_label.setText(next(iter(exc.errors.values()), str(exc)))
            self.error_label.setVisible(True)

    def cancel(self) -> None:
        self.edit_box.setVisible(False)
        self.error_label.setVisible(False)
        self.body_label.setVisible(True)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self) -> None:
        # No confirmation: Edit → Undo (Ctrl+Z) brings the note back.
        self._store.delete_note(self._contact_id, self.note_id)

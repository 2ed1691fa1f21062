"""One custom attribute of one contact: its value, and a pencil that edits it in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.errors import ValidationError
from hubdesk.ui.profile.attribute_values import Editor, display_text, make_editor
from hubdesk.ui.profile.link_label import LinkLabel
from hubdesk.ui.profile.plain import plain_label, set_error_style
from hubdesk.ui.store import ContactStore
from hubdesk.ui.widgets.format import plain_tooltip

SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class AttributeRow(QWidget):
    # The value was stored; the profile refreshes, and focus returns to this key's pencil.
    saved = Signal(str)

    def __init__(self, store: ContactStore, contact_id: int, info: AttributeInfo, value: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self._contact_id, self.info, self._value = store, contact_id, info, value
        self.editor: Editor | None = None
        self._initial: Any = None

        text = display_text(info, value)
        if info.type == "link" and text:
            self.value_label: QLabel = LinkLabel(text)
        else:
            self.value_label = plain_label(text or "—", wrap=True, selectable=True,
                                           muted=not text)
            self.value_label.setToolTip(plain_tooltip(text) if len(text) > 40 else "")
        self.edit_button = self._tool("✎", self.tr("Edit %1").replace("%1", info.label))
        self.edit_button.clicked.connect(self.start_editing)
        self.display_box = QWidget()
        display = QHBoxLayout(self.display_box)
        display.setContentsMargins(0, 0, 0, 0)
        display.addWidget(self.value_label, 1)
        display.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.edit_box = QWidget()
        self.edit_box.setVisible(False)
        self._edit_layout = QHBoxLayout(self.edit_box)
        self._edit_layout.setContentsMargins(0, 0, 0, 0)
        self.save_button = self._tool("✓", self.tr("Save %1").replace("%1", info.label))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = self._tool("✕", self.tr("Cancel editing %1")
                                        .replace("%1", info.label))
        self.cancel_button.clicked.connect(self.cancel)
        self.clear_button = self._tool(self.tr("Clear"), self.tr("Clear %1")
                                       .replace("%1", info.label))
        self.clear_button.clicked.connect(self.clear)
        self.error_label = plain_label(wrap=True)
        set_error_style(self.error_label)
        self.error_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.display_box)
        layout.addWidget(self.edit_box)
        layout.addWidget(self.error_label)

    def _tool(self, text: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(True)
        button.setAccessibleName(accessible)
        button.setToolTip(plain_tooltip(accessible))  # it names a user-defined attribute
        return button

    # --- editing ---------------------------------------------------------------------------
    def is_editing(self) -> bool:
        return self.editor is not None

    def start_editing(self) -> None:
        if self.editor is not None:
            return
        self.editor = make_editor(self.info, self._value)
        self._initial = self.editor.value()
        self._watch_keys(self.editor.widget)
        self._edit_layout.addWidget(self.editor.widget, 1)
        self._edit_layout.addWidget(self.save_button)
        self._edit_layout.addWidget(self.cancel_button)
        self._edit_layout.addWidget(self.clear_button)
        self.clear_button.setVisible(self._value not in (None, ""))
        self.display_box.setVisible(False)
        self.edit_box.setVisible(True)
        self.editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if self.editor is None:
            return
        value = self.editor.value()
        if value == self._initial and self._value not in (None, ""):
            self.cancel()  # nothing changed: no write, no undo step
            return
        self._store_value(value)

    def clear(self) -> None:
        self._store_value("")

    def _store_value(self, value: Any) -> None:
        try:
            self._store.set_attribute(self._contact_id, self.info.key, value)
        except ValidationError as exc:
            self.error_label.setText(exc.errors.get(self.info.key) or str(exc))
            self.error_label.setVisible(True)
            if self.editor is not None:
                self.editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.saved.emit(self.info.key)

    def cancel(self) -> None:
        if self.editor is None:
            return
        widget, self.editor = self.editor.widget, None
        widget.hide()
        widget.deleteLater()
        self.error_label.setVisible(False)
        self.edit_box.setVisible(False)
        self.display_box.setVisible(True)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- keys: Enter saves, Esc cancels, whatever widget inside the editor has focus --------
    def _watch_keys(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key not in (*SAVE_KEYS, Qt.Key.Key_Escape) or event.modifiers() not in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # ours, not a window shortcut's
            return False
        if key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            self.save()
        return True

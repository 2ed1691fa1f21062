"""Keys of a note's text box: Ctrl+Enter commits (Cmd+Enter on macOS), Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NoteKeys(QObject):
    """An event filter for a QPlainTextEdit; plain Enter still starts a new line."""

    def __init__(self, watched: QObject, commit: Callable[[], None],
                 cancel: Callable[[], None] | None = None):
        super().__init__(watched)
        self._commit, self._cancel = commit, cancel
        watched.installEventFilter(self)

    def _ours(self, event: QKeyEvent) -> bool:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return ((event.key() in COMMIT_KEYS and ctrl)
                or (event.key() == Qt.Key.Key_Escape and self._cancel is not None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        if not self._ours(event):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the text box's, not a window shortcut's
            return False
        if event.key() == Qt.Key.Key_Escape and self._cancel is not None:
            self._cancel()
        else:
            self._commit()
        return True

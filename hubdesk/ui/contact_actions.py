"""The commands a user gives about contacts — delete, restore, delete for good, empty the
trash, undo, redo — as QActions with their shortcuts, confirmations and enabled states.
The main window puts them in menus and toolbars; the store does the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from hubdesk.core.errors import HubDeskError
from hubdesk.ui.store import ContactStore

NAMES_IN_CONFIRM = 5


class ContactActions(QObject):
    """`selection()` returns the selected ids (cheaply, even for a million); `name_of(id)`
    the name to show in a confirmation."""

    failed = Signal(str)

    def __init__(self, store: ContactStore, window: QWidget,
                 selection: Callable[[], list[int]], name_of: Callable[[int], str],
                 has_selection: Callable[[], bool]):
        super().__init__(window)
        self.store, self.window, self.selection = store, window, selection
        self.name_of, self.has_selection = name_of, has_selection
        self.trash_view = False

        self.delete = QAction(self.tr("Delete"), window)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete.triggered.connect(self.delete_selected)
        self.restore = QAction(self.tr("Restore"), window)
        self.restore.triggered.connect(self.restore_selected)
        self.purge = QAction(self.tr("Delete permanently…"), window)
        self.purge.triggered.connect(self.purge_selected)
        self.empty_trash = QAction(self.tr("Empty Trash…"), window)
        self.empty_trash.triggered.connect(self.empty_all)
        self.undo = store.undo_stack.createUndoAction(window, self.tr("Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = store.undo_stack.createRedoAction(window, self.tr("Redo"))
        self.redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        for action in (self.delete, self.restore, self.purge):
            window.addAction(action)  # shortcuts work wherever the focus is in the window
        self.update_enabled()

    def set_trash_view(self, trash: bool) -> None:
        self.trash_view = trash
        self.update_enabled()

    def update_enabled(self) -> None:
        has = self.has_selection()
        self.delete.setEnabled(has and not self.trash_view)
        self.delete.setVisible(not self.trash_view)
        self.restore.setEnabled(has and self.trash_view)
        self.restore.setVisible(self.trash_view)
        self.purge.setEnabled(has and self.trash_view)
        self.purge.setVisible(self.trash_view)
        self.empty_trash.setVisible(self.trash_view)

    # --- confirmations -----------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.window, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _describe(self, chosen: list[int]) -> str:
        if len(chosen) == 1:
            return f"“{self.name_of(chosen[0])}”"
        names = ", ".join(f"“{self.name_of(cid)}”" for cid in chosen[:NAMES_IN_CONFIRM])
        more = len(chosen) - NAMES_IN_CONFIRM
        extra = self.tr(" and %n more").replace("%n", str(more)) if more > 0 else ""
        return self.tr("%n contacts: ").replace("%n", str(len(chosen))) + names + extra

    # --- the commands ------------------------------------------------------------------
    def _guard(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except HubDeskError as exc:
            self.failed.emit(str(exc))

    def delete_selected(self) -> None:
        self.delete_ids(self.selection())

    def delete_ids(self, chosen: list[int]) -> None:
        if self.trash_view or not chosen:
            return
        text = self.tr("Move %1 to Trash? You can undo this or restore it from the Trash.")
        if self.confirm(self.tr("Delete"), text.replace("%1", self._describe(chosen))):
            self._guard(lambda: self.store.trash(chosen))

    def restore_selected(self) -> None:
        chosen = self.selection()
        if self.trash_view and chosen:
            self._guard(lambda: self.store.restore(chosen))

    def purge_selected(self) -> None:
        chosen = self.selection()
        if not (self.trash_view and chosen):
            return
        text = self.tr("Delete %1 permanently? This cannot be undone.")
        if self.confirm(self.tr("Delete permanently"),
                        text.replace("%1", self._describe(chosen))):
            self._guard(lambda: self.store.purge(chosen))

    def empty_all(self) -> None:
        text = self.tr("Delete every contact in the Trash permanently? This cannot be undone.")
        if self.confirm(self.tr("Empty Trash"), text):
            self._guard(self.store.empty_trash)

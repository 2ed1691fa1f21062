"""The commands a user gives about contacts — delete, restore, delete for good, empty the
trash, undo, redo — as QActions with their shortcuts, confirmations and enabled states.
The main window puts them in menus and toolbars; the store does the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from hubdesk.core.errors import HubDeskError
from hubdesk.ui.import_command import top_import
from hubdesk.ui.store import ContactStore

NAMES_IN_CONFIRM = 5
IN_PLACE_LIMIT = 2000  # more contacts than this are deleted in the background


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
        # Own actions rather than the stack's: undoing an import asks first, and neither
        # may run while the store is still undoing one in the background.
        stack = store.undo_stack
        self.undo = QAction(self.tr("Undo"), window)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(self.undo_last)
        self.redo = QAction(self.tr("Redo"), window)
        self.redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        self.redo.triggered.connect(self.redo_last)
        # Kept from the signals' arguments: the stack also signals while it is destroyed,
        # when it can no longer be asked.
        self._can = {"undo": stack.canUndo(), "redo": stack.canRedo()}
        self._text = {"undo": stack.undoText(), "redo": stack.redoText()}
        stack.canUndoChanged.connect(lambda can: self._stack_changed("undo", can=can))
        stack.canRedoChanged.connect(lambda can: self._stack_changed("redo", can=can))
        stack.undoTextChanged.connect(lambda text: self._stack_changed("undo", text=text))
        stack.redoTextChanged.connect(lambda text: self._stack_changed("redo", text=text))
        store.busyChanged.connect(lambda _busy: self._update_undo_redo())
        self._update_undo_redo()
        # Changes to every selected contact (a select-all is every matching contact).
        self.add_labels = QAction(self.tr("Add labels…"), window)
        self.add_labels.triggered.connect(lambda: self.bulk_edit("add_labels"))
        self.remove_labels = QAction(self.tr("Remove labels…"), window)
        self.remove_labels.triggered.connect(lambda: self.bulk_edit("remove_labels"))
        self.set_attribute = QAction(self.tr("Set custom attribute…"), window)
        self.set_attribute.triggered.connect(lambda: self.bulk_edit("set_attribute"))
        self.set_subscription = QAction(self.tr("Set subscription status…"), window)
        self.set_subscription.triggered.connect(lambda: self.bulk_edit("set_subscription"))
        self.bulk_actions = (self.add_labels, self.remove_labels, self.set_attribute,
                             self.set_subscription)
        store.busyChanged.connect(lambda _busy: self.update_enabled())
        for action in (self.delete, self.restore, self.purge):
            window.addAction(action)  # shortcuts work wherever the focus is in the window
        self.update_enabled()

    def set_trash_view(self, trash: bool) -> None:
        self.trash_view = trash
        self.update_enabled()

    def update_enabled(self) -> None:
        has = self.has_selection()
        for action in self.bulk_actions:
            action.setEnabled(has and not self.trash_view and not self.store.busy)
            action.setVisible(not self.trash_view)
        self.delete.setEnabled(has and not self.trash_view and not self.store.busy)
        self.delete.setVisible(not self.trash_view)
        self.restore.setEnabled(has and self.trash_view)
        self.restore.setVisible(self.trash_view)
        self.purge.setEnabled(has and self.trash_view)
        self.purge.setVisible(self.trash_view)
        self.empty_trash.setVisible(self.trash_view)

    def _stack_changed(self, which: str, *, can: bool | None = None,
                       text: str | None = None) -> None:
        if can is not None:
            self._can[which] = can
        if text is not None:
            self._text[which] = text
        self._update_undo_redo()

    def _update_undo_redo(self) -> None:
        busy = self.store.busy
        for action, which, word in ((self.undo, "undo", self.tr("Undo %1")),
                                    (self.redo, "redo", self.tr("Redo %1"))):
            action.setEnabled(self._can[which] and not busy)
            action.setText(word.replace("%1", self._text[which]).strip() if self._can[which]
                           else word.replace("%1", "").strip())

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

    def undo_last(self) -> None:
        if self.store.busy or not self.store.undo_stack.canUndo():
            return
        imported = top_import(self.store)
        if imported is not None:
            if self.confirm(self.tr("Undo import"), imported.summary):
                self.store.undo_import(imported.job_id)
            return
        self._guard(self.store.undo_stack.undo)

    def redo_last(self) -> None:
        if not self.store.busy and self.store.undo_stack.canRedo():
            self._guard(self.store.undo_stack.redo)

    def delete_selected(self) -> None:
        self.delete_ids(self.selection())

    def delete_ids(self, chosen: list[int]) -> None:
        if self.trash_view or not chosen:
            return
        text = self.tr("Move %1 to Trash? You can undo this or restore it from the Trash.")
        if self.confirm(self.tr("Delete"), text.replace("%1", self._describe(chosen))):
            if len(chosen) > IN_PLACE_LIMIT:
                self.store.bulk_trash(chosen)  # in the background, with progress
            else:
                self._guard(lambda: self.store.trash(chosen))

    def bulk_edit(self, kind: str) -> None:
        from hubdesk.ui.dialogs.bulk_edit import BulkEditDialog

        chosen = self.selection()
        if chosen and not self.trash_view and not self.store.busy:
            BulkEditDialog(self.store, kind, chosen, self.window).exec()

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

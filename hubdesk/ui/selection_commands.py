"""What the window offers for the contacts it lists: a Contacts menu and a right-click menu
with the bulk actions, Merge and Export, the Export dialog with the window's scopes and
counts, and a status-bar progress with Cancel while a bulk action runs in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from hubdesk.core.query import ContactQuery, count
from hubdesk.ui.widgets.icons import icon

MERGE_LIMIT = 20  # side by side in one dialog; beyond this nobody can compare the columns

if TYPE_CHECKING:
    from hubdesk.ui.main_window import MainWindow


class SelectionCommands(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        actions = window.contact_actions
        self.export_action = QAction(icon("export"), self.tr("Export…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        self.export_selected = QAction(self.tr("Export selected…"), window)
        self.export_selected.triggered.connect(lambda: self.export(selected_first=True))
        window.addAction(self.export_action)
        self.merge_action = QAction(self.tr("Merge…"), window)
        self.merge_action.setToolTip(self.tr("Merge the selected contacts into one"))
        self.merge_action.triggered.connect(self.merge_selected)

        self.menu = QMenu(self.tr("&Contacts"), window)
        self.menu.addAction(window.new_action)
        self.menu.addAction(window.edit_action)
        self.menu.addSeparator()
        for action in actions.bulk_actions:
            self.menu.addAction(action)
        self.menu.addAction(self.merge_action)
        self.menu.addSeparator()
        self.menu.addAction(self.export_selected)
        self.menu.addAction(actions.delete)

        table = window.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(window.store.bulk.cancel)
        window.statusBar().addPermanentWidget(self.cancel_button)
        bulk = window.store.bulk
        bulk.progress.connect(self._progress)
        bulk.done.connect(self._done)
        bulk.failed.connect(self._failed)
        window.store.busyChanged.connect(self._busy)
        self.update_enabled()

    def update_enabled(self) -> None:
        trash = self.window.query.trash
        has = self.window.table.selectionModel().hasSelection()
        self.export_action.setEnabled(not trash)
        self.export_selected.setEnabled(has and not trash)
        self.merge_action.setEnabled(has and not trash and not self.window.store.busy
                                     and self._selected_rows() >= 2)
        self.merge_action.setVisible(not trash)

    def _context_menu(self, pos) -> None:
        if not self.window.table.indexAt(pos).isValid():
            return
        self.update_enabled()
        menu = QMenu(self.window)
        actions = self.window.contact_actions
        if self.window.query.trash:
            for action in (actions.restore, actions.purge):
                menu.addAction(action)
        else:
            menu.addAction(self.window.edit_action)
            menu.addSeparator()
            for action in actions.bulk_actions:
                menu.addAction(action)
            menu.addAction(self.merge_action)
            menu.addSeparator()
            menu.addAction(self.export_selected)
            menu.addAction(actions.delete)
        menu.popup(self.window.table.viewport().mapToGlobal(pos))
        self.last_menu = menu  # kept for tests, which read its actions

    # --- export ---------------------------------------------------------------------------
    def export(self, selected_first: bool = False) -> None:
        from hubdesk.ui.dialogs.export_dialog import ExportDialog, ExportScopes

        w = self.window
        if w.query.trash:
            return
        q = w.query
        narrowed = bool(q.text.strip() or q.where is not None or q.import_job)
        # The list's last result already counted every live contact (unless it is narrowed to
        # an import); counting a million again on the UI thread can take a second when cold.
        everyone = w.total if w.total and not q.import_job else w.store.read(
            lambda s: count(s, ContactQuery()))
        selected = w.selected_ids()
        scopes = ExportScopes(all_count=everyone, current=q if narrowed else None,
                              current_count=w.model.rowCount() if narrowed else 0,
                              selected=selected)
        dialog = ExportDialog(w.store, w.jobs, w.settings, scopes, w)
        if selected_first and selected:
            dialog.scope_selected.setChecked(True)
        self.dialog = dialog  # tests drive the open dialog
        dialog.exec()

    # --- merge -------------------------------------------------------------------------------
    def merge_selected(self) -> None:
        from hubdesk.ui.dialogs.merge_dialog import MergeDialog

        w = self.window
        selected = self._selected_rows()
        if w.query.trash or selected < 2:
            return
        if selected > MERGE_LIMIT:
            w.statusBar().showMessage(
                self.tr("Merge at most %1 contacts at a time (%2 are selected).")
                .replace("%1", str(MERGE_LIMIT)).replace("%2", f"{selected:,}"), 10_000)
            return
        ids = w.selected_ids()
        dialog = MergeDialog(w.store, ids, parent=w)
        self.merge_dialog = dialog  # tests drive the open dialog
        if dialog.exec() and dialog.kept_id is not None:
            w.select_contact(dialog.kept_id)

    def _selected_rows(self) -> int:
        """How many rows are selected, from the selection's ranges: asked on every selection
        change, and a select-all of a million rows must not list a million ids for it."""
        spans = sorted({(r.top(), r.bottom())
                        for r in self.window.table.selectionModel().selection()})
        rows, end = 0, -1
        for top, bottom in spans:  # ranges per column group may overlap
            if bottom > end:
                rows += bottom - max(top, end + 1) + 1
                end = bottom
        return rows

    # --- bulk progress in the status bar --------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        w = self.window
        running = busy and w.store.bulk._job is not None
        self.cancel_button.setVisible(running)
        if running:
            w.progress.setRange(0, 0)
            w.progress.setVisible(True)
            w.statusBar().showMessage(self.tr("Working…"))
        elif not busy:
            w.progress.setVisible(False)

    def _progress(self, done: int, total: int) -> None:
        w = self.window
        w.progress.setRange(0, max(total, 1))
        w.progress.setValue(done)
        w.statusBar().showMessage(self.tr("%1 of %2 contacts…").replace("%1", f"{done:,}")
                                  .replace("%2", f"{total:,}"))

    def _done(self, text: str, _change) -> None:
        self.cancel_button.hide()
        self.window.progress.setVisible(False)
        self.window.statusBar().showMessage(self.tr("Done: %1").replace("%1", text), 10_000)

    def _failed(self, message: str) -> None:
        self.cancel_button.hide()
        self.window.progress.setVisible(False)
        if message.startswith(self.tr("Cancelled")):
            self.window.statusBar().showMessage(message, 10_000)
        else:
            self.window._show_error(message)

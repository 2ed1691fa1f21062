"""View → Health (Ctrl+Shift+H): the Health view in a dock beside the list, and what its
buttons do to the window: Show narrows the list to a check's contacts (or opens the Trash),
Fix… previews a fix and runs it as one undoable bulk change, Review… opens Find duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from hubdesk.core.health_fixes import FixPreview
    from hubdesk.ui.health.fix_dialog import FixDialog
    from hubdesk.ui.health.view import HealthView
    from hubdesk.ui.main_window import MainWindow

WIDTH = 460


class HealthDock(QDockWidget):
    """Made with the window; its view (and the core it needs) only when first shown, so
    opening the app loads none of it."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main = window
        self.view: HealthView | None = None
        self.last_dialog: FixDialog | None = None  # for tests
        self.setWindowTitle(self.tr("Health"))
        self.setObjectName("healthDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable |
                         QDockWidget.DockWidgetFeature.DockWidgetMovable)
        action = self.toggleViewAction()
        action.setText(self.tr("Health"))
        action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        action.setToolTip(self.tr("Counts of contacts that need attention, with fixes "
                                  "(Ctrl+Shift+H)"))
        action.toggled.connect(self._toggled)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()

    def ensure_view(self) -> HealthView:
        if self.view is None:
            from hubdesk.ui.health.view import HealthView

            self.view = HealthView(self.main.store, self.main.jobs)
            self.view.showFilter.connect(self.show_filter)
            self.view.showTrash.connect(self.show_trash)
            self.view.fixRequested.connect(self.fix)
            self.setWidget(self.view)
        return self.view

    def _toggled(self, visible: bool) -> None:
        if visible:
            self.ensure_view()
            self.main.resizeDocks([self], [WIDTH], Qt.Orientation.Horizontal)
        elif self.view is not None:
            self.view.shutdown()

    # --- what the buttons do -------------------------------------------------------------
    def show_filter(self, text: str) -> None:
        """The list shows exactly the check's contacts: no search text, no import, only
        this filter (in the builder too, so its chips can be edited)."""
        from hubdesk.core.errors import HubDeskError
        from hubdesk.core.filters import parse, resolve

        w = self.main
        try:
            expr = w.store.read(lambda s: resolve(s, parse(text)))
        except HubDeskError as exc:  # a filter of ours: only a bug gets here
            w.statusBar().showMessage(str(exc), 10_000)
            return
        if w.query.trash:
            w.view_contacts.trigger()
        if w.query.import_job:
            w.show_import(0)
        if w.search.text():
            w.search.clear()
            w.search.returnPressed.emit()  # now, not after the typing pause
        w.filter_builder.set_expression(expr)
        w.apply_filter(expr)

    def show_trash(self) -> None:
        w = self.main
        if w.query.where is not None:
            w.filter_builder.clear()  # the whole Trash, as counted
        if w.search.text():
            w.search.clear()
            w.search.returnPressed.emit()
        w.view_trash.setChecked(True)

    def fix(self, kind: str) -> None:
        from hubdesk.core.health import DUPLICATES
        from hubdesk.ui.health.fix_dialog import FixDialog

        w = self.main
        if kind == DUPLICATES:
            w.find_duplicates()
            return
        if w.store.busy:
            return
        dialog = FixDialog(w.store, w.jobs, kind, w)
        self.last_dialog = dialog
        if dialog.exec() and dialog.preview is not None and dialog.preview.changes:
            self.run(dialog.preview)

    def run(self, preview: FixPreview) -> None:
        """One bulk change, in the background with progress and Cancel in the status bar,
        and one step on Edit → Undo."""
        from hubdesk.core import health_fixes as fixes

        changes, n = list(preview.changes), len(preview.changes)
        text = {
            fixes.PHONES: self.tr("Normalise %1 phone numbers"),
            fixes.EMAILS: self.tr("Tidy %1 emails"),
            fixes.TIMEZONES: self.tr("Fill in %1 time zones"),
        }[preview.fix].replace("%1", f"{n:,}")
        # membership: a list filtered on what was fixed ("no time zone") is read again.
        self.main.store.bulk.run(
            text, lambda s, progress, cancelled: fixes.apply_fix(
                s, preview.fix, changes, progress=progress, cancelled=cancelled),
            fixes.undo_fix, fixes.redo_fix, membership=True)

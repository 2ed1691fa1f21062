"""The segments sidebar: saved filters with live counts; a click applies one.

Counts are computed off the UI thread, all segments in one job; a newer refresh cancels the
older job, so only the latest numbers are shown. Contact, label and attribute changes
refresh them after a short pause (edits come in bursts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListView,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.db import Database
from hubdesk.core.errors import HubDeskError
from hubdesk.core.filters import Expr, format_expr, parse, resolve
from hubdesk.core.filters.resolve import filter_fields
from hubdesk.core.query import ContactQuery, count
from hubdesk.core.segments import (
    compile_where,
    delete_segment,
    get_segment,
    list_segments,
    rename_segment,
    save_segment,
)
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.filters.segments_model import SegmentDelegate, SegmentsModel
from hubdesk.ui.jobs import Job, JobRunner
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore

REFRESH_DELAY_MS = 500
Counts = dict[str, tuple[int | None, str]]


def count_segments(db: Database, segments: list[tuple[str, str]],
                   cancelled: Callable[[], bool]) -> Counts:
    """name → (live contacts matching, "") or (None, why the filter no longer resolves)."""
    out: Counts = {}
    with db.read_session() as s:
        fields = filter_fields(s)
        for name, where in segments:
            if cancelled():
                break  # a newer refresh wants the thread; this result is dropped anyway
            try:
                expr = resolve(s, parse(where), fields)
            except HubDeskError as exc:
                out[name] = (None, str(exc))
                continue
            out[name] = (count(s, ContactQuery(where=expr)), "")
    return out


class SegmentsPanel(QWidget):
    segmentChosen = Signal(str, object)  # name, resolved filter
    countsUpdated = Signal()

    def __init__(self, store: ContactStore, jobs: JobRunner,
                 current_filter: Callable[[], Expr | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs = store, jobs
        self._current_filter = current_filter
        self._job: Job | None = None
        self.model = SegmentsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(SegmentDelegate(self.view))
        self.view.setAccessibleName(self.tr("Segments"))
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.empty = plain_label(self.tr("No segments yet. Build a filter, then choose “Save "
                                         "as segment…” to keep it here."), wrap=True,
                                 muted=True)
        self.message = FieldMessage()
        self.rename_button = self._button(self.tr("Rename…"), self._ask_rename)
        self.update_button = self._button(self.tr("Update"), self._ask_update)
        self.update_button.setToolTip(self.tr("Replace this segment's filter with the current "
                                              "filter"))
        self.delete_button = self._button(self.tr("Delete…"), self._ask_delete)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.rename_button, self.update_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        store.on_any_change(self.schedule_refresh)
        # Names now, counts after a pause: at startup the list's first page gets the
        # worker threads first.
        self._load()
        self.schedule_refresh()

    def _button(self, text: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- listing and counting ------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Reread the (small) list now; count every segment in one background job."""
        self._timer.stop()
        segments = self._load()
        if self._job is not None:
            self._job.cancel()
        db = self.store.db
        self._job = self.jobs.start(
            "segment counts", lambda _report, cancelled: count_segments(db, segments, cancelled),
            self._show_counts, self.message.show_error)

    def _load(self) -> list[tuple[str, str]]:
        chosen = self.current_name()
        segments = self.store.read(lambda s: [(i.name, i.where) for i in list_segments(s)])
        self.model.set_segments(segments)
        self.select(chosen)
        self.empty.setVisible(not segments)
        self._update_buttons()
        return segments

    def _show_counts(self, counts: Counts) -> None:
        self.model.set_counts(counts)
        self.countsUpdated.emit()

    def shutdown(self) -> None:
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()

    # --- choosing ------------------------------------------------------------------------
    def current_name(self) -> str:
        index = self.view.currentIndex()
        return self.model.segment(index.row()).name if index.isValid() else ""

    def select(self, name: str) -> None:
        row = self.model.row_of(name) if name else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _clicked(self, index: QModelIndex) -> None:
        # Styles that activate on a single click already sent `activated`.
        if not self.view.style().styleHint(
                QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self.view):
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.apply(self.model.segment(index.row()).name)

    def apply(self, name: str) -> bool:
        row = self.model.row_of(name)
        if row is None:
            return False
        where = self.model.segment(row).where
        self.select(name)  # even a broken one: the user may want to update or delete it
        try:
            expr = self.store.read(lambda s: compile_where(s, where))
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return False
        self.message.clear_message()
        self.segmentChosen.emit(name, expr)
        return True

    # --- changing ------------------------------------------------------------------------
    def _text(self, expr: Expr) -> str:
        names = {f.key: f.name for f in self.store.read(filter_fields)}
        return format_expr(expr, names)

    def save(self, name: str, expr: Expr) -> bool:
        """Save the filter under a name (asking before replacing one); raises HubDeskError
        when the name or the filter is refused."""
        text = self._text(expr)
        existing = self._existing(name)
        if existing and QMessageBox.question(
                self, self.tr("Replace segment"),
                self.tr("A segment named “%1” already exists. Replace its filter with this "
                        "one?").replace("%1", existing)) != QMessageBox.StandardButton.Yes:
            return False
        with self.store.db.session() as s:
            save_segment(s, name, text, replace=True)
        self.message.clear_message()
        self.refresh()
        self.select(self._existing(name))
        return True

    def update(self, name: str) -> bool:
        """Give a segment the filter applied now."""
        expr = self._current_filter()
        if expr is None:
            self.message.show_error(self.tr("No filter is applied: apply one first, then "
                                            "update the segment with it."))
            return False
        return self._write(lambda s: save_segment(s, name, self._text(expr), replace=True),
                           name)

    def rename(self, old: str, new: str) -> bool:
        return self._write(lambda s: rename_segment(s, old, new), new.strip())

    def delete(self, name: str) -> bool:
        return self._write(lambda s: delete_segment(s, name), "")

    def _write(self, step, select: str) -> bool:
        try:
            with self.store.db.session() as s:
                step(s)
        except HubDeskError as exc:
            self.message.show_error(str(exc))
            return False
        self.message.clear_message()
        self.refresh()
        self.select(select)
        return True

    def _existing(self, name: str) -> str:
        try:
            return self.store.read(lambda s: get_segment(s, name)).name
        except HubDeskError:
            return ""

    # --- asking --------------------------------------------------------------------------
    def _ask_rename(self) -> None:
        old = self.current_name()
        if not old:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename segment"), self.tr("New name:"),
                                       text=old)
        if ok and new.strip() and new.strip() != old:
            self.rename(old, new)

    def _ask_update(self) -> None:
        name = self.current_name()
        if name and QMessageBox.question(
                self, self.tr("Update segment"),
                self.tr("Replace the filter of “%1” with the filter applied now?")
                .replace("%1", name)) == QMessageBox.StandardButton.Yes:
            self.update(name)

    def _ask_delete(self) -> None:
        name = self.current_name()
        if name and QMessageBox.question(
                self, self.tr("Delete segment"),
                self.tr("Delete the segment “%1”? No contacts are deleted.")
                .replace("%1", name)) == QMessageBox.StandardButton.Yes:
            self.delete(name)

    def _update_buttons(self) -> None:
        chosen = bool(self.current_name())
        for button in (self.rename_button, self.update_button, self.delete_button):
            button.setEnabled(chosen)

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        name = self.model.segment(index.row()).name
        menu = QMenu(self)
        menu.addAction(self.tr("Apply"), lambda: self.apply(name))
        menu.addSeparator()
        menu.addAction(self.tr("Rename…"), self._ask_rename)
        menu.addAction(self.tr("Update with current filter"), self._ask_update)
        menu.addAction(self.tr("Delete…"), self._ask_delete)
        menu.exec(self.view.viewport().mapToGlobal(pos))

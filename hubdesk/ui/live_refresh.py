"""Others' changes show up by themselves. Every couple of seconds a check on a worker thread
asks the database whether anyone committed since the last look (Database.changes_since: one
tiny query, so a stalled server stalls a worker, never the window). When someone did, the
same check reruns the list's current query and reads the contact the profile shows; back on
the UI thread the list keeps its place (the same contacts selected, the same one current, the
same one at the top), and the counts, the profile, the segment counts and the Health view
follow.

Our own writes move the same counter, and the two are not told apart: the check after one of
our edits finds the ids the edit's own refresh already shows, and costs one background query
and a repaint of the visible rows (the accepted "one cheap refresh"). The profile is touched
only when the database holds something else than what it shows, so our own edits never bring
up the "changed by someone else" bar.

No check starts while one runs, while the window is hidden or minimised, while our own
background work runs (the store is busy, an import is open, the status bar shows progress), or
while a query of the user's is on its way (it reads newer data than the check would). A check
whose answer arrives after the user moved in the list is dropped; the next tick looks again.
The first look only starts watching: a change committed in the moment between the window's
first query and that look shows with the next change.
"""

from __future__ import annotations

import logging
import time
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from hubdesk.core.contacts import get_contact
from hubdesk.core.db import Database
from hubdesk.core.errors import NotFoundError
from hubdesk.core.query import ContactQuery, all_ids, count
from hubdesk.ui.list_place import ListPlace, NewPlace, find_place, put_place, take_place

if TYPE_CHECKING:
    from hubdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

POLL_MS = 2_000
# A check that took long (a huge list, a slow server) is followed by a longer rest, so
# watching never takes more than a fraction of a core or of the server.
REST_FACTOR = 3
FAILED_REST_S = 30.0  # a database that cannot be read is not asked again every tick


@dataclass(frozen=True)
class _Start:
    """What a check starts from, taken on the UI thread."""

    token: int | None
    generation: int
    query: ContactQuery
    place: ListPlace
    selection_stamp: int
    scroll: int
    profile_id: int | None


@dataclass(frozen=True)
class _Found:
    token: int
    changed: bool = False
    ids: array | None = None
    total: int = 0
    place: NewPlace | None = None  # None: the ids are the ones shown
    contact: dict | None = None  # the profile's contact now (None: none, or gone)


def look(db: Database, start: _Start, cancelled) -> _Found:
    """On a worker thread: has anyone changed anything, and if so, what the window shows."""
    changed, token = db.changes_since(start.token)
    if not changed or cancelled():
        return _Found(token)
    query = start.query
    with db.read_session() as s:
        ids = all_ids(s, query, cancelled)
        narrowed = query.text.strip() or query.where is not None
        everyone = ContactQuery(trash=query.trash, import_job=query.import_job)
        total = count(s, everyone) if narrowed else len(ids)
        contact = None
        if start.profile_id is not None:
            try:
                contact = get_contact(s, start.profile_id)
            except NotFoundError:
                contact = None
    place = None if ids == start.place.ids else find_place(start.place, ids)
    return _Found(token, True, ids, total, place, contact)


def same_contact(a: dict | None, b: dict | None) -> bool:
    """Equal but for the order of lists (labels, notes… as the database happened to return
    them): a different order alone must not claim someone changed the contact."""
    if a is None or b is None:
        return a is b
    return _canonical(a) == _canonical(b)


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=repr)
    return value


class LiveRefresh(QObject):
    # A check ended (whatever it found); tests wait on it.
    checked = Signal()
    # Others' changes were shown.
    refreshed = Signal()

    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self._token: int | None = None
        self._job = None
        self._rest_until = 0.0
        self._shown_generation = -1  # the window's newest query whose result is shown
        self._selection_stamp = 0  # moves whenever the user moves in the list
        self.checks = 0  # checks started, for tests
        window.listUpdated.connect(self._list_shown)
        selection = window.table.selectionModel()
        selection.selectionChanged.connect(self._user_moved)
        selection.currentChanged.connect(self._user_moved)
        window.installEventFilter(self)

    # --- when to look --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (
                QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowStateChange):
            # Decided once the event is through: during it the state may not be final yet.
            QTimer.singleShot(0, self, self._follow_visibility)
        return False

    def _follow_visibility(self) -> None:
        w = self.window
        if w.isVisible() and not w.isMinimized():
            if not self.timer.isActive():
                self.timer.start()
                QTimer.singleShot(0, self.tick)  # catch up at once after being away
        else:
            self.timer.stop()

    def _list_shown(self) -> None:
        self._shown_generation = self.window._generation

    def _user_moved(self, *_args) -> None:
        self._selection_stamp += 1

    def _may_look(self) -> bool:
        w = self.window
        if self._job is not None or not w.isVisible() or w.isMinimized():
            return False
        if time.monotonic() < self._rest_until:
            return False
        if self._token is None:
            return True  # the first look only starts watching
        # The status bar's progress shows while our own jobs work (demo data, a bulk change,
        # an export): their own refresh follows them.
        return (not w.store.busy and not getattr(w, "_wizard_open", False)
                and w.progress.isHidden() and self._shown_generation == w._generation)

    def tick(self) -> None:
        if not self._may_look():
            return
        w = self.window
        start = _Start(self._token, w._generation, w.query,
                       take_place(w.table, w.model.ids()), self._selection_stamp,
                       w.table.verticalScrollBar().value(), w.profile.contact_id())
        db, began = w.db, time.monotonic()
        self.checks += 1
        job = w.jobs.start("live refresh", lambda _report, cancelled: look(db, start, cancelled),
                           lambda found: self._found(start, found), self._failed)
        job.finished.connect(lambda: self._ended(began))
        self._job = job

    def _ended(self, began: float) -> None:
        self._job = None
        took = time.monotonic() - began
        self._rest_until = max(self._rest_until, time.monotonic() + took * REST_FACTOR)
        self.checked.emit()

    def _failed(self, message: str) -> None:
        # Only a background look: the next one tries again, no dialog for it.
        log.info("looking for others' changes failed: %s", message)
        self._rest_until = time.monotonic() + FAILED_REST_S

    # --- showing what changed ------------------------------------------------------------
    def _found(self, start: _Start, found: _Found) -> None:
        w = self.window
        if not found.changed:
            self._token = found.token
            return
        if w._generation != start.generation or self._shown_generation != start.generation:
            return  # a query of the user's own replaced the list meanwhile
        if found.place is not None:
            if (self._selection_stamp != start.selection_stamp
                    or w.table.verticalScrollBar().value() != start.scroll
                    or w.model.ids() is not start.place.ids):
                return  # the user moved meanwhile: the next tick looks again from there
            assert found.ids is not None
            put_place(w.table, w.model.set_ids, found.ids, found.place,
                      follow_current=not w.profile.is_editing())
        else:
            w.model.refresh_rows()  # the same contacts; their rows may read differently
        self._token = found.token
        w.total = found.total
        w._update_counts()
        if (start.profile_id is not None and w.profile.contact_id() == start.profile_id
                and not same_contact(found.contact, w.profile.contact)):
            w.profile.changed_elsewhere()
        w.segments.schedule_refresh()
        health = getattr(w.health_dock, "view", None)
        if health is not None:
            health.schedule_refresh()
        self.refreshed.emit()

"""Bulk actions (labels, an attribute, the subscription status or Trash for many contacts)
run in the background in one transaction, then go on the Edit → Undo stack as one step.
Undo and redo of such a step also run in the background; the store is busy meanwhile, so
Undo/Redo wait and nothing else interleaves."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from hubdesk.core.errors import HubDeskError
from hubdesk.core.patient_write import write_patiently

if TYPE_CHECKING:
    from hubdesk.ui.store import ContactStore

Apply = Callable[[Session, Callable[[int, int], None], Callable[[], bool]], Any]
Revert = Callable[[Session, Any], None]


class _BulkCommand(QUndoCommand):
    def __init__(self, runner: BulkRunner, text: str, change: Any, undo: Revert, redo: Revert,
                 membership: bool):
        super().__init__(text)
        self.runner, self.change = runner, change
        self._undo, self._redo, self.membership = undo, redo, membership
        self._applied = True  # applied before it was pushed

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.runner._start_step(self.text(), lambda s, _p, _c: self._redo(s, self.change),
                                self.membership)

    def undo(self) -> None:
        self.runner._start_step(self.text(), lambda s, _p, _c: self._undo(s, self.change),
                                self.membership)


class BulkRunner(QObject):
    progress = Signal(int, int)
    done = Signal(str, object)  # what was done (the command's text), the change
    failed = Signal(str)

    def __init__(self, store: ContactStore):
        super().__init__(store)
        self.store = store
        self._job = None

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def run(self, text: str, apply: Apply, undo: Revert, redo: Revert, *,
            membership: bool = False) -> None:
        """Apply in the background; on success push one undo step for the whole change."""
        def pushed(change: Any) -> None:
            self.store.undo_stack.push(_BulkCommand(self, text, change, undo, redo, membership))

        self._start(text, apply, membership, pushed)

    def _start_step(self, text: str, fn: Apply, membership: bool) -> None:
        self._start(text, fn, membership, None)

    def _start(self, text: str, fn: Apply, membership: bool,
               then: Callable[[Any], None] | None) -> None:
        store, db = self.store, self.store.db

        def work(report, cancelled):
            # Retried when it lost a race or found the database locked (a fresh change each run).
            return write_patiently(db, lambda s: fn(s, report, cancelled))

        def finished(change: Any) -> None:
            self._job = None
            if then is not None:
                then(change)
            store._set_busy(False)
            store.contactsChanged.emit([])
            store.labelsChanged.emit()
            if membership:
                store.listChanged.emit()
            self.done.emit(text, change)

        def failed(message: str) -> None:
            self._job = None
            store._set_busy(False)
            if then is None:
                # An undo or redo that failed leaves the stack out of step with the data.
                store.undo_stack.clear()
            store.contactsChanged.emit([])
            self.failed.emit(message)

        store._set_busy(True)
        if store.jobs is None:
            try:
                result = work(self.progress.emit, lambda: False)
            except HubDeskError as exc:
                failed(str(exc))
            else:
                finished(result)
            return
        job = store.jobs.start(f"bulk: {text}", work, finished, failed, self.progress.emit)
        self._job = job
        job.finished.connect(lambda: self._ended(job))

    def _ended(self, job) -> None:
        """A cancelled job reports neither result nor failure (jobs.py): the rollback in
        its session undid everything, and the store is free again."""
        if self._job is job:
            self._job = None
            self.store._set_busy(False)
            self.failed.emit(self.tr("Cancelled: nothing was changed."))

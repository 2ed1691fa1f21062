"""Background work: a function runs on a worker thread; results come back by signal.

Workers never touch widgets. Each job function receives `report(done, total)` and a
`cancelled()` check, and opens its own database session. Callbacks run on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from hubdesk.core.errors import HubDeskError

log = logging.getLogger(__name__)

JobFunction = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Job(QObject):
    """One piece of background work. Public signals are emitted on the UI thread."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    # Emitted from the worker; the job lives on the UI thread, so these arrive queued there.
    _worker_progress = Signal(int, int)
    _worker_result = Signal(object)
    _worker_error = Signal(str)
    _worker_end = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self._worker_progress.connect(self._relay_progress)
        self._worker_result.connect(self._relay_result)
        self._worker_error.connect(self._relay_error)
        self._worker_end.connect(self._relay_end)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(object)
    def _relay_result(self, result: object) -> None:
        if not self.is_cancelled():
            self.succeeded.emit(result)

    @Slot(str)
    def _relay_error(self, message: str) -> None:
        if not self.is_cancelled():  # a cancelled job's failure is its cancellation
            self.failed.emit(message)

    @Slot()
    def _relay_end(self) -> None:
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: JobFunction):
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._fn = job, fn

    def run(self) -> None:
        job = self._job
        try:
            result = self._fn(job._worker_progress.emit, job.is_cancelled)
        except HubDeskError as exc:
            job._worker_error.emit(str(exc))
        except Exception as exc:  # a bug must reach the user, not vanish
            log.exception("job %s failed", job.name)
            job._worker_error.emit(f"Unexpected error in {job.name}: {exc}")
        else:
            job._worker_result.emit(result)
        finally:
            job._worker_end.emit()


class JobRunner(QObject):
    """Owns the worker threads of one window; `wait()` joins them (on close and in tests)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Job] = set()

    def start(
        self,
        name: str,
        fn: JobFunction,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        job = Job(name, self)
        if on_done:
            job.succeeded.connect(on_done)
        if on_failed:
            job.failed.connect(on_failed)
        if on_progress:
            job.progress.connect(on_progress)
        job.finished.connect(self._forget)
        self._running.add(job)
        self.pool.start(_Runnable(job, fn))
        return job

    @Slot()
    def _forget(self) -> None:
        job = self.sender()
        if isinstance(job, Job):
            self._running.discard(job)
            job.deleteLater()

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for job in list(self._running):
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

"""Background work where only the latest request counts (a preview re-read, a dry run).

Starting again cancels the previous job; a cancelled job delivers no result (JobRunner), and
its late progress reports are dropped here, so a slow old read never overwrites a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from hubdesk.ui.jobs import Job, JobFunction, JobRunner


class LatestJob(QObject):
    busyChanged = Signal(bool)

    def __init__(self, jobs: JobRunner, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs, self._name = jobs, name
        self._job: Job | None = None

    def start(self, fn: JobFunction, on_done: Callable[[Any], None],
              on_failed: Callable[[str], None],
              on_progress: Callable[[int, int], None] | None = None) -> None:
        self.cancel()
        job = self._jobs.start(self._name, fn, on_done, on_failed)
        self._job = job
        if on_progress is not None:
            job.progress.connect(lambda done, total: self._progress(job, on_progress, done, total))
        job.finished.connect(lambda: self._finished(job))
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busyChanged.emit(False)

    def busy(self) -> bool:
        return self._job is not None

    def _progress(self, job: Job, report: Callable[[int, int], None], done: int,
                  total: int) -> None:
        if job is self._job:
            report(done, total)

    def _finished(self, job: Job) -> None:
        if job is self._job:
            self._job = None
            self.busyChanged.emit(False)

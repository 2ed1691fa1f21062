from __future__ import annotations

import threading

from hubdesk.core.errors import HubDeskError
from hubdesk.ui.jobs import JobRunner


def test_result_arrives_on_the_ui_thread(qtbot):
    runner = JobRunner()
    seen = {}

    def work(report, _cancelled):
        seen["worker"] = threading.get_ident()
        report(1, 2)
        return 42

    def done(value):
        seen["done"] = (value, threading.get_ident())

    job = runner.start("answer", work, done)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    runner.wait()
    assert seen["done"] == (42, threading.get_ident())
    assert seen["worker"] != threading.get_ident()


def test_errors_reach_the_callback_with_their_message(qtbot):
    runner = JobRunner()
    messages = []

    def work(_report, _cancelled):
        raise HubDeskError("the file is not a contact list")

    job = runner.start("failing", work, on_failed=messages.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    runner.wait()
    assert messages == ["the file is not a contact list"]


def test_cancelled_job_delivers_no_result(qtbot):
    runner = JobRunner()
    started, results = threading.Event(), []
    release = threading.Event()

    def work(_report, cancelled):
        started.set()
        release.wait(5)
        return "late" if cancelled() else "on time"

    job = runner.start("slow", work, results.append)
    started.wait(5)
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    runner.wait()
    assert results == []
    assert not runner.busy()


def test_a_cancelled_job_that_then_fails_reports_nothing(qtbot):
    runner = JobRunner()
    started, release, messages = threading.Event(), threading.Event(), []

    def work(_report, cancelled):
        started.set()
        release.wait(5)
        raise HubDeskError("interrupted because it was cancelled")

    job = runner.start("overtaken", work, on_failed=messages.append)
    started.wait(5)
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    runner.wait()
    assert messages == []

"""Runs in a child process: open the real window on the benchmark database, offscreen, and
report (as JSON on stdout) how long it took to a painted list, a jump to the last row,
paging through the list, and the longest the UI thread was blocked while searches ran."""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Qt and HubDesk are imported: a real cold start

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402

from hubdesk.core.db import open_database  # noqa: E402
from hubdesk.ui.app import make_application, start_window  # noqa: E402


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(url: str) -> None:
    app = make_application(["hubdesk-bench"])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    db = open_database(url)
    window = start_window(db, settings)
    window.resize(1400, 860)
    wait_for(window.listUpdated)
    window.table.viewport().repaint()
    open_s = time.perf_counter() - STARTED
    if os.environ.get("HUBDESK_BENCH_TRACE"):
        print("rss after open", psutil.Process().memory_info().rss / 2**20, file=sys.stderr)
    rows = window.model.rowCount()

    start = time.perf_counter()
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    jump_ms = (time.perf_counter() - start) * 1000

    window.table.scrollToTop()
    bar = window.table.verticalScrollBar()
    page_times = []
    for _ in range(60):
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        window.table.viewport().repaint()
        page_times.append((time.perf_counter() - start) * 1000)
    page_times.sort()

    # The UI thread's longest stall while searches run on the worker: a 5 ms timer notes gaps.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    for text in ("山田", "example", "090", "smith", ""):
        start = clock.elapsed()
        window.search.setText(text)
        window._search_now()
        wait_for(window.listUpdated)
        if os.environ.get("HUBDESK_BENCH_TRACE"):
            print(text, "rss", psutil.Process().memory_info().rss / 2**20,
                  "max gap", max(gaps[-200:] or [0]), "took", clock.elapsed() - start,
                  file=sys.stderr)
    timer.stop()

    rss_mb = psutil.Process().memory_info().rss / 2**20
    window.close()
    db.dispose()
    print(json.dumps({
        "rows": rows,
        "open_to_paint_s": open_s,
        "jump_last_row_ms": jump_ms,
        "scroll_page_p95_ms": page_times[int(len(page_times) * 0.95) - 1],
        "ui_block_max_ms": max(gaps) if gaps else 0.0,
        "rss_mb": rss_mb,
    }))
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])

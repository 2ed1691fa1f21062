"""View → Health: how many contacts need attention (each count with the contacts behind it and
the fix where one exists) and small charts of what the data looks like.

Figures are computed in one background job (core.health.health_figures) and again a second
after contacts, labels or imports change — only while the view is shown; hidden, it just
remembers to refresh when it is shown again. Possible duplicates come from the duplicate scan:
counted automatically up to AUTO_DUPLICATES_UP_TO contacts (well under a second), and on request
(Scan) above that, where a scan takes seconds and would run again after every edit.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QTime, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.health import (
    CHECKS_BY_KEY,
    DUPLICATES,
    OTHER,
    TRASH,
    Bar,
    HealthFigures,
    duplicate_count,
    health_figures,
)
from hubdesk.ui.dialogs.regions import country_name
from hubdesk.ui.health.chart import BarChart, ChartItem, ColumnChart
from hubdesk.ui.health.checks import CheckRows
from hubdesk.ui.jobs import Job, JobRunner
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore

REFRESH_DELAY_MS = 1000  # edits come in bursts
AUTO_DUPLICATES_UP_TO = 20_000


class HealthView(QWidget):
    figuresShown = Signal()  # after each refresh (tests and the benchmark wait on it)
    duplicatesCounted = Signal()
    showFilter = Signal(str)  # a filter in the text syntax
    showTrash = Signal()
    fixRequested = Signal(str)  # a fix of core.health_fixes, or DUPLICATES: review them

    def __init__(self, store: ContactStore, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs = store, jobs
        self.figures: HealthFigures | None = None
        self.duplicates: int | None = None
        self._job: Job | None = None
        self._dup_job: Job | None = None
        self._stale = True

        self.title = plain_label(self.tr("Data health"), bold=True, scale=1.2)
        self.status = plain_label(self.tr("Counting…"), muted=True)
        self.status.setObjectName("healthStatus")
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.refresh)
        self.rows = CheckRows()
        self.rows.showRequested.connect(self._show_check)
        self.rows.fixRequested.connect(self.fixRequested)
        self.rows.scanRequested.connect(self.scan_duplicates)
        self.message = plain_label(wrap=True)
        self.message.hide()

        self.months = ColumnChart()
        self.labels = BarChart()
        self.countries = BarChart()
        self.timezones = BarChart()
        self.subscriptions = BarChart()
        self._bars: dict[QWidget, list[Bar]] = {}
        charts = ((self.months, self.tr("Contacts added per month")),
                  (self.labels, self.tr("Contacts by label")),
                  (self.countries, self.tr("Contacts by country")),
                  (self.timezones, self.tr("Contacts by time zone")),
                  (self.subscriptions, self.tr("Contacts by subscription")))

        content = QWidget()
        layout = QVBoxLayout(content)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addSpacing(4)
        layout.addWidget(self.rows)
        layout.addWidget(self.message)
        for chart, heading in charts:
            layout.addSpacing(10)
            layout.addWidget(self._rule())
            layout.addWidget(plain_label(heading, bold=True))
            chart.setAccessibleName(heading)
            chart.barClicked.connect(lambda i, c=chart: self._bar_clicked(c, i))
            layout.addWidget(chart)
            self._bars[chart] = []
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        store.on_any_change(self.schedule_refresh)
        store.busyChanged.connect(lambda _busy: self._show_counts())

    @staticmethod
    def _rule() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    # --- refreshing ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def schedule_refresh(self) -> None:
        self._stale = True
        if self.duplicates is not None and self._dup_job is None:
            self.duplicates = None  # counted before the change
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """Count everything again in the background; the newest refresh wins."""
        self._timer.stop()
        self._stale = False
        if self._job is not None:
            self._job.cancel()
        db = self.store.db
        self.status.setText(self.tr("Counting…"))
        self._job = self.jobs.start(
            "health", lambda _report, cancelled: health_figures(db.read_session, cancelled),
            self._figures_ready, self._failed)

    def _figures_ready(self, figures: HealthFigures | None) -> None:
        if figures is None:
            return  # cancelled by a newer refresh
        self._job = None
        self.figures = figures
        self.message.hide()
        time = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self.status.setText(self.tr("%1 contacts, counted at %2")
                            .replace("%1", f"{figures.counts['contacts']:,}")
                            .replace("%2", time))
        self._show_counts()
        self._show_charts()
        self.figuresShown.emit()
        small = figures.counts["contacts"] <= AUTO_DUPLICATES_UP_TO
        if small and self.duplicates is None and self._dup_job is None:
            self.scan_duplicates()

    def _failed(self, message: str) -> None:
        self._job = None
        self.message.setText(message)
        self.message.show()

    def scan_duplicates(self) -> None:
        read = self.store.read
        if self._dup_job is not None:
            self._dup_job.cancel()
        self._dup_job = self.jobs.start(
            "health duplicates",
            lambda _report, cancelled: read(lambda s: duplicate_count(s, None, cancelled)),
            self._duplicates_ready, self._duplicates_failed)
        self._show_counts()

    def _duplicates_ready(self, n: int) -> None:
        self._dup_job = None
        self.duplicates = n
        self._show_counts()
        self.duplicatesCounted.emit()

    def _duplicates_failed(self, message: str) -> None:
        self._dup_job = None
        self._failed(message)
        self._show_counts()

    def shutdown(self) -> None:
        """Hidden: stop counting. What was being counted is counted again when shown."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job, self._stale = None, True
        if self._dup_job is not None:
            self._dup_job.cancel()
            self._dup_job = None

    # --- showing ---------------------------------------------------------------------------
    def _show_counts(self) -> None:
        counts = self.figures.counts if self.figures else {}
        self.rows.set_counts(counts, self.duplicates, scanning=self._dup_job is not None,
                             fixes_enabled=not self.store.busy)

    def _show_check(self, key: str) -> None:
        if key == TRASH:
            self.showTrash.emit()
        elif key == DUPLICATES:
            self.fixRequested.emit(DUPLICATES)
        else:
            self.showFilter.emit(CHECKS_BY_KEY[key].filter)

    def _bar_clicked(self, chart: QWidget, index: int) -> None:
        bars = self._bars.get(chart, [])
        if 0 <= index < len(bars) and bars[index].filter and bars[index].count:
            self.showFilter.emit(bars[index].filter)

    def _show_charts(self) -> None:
        charts = self.figures.charts if self.figures else None
        if charts is None:
            return
        self._fill(self.months, charts.months, self._month_item)
        self._fill(self.labels, charts.labels, lambda b: self._item(
            b, b.key, self.tr("Other labels"), "", self.tr("%1: %2 contacts"),
            self.tr("Any other label: %2 contacts")))
        self._fill(self.countries, charts.countries, lambda b: self._item(
            b, country_name(b.key) if len(b.key) == 2 else b.key, self.tr("Other countries"),
            self.tr("No country"), self.tr("%1: %2 contacts"),
            self.tr("Other countries: %2 contacts")))
        self._fill(self.timezones, charts.timezones, lambda b: self._item(
            b, b.key, self.tr("Other time zones"), self.tr("No time zone"),
            self.tr("%1: %2 contacts"), self.tr("Other time zones: %2 contacts")))
        names = {"subscribed": self.tr("Subscribed"), "unsubscribed": self.tr("Unsubscribed"),
                 "unknown": self.tr("Unknown")}
        self._fill(self.subscriptions, charts.subscriptions, lambda b: self._item(
            b, names.get(b.key, b.key), "", "", self.tr("%1: %2 contacts"), ""))

    def _fill(self, chart, bars: list[Bar], make) -> None:
        self._bars[chart] = bars
        chart.set_items([make(b) for b in bars])

    @staticmethod
    def _item(bar: Bar, name: str, other: str, none: str, says: str, other_says: str
              ) -> ChartItem:
        label = other if bar.key == OTHER else (none if not bar.key else name)
        words = other_says if bar.key == OTHER else says
        return ChartItem(label, bar.count,
                         words.replace("%1", label).replace("%2", f"{bar.count:,}"),
                         bar.color)

    def _month_item(self, bar: Bar) -> ChartItem:
        year, month = (int(part) for part in bar.key.split("-"))
        day = QDate(year, month, 1)
        locale = QLocale()
        name = locale.toString(day, "MMMM yyyy")
        # Every third month is named under its column, counting back from this month.
        this = QDate.currentDate()
        back = (this.year() - year) * 12 + this.month() - month
        caption = locale.toString(day, "MMM yy") if back % 3 == 0 else ""
        tip = self.tr("%1: %2 contacts added").replace("%1", name) \
            .replace("%2", f"{bar.count:,}")
        return ChartItem(name, bar.count, tip, "", caption)

"""Fix…: what a health fix will change, before anything changes. The preview is computed in
the background (every contact is looked at) and lists each value, now and after; Apply hands
the exact list to the caller, which runs it as one undoable bulk change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core import health_fixes as fixes
from hubdesk.core.normalize import default_region
from hubdesk.ui.dialogs.country_combo import PhoneRegionCombo
from hubdesk.ui.dialogs.regions import country_name
from hubdesk.ui.health.changes_model import ChangesModel
from hubdesk.ui.jobs import Job, JobRunner
from hubdesk.ui.profile.plain import plain_label
from hubdesk.ui.store import ContactStore

SHOWN = 1000  # changes listed by name; the count above the list is always the full one


class FixDialog(QDialog):
    previewReady = Signal()  # tests wait on it

    def __init__(self, store: ContactStore, jobs: JobRunner, fix: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.jobs, self.fix = store, jobs, fix
        self.preview: fixes.FixPreview | None = None
        self._job: Job | None = None
        self._generation = 0
        self.setWindowTitle({
            fixes.PHONES: self.tr("Normalise phone numbers"),
            fixes.EMAILS: self.tr("Tidy emails"),
            fixes.TIMEZONES: self.tr("Fill in time zones"),
        }[fix])
        self.resize(720, 480)
        intro = plain_label({
            fixes.PHONES: self.tr(
                "Numbers kept as typed become international numbers (E.164) where they are "
                "valid numbers of the region below. Numbers that still do not parse stay as "
                "they are."),
            fixes.EMAILS: self.tr(
                "Spaces, a leading “mailto:”, a name around the address and stray punctuation "
                "are removed, and the domain is written in lower case. Only results that are "
                "valid emails are written."),
            fixes.TIMEZONES: self.tr(
                "Contacts without a time zone get their country's, where the country has one "
                "time zone (or several that always show the same time)."),
        }[fix], wrap=True)

        options = QFormLayout()
        self.region = PhoneRegionCombo()
        self.region.set_value(default_region())
        self.region.currentIndexChanged.connect(lambda _i: self.compute())
        self.lower_local = QCheckBox(self.tr("Also write the part before the @ in lower case"))
        self.lower_local.setToolTip(self.tr(
            "Mail servers almost always ignore its case, and so does HubDesk when it "
            "compares emails; strictly, a server may treat it as case-sensitive."))
        self.lower_local.toggled.connect(lambda _on: self.compute())
        if fix == fixes.PHONES:
            options.addRow(self.tr("Read numbers as from:"), self.region)
        elif fix == fixes.EMAILS:
            options.addRow(self.lower_local)

        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("fixSummary")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Looking for changes"))
        self.model = ChangesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 100, 190)):
            self.table.setColumnWidth(column, width)

        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.compute()

    # --- the preview ---------------------------------------------------------------------
    def compute(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        generation, fix, read = self._generation, self.fix, self.store.read
        region, lower = self.region.value() or default_region(), self.lower_local.isChecked()

        def plan(s, cancelled) -> fixes.FixPreview:
            if fix == fixes.PHONES:
                return fixes.plan_phones(s, region, cancelled=cancelled)
            if fix == fixes.EMAILS:
                return fixes.plan_emails(s, lower_local=lower, cancelled=cancelled)
            return fixes.plan_timezones(s, cancelled=cancelled)

        def work(_report, cancelled):
            def both(s):
                preview = plan(s, cancelled)
                shown = preview.changes[:SHOWN]
                return preview, fixes.contact_names(s, [c.contact_id for c in shown])
            return generation, read(both)

        self.preview = None
        self.apply_button.setEnabled(False)
        self.busy.show()
        self.summary.setText(self.tr("Looking at every contact…"))
        self._job = self.jobs.start("health fix preview", work, self._ready, self._failed)

    def _ready(self, result) -> None:
        generation, (preview, names) = result
        if generation != self._generation:
            return
        self._job = None
        self.busy.hide()
        self.preview = preview
        self.model.set_changes(preview.changes[:SHOWN], names)
        self.summary.setText(self._describe(preview))
        n = len(preview.changes)
        self.apply_button.setEnabled(bool(n))
        self.apply_button.setText(self.tr("Apply %1 changes").replace("%1", f"{n:,}")
                                  if n != 1 else self.tr("Apply 1 change"))
        self.previewReady.emit()

    def _failed(self, message: str) -> None:
        self._job = None
        self.busy.hide()
        self.summary.setText(message)

    def _describe(self, preview: fixes.FixPreview) -> str:
        n, people = len(preview.changes), preview.contacts
        if not n:
            text = self.tr("Nothing to change.")
        else:
            text = self.tr("%1 values of %2 contacts will change.") \
                .replace("%1", f"{n:,}").replace("%2", f"{people:,}")
            if n > SHOWN:
                text += " " + self.tr("The first %1 are listed.").replace("%1", f"{SHOWN:,}")
        skipped = preview.skipped
        region = self.region.value() or default_region()
        notes = {
            "not_a_number": self.tr("%1 numbers are not valid numbers of %2 and stay as "
                                    "they are.").replace("%2", country_name(region)),
            "not_an_email": self.tr("%1 emails are not valid even when tidied; they stay "
                                    "as they are."),
            "several_zones": self.tr("%1 contacts are in countries with several time zones "
                                     "and stay without one."),
            "unknown_country": self.tr("%1 contacts have a country HubDesk does not "
                                       "recognise and stay without a time zone."),
        }
        for reason, count in skipped.items():
            if count and reason in notes:
                text += " " + notes[reason].replace("%1", f"{count:,}")
        return text

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        super().done(result)

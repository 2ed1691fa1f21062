"""Page 3: what to do with duplicates and questionable rows, and a dry run that says what
the import will do (counts and the first problems) before anything is written."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from hubdesk.core.io.importer import ImportOptions, ImportResult, run_import
from hubdesk.core.normalize import default_region
from hubdesk.ui.dialogs.country_combo import PhoneRegionCombo
from hubdesk.ui.import_pages.counts import CountsView
from hubdesk.ui.import_pages.latest_job import LatestJob
from hubdesk.ui.import_pages.message import PageMessage
from hubdesk.ui.import_pages.problems_model import ProblemsModel
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.store import ContactStore

RECHECK_DELAY_MS = 400  # typing labels or a region re-runs the check once typing pauses
_LABEL_SPLIT = re.compile(r"[,;，；、]")


def parse_labels(text: str) -> tuple[str, ...]:
    """Labels typed as "vip, tokyo"; full-width commas count, as typed in Japanese input."""
    names = [name.strip() for name in _LABEL_SPLIT.split(text)]
    return tuple(dict.fromkeys(name for name in names if name))


def dry_run_counts(result: ImportResult | None, policy: str) -> dict[str, int | str | None]:
    if result is None:
        return {}
    flagged = len(result.warnings)
    return {
        "read": result.read,
        "valid": result.read - result.failed - flagged,
        "problems": flagged,
        "rejected": result.failed,
        # With "create anyway" nothing is matched, so nothing is counted as a duplicate.
        "duplicates": "—" if policy == "create" else result.updated + result.skipped,
    }


class OptionsPage(QWizardPage):
    def __init__(self, state: ImportState, store: ContactStore, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.state, self.store = state, store
        self.setTitle(self.tr("Options and preview"))
        self.setSubTitle(self.tr(
            "Nothing is written yet: the counts below are what the import will do."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self._checker = LatestJob(jobs, "import dry run", self)
        self._checker.busyChanged.connect(lambda _busy: self.completeChanged.emit())
        self._error = ""
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.check)

        self.policy = QComboBox()
        self.policy.setAccessibleName(self.tr("When a contact already exists"))
        self.policy.addItem(self.tr("Update it (never overwrites with blanks)"), "update")
        self.policy.addItem(self.tr("Skip the row"), "skip")
        self.policy.addItem(self.tr("Create another contact anyway"), "create")
        self.fill_empty = QCheckBox(self.tr("Only fill fields that are empty"))
        self.match = QComboBox()
        self.match.setAccessibleName(self.tr("Find existing contacts by"))
        self.match.addItem(self.tr("Email, then phone"), ("email", "phone"))
        self.match.addItem(self.tr("Email only"), ("email",))
        self.match.addItem(self.tr("Phone only"), ("phone",))
        self.region = PhoneRegionCombo()
        self.region.setAccessibleName(self.tr("Phone numbers without a country code are from"))
        self.region.set_value(default_region())
        self.labels = QLineEdit()
        self.labels.setAccessibleName(self.tr("Labels for every imported contact"))
        self.labels.setPlaceholderText(self.tr("e.g. Fair 2025, Tokyo — separated by commas"))
        self.skip_questionable = QCheckBox(self.tr(
            "Skip rows with questionable values (they go to the rejected-rows file)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.labels.setMinimumWidth(420)
        self.region.setMinimumWidth(280)
        form.addRow(self.tr("When a contact already exists:"), self.policy)
        form.addRow("", self.fill_empty)
        form.addRow(self.tr("Find existing contacts by:"), self.match)
        form.addRow(self.tr("Phones without +country are from:"), self.region)
        form.addRow(self.tr("Add labels to every contact:"), self.labels)
        form.addRow("", self.skip_questionable)

        for combo in (self.policy, self.match):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.fill_empty, self.skip_questionable):
            box.toggled.connect(self._changed)
        self.region.valueChanged.connect(self._recheck.start)
        self.labels.textEdited.connect(self._recheck.start)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the row count is unknown until the file is read
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Checking the file"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.error = PageMessage()
        self.counts = CountsView([
            ("read", self.tr("Rows read")), ("valid", self.tr("Valid")),
            ("problems", self.tr("With problems")), ("rejected", self.tr("Rejected")),
            ("duplicates", self.tr("Duplicates"))])
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = ProblemsModel(self)
        self.problem_view = QTableView()
        self.problem_view.setModel(self.problems)
        self.problem_view.setAccessibleName(self.tr("Problems found"))
        self.problem_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_view.setWordWrap(False)
        self.problem_view.verticalHeader().hide()
        header = self.problem_view.horizontalHeader()
        header.setSectionResizeMode(ProblemsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProblemsModel.ROW, 70)
        header.resizeSection(ProblemsModel.LINE, 70)
        header.resizeSection(ProblemsModel.OUTCOME, 150)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.counts)
        layout.addWidget(self.outcome)
        layout.addSpacing(8)
        layout.addWidget(self.status)
        layout.addWidget(self.problem_view, 1)

    def options(self, *, dry_run: bool = False) -> ImportOptions:
        region = self.region.value() if self.region.is_listed() else default_region()
        return ImportOptions(
            on_duplicate=self.policy.currentData(),
            fill_empty_only=self.fill_empty.isChecked(),
            match=tuple(self.match.currentData()),
            region=region or None,
            labels=parse_labels(self.labels.text()),
            skip_questionable=self.skip_questionable.isChecked(),
            dry_run=dry_run)

    def initializePage(self) -> None:
        self.check()

    def cleanupPage(self) -> None:
        self.stop()

    def stop(self) -> None:
        self._recheck.stop()
        self._checker.cancel()

    def _changed(self) -> None:
        self.fill_empty.setEnabled(self.policy.currentData() == "update")
        self.check()

    def check(self) -> None:
        """Run the import without writing, on a worker; a newer check replaces a running one."""
        self._recheck.stop()
        table = self.state.table
        if table is None:
            return
        db, mapping, options = self.store.db, list(self.state.mapping), self.options(dry_run=True)
        self.state.options = self.options()
        self.state.dry_run = None
        self._error = ""
        self.error.clear_message()
        self.progress.show()
        self.status.setText(self.tr("Checking the file…"))
        self._checker.start(
            lambda report, cancelled: run_import(db, table, mapping, options, progress=report,
                                                 cancelled=cancelled),
            self._checked, self._failed, self._progress)

    def _progress(self, done: int, _total: int) -> None:
        self.status.setText(self.tr("Checking the file… %1 rows").replace("%1", f"{done:,}"))

    def _checked(self, result: ImportResult) -> None:
        self.state.dry_run = result
        self.progress.hide()
        policy = self.policy.currentData()
        self.counts.set_counts(dry_run_counts(result, policy))
        self.outcome.setText(self.tr(
            "The import will: create new contacts: %1 · update: %2 · skip: %3 · reject: %4")
            .replace("%1", f"{result.created:,}").replace("%2", f"{result.updated:,}")
            .replace("%3", f"{result.skipped:,}").replace("%4", f"{result.failed:,}"))
        self.problems.set_result(result)
        shown = self.problems.rowCount()
        total = len(result.errors) + len(result.warnings)
        self.status.setText(self.tr("No problems found.") if not total else self.tr(
            "Problems (%1 of %2 shown):").replace("%1", f"{shown:,}").replace(
            "%2", f"{total:,}"))

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.clear()
        self._error = message
        self.error.show_error(message)
        self.counts.set_counts({})
        self.outcome.clear()
        self.problems.set_result(None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        # A file the check could not read would stop the import the same way.
        return not self._error and self.state.table is not None

    def validatePage(self) -> bool:
        self.state.options = self.options()
        self.stop()
        return True

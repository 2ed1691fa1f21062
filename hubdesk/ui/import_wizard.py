"""The import wizard: file → mapping → options and dry run → import → summary.

Drives the engine in hubdesk.core.io; every read of more than a file's first rows, and the
import itself, runs on the window's JobRunner. After a real import (and after Undo) the
store's signals tell the rest of the window that contacts, labels and attributes changed.

    wizard = ImportWizard(store, jobs, path=None, parent=window)
    wizard.exec()
    wizard.result  # the ImportResult of the import, or None if none ran
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from hubdesk.core.io.importer import ImportResult
from hubdesk.ui.import_pages.file_page import FilePage
from hubdesk.ui.import_pages.mapping_page import MappingPage
from hubdesk.ui.import_pages.options_page import OptionsPage
from hubdesk.ui.import_pages.run_page import RunPage
from hubdesk.ui.import_pages.state import ImportState
from hubdesk.ui.import_pages.summary_page import SummaryPage
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.store import ContactStore


class ImportWizard(QWizard):
    def __init__(self, store: ContactStore, jobs: JobRunner, path: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(1000, 720)
        self.state = ImportState()
        self.file_page = FilePage(self.state, jobs)
        self.mapping_page = MappingPage(self.state, store)
        self.options_page = OptionsPage(self.state, store, jobs)
        self.run_page = RunPage(self.state, store, jobs)
        self.summary_page = SummaryPage(self.state, store, jobs)
        for page in (self.file_page, self.mapping_page, self.options_page, self.run_page,
                     self.summary_page):
            self.addPage(page)
        # The summary follows the import by itself: there is nothing to decide in between.
        self.run_page.imported.connect(self.next)
        if path is not None:
            self.file_page.set_path(Path(path))

    # QDialog.result() is the dialog's exit code; callers of the wizard want the import's.
    @property
    def result(self) -> ImportResult | None:  # type: ignore[override]
        return self.state.result

    def reject(self) -> None:
        if self.run_page.running():
            # Closing mid-import would leave the user without the summary or Undo: cancel,
            # and the summary shows what was written before the cancel took effect.
            self.run_page.cancel()
            return
        self._stop()
        super().reject()

    def done(self, code: int) -> None:
        self._stop()
        super().done(code)

    def _stop(self) -> None:
        # Previews and dry runs only read: their results are no longer wanted.
        self.file_page.stop()
        self.options_page.stop()

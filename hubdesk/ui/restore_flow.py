"""File → Restore backup…: pick a backup, check it off the UI thread, say what it holds and
what happens to the current database, then close this window (every connection, every job),
put the backup in place and open it in a new window.

The database must be closed everywhere while its file is replaced (core.restore refuses
otherwise), so the window is closed rather than patched: nothing in it can keep a connection
or an undo step that belongs to the replaced file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from hubdesk.core.backup_info import BackupInfo, describe_backup
from hubdesk.core.db import Database, open_database
from hubdesk.core.restore import Restored, restore_backup
from hubdesk.ui.jobs import JobRunner

if TYPE_CHECKING:
    from hubdesk.ui.main_window import MainWindow


class RestoreBackup(QObject):
    """One restore, started from a window; the new window is announced by windowReplaced."""

    windowReplaced = Signal(object)  # the MainWindow on the restored database
    checked = Signal(object)  # BackupInfo, once the backup passed its checks (for tests)

    def __init__(self, window: MainWindow):
        super().__init__(None)  # outlives the window it closes
        self.window = window
        self.jobs = JobRunner(self)
        self.progress: QProgressDialog | None = None
        self.new_window: MainWindow | None = None

    # --- 1. choose and check -------------------------------------------------------------
    def choose(self) -> None:
        db = self.window.db
        if db.path is None:
            self._inform(self.tr("Restoring a backup works on a database file on this "
                                 "computer. A team server is backed up and restored by its "
                                 "administrator (for example with pg_dump and pg_restore)."))
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore backup"), str(db.path.parent),
            self.tr("HubDesk backups (*.db *.bak *.sqlite);;All files (*)"))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Checking %1…").replace("%1", str(path)))
        self.jobs.start("check backup", lambda _report, _cancelled: describe_backup(path),
                        self._checked, self._failed_check)

    def _failed_check(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        self._warn(self.tr("This file cannot be restored: %1").replace("%1", message))

    def _checked(self, info: BackupInfo) -> None:
        self.window.statusBar().clearMessage()
        self.checked.emit(info)
        if self.confirm(info):
            self.restore(info)

    def confirm(self, info: BackupInfo) -> bool:
        locale = QLocale()
        when = locale.toString(info.modified_at.astimezone(), QLocale.FormatType.ShortFormat)
        text = self.tr(
            "Replace the database %1 with the backup %2?\n\nThe backup holds %3 contacts "
            "(and %4 in the Trash); it was written %5. Everything changed since then is "
            "replaced. The current database is kept beside it as a copy ending in "
            "“.before-restore-….bak”, so this can be reversed by restoring that copy.\n\n"
            "This window closes and opens again on the restored database.")
        text = (text.replace("%1", str(self.window.db.path)).replace("%2", str(info.path))
                .replace("%3", f"{info.contacts:,}").replace("%4", f"{info.trashed:,}")
                .replace("%5", when))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore backup"), text,
                          parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths may hold anything
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    # --- 2. close, replace, reopen -------------------------------------------------------
    def restore(self, info: BackupInfo) -> None:
        window, db = self.window, self.window.db
        target, url, settings = db.path, db.url, window.settings.qsettings
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # between the two windows none is open
        # Shown before the window closes, and parented to nothing: it outlives the window.
        self.progress = QProgressDialog(self.tr("Restoring the backup…"), "", 0, 0)
        self.progress.setWindowTitle(self.tr("Restore backup"))
        self.progress.setCancelButton(None)  # one rename at the end: nothing to stop halfway
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress.show()
        if not window.close():  # the window said no (e.g. an import is running)
            self._finish(quit_on_close)
            return
        db.dispose()

        def work(_report, _cancelled) -> tuple[Restored | None, Database, str]:
            try:
                restored, problem = restore_backup(info.path, target), ""
            except Exception as exc:  # the current file is untouched: reopen it
                restored, problem = None, str(exc)
            return restored, open_database(url), problem

        def done(result) -> None:
            restored, new_db, problem = result
            self._open(new_db, settings, restored, problem)
            self._finish(quit_on_close)

        def failed(message: str) -> None:  # not even the current database opens again
            self._finish(quit_on_close)
            self._warn(message)
            app.quit()

        self.jobs.start("restore backup", work, done, failed)

    def _open(self, db: Database, settings, restored: Restored | None, problem: str) -> None:
        from hubdesk.ui.main_window import MainWindow

        new = MainWindow(db, settings)
        QApplication.instance().aboutToQuit.connect(db.dispose)
        new.show()
        self.new_window = new
        self.windowReplaced.emit(new)
        if restored is None:
            new._show_error(self.tr("The backup was not restored; the database is as it "
                                    "was: %1").replace("%1", problem))
        else:
            kept = (self.tr(" The database before it was kept as %1.").replace(
                "%1", str(restored.previous)) if restored.previous else "")
            new.statusBar().showMessage(
                self.tr("Backup restored.") + kept, 30_000)

    def _finish(self, quit_on_close: bool) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)

    # --- messages ------------------------------------------------------------------------
    def _inform(self, text: str) -> None:
        self._box(QMessageBox.Icon.Information, text)

    def _warn(self, text: str) -> None:
        self._box(QMessageBox.Icon.Warning, text)

    def _box(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Restore backup"), text,
                          parent=self.window if self.window.isVisible() else None)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

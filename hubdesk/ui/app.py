"""Start the GUI: one QApplication, the database opened (or a clear message), the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk import __version__
from hubdesk.config import (
    APP_AUTHOR,
    APP_NAME,
    DatabaseSource,
    database_source,
    default_source,
    local_source,
)
from hubdesk.core.db import Database, open_database
from hubdesk.core.errors import HubDeskError
from hubdesk.paths import resource
from hubdesk.ui.jobs import JobRunner

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None, settings=None) -> QApplication:
    """settings: where the Preferences are read (the user's own by default)."""
    from hubdesk.ui.i18n import install_translators, ui_language

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    # Before any window exists: texts are translated as widgets are made.
    install_translators(ui_language(settings), app)
    # Wayland matches windows to the menu entry (build/linux/hubdesk.desktop) by this name.
    app.setDesktopFileName("hubdesk")
    icon = resource("icons", "hubdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def start_window(db, settings=None):
    """Show the main window; from here on the objects alive now live as long as the app."""
    from hubdesk.ui.main_window import MainWindow

    window = MainWindow(db, settings)
    window.show()
    # Modules, classes and widgets made so far never die: freezing them keeps the cyclic
    # collector from walking them again, which otherwise stalls the UI ~35 ms at times.
    gc.freeze()
    return window


def apply_preferences(app: QApplication, settings=None) -> None:
    """Settings → Preferences… as the app starts: theme and phone region."""
    from hubdesk.ui.settings import WindowSettings, app_settings, use_phone_region
    from hubdesk.ui.theme import AppTheme

    prefs = WindowSettings(settings or app_settings())
    AppTheme.of(app).set_theme(prefs.theme())
    if "HUBDESK_REGION" not in os.environ:  # the variable, set for this run, wins
        use_phone_region(prefs.phone_region())


def adopt_legacy_location(settings=None) -> None:
    """Earlier versions kept a moved database's location in the app's QSettings, which the
    command line cannot read: carry it over to the stored database choice, once."""
    from hubdesk.db_choice import DatabaseChoiceError, load_choice, save_choice
    from hubdesk.ui.settings import WindowSettings, app_settings

    prefs = WindowSettings(settings or app_settings())
    legacy = prefs.legacy_database_location()
    if not legacy:
        return
    try:
        choice = load_choice()
        if not choice.moved_to:  # a location stored since is the newer one
            save_choice(choice.with_moved_to(legacy))
    except DatabaseChoiceError as exc:
        log.warning("keeping the old database location for now: %s", exc)
        return  # tried again at the next start; the error itself is shown when resolving
    prefs.forget_legacy_database_location()
    prefs.sync()


def startup_source(db_arg: str | None, settings=None) -> DatabaseSource | None:
    """What to open: --db, HUBDESK_DATABASE_URL, the choice in Settings → Database or the
    default file (None: the user chose not to start, or was told why it cannot)."""
    adopt_legacy_location(settings)
    try:
        source = database_source(db_arg)
    except HubDeskError as exc:
        _show_error(str(exc))
        return None
    return _present(source)


def _present(source: DatabaseSource) -> DatabaseSource | None:
    """`source`, unless it is a moved file that is not there: opening would quietly create
    an empty database in its place, so the user decides instead."""
    from hubdesk.db_choice import DatabaseChoiceError, load_choice, save_choice

    missing = source.missing_file
    if missing is None:
        return source
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, QCoreApplication.translate(
        "HubDesk", "Your database was moved to %1, but that file is not there now (is the "
        "drive connected?). Connect it and start HubDesk again, or go back to the database "
        "in the default location.").replace("%1", str(missing)))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
    default = box.addButton(QCoreApplication.translate("HubDesk", "Use the default location"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not default:
        return None
    try:
        save_choice(load_choice().with_moved_to(""))
    except DatabaseChoiceError as exc:
        _show_error(str(exc))
        return None
    return default_source()


def open_start_database(source: DatabaseSource, jobs: JobRunner) -> Database | None:
    """Open `source`; for the team server, asking for its password when needed, and when
    the user gives up on it, offering this computer's database. None: not starting."""
    from hubdesk.ui.dialogs.server_login import connect_team_server

    if source.origin == "server":
        db = connect_team_server(source, jobs)
        if db is not None:
            return db
        if not _use_local_instead(source):
            return None
        try:
            local = _present(local_source())
        except HubDeskError as exc:
            _show_error(str(exc))
            return None
        if local is None:
            return None
        source = local
    try:
        return open_database(source.url)
    except HubDeskError as exc:
        _show_error(str(exc))
        return None


def _use_local_instead(source: DatabaseSource) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, QCoreApplication.translate(
        "HubDesk", "HubDesk did not connect to the team server %1. Open the database on this "
        "computer instead? The team server stays your choice for the next start; Settings → "
        "Preferences… → Database changes it.").replace(
            "%1", source.server.key if source.server else ""))
    box.setTextFormat(Qt.TextFormat.PlainText)
    local = box.addButton(QCoreApplication.translate("HubDesk", "Use this computer's database"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("HubDesk", "Close HubDesk"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is local


def _show_error(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and server messages
    box.exec()


def run_app(db_arg: str | None = None, open_file: Path | None = None) -> int:
    """db_arg: what --db named (None: HubDesk's own choice). open_file: a contact file the
    app was opened with (Open with…): its import wizard opens once the window is up."""
    from hubdesk.logs import setup_logging
    from hubdesk.ui.crash_dialog import install_excepthook
    from hubdesk.ui.settings import app_settings

    setup_logging()
    app = make_application()
    settings = app_settings()
    apply_preferences(app, settings)
    source = startup_source(db_arg, settings)
    if source is None:
        return 2
    jobs = JobRunner()  # connecting to the team server; joined before leaving
    try:
        db = open_start_database(source, jobs)
        if db is None:
            return 2
        window = start_window(db)  # held until the event loop ends
        windows = [window]  # the newest last: File → Restore backup… opens another

        def replaced(new) -> None:
            windows.append(new)
            new.windowReplaced.connect(replaced)

        window.windowReplaced.connect(replaced)
        install_excepthook(lambda: windows[-1])
        if open_file is not None:
            QTimer.singleShot(0, lambda: window.import_file(open_file))
        code = app.exec()
        db.dispose()
        return code
    finally:
        jobs.wait()

"""Start the GUI: one QApplication, the database opened (or a clear message), the window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk import __version__
from hubdesk.config import APP_AUTHOR, APP_NAME
from hubdesk.core.db import open_database
from hubdesk.core.errors import HubDeskError
from hubdesk.paths import resource


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


def apply_preferences(app: QApplication, database_url: str, settings=None) -> str | None:
    """Settings → Preferences… as the app starts: theme, phone region, and where the database
    was moved to. Returns the URL to open (None: the user chose not to start)."""
    from hubdesk.config import moved_database_url
    from hubdesk.ui.settings import WindowSettings, app_settings, use_phone_region
    from hubdesk.ui.theme import AppTheme

    prefs = WindowSettings(settings or app_settings())
    AppTheme.of(app).set_theme(prefs.theme())
    if "HUBDESK_REGION" not in os.environ:  # the variable, set for this run, wins
        use_phone_region(prefs.phone_region())
    moved = prefs.database_location()
    url = moved_database_url(database_url, moved)
    if url == database_url or Path(moved).is_file():
        return url
    # Opening would quietly create an empty database there; the user decides instead.
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, QCoreApplication.translate(
        "HubDesk", "Your database was moved to %1, but that file is not there now (is the "
        "drive connected?). Connect it and start HubDesk again, or go back to the database "
        "in the default location.").replace("%1", moved))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
    default = box.addButton(QCoreApplication.translate("HubDesk", "Use the default location"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not default:
        return None
    prefs.set_database_location("")
    prefs.sync()
    return database_url


def run_app(database_url: str, open_file: Path | None = None) -> int:
    """open_file: a contact file the app was opened with (Open with…): its import wizard
    opens once the window is up."""
    from hubdesk.logs import setup_logging
    from hubdesk.ui.crash_dialog import install_excepthook

    setup_logging()
    app = make_application()
    database_url = apply_preferences(app, database_url)
    if database_url is None:
        return 2
    try:
        db = open_database(database_url)
    except HubDeskError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    window = start_window(db)  # held until the event loop ends
    install_excepthook(lambda: window)
    if open_file is not None:
        QTimer.singleShot(0, lambda: window.import_file(open_file))
    code = app.exec()
    db.dispose()
    return code

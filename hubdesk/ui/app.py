"""Start the GUI: one QApplication, the database opened (or a clear message), the window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hubdesk import __version__
from hubdesk.config import APP_AUTHOR, APP_NAME
from hubdesk.core.db import open_database
from hubdesk.core.errors import HubDeskError
from hubdesk.paths import resource


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
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


def run_app(database_url: str, open_file: Path | None = None) -> int:
    """open_file: a contact file the app was opened with (Open with…): its import wizard
    opens once the window is up."""
    from hubdesk.logs import setup_logging
    from hubdesk.ui.crash_dialog import install_excepthook

    setup_logging()
    app = make_application()
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

"""Start the GUI: one QApplication, the database opened (or a clear message), the window."""

from __future__ import annotations

import sys

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
    icon = resource("icons", "hubdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(database_url: str) -> int:
    from hubdesk.ui.main_window import MainWindow

    app = make_application()
    try:
        db = open_database(database_url)
    except HubDeskError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.dispose()
    return code

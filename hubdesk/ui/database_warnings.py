"""Checks made once as the window opens, shown in its warning bar when they fail.

A SQLite file on a network share can be damaged when computers write to it over the share
(their locking is unreliable); the user is told at once, with what to do instead. And XLSX
import must parse workbooks without XML entity expansion (defusedxml): an install where that
is not so is told now, not when a file is refused."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hubdesk.core.fs_check import network_filesystem
from hubdesk.core.io.xml_safety import ensure_defused

if TYPE_CHECKING:
    from hubdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def network_warning(path: str, kind: str) -> str:
    return QCoreApplication.translate(
        "DatabaseWarnings",
        "This database is on a network share (%1): %2. A database file can be damaged when "
        "computers write to it over a share. Keep it on this computer (Settings → "
        "Preferences… → Database → Move database…) and share a backup, or let the team "
        "use a "
        "PostgreSQL server.").replace("%1", kind).replace("%2", path)


def check_database_location(window: MainWindow) -> None:
    """Off the UI thread: finding the file system can mean running `mount` (macOS) or
    waiting on a share that does not answer."""
    path = window.db.path
    if path is None:
        return

    def shown(kind: str | None) -> None:
        if kind:
            log.warning("database %s is on a network share (%s)", path, kind)
            window.warning_bar.show_warning(network_warning(str(path), kind))

    window.jobs.start("database location", lambda _r, _c: network_filesystem(path), shown,
                      lambda message: log.info("could not check the file system: %s", message))


def check_xml_safety(window: MainWindow) -> None:
    """Off the UI thread: it imports openpyxl, which the window does not need to open."""

    def failed(message: str) -> None:
        log.error("XLSX safety check failed: %s", message)
        window.warning_bar.show_warning(QCoreApplication.translate(
            "DatabaseWarnings", "Importing Excel workbooks is switched off: %1")
            .replace("%1", message))

    window.jobs.start("xml safety", lambda _r, _c: ensure_defused(), lambda _none: None, failed)

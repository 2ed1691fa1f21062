"""An unexpected exception in the window is logged and shown — with "Copy details" and "Open
log folder" — instead of the app vanishing or going on silently."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hubdesk import __version__
from hubdesk.logs import log_dir

log = logging.getLogger("hubdesk")
_showing = False  # an error inside the dialog must not open another one, forever


def details(kind: type[BaseException], value: BaseException,
            tb: TracebackType | None) -> str:
    return (f"HubDesk {__version__} on {sys.platform}, Python {sys.version.split()[0]}\n"
            + "".join(traceback.format_exception(kind, value, tb)))


def show_crash(parent: QWidget | None, kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> QMessageBox:
    text = details(kind, value, tb)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("HubDesk")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote user data
    translate = QCoreApplication.translate
    box.setText(translate("CrashDialog", "Something went wrong: %1\n\nYour data is safe: "
                          "every change is saved in full or not at all. The details were "
                          "written to the log.")
                .replace("%1", f"{kind.__name__}: {value}"[:300]))
    box.setDetailedText(text)
    copy = box.addButton(translate("CrashDialog", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    folder = box.addButton(translate("CrashDialog", "Open log folder"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # Action buttons close the box by default; these should do their thing and stay.
    copy.clicked.disconnect()
    folder.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))))
    return box


def install_excepthook(parent_of=lambda: None) -> None:
    """Unhandled exceptions (in slots, timers, paint) go to the log and to the dialog."""

    def hook(kind, value, tb) -> None:
        global _showing
        log.error("unexpected error", exc_info=(kind, value, tb))
        if _showing or kind is KeyboardInterrupt:
            return
        _showing = True
        try:
            show_crash(parent_of(), kind, value, tb).exec()
        finally:
            _showing = False

    sys.excepthook = hook

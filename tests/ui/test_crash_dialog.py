"""An unexpected error is logged to the rotating file and shown with Copy details and Open log
folder, as plain text; a second error while the dialog is up does not stack dialogs."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from hubdesk import logs
from hubdesk.ui import crash_dialog


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "logs"))
    monkeypatch.setattr(logs, "_handler", None)
    old_hook = sys.excepthook
    yield tmp_path / "logs"
    if logs._handler is not None:
        logging.getLogger().removeHandler(logs._handler)
        logs._handler.close()
    sys.excepthook = old_hook


def _error():
    try:
        raise ValueError("<b>boom</b> in 山田")
    except ValueError:
        return sys.exc_info()


def test_the_hook_logs_and_shows_the_error_once(qtbot, log_folder, monkeypatch):
    path = logs.setup_logging()
    assert path.parent == log_folder
    shown = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        crash_dialog.sys.excepthook(*_error())  # an error while the box is up: logged only
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    crash_dialog.install_excepthook()
    sys.excepthook(*_error())
    assert len(shown) == 1 and "<b>boom</b> in 山田" in shown[0]
    logging.getLogger().handlers[-1].flush()
    text = path.read_text(encoding="utf-8")
    assert text.count("ValueError: <b>boom</b> in 山田") == 2


def test_the_dialog_is_plain_text_and_its_buttons_copy_and_open_the_log_folder(
        qtbot, log_folder, monkeypatch):
    box = crash_dialog.show_crash(None, *_error())
    qtbot.addWidget(box)
    assert box.textFormat() == crash_dialog.Qt.TextFormat.PlainText
    assert "Traceback" in box.detailedText()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    buttons = {b.text(): b for b in box.buttons()}
    buttons["Copy details"].click()
    assert "ValueError" in QGuiApplication.clipboard().text()
    buttons["Open log folder"].click()
    assert opened and opened[0].toLocalFile() == str(log_folder)

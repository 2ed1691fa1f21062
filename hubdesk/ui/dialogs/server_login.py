"""At start, the team server chosen in Settings → Database: connect in the background, and
ask for the password when the keychain has none or the server refuses it.

The dialog shows itself only when connecting takes a moment or a password is needed; a
quick connection with a saved password opens the window without it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hubdesk.config import DatabaseSource
from hubdesk.core.db import Database, open_database
from hubdesk.core.errors import HubDeskError
from hubdesk.ui.jobs import JobRunner

log = logging.getLogger(__name__)
QUIET_MS = 400  # a connection quicker than this needs no dialog


@dataclass(frozen=True)
class LoginFailure:
    message: str
    password_refused: bool


def _attempt(connect: Callable[[str], Database], url: str) -> Database | LoginFailure:
    from hubdesk.core.server_probe import password_refused

    try:
        return connect(url)
    except HubDeskError as exc:
        return LoginFailure(str(exc), password_refused(exc))


class ServerLoginDialog(QDialog):
    attemptEnded = Signal()

    def __init__(self, source: DatabaseSource, jobs: JobRunner, *,
                 connect: Callable[[str], Database] = open_database,
                 parent: QWidget | None = None):
        super().__init__(parent)
        assert source.server is not None, "a team server source"
        self.source, self.server, self.jobs = source, source.server, jobs
        self._connect = connect
        self.database: Database | None = None
        self._running = False
        self._typed = ""  # the password of the attempt running, to remember on success
        self._closed = False  # the user gave up: a connection arriving now is closed again
        self.setWindowTitle(self.tr("Team server"))
        self.setMinimumWidth(440)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # server messages, host names
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaxLength(1024)
        self.remember = QCheckBox(self.tr("Remember in keychain"))
        self.remember.setChecked(True)
        self.keychain_note = QLabel(self.tr(
            "This computer has no system keychain: the password is used for this session "
            "only. The PGPASSWORD variable or a ~/.pgpass file can supply it instead."))
        self.keychain_note.setWordWrap(True)
        self.keychain_note.setTextFormat(Qt.TextFormat.PlainText)
        has_keychain = not source.keychain_problem
        self.remember.setVisible(has_keychain)
        self.keychain_note.setVisible(not has_keychain)
        self.password_row = QWidget()
        form = QFormLayout(self.password_row)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Password for %1:").replace("%1", self.server.user), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.keychain_note)
        self.password_row.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.connect_again)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.password_row)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """The first attempt: with the keychain's password, or none (libpq may find one)."""
        self._attempt(self.source.url, "")

    def finish_quietly(self, msecs: int = QUIET_MS) -> bool:
        """Wait up to `msecs` for the first attempt; True when it connected."""
        if self._running:
            loop = QEventLoop()
            self.attemptEnded.connect(loop.quit)
            QTimer.singleShot(msecs, loop.quit)
            loop.exec()
            self.attemptEnded.disconnect(loop.quit)
        return self.database is not None

    def connect_again(self) -> None:
        if self._running:
            return
        typed = self.password.text()
        url = self.server.url(typed).render_as_string(hide_password=False) if typed \
            else self.source.url
        self._attempt(url, typed)

    def _attempt(self, url: str, typed: str) -> None:
        self._running, self._typed = True, typed
        self.busy.show()
        self.connect_button.setEnabled(False)
        self.password.setEnabled(False)
        self.message.setText(self.tr("Connecting to the team server %1…")
                             .replace("%1", self.server.key))
        connect = self._connect
        self.jobs.start("connect to team server", lambda _r, _c: _attempt(connect, url),
                        self._ended, self._failed)

    def _ended(self, outcome: Database | LoginFailure) -> None:
        self._running = False
        self.busy.hide()
        self.connect_button.setEnabled(True)
        self.password.setEnabled(True)
        if isinstance(outcome, LoginFailure):
            self._show_failure(outcome)
        elif self._closed:
            outcome.dispose()  # connected after the user gave up: not wanted any more
        else:
            self.database = outcome
            self._remember()
            self.accept()
        self.attemptEnded.emit()

    def _failed(self, message: str) -> None:
        self._ended(LoginFailure(message, False))

    def _show_failure(self, failure: LoginFailure) -> None:
        if failure.password_refused:
            if self._typed or self.source.password_from:
                text = self.tr("The team server %1 refused the password:\n%2")
            else:
                text = self.tr("The team server %1 needs your password.\n%2")
            self.password_row.show()
            self.password.selectAll()
            self.password.setFocus()
            self.connect_button.setText(self.tr("Connect"))
        else:
            text = self.tr("HubDesk could not connect to the team server %1:\n%2")
            self.connect_button.setText(self.tr("Try again"))
        self.message.setText(text.replace("%1", self.server.key)
                             .replace("%2", failure.message))

    def _remember(self) -> None:
        if not self._typed or self.source.keychain_problem or not self.remember.isChecked():
            return
        from hubdesk.keychain import NoKeychainError, set_password

        try:
            set_password(self.server.key, self._typed)
        except NoKeychainError as exc:
            # Not worth stopping the start for: the password works for this session.
            log.warning("%s", exc)

    def reject(self) -> None:
        self._closed = True
        super().reject()


def connect_team_server(source: DatabaseSource, jobs: JobRunner, *,
                        connect: Callable[[str], Database] = open_database) -> Database | None:
    """The opened team server database, or None when the user cancelled."""
    dialog = ServerLoginDialog(source, jobs, connect=connect)
    dialog.start()
    if dialog.finish_quietly():
        return dialog.database
    if dialog.database is None:
        dialog.exec()
    return dialog.database

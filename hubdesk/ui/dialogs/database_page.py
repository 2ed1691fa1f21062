"""Settings → Database: which database HubDesk opens (this computer's file or the team's
PostgreSQL server), moving this computer's file, and copying it to the team server.

The choice is stored in hubdesk.db_choice (the command line reads it too) when the dialog's
OK is pressed, and HubDesk switches at its next start; Move database… and the copy act at
once, in the background."""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk import config
from hubdesk.core.db import Database, shown_url
from hubdesk.core.errors import HubDeskError
from hubdesk.core.relocate import CopiedDatabase, copy_database
from hubdesk.core.server_probe import ServerConnectionError, ServerProbe
from hubdesk.core.transfer import CopyCancelled, CopyResult
from hubdesk.db_choice import DatabaseChoice, DatabaseChoiceError, load_choice, save_choice
from hubdesk.keychain import NoKeychainError
from hubdesk.ui.dialogs.team_server_form import TeamServerForm
from hubdesk.ui.jobs import JobRunner


def note(text: str = "") -> QLabel:
    """An explanation under a setting: smaller, but in the full text colour — the grey of
    placeholder text is too faint on Fusion's tab pane in the dark theme. Plain text, as it
    may quote paths and server messages."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


@dataclass(frozen=True)
class KeychainState:
    available: bool
    saved: bool  # a password is saved for the stored team server


def _keychain_state(key: str | None) -> KeychainState:
    from hubdesk.keychain import get_password, keychain_available

    if not keychain_available():
        return KeychainState(False, False)
    try:
        return KeychainState(True, bool(key) and get_password(key) is not None)
    except NoKeychainError:
        return KeychainState(False, False)


def _saved_password(key: str) -> str | None:
    from hubdesk.keychain import get_password

    try:
        return get_password(key)
    except NoKeychainError:
        return None  # libpq's PGPASSWORD / ~/.pgpass may still have one


class DatabasePage(QWidget):
    moved = Signal(object)  # CopiedDatabase
    busyChanged = Signal(bool)
    keychainChecked = Signal()
    tested = Signal()
    copyEnded = Signal()

    def __init__(self, db: Database, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.jobs = db, jobs
        self.copied: CopiedDatabase | None = None
        self.keychain: KeychainState | None = None
        self._testing = self._copying = self._moving = False
        self._copy_cancel = threading.Event()
        try:
            self.stored: DatabaseChoice | None = load_choice()
            choice_problem = ""
        except DatabaseChoiceError as exc:
            self.stored, choice_problem = None, str(exc)
        choice = self.stored or DatabaseChoice()

        self.location = QLabel(str(db.path) if db.path else shown_url(db.url))
        self.location.setTextFormat(Qt.TextFormat.PlainText)
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setAccessibleName(self.tr("Database location"))
        form = QFormLayout()
        form.addRow(self.tr("In use now:"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.named_note = note(self._named_text(choice))
        self.named_note.setVisible(bool(self.named_note.text()))
        layout.addWidget(self.named_note)
        layout.addWidget(self._choice_box(choice, choice_problem))
        layout.addWidget(self._local_box())
        layout.addStretch()
        self._update_enabled()
        self.jobs.start("keychain", lambda _r, _c: _keychain_state(
            choice.server.key if choice.server else None), self._keychain_known,
            lambda _m: self._keychain_known(KeychainState(False, False)))

    # --- layout --------------------------------------------------------------------------
    def _choice_box(self, choice: DatabaseChoice, problem: str) -> QGroupBox:
        box = QGroupBox(self.tr("Database HubDesk opens"))
        self.local_radio = QRadioButton(self.tr("This computer (default)"))
        self.server_radio = QRadioButton(self.tr("Team server"))
        group = QButtonGroup(box)
        group.addButton(self.local_radio)
        group.addButton(self.server_radio)
        (self.server_radio if choice.kind == "server" else self.local_radio).setChecked(True)
        self.server_form = TeamServerForm()
        self.server_form.set_server(choice.server)
        self.keychain_note = note()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_progress = QProgressBar()
        self.test_progress.setRange(0, 0)
        self.test_progress.setMaximumWidth(120)
        self.test_progress.hide()
        self.test_status = note()
        self.test_status.hide()
        self.choice_status = note(problem)
        self.choice_status.setVisible(bool(problem))
        self.restart_note = note(self.tr(
            "Saved when you press OK; HubDesk opens this database from its next start."))
        self.restart_note.hide()
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_progress)
        test_row.addStretch()
        inner = QVBoxLayout(box)
        inner.addWidget(self.choice_status)
        inner.addWidget(self.local_radio)
        inner.addWidget(self.server_radio)
        server = QVBoxLayout()
        server.setContentsMargins(24, 0, 0, 0)  # under its radio button
        server.addWidget(self.server_form)
        server.addWidget(self.keychain_note)
        server.addLayout(test_row)
        server.addWidget(self.test_status)
        inner.addLayout(server)
        inner.addWidget(self.restart_note)
        for radio in (self.local_radio, self.server_radio):
            radio.toggled.connect(lambda _on: self._choice_edited())
        self.server_form.changed.connect(self._choice_edited)
        return box

    def _local_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer's database"))
        self.move_button = QPushButton(self.tr("Move database…"))
        self.move_button.clicked.connect(self.choose_destination)
        self.copy_button = QPushButton(self.tr("Copy my contacts to the team server…"))
        self.copy_button.clicked.connect(self.copy_to_server)
        self.cancel_copy_button = QPushButton(self.tr("Cancel copy"))
        self.cancel_copy_button.clicked.connect(self.cancel_copy)
        self.cancel_copy_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the backup API reports no steps
        self.progress.hide()
        self.status = note()
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.cancel_copy_button)
        buttons.addStretch()
        inner = QVBoxLayout(box)
        inner.addWidget(note(self._local_text()))
        inner.addLayout(buttons)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)
        return box

    def _named_text(self, choice: DatabaseChoice) -> str:
        if os.environ.get(config.DATABASE_ENV):
            return self.tr("HUBDESK_DATABASE_URL is set, so HubDesk opens the database it "
                           "names. What you choose here applies when HubDesk starts without "
                           "it.")
        if self._is_local() or self._is_chosen_server(choice):
            return ""
        return self.tr("This database was given for this run only (with --db). What you choose "
                       "here applies from the next start without --db.")

    def _local_text(self) -> str:
        if self.db.path is None:
            return self.tr("The database in use lives on a server. Moving and copying work "
                           "on this computer's database: start HubDesk on it to use them.")
        if not self._is_local():
            return self.tr("Move database… moves this computer's own database; the one in use "
                           "was named with --db or HUBDESK_DATABASE_URL. To move it, copy the "
                           "file with File → Back up database… and open the copy with --db next "
                           "time. Copy my contacts to the team server copies the database in "
                           "use.")
        return self.tr("Move database… copies it to a file you choose, checks the copy, and "
                       "HubDesk uses the copy from its next start; the old file stays until "
                       "you delete it. Copy my contacts to the team server copies everything "
                       "into the team server's empty database, checks every table's row "
                       "count, and keeps nothing of a copy that fails or is cancelled.")

    def _is_local(self) -> bool:
        """Whether the database in use is this computer's own (the default file, or where
        it was moved), which Move database… moves."""
        if self.db.path is None:
            return False
        try:
            return config.same_database(self.db.url, config.local_source(self.stored).url)
        except HubDeskError:
            return False

    def _is_chosen_server(self, choice: DatabaseChoice) -> bool:
        return choice.server is not None and config.same_database(
            self.db.url, choice.server.url().render_as_string(hide_password=False))

    # --- the choice ----------------------------------------------------------------------
    def _update_enabled(self) -> None:
        on_server = self.server_radio.isChecked()
        self.server_form.setEnabled(on_server and not self._copying)
        self.test_button.setEnabled(on_server and not self._testing)
        idle = not (self._copying or self._moving)
        self.copy_button.setEnabled(self.db.path is not None and idle)
        self.move_button.setEnabled(self._is_local() and idle and self.copied is None)

    def _choice_edited(self) -> None:
        self._update_enabled()
        self.restart_note.setVisible(self.switches())
        self.test_status.hide()

    def switches(self) -> bool:
        """Whether OK would make HubDesk open another database at its next start."""
        pending, stored = self.pending_choice(), self.stored or DatabaseChoice()
        return pending.kind != stored.kind or (
            pending.kind == "server" and pending.server != stored.server)

    def pending_choice(self) -> DatabaseChoice:
        """What OK would store (the server's fields are kept while they are usable, so
        switching back later finds them filled in)."""
        stored = self.stored or DatabaseChoice()
        server = self.server_form.server()
        usable = not server.problems()
        if self.server_radio.isChecked():
            return DatabaseChoice("server", stored.moved_to, server if usable else None)
        return DatabaseChoice("local", stored.moved_to, server if usable else stored.server)

    def _keychain_known(self, state: KeychainState) -> None:
        self.keychain = state
        if not state.available:
            text = self.tr("This computer has no system keychain, so the password is not "
                           "saved: HubDesk asks for it when it starts, or the PGPASSWORD "
                           "variable or a ~/.pgpass file can supply it.")
        elif state.saved:
            text = self.tr("The password is saved in the system keychain; type a new one "
                           "to replace it.")
            self.server_form.password.setPlaceholderText(self.tr("Saved in the keychain"))
        else:
            text = self.tr("The password is saved in the system keychain when you press OK "
                           "(leave it empty if PGPASSWORD or ~/.pgpass supplies it).")
        self.keychain_note.setText(text)
        self.keychainChecked.emit()

    def save(self) -> bool:
        """Store the choice (the dialog's OK). False, with the reason shown and nothing
        stored, when something must be fixed first."""
        choice = self.pending_choice()
        if choice.kind == "server":
            problems = self.server_form.problems()
            if problems:
                self._show_choice_problem(" ".join(problems))
                field = self.server_form.first_problem_field()
                if field is not None:
                    field.setFocus()
                return False
        password = self.server_form.password.text()
        try:
            if password and choice.server is not None:
                self._save_password(choice)
            if choice != self.stored:
                # Re-read: Move database… may have stored a new location meanwhile.
                moved_to = load_choice().moved_to if self.stored is not None else ""
                save_choice(DatabaseChoice(choice.kind, moved_to, choice.server))
        except HubDeskError as exc:
            self._show_choice_problem(str(exc))
            return False
        return True

    def _save_password(self, choice: DatabaseChoice) -> None:
        from hubdesk.keychain import delete_password, keychain_available, set_password

        if not keychain_available():
            return  # the keychain note said so: asked for at start instead
        assert choice.server is not None
        set_password(choice.server.key, self.server_form.password.text())
        old = self.stored.server if self.stored else None
        if old is not None and old.key != choice.server.key:
            with suppress(NoKeychainError):  # a server no longer used keeps no password
                delete_password(old.key)

    def _show_choice_problem(self, text: str) -> None:
        self.choice_status.setText(text)
        self.choice_status.show()

    # --- Test connection -----------------------------------------------------------------
    def test_connection(self) -> None:
        problems = self.server_form.problems()
        if problems:
            self._show_test(" ".join(problems))
            self.tested.emit()
            return
        server, typed = self.server_form.server(), self.server_form.password.text()
        self._testing = True
        self.test_progress.show()
        self._update_enabled()
        self._show_test(self.tr("Connecting to %1…").replace("%1", server.key))

        def work(_report, _cancelled) -> ServerProbe | ServerConnectionError:
            from hubdesk.core.server_probe import probe_server

            password = typed or _saved_password(server.key)
            try:
                return probe_server(server.url(password).render_as_string(
                    hide_password=False))
            except ServerConnectionError as exc:
                return exc  # a value: its password_refused flag says what to suggest

        self.jobs.start("test connection", work, self._tested, self._test_failed)

    def _tested(self, outcome: ServerProbe | ServerConnectionError) -> None:
        if isinstance(outcome, ServerConnectionError):
            text = self.tr("Could not connect: %1").replace("%1", str(outcome))
            if outcome.password_refused:
                text += "\n" + self.tr("Check the user name and the password.")
            self._test_done(text)
            return
        version = outcome.version
        if outcome.schema == "ready":
            text = self.tr("Connected: PostgreSQL %1, %2 contacts")
        elif outcome.schema == "older":
            text = self.tr("Connected: PostgreSQL %1, %2 contacts. HubDesk updates this "
                           "database's tables to its own version when it opens it.")
        elif outcome.schema == "empty":
            text = self.tr("Connected: PostgreSQL %1. This database has no HubDesk tables "
                           "yet; HubDesk creates them when it first opens it.")
        elif outcome.schema == "newer":
            text = self.tr("Connected: PostgreSQL %1, but a newer HubDesk set up this "
                           "database; update HubDesk to use it.")
        else:
            text = self.tr("Connected: PostgreSQL %1, but this database holds other tables "
                           "and is not a HubDesk database; choose an empty one or one "
                           "HubDesk set up.")
        self._test_done(text.replace("%1", version)
                        .replace("%2", f"{outcome.contacts or 0:,}"))

    def _test_failed(self, message: str) -> None:
        self._test_done(self.tr("Could not connect: %1").replace("%1", message))

    def _test_done(self, text: str) -> None:
        self._testing = False
        self.test_progress.hide()
        self._update_enabled()
        self._show_test(text)
        self.tested.emit()

    def _show_test(self, text: str) -> None:
        self.test_status.setText(text)
        self.test_status.show()

    # --- Copy my contacts to the team server ---------------------------------------------
    def copy_to_server(self) -> None:
        problems = self.server_form.problems()
        if problems:
            self._show(self.tr("Fill in the team server above first. %1")
                       .replace("%1", " ".join(problems)))
            self.server_radio.setChecked(True)
            return
        server, typed = self.server_form.server(), self.server_form.password.text()
        target_url = server.url().render_as_string(hide_password=False)
        if config.same_database(self.db.url, target_url):
            self._show(self.tr("That team server database is the one in use."))
            return
        self._copy_cancel.clear()
        self._copying = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_copy_button.setEnabled(True)
        self.cancel_copy_button.show()
        self._update_enabled()
        self._show(self.tr("Connecting to %1…").replace("%1", server.key))
        self.busyChanged.emit(True)
        source, cancel = self.db, self._copy_cancel

        def work(report, _cancelled) -> CopyResult | None:
            from hubdesk.core.db import open_database
            from hubdesk.core.transfer import copy_database as copy_all

            password = typed or _saved_password(server.key)
            # Creates HubDesk's tables in an empty database; the copy itself fills them in
            # one transaction, so a failure leaves the server's database empty.
            target = open_database(server.url(password).render_as_string(hide_password=False))
            try:
                return copy_all(source, target, report, cancel.is_set)
            except CopyCancelled:
                return None
            finally:
                target.dispose()

        self.jobs.start("copy to team server", work, self._copied_to_server,
                        self._copy_failed, self._copy_progress)

    def cancel_copy(self) -> None:
        self._copy_cancel.set()
        self.cancel_copy_button.setEnabled(False)
        self._show(self.tr("Cancelling…"))

    def _copy_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._show(self.tr("Copying… %1 of %2 rows").replace("%1", f"{done:,}")
                   .replace("%2", f"{total:,}"))

    def _copied_to_server(self, result: CopyResult | None) -> None:
        if result is None:
            self._copy_done(self.tr("Copy cancelled; nothing was copied to the team server."))
            return
        tables = sum(1 for n in result.counts.values() if n)
        self._copy_done(
            self.tr("Copied and checked: %1 contacts (%2 rows in %3 tables) to %4; every "
                    "table's row count matches. Press OK to work on the team server from "
                    "the next start.")
            .replace("%1", f"{result.contacts:,}").replace("%2", f"{result.rows:,}")
            .replace("%3", str(tables)).replace("%4", self.server_form.server().key))
        self.server_radio.setChecked(True)

    def _copy_failed(self, message: str) -> None:
        self._copy_done(self.tr("Nothing was copied: %1").replace("%1", message))

    def _copy_done(self, text: str) -> None:
        self._copying = False
        self.progress.hide()
        self.cancel_copy_button.hide()
        self._update_enabled()
        self._show(text)
        self.busyChanged.emit(False)
        self.copyEnded.emit()

    # --- Move database… ------------------------------------------------------------------
    def choose_destination(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Move database to"), str(Path(folder) / "contacts.db"),
            self.tr("SQLite database (*.db)"),
            # The copy refuses an existing file itself, with a message that says so.
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.move_to(Path(path))

    def move_to(self, dest: Path) -> None:
        if self.db.path is not None and dest.absolute() == self.db.path.absolute():
            self._show(self.tr("The database is already there."))
            return
        self._moving = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update_enabled()
        self._show(self.tr("Copying and checking the database…"))
        self.busyChanged.emit(True)
        db = self.db
        self.jobs.start("move database", lambda _report, _cancelled: copy_database(db, dest),
                        self._moved, self._move_failed)

    def _moved(self, copied: CopiedDatabase) -> None:
        try:
            stored = load_choice()
            save_choice(stored.with_moved_to(str(copied.path)))
        except DatabaseChoiceError as exc:
            self._move_failed(str(exc))
            return
        self.stored = stored.with_moved_to(str(copied.path))
        self.copied = copied
        self._moving = False
        self.progress.hide()
        self._update_enabled()
        self.location.setText(str(copied.path))
        self._show(self.tr("Copied and checked: %1 contacts in %2. Close HubDesk and start "
                           "it again to work in the new location; the old file stays in %3 "
                           "until you delete it.")
                   .replace("%1", f"{copied.contacts:,}").replace("%2", str(copied.path))
                   .replace("%3", str(self.db.path)))
        self.busyChanged.emit(False)
        self.moved.emit(copied)

    def _move_failed(self, message: str) -> None:
        self._moving = False
        self.progress.hide()
        self._update_enabled()
        self._show(self.tr("The database was not moved: %1").replace("%1", message))
        self.busyChanged.emit(False)

    def _show(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

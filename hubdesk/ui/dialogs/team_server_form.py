"""The team server's connection fields: host, port, database, user, password, TLS mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from hubdesk.db_choice import DEFAULT_PORT, ServerSettings


class TeamServerForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = self._line(self.tr("Server"), self.tr("e.g. db.example.com"), 253)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Port"))
        self.port.valueChanged.connect(lambda _v: self.changed.emit())
        self.database = self._line(self.tr("Database name"), self.tr("e.g. hubdesk"), 63)
        self.user = self._line(self.tr("User name"), "", 63)
        self.password = self._line(self.tr("Password"), "", 1024)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        self.tls.setAccessibleName(self.tr("TLS encryption"))
        for mode, text in (
                ("disable", self.tr("Off (disable)")),
                ("prefer", self.tr("When the server offers it (prefer)")),
                ("require", self.tr("Always (require)")),
                ("verify-full", self.tr("Always, and check the server's certificate "
                                        "(verify-full)"))):
            self.tls.addItem(text, mode)
        self.tls.setCurrentIndex(self.tls.findData("prefer"))
        self.tls.currentIndexChanged.connect(lambda _i: self.changed.emit())
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("TLS:"), self.tls)

    def _line(self, name: str, placeholder: str, length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(length)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        return edit

    def set_server(self, server: ServerSettings | None) -> None:
        if server is None:
            return
        self.host.setText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user)
        self.tls.setCurrentIndex(max(0, self.tls.findData(server.sslmode)))

    def server(self) -> ServerSettings:
        return ServerSettings(host=self.host.text().strip(), port=self.port.value(),
                              database=self.database.text().strip(),
                              user=self.user.text().strip(), sslmode=self.tls.currentData())

    def problems(self) -> list[str]:
        """What must be fixed before the server can be used, one sentence each."""
        server, found = self.server(), []
        if not server.host:
            found.append(self.tr("Enter the server's name or address."))
        elif "host" in server.problems():
            found.append(self.tr("“%1” is not a server name or address.")
                         .replace("%1", server.host))
        if not server.database:
            found.append(self.tr("Enter the name of the database on the server."))
        if not server.user:
            found.append(self.tr("Enter the user name to log in with."))
        return found

    def first_problem_field(self) -> QWidget | None:
        server = self.server()
        bad = server.problems()
        for key, widget in (("host", self.host), ("database", self.database),
                            ("user", self.user)):
            if key in bad:
                return widget
        return None

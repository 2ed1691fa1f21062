"""Which database HubDesk opens by itself — this computer's file (where it was moved to, if
it was) or the team's PostgreSQL server — kept in a small JSON file that the app and the
command line both read, so `hubdesk stats` opens what the window opens.

The server's password is never in this file: it lives in the system keychain
(hubdesk.keychain), or libpq's PGPASSWORD / ~/.pgpass supply it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_path
from sqlalchemy.engine import URL

from hubdesk.core.errors import HubDeskError

CONFIG_ENV = "HUBDESK_CONFIG_DIR"  # tests and portable installs point it elsewhere
CHOICE_FILE = "database.json"
SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_PORT = 5432
Kind = Literal["local", "server"]


class DatabaseChoiceError(HubDeskError):
    """The stored choice cannot be read or written; the message names the file."""


@dataclass(frozen=True)
class ServerSettings:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"

    @property
    def key(self) -> str:
        """What the keychain files the password under: one entry per login and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def problems(self) -> dict[str, str]:
        """Field → what is wrong with it (empty when the settings can be used)."""
        found: dict[str, str] = {}
        if not self.host:
            found["host"] = "the server's name or address is missing"
        elif any(c.isspace() or c in "/@?#" for c in self.host):
            found["host"] = f"'{self.host}' is not a server name or address"
        if not 1 <= self.port <= 65535:
            found["port"] = f"{self.port} is not a port number (1–65535)"
        if not self.database:
            found["database"] = "the database name is missing"
        if not self.user:
            found["user"] = "the user name is missing"
        if self.sslmode not in SSL_MODES:
            found["sslmode"] = f"'{self.sslmode}' is not one of {', '.join(SSL_MODES)}"
        return found

    def url(self, password: str | None = None) -> URL:
        """The SQLAlchemy URL; it holds `password`, so show it only through
        render_as_string(hide_password=True)."""
        return URL.create(
            "postgresql+psycopg", username=self.user, password=password or None,
            host=self.host, port=self.port, database=self.database,
            query={"sslmode": self.sslmode})

    def as_json(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "database": self.database,
                "user": self.user, "sslmode": self.sslmode}


@dataclass(frozen=True)
class DatabaseChoice:
    kind: Kind = "local"
    moved_to: str = ""  # the file the local database was moved to ("": the default file)
    server: ServerSettings | None = field(default=None)

    def with_moved_to(self, path: str) -> DatabaseChoice:
        return replace(self, moved_to=path)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "moved_to": self.moved_to,
                "server": self.server.as_json() if self.server else None}


def config_dir() -> Path:
    """Not created here: reading a choice nobody made must leave no trace."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override) if override else user_config_path("HubDesk", "HubDesk")


def choice_file() -> Path:
    return config_dir() / CHOICE_FILE


def load_choice(path: Path | None = None) -> DatabaseChoice:
    """The stored choice; "local, not moved" when none was ever stored."""
    path = path or choice_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DatabaseChoice()
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, str(getattr(exc, "strerror", None) or exc)) from exc
    try:
        return _parse(json.loads(raw))
    except ValueError as exc:  # json.JSONDecodeError too
        raise _unreadable(path, str(exc)) from exc


def _unreadable(path: Path, reason: str) -> DatabaseChoiceError:
    return DatabaseChoiceError(
        f"{path}: the stored database choice cannot be read ({reason}). Fix the file, or "
        "delete it to go back to the database on this computer.")


def _parse(data: Any) -> DatabaseChoice:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    kind = data.get("kind", "local")
    if kind not in ("local", "server"):
        raise ValueError(f"kind must be \"local\" or \"server\", not {kind!r}")
    moved_to = data.get("moved_to") or ""
    if not isinstance(moved_to, str):
        raise ValueError("moved_to must be a path")
    server = _parse_server(data["server"]) if data.get("server") else None
    if kind == "server" and server is None:
        raise ValueError("kind is \"server\" but no server is given")
    return DatabaseChoice(kind=kind, moved_to=moved_to, server=server)


def _parse_server(data: Any) -> ServerSettings:
    if not isinstance(data, dict):
        raise ValueError("server must be a JSON object")
    texts = {}
    for key in ("host", "database", "user", "sslmode"):
        value = data.get(key, "prefer" if key == "sslmode" else "")
        if not isinstance(value, str):
            raise ValueError(f"server {key} must be text")
        texts[key] = value.strip()
    port = data.get("port", DEFAULT_PORT)
    if isinstance(port, bool) or not isinstance(port, int):
        raise ValueError("server port must be a whole number")
    server = ServerSettings(port=port, **texts)
    problems = server.problems()
    if problems:
        raise ValueError("server " + "; ".join(f"{k}: {v}" for k, v in problems.items()))
    return server


def save_choice(choice: DatabaseChoice, path: Path | None = None) -> Path:
    """Written whole or not at all: a crash mid-write must not leave a choice that cannot be
    read (which would stop both the app and the command line)."""
    path = path or choice_file()
    if choice.kind == "server" and choice.server is None:
        raise DatabaseChoiceError("A team server choice needs the server's settings")
    text = json.dumps(choice.as_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".database-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DatabaseChoiceError(
            f"{path}: the database choice cannot be saved ({exc.strerror or exc})") from exc
    return path

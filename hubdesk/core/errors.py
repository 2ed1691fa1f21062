"""Typed errors: the GUI shows them in place, the CLI prints them and exits 2."""

from __future__ import annotations


class HubDeskError(Exception):
    """Something the user can act on; the message is shown as is."""


class ValidationError(HubDeskError):
    """One or more fields are invalid; nothing was written."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))


class NotFoundError(HubDeskError):
    pass


class DatabaseError(HubDeskError):
    """The database cannot be opened or used (newer schema, unreadable file, …)."""


class NewerSchemaError(DatabaseError):
    pass

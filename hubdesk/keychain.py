"""The team server's password in the system keychain (Windows Credential Manager, macOS
Keychain, the Secret Service on Linux) through `keyring` — never in a file of ours.

Headless Linux often has no keychain at all; that is a normal case with its own error,
NoKeychainError, whose message says what works instead.
"""

from __future__ import annotations

from hubdesk.core.errors import HubDeskError

SERVICE = "HubDesk"
NO_KEYCHAIN_HELP = (
    "the password is not saved; HubDesk asks for it when it starts, or the PGPASSWORD "
    "variable or a ~/.pgpass file can supply it")


class NoKeychainError(HubDeskError):
    """No usable system keychain here; nothing was stored or read."""


def _backend():
    # Imported when needed: keyring looks for its backends on import, which takes a while.
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise NoKeychainError(f"This computer has no system keychain, so {NO_KEYCHAIN_HELP}.")
    return backend


def _failed(action: str, exc: Exception) -> NoKeychainError:
    # A locked or broken keychain (D-Bus gone, the user refused to unlock) is, for the
    # user, the same as none: it says why, and the fallbacks are the same.
    return NoKeychainError(f"The system keychain could not {action} the password ({exc}); "
                           f"{NO_KEYCHAIN_HELP}.")


def keychain_available() -> bool:
    try:
        _backend()
    except NoKeychainError:
        return False
    return True


def get_password(key: str) -> str | None:
    """The saved password (None: none saved). Raises NoKeychainError."""
    from keyring.errors import KeyringError

    backend = _backend()
    try:
        return backend.get_password(SERVICE, key)
    except (KeyringError, OSError) as exc:
        raise _failed("read", exc) from exc


def set_password(key: str, password: str) -> None:
    """Raises NoKeychainError (and then nothing was stored anywhere)."""
    from keyring.errors import KeyringError

    backend = _backend()
    try:
        backend.set_password(SERVICE, key, password)
    except (KeyringError, OSError) as exc:
        raise _failed("save", exc) from exc


def delete_password(key: str) -> None:
    """Forget the saved password; none saved is not an error."""
    from keyring.errors import KeyringError, PasswordDeleteError

    backend = _backend()
    try:
        backend.delete_password(SERVICE, key)
    except PasswordDeleteError:
        return
    except (KeyringError, OSError) as exc:
        raise _failed("delete", exc) from exc

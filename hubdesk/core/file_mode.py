"""Database files readable by their owner only: contacts are personal data, and a file left
readable by everyone (umask 022) is open to any other account on the machine.

SQLite gives its -wal, -shm and -journal files the permissions of the database file, so a
database file created private keeps its companions private too.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE = 0o600
COMPANIONS = ("", "-wal", "-shm", "-journal")


def create_private(path: Path | str) -> None:
    """Create an empty file with owner-only permissions, before SQLite first opens it
    (it then writes its header into this file, keeping the mode). Does nothing if it exists."""
    if os.name != "posix":
        return  # Windows: files in the user's profile are private through its ACL
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))


def make_private(path: Path | str) -> None:
    """Owner-only permissions for the database file and the companions SQLite keeps beside
    it. Only narrows: never makes a file more accessible than it was."""
    if os.name != "posix":
        return
    for suffix in COMPANIONS:
        name = Path(f"{path}{suffix}")
        try:
            mode = stat.S_IMODE(name.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & ~PRIVATE:
            os.chmod(name, mode & PRIVATE)


def is_private(path: Path | str) -> bool:
    return os.name != "posix" or not stat.S_IMODE(Path(path).stat().st_mode) & ~PRIVATE

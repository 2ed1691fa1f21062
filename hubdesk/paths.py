"""Find files that ship with HubDesk the same way from a checkout, a wheel and a frozen app."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def _frozen_root() -> Path | None:
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def resources_dir() -> Path:
    frozen = _frozen_root()
    if frozen is not None:
        return frozen / "hubdesk" / "resources"
    return Path(str(resources.files("hubdesk.resources")))


def migrations_dir() -> Path:
    frozen = _frozen_root()
    if frozen is not None:
        return frozen / "hubdesk" / "core" / "migrations"
    return Path(__file__).resolve().parent / "core" / "migrations"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

"""The duplicate scan's progress report and cancel check."""

from __future__ import annotations

from collections.abc import Callable

from hubdesk.core.errors import HubDeskError

Progress = Callable[[int, int], None]


class ScanCancelled(HubDeskError):
    """The user stopped the duplicate scan; nothing was changed."""


class _Cancel:
    def __init__(self, cancelled: Callable[[], bool] | None):
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ScanCancelled("Duplicate scan cancelled")

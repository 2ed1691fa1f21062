"""Pick an IANA time zone by typing any part of it; each shows its current UTC offset."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtWidgets import QWidget

from hubdesk.ui.dialogs.searchable_combo import SearchableCombo

_SHOWN_OFFSET = re.compile(r"\s*\(UTC[+-]\d\d:\d\d\)$")


def utc_offset(name: str, when: datetime) -> str:
    offset = when.astimezone(ZoneInfo(name)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@lru_cache(maxsize=2)
def _zones(hour: str) -> tuple[tuple[str, str], ...]:
    # Offsets change with daylight saving time, so the list is remade each hour (the key).
    now = datetime.now(UTC)
    # Region/City names; the bare aliases (Japan, EST, Factory…) only clutter the list.
    names = sorted(n for n in available_timezones() if "/" in n or n == "UTC")
    return tuple((n, f"{n} ({utc_offset(n, now)})") for n in names)


def timezone_items() -> tuple[tuple[str, str], ...]:
    return _zones(datetime.now(UTC).strftime("%Y%m%d%H"))


class TimezoneCombo(SearchableCombo):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(list(timezone_items()), parent)
        self.lineEdit().setPlaceholderText(self.tr("None — type a city, e.g. Tokyo"))

    def unmatched_value(self, text: str) -> str:
        # "Asia/Tokyo (UTC+09:00)" typed or pasted in full still means Asia/Tokyo.
        return _SHOWN_OFFSET.sub("", text)

"""How the profile shows times: stored naive UTC, shown in the user's local time (and, for a
contact's time zone, in theirs)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hubdesk.ui.widgets.format import relative_time


def parse_utc(iso: str | None) -> datetime | None:
    """A stored timestamp (naive UTC, ISO text) as a naive UTC datetime."""
    if not iso:
        return None
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def local_text(iso: str | None) -> str:
    """'2024-03-05 14:22' in this computer's time zone."""
    value = parse_utc(iso)
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def when_text(iso: str | None) -> str:
    """'3 days ago' for recent times, the date for older ones."""
    return relative_time(parse_utc(iso))


WEEKDAYS = (QT_TRANSLATE_NOOP("times", "Mon"), QT_TRANSLATE_NOOP("times", "Tue"),
            QT_TRANSLATE_NOOP("times", "Wed"), QT_TRANSLATE_NOOP("times", "Thu"),
            QT_TRANSLATE_NOOP("times", "Fri"), QT_TRANSLATE_NOOP("times", "Sat"),
            QT_TRANSLATE_NOOP("times", "Sun"))


def time_in_zone(zone: str | None, now: datetime | None = None) -> str:
    """The current time where the contact is, e.g. '14:32 (UTC+09:00)'; '' if unknown."""
    if not zone:
        return ""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    moment = (now or datetime.now(UTC)).astimezone(tz)
    offset = moment.strftime("%z")  # +0900
    # The weekday in the UI's language (strftime's %a is always English here).
    day = QCoreApplication.translate("times", WEEKDAYS[moment.weekday()])
    return f"{moment:%H:%M} ({day}, UTC{offset[:3]}:{offset[3:]})"

"""When a message was sent, as the thread shows it: in the user's own time, and beside it the
contact's time when their clock reads differently (what time it was for them matters when
replying across time zones)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hubdesk.ui.profile.times import parse_utc

# lupdate reads the context from each call, so it is written out there.
translate = QCoreApplication.translate


def zone_of(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # a zone this computer does not know: only the user's time is shown


def _day(moment: datetime, this_year: int) -> str:
    date = QDate(moment.year, moment.month, moment.day)
    # The month's name from the user's locale; the year only when it is not this one. The
    # patterns are translated: Japanese writes the day as 3月1日.
    #: A QLocale date pattern: MMM the month's short name, d the day, yyyy the year.
    fmt = (translate("message_times", "MMM d") if moment.year == this_year
           #: A QLocale date pattern: MMM the month's short name, d the day, yyyy the year.
           else translate("message_times", "MMM d, yyyy"))
    return QLocale().toString(date, fmt)


def message_times(iso: str | None, contact_zone: str | None = None,
                  now: datetime | None = None) -> tuple[str, str]:
    """('Mar 1, 09:00', 'their time 01:00 (Europe/London)'); the second is '' when the
    contact's clock reads the same or their zone is unknown. Stored times are naive UTC;
    the user's zone is this computer's."""
    utc = parse_utc(iso)
    if utc is None:
        return "", ""
    moment = utc.replace(tzinfo=UTC)
    mine = moment.astimezone()  # the computer's zone, with its DST rule for that day
    this_year = (now or datetime.now(UTC)).astimezone().year
    text = f"{_day(mine, this_year)}, {mine:%H:%M}"
    zone = zone_of(contact_zone)
    if zone is None:
        return text, ""
    theirs = moment.astimezone(zone)
    if theirs.utcoffset() == mine.utcoffset():
        return text, ""  # same clock: saying it twice would only add noise
    their_time = f"{theirs:%H:%M}"
    if theirs.date() != mine.date():
        their_time = f"{_day(theirs, this_year)}, {their_time}"
    return text, (translate("message_times", "their time %1 (%2)")
                  .replace("%2", str(contact_zone)).replace("%1", their_time))


def message_time_text(iso: str | None, contact_zone: str | None = None,
                      now: datetime | None = None) -> str:
    """'Mar 1, 09:00', or 'Mar 1, 09:00 · their time 01:00 (Europe/London)'."""
    return " · ".join(part for part in message_times(iso, contact_zone, now) if part)


def duration_text(minutes: int | None) -> str:
    """'15 min', '1 h 30 min'."""
    if minutes is None:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return translate("message_times", "%n min").replace("%n", str(rest))
    if not rest:
        return translate("message_times", "%n h").replace("%n", str(hours))
    return translate("message_times", "%1 h %2 min").replace("%1", str(hours)).replace(
        "%2", str(rest))

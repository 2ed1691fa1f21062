"""How values read in the list: short, human, and never rich text."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# lupdate reads the context from each call, so it is written out there.
translate = QCoreApplication.translate


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """'3 days ago' for recent times, the date for older ones. `when` is naive UTC."""
    if when is None:
        return ""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    seconds = (now - when).total_seconds()
    if seconds < 0:
        return when.strftime("%Y-%m-%d")
    if seconds < 60:
        return translate("format", "just now")
    if seconds < 3600:
        return translate("format", "%n min ago").replace("%n", str(int(seconds // 60)))
    if seconds < 86400:
        return translate("format", "%n h ago").replace("%n", str(int(seconds // 3600)))
    days = int(seconds // 86400)
    if days == 1:
        return translate("format", "yesterday")
    if days < 30:
        return translate("format", "%n days ago").replace("%n", str(days))
    return when.strftime("%Y-%m-%d")


def plain_tooltip(text: str) -> str:
    """Qt guesses whether a tooltip is rich text; escaping makes untrusted text show literally."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


SUBSCRIPTION_LABELS = {
    "subscribed": QT_TRANSLATE_NOOP("format", "Subscribed"),
    "unsubscribed": QT_TRANSLATE_NOOP("format", "Unsubscribed"),
    "unknown": "—",
}


def subscription_label(status: str) -> str:
    """How a subscription status reads in the list and the profile."""
    return translate("format", SUBSCRIPTION_LABELS.get(status, status))

"""What conversation channels and statuses are called on screen (the core stores keys)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hubdesk.core.models import CHANNELS, CONVERSATION_STATUSES

_CONTEXT = "channels"
# QT_TRANSLATE_NOOP marks the names for the translators; translate() picks them at use.
CHANNEL_NAMES = {
    "email": QT_TRANSLATE_NOOP("channels", "Email"),
    "sms": QT_TRANSLATE_NOOP("channels", "SMS"),
    "whatsapp": QT_TRANSLATE_NOOP("channels", "WhatsApp"),
    "phone": QT_TRANSLATE_NOOP("channels", "Phone call"),
    "meeting": QT_TRANSLATE_NOOP("channels", "Meeting"),
    "other": QT_TRANSLATE_NOOP("channels", "Other"),
}
STATUS_NAMES = {
    "open": QT_TRANSLATE_NOOP("channels", "Open"),
    "pending": QT_TRANSLATE_NOOP("channels", "Pending"),
    "resolved": QT_TRANSLATE_NOOP("channels", "Resolved"),
}
assert set(CHANNEL_NAMES) == set(CHANNELS) and set(STATUS_NAMES) == set(CONVERSATION_STATUSES)


def channel_name(channel: str) -> str:
    return QCoreApplication.translate(_CONTEXT, CHANNEL_NAMES.get(channel, channel))


def status_name(status: str) -> str:
    return QCoreApplication.translate(_CONTEXT, STATUS_NAMES.get(status, status))

"""Handing a message to the user's own mail app: a `mailto:` link with the subject and body,
which the system opens in whatever mail client is set up."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

REPLY_PREFIX = "Re: "


def _encoded(text: str) -> str:
    # Everything but unreserved characters percent-encoded as UTF-8: '&', '=', '#' and '+'
    # in the text cannot end a field early or turn into a space in some mail clients.
    return bytes(QUrl.toPercentEncoding(text)).decode("ascii")


def mailto_url(address: str, subject: str, body: str) -> QUrl:
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(address.strip())  # decoded mode: Qt escapes what an address may not carry
    # RFC 6068: line breaks in a mailto body are CRLF.
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    url.setQuery(f"subject={_encoded(subject)}&body={_encoded(body)}",
                 QUrl.ParsingMode.StrictMode)
    return url


def reply_subject(subject: str) -> str:
    """'Re: Pricing' for a reply to 'Pricing', not 'Re: Re: Pricing'."""
    subject = subject.strip()
    if subject.lower().startswith("re:"):
        return subject
    return REPLY_PREFIX + subject if subject else ""


def open_in_mail_app(address: str, subject: str, body: str) -> bool:
    """False when no mail app could be started (nothing was handed over)."""
    # Looked up at call time, so tests can intercept QDesktopServices.openUrl.
    return QDesktopServices.openUrl(mailto_url(address, subject, body))

"""Message bodies with clickable links, and nothing else interpreted.

The body comes from a customer, a file or a mail import: Qt must never read it as rich text.
So the HTML is built here from escaped pieces; only web and mail addresses found by a strict
pattern become <a href>, and a link opens only if it is http, https or mailto."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from hubdesk.ui.profile.attribute_values import safe_url

# ASCII only after the scheme, so a URL followed by Japanese text without a space
# ("詳細はhttps://example.com/aをご覧ください") stops where the URL does. The look-behind
# (not \b) lets a URL follow Japanese text directly.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]"
URL_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9\-.]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#]"
    + _URL_CHARS + r"*)?"
    r"|mailto:[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-.]+\.[A-Za-z]{2,}(?:\?" + _URL_CHARS + r"*)?"
    r")",
    re.IGNORECASE,
)
LONG_LINK = 60  # longer links show shortened (the whole link is in the tooltip and the href)
# A sentence's punctuation after a link is not part of it ("see https://x.org/a.").
_TRAILING = ".,;:!?"


def _trim(url: str) -> str:
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def find_links(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link in the text, in order."""
    spans = []
    for match in URL_PATTERN.finditer(text):
        url = _trim(match.group())
        if safe_url(url) is not None:
            spans.append((match.start(), match.start() + len(url)))
    return spans


def linked_html(text: str) -> str | None:
    """The text as HTML with its links as <a href>, every piece escaped; None when there is
    no link (then the caller shows the text as plain text)."""
    spans = find_links(text)
    if not spans:
        return None
    parts, pos = [], 0
    for start, end in spans:
        parts.append(html.escape(text[pos:start]))
        url = text[start:end]
        shown = url if len(url) <= LONG_LINK else f"{url[:40]}…{url[-16:]}"
        # Shortened because an unbreakable run of characters would widen the bubble past
        # the panel; the href keeps the whole link.
        parts.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(shown)}</a>')
        pos = end
    parts.append(html.escape(text[pos:]))
    # pre-wrap keeps the body's line breaks and runs of spaces as the sender wrote them.
    return f'<div style="white-space: pre-wrap;">{"".join(parts)}</div>'


def open_message_link(link: str) -> bool:
    """Open a link clicked in a message; anything but http, https and mailto is refused."""
    url = safe_url(link)
    if url is None:
        return False
    return QDesktopServices.openUrl(QUrl(url))

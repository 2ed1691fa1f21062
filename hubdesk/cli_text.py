"""Text layout for the terminal, shared by the commands that print tables."""

from __future__ import annotations

import unicodedata


def pad(text: str, width: int) -> str:
    """Left-align in a terminal, where East Asian characters take two columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)

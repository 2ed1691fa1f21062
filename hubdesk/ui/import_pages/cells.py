"""How untrusted cell text is shown in a table cell: one line, plain, bounded.

File text never goes into a tooltip: Qt renders a tooltip that looks like HTML as HTML.
"""

from __future__ import annotations

MAX_CELL = 200  # a 10 KB note is kept whole on import; a table cell shows its start


def one_line(text: str) -> str:
    """A cell's text on one line (a quoted newline becomes ⏎), cut to MAX_CELL characters."""
    if "\n" in text or "\r" in text:
        text = " ⏎ ".join(part.strip() for part in text.splitlines())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

"""What every expanded conversation needs from the tab that holds it: the store to write
through, the contact it belongs to, and what the user had on screen before a refresh.

The tab is rebuilt whenever the contact changes (a reply, a status change, an edit elsewhere),
so drafts and how far back a thread was opened live here, not in the widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from hubdesk.ui.store import ContactStore


@dataclass
class ThreadContext:
    store: ContactStore
    contact_id: int
    contact_name: str = ""
    email: str = ""  # the contact's primary address: where "Send with mail app" writes to
    timezone: str | None = None
    drafts: dict[int, str] = field(default_factory=dict)  # conversation id → unsent reply
    shown: dict[int, int] = field(default_factory=dict)  # conversation id → messages shown
    focus_reply: int | None = None  # the reply box that had the focus before a rebuild

    def update(self, contact: dict) -> None:
        self.contact_name = contact.get("name") or contact.get("email") or ""
        self.email = (contact.get("email") or "").strip()
        self.timezone = contact.get("timezone") or None

"""What every Health fix shares: its kind, the changes its preview lists, how the preview
names contacts, and the cancel check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy.orm import Session

from hubdesk.core.bulk import BulkCancelled
from hubdesk.core.contacts import first_last_names
from hubdesk.core.models import Contact
from hubdesk.core.normalize import display_name

PHONES, EMAILS, TIMEZONES = "phones", "emails", "timezones"
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class FieldChange(NamedTuple):
    contact_id: int
    field: str  # "phone", "email", "timezone", or "extra_phone:ROW" / "extra_email:ROW"
    before: str
    after: str


@dataclass
class FixPreview:
    fix: str
    changes: list[FieldChange]  # every change, by contact id
    skipped: dict[str, int] = field(default_factory=dict)  # why a value stays → how many

    @property
    def contacts(self) -> int:
        return len({c.contact_id for c in self.changes})


def _live():
    return Contact.deleted_at.is_(None)


def _checked(done: int, total: int, progress: Progress | None, cancelled: Cancelled | None
             ) -> None:
    if cancelled and cancelled():
        raise BulkCancelled("cancelled: nothing was changed")
    if progress:
        progress(done, total)


def contact_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """How the preview names contacts: their name, else #id."""
    names = first_last_names(session, list(dict.fromkeys(ids)))
    return {cid: display_name(*names.get(cid, ("", ""))) or f"#{cid}" for cid in ids}

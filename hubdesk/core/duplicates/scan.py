"""The whole-database duplicate scan (Tools → Find duplicates, `hubdesk duplicates`)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.core.duplicates.cancel import Progress, _Cancel
from hubdesk.core.duplicates.candidates import _exact_keys, _hash_pass
from hubdesk.core.duplicates.grouping import DuplicateGroup, _Groups, _similar_names
from hubdesk.core.duplicates.keys import _names
from hubdesk.core.models import Contact, NotDuplicate


def _not_duplicate_pairs(session: Session) -> set[tuple[int, int]]:
    return {(low, high) for low, high in session.execute(
        select(NotDuplicate.low_id, NotDuplicate.high_id))}


def _live_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Contact).where(
        Contact.deleted_at.is_(None))) or 0)


def find_duplicates(session: Session, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[DuplicateGroup]:
    """Groups of likely duplicates among live contacts, most confident (then biggest) first.

    `progress(done, total)` counts contacts scanned and reaches total at the end;
    `cancelled()` is asked between batches and raises ScanCancelled when true."""
    cancel = _Cancel(cancelled)
    total = _live_count(session)
    if progress:
        progress(0, total)
    if total < 2:
        if progress:
            progress(total, total)
        return []
    try:
        found = _hash_pass(session, total, progress, cancel)
        exact = _exact_keys(session, found, total, progress, cancel)
    finally:
        _names.cache_clear()  # tens of MB of names: not kept in the app between scans
    groups = _Groups(_not_duplicate_pairs(session))
    for key, holders in exact.buckets.items():
        groups.link_holders(holders, key)
    cancel.check()
    _similar_names(groups, exact.blocks, cancel)
    result = groups.groups()
    if progress:
        progress(total, total)
    return result

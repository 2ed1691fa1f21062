"""Changes to many contacts at once — add or remove labels, set a custom attribute, set the
subscription status — each returning exactly what it changed, so one undo step can put every
contact back as it was (and redo can do it again).

Each runs in the caller's transaction, in chunks of ids (a select-all is a million ids), and
polls `cancelled` between chunks: a cancel raises BulkCancelled and the caller's rollback
leaves nothing half-done.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.batches import chunks
from hubdesk.core.clock import utcnow
from hubdesk.core.db import sync_id_sequences
from hubdesk.core.errors import HubDeskError, ValidationError
from hubdesk.core.labels import ensure_label, label_key
from hubdesk.core.models import SUBSCRIPTION_STATUSES, AttributeValue, Contact, ContactLabel, Label

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BulkCancelled(HubDeskError):
    pass


@dataclass
class LabelChange:
    """(contact, label) pairs added or removed, and labels the change created."""

    added: bool
    pairs: list[tuple[int, int]] = field(default_factory=list)
    created_labels: list[tuple[int, str, str]] = field(default_factory=list)  # id, name, colour

    @property
    def contacts(self) -> int:
        return len({c for c, _ in self.pairs})


@dataclass
class ValueChange:
    """Earlier values of the contacts a change touched: attribute columns by contact, or
    the subscription status by contact."""

    kind: str  # "attribute" | "subscription"
    target: int | str  # attribute definition id, or the status set
    new: dict[str, Any] = field(default_factory=dict)
    before: dict[int, Any] = field(default_factory=dict)  # contact → old value (None: unset)

    @property
    def contacts(self) -> int:
        return len(self.before)


def _step(ids: Sequence[int], progress: Progress | None, cancelled: Cancelled | None):
    total, done = len(ids), 0
    for batch in chunks(ids):
        if cancelled and cancelled():
            raise BulkCancelled("cancelled: nothing was changed")
        yield batch
        done += len(batch)
        if progress:
            progress(done, total)


def _live_ids(session: Session, batch: list[int]) -> list[int]:
    return list(session.scalars(select(Contact.id).where(
        Contact.id.in_(batch), Contact.deleted_at.is_(None))))


def _touch(session: Session, batch: list[int]) -> None:
    """A contact changed by a bulk action is newer: an editor open on it must notice."""
    session.execute(update(Contact).where(Contact.id.in_(batch)).values(
        updated_at=utcnow(), version=Contact.version + 1)
        .execution_options(synchronize_session=False))


# --- Trash ------------------------------------------------------------------------------------
def trash(session: Session, ids: Sequence[int], *, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> array:
    """Move the live ones to Trash; returns their ids (what undo restores)."""
    moved = array("q")
    now = utcnow()
    for batch in _step(ids, progress, cancelled):
        live = _live_ids(session, batch)
        if live:
            session.execute(update(Contact).where(Contact.id.in_(live)).values(deleted_at=now)
                            .execution_options(synchronize_session=False))
            moved.extend(live)
    return moved


def restore(session: Session, ids: Sequence[int]) -> None:
    for batch in chunks(ids):
        session.execute(update(Contact).where(Contact.id.in_(batch)).values(deleted_at=None)
                        .execution_options(synchronize_session=False))


def trash_again(session: Session, ids: Sequence[int]) -> None:
    trash(session, ids)


# --- labels ---------------------------------------------------------------------------------
def add_labels(session: Session, ids: Sequence[int], names: Sequence[str], *,
               progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> LabelChange:
    change = LabelChange(added=True)
    known = {lb.name_key: lb.id for lb in session.scalars(select(Label))}
    label_ids = []
    for name in names:
        label = ensure_label(session, name)
        if label_key(name) not in known:
            change.created_labels.append((label.id, label.name, label.color))
            known[label.name_key] = label.id
        label_ids.append(label.id)
    label_ids = list(dict.fromkeys(label_ids))
    for batch in _step(ids, progress, cancelled):
        live = _live_ids(session, batch)
        have = {(c, lb) for c, lb in session.execute(
            select(ContactLabel.contact_id, ContactLabel.label_id).where(
                ContactLabel.contact_id.in_(live), ContactLabel.label_id.in_(label_ids)))}
        new = [(c, lb) for c in live for lb in label_ids if (c, lb) not in have]
        if new:
            session.execute(insert(ContactLabel), [{"contact_id": c, "label_id": lb}
                                                   for c, lb in new])
            _touch(session, sorted({c for c, _ in new}))
        change.pairs += new
    return change


def remove_labels(session: Session, ids: Sequence[int], names: Sequence[str], *,
                  progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> LabelChange:
    change = LabelChange(added=False)
    keys = [label_key(n) for n in names]
    label_ids = list(session.scalars(select(Label.id).where(Label.name_key.in_(keys))))
    if not label_ids:
        return change
    for batch in _step(ids, progress, cancelled):
        live = _live_ids(session, batch)
        have = [(c, lb) for c, lb in session.execute(
            select(ContactLabel.contact_id, ContactLabel.label_id).where(
                ContactLabel.contact_id.in_(live), ContactLabel.label_id.in_(label_ids)))]
        if have:
            session.execute(delete(ContactLabel).where(
                ContactLabel.contact_id.in_(live), ContactLabel.label_id.in_(label_ids)))
            _touch(session, sorted({c for c, _ in have}))
        change.pairs += [(c, lb) for c, lb in have]
    return change


def undo_labels(session: Session, change: LabelChange) -> None:
    """Put back what add_labels / remove_labels did."""
    pairs = change.pairs
    for start in range(0, len(pairs), 2000):
        part = pairs[start:start + 2000]
        if change.added:
            session.execute(delete(ContactLabel).where(
                tuple_(ContactLabel.contact_id, ContactLabel.label_id).in_(part)))
        else:
            session.execute(insert(ContactLabel), [{"contact_id": c, "label_id": lb}
                                                   for c, lb in part])
        _touch(session, sorted({c for c, _ in part}))
    if change.created_labels:
        session.execute(delete(Label).where(
            Label.id.in_([label_id for label_id, _, _ in change.created_labels])))


def redo_labels(session: Session, change: LabelChange) -> None:
    """Do again what undo_labels put back; labels it created come back with their ids."""
    now = utcnow()
    for label_id, name, color in change.created_labels:
        session.add(Label(id=label_id, name=name, name_key=label_key(name), color=color,
                          created_at=now))
    session.flush()
    sync_id_sequences(session, "labels")
    undo_labels(session, LabelChange(not change.added, change.pairs, []))


# --- one value for many -----------------------------------------------------------------------
def set_attribute(session: Session, ids: Sequence[int], key: str, value: Any, *,
                  progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> ValueChange:
    """Set (or, with an empty value, clear) a custom attribute on every contact."""
    info = next((a for a in attrs.list_attributes(session) if a.key == key), None)
    if info is None:
        raise ValidationError({key: "no such attribute (define it first)"})
    clear = value is None or (isinstance(value, str) and not value.strip())
    try:
        cols = {} if clear else attrs.coerce_value(info, value)
    except ValueError as exc:
        raise ValidationError({key: str(exc)}) from None
    change = ValueChange("attribute", info.id, cols)
    for batch in _step(ids, progress, cancelled):
        live = _live_ids(session, batch)
        old = {row.contact_id: _columns(row) for row in session.scalars(
            select(AttributeValue).where(AttributeValue.definition_id == info.id,
                                         AttributeValue.contact_id.in_(live)))}
        for cid in live:
            change.before[cid] = old.get(cid)
        _write_attribute(session, info.id, {cid: (cols or None) for cid in live})
        _touch(session, live)
    return change


def _columns(row: AttributeValue) -> dict[str, Any]:
    return {"value_text": row.value_text, "value_number": row.value_number,
            "value_date": row.value_date, "value_bool": row.value_bool}


def _write_attribute(session: Session, definition_id: int, values: dict[int, Any]) -> None:
    ids = list(values)
    session.execute(delete(AttributeValue).where(
        AttributeValue.definition_id == definition_id, AttributeValue.contact_id.in_(ids)))
    rows = [{"contact_id": cid, "definition_id": definition_id, **cols}
            for cid, cols in values.items() if cols]
    if rows:
        session.execute(insert(AttributeValue), rows)


def set_subscription(session: Session, ids: Sequence[int], status: str, *,
                     progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> ValueChange:
    if status not in SUBSCRIPTION_STATUSES:
        raise ValidationError({"subscription_status":
                               f"must be one of {', '.join(SUBSCRIPTION_STATUSES)}"})
    change = ValueChange("subscription", status, {"subscription_status": status})
    for batch in _step(ids, progress, cancelled):
        rows = session.execute(select(Contact.id, Contact.subscription_status).where(
            Contact.id.in_(batch), Contact.deleted_at.is_(None)))
        for cid, old in rows:
            change.before[cid] = old
        session.execute(update(Contact).where(and_(
            Contact.id.in_(batch), Contact.deleted_at.is_(None))).values(
            subscription_status=status, updated_at=utcnow(), version=Contact.version + 1)
            .execution_options(synchronize_session=False))
    return change


def undo_values(session: Session, change: ValueChange) -> None:
    items = list(change.before.items())
    for start in range(0, len(items), 5000):
        part = dict(items[start:start + 5000])
        if change.kind == "attribute":
            _write_attribute(session, int(change.target), part)
            _touch(session, list(part))
            continue
        by_status: dict[str, array] = {}
        for cid, old in part.items():
            by_status.setdefault(old, array("q")).append(cid)
        for old, cids in by_status.items():
            session.execute(update(Contact).where(Contact.id.in_(list(cids))).values(
                subscription_status=old, updated_at=utcnow(), version=Contact.version + 1)
                .execution_options(synchronize_session=False))


def redo_values(session: Session, change: ValueChange) -> None:
    ids = list(change.before)
    for start in range(0, len(ids), 5000):
        part = ids[start:start + 5000]
        if change.kind == "attribute":
            _write_attribute(session, int(change.target),
                             {cid: (change.new or None) for cid in part})
            _touch(session, part)
        else:
            session.execute(update(Contact).where(Contact.id.in_(part)).values(
                subscription_status=change.target, updated_at=utcnow(),
                version=Contact.version + 1).execution_options(synchronize_session=False))

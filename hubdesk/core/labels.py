"""Labels: unique by name regardless of case, with a colour."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hubdesk.core.clock import utcnow
from hubdesk.core.errors import ValidationError
from hubdesk.core.models import ContactLabel, Label
from hubdesk.core.normalize import fold

PALETTE = ("#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed", "#0891b2", "#db2777",
           "#4b5563", "#65a30d", "#ea580c")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class LabelInfo:
    id: int
    name: str
    color: str
    description: str = ""
    contacts: int = 0


def label_key(name: str) -> str:
    return fold(name)


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"label": "a label needs a name"})
    if len(name) > 100:
        raise ValidationError({"label": f"'{name[:20]}…' is too long (at most 100 characters)"})
    return name


def ensure_label(session: Session, name: str, color: str | None = None) -> Label:
    """The existing label with this name (any case), or a new one."""
    name = _check_name(name)
    key = label_key(name)
    label = session.scalar(select(Label).where(Label.name_key == key))
    if label is not None:
        return label
    if color is None:
        count = session.scalar(select(func.count()).select_from(Label)) or 0
        color = PALETTE[count % len(PALETTE)]
    elif not _COLOR.match(color):
        raise ValidationError({"color": f"'{color}' is not a colour like #2563eb"})
    label = Label(name=name, name_key=key, color=color.lower(), created_at=utcnow())
    session.add(label)
    session.flush()
    return label


def add_labels(session: Session, contact_id: int, names: list[str]) -> None:
    existing = set(session.scalars(
        select(ContactLabel.label_id).where(ContactLabel.contact_id == contact_id)
    ))
    for name in names:
        label = ensure_label(session, name)
        if label.id not in existing:
            session.add(ContactLabel(contact_id=contact_id, label_id=label.id))
            existing.add(label.id)


def label_names(session: Session) -> list[str]:
    """Every label name, alphabetically: cheap enough for type-ahead at any size."""
    return list(session.scalars(select(Label.name).order_by(Label.name_key)))


def list_labels(session: Session) -> list[LabelInfo]:
    counts = (
        select(ContactLabel.label_id, func.count().label("n"))
        .group_by(ContactLabel.label_id)
        .subquery()
    )
    rows = session.execute(
        select(Label, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.label_id == Label.id)
        .order_by(Label.name_key)
    )
    return [LabelInfo(lb.id, lb.name, lb.color, lb.description, n) for lb, n in rows]


def labels_of(session: Session, contact_id: int) -> list[LabelInfo]:
    rows = session.scalars(
        select(Label).join(ContactLabel, ContactLabel.label_id == Label.id)
        .where(ContactLabel.contact_id == contact_id).order_by(Label.name_key)
    )
    return [LabelInfo(lb.id, lb.name, lb.color, lb.description) for lb in rows]


def remove_labels(session: Session, contact_id: int, names: list[str]) -> int:
    keys = [label_key(n) for n in names]
    ids = list(session.scalars(select(Label.id).where(Label.name_key.in_(keys))))
    if not ids:
        return 0
    result = session.execute(
        delete(ContactLabel).where(ContactLabel.contact_id == contact_id,
                                   ContactLabel.label_id.in_(ids))
    )
    return result.rowcount or 0


def set_contact_labels(session: Session, contact_id: int, names: list[str]) -> None:
    """Exactly these labels on the contact (created as needed)."""
    current = {lb.name for lb in labels_of(session, contact_id)}
    wanted_keys = {label_key(n) for n in names}
    remove_labels(session, contact_id, [n for n in current if label_key(n) not in wanted_keys])
    add_labels(session, contact_id, list(names))


def update_label(
    session: Session, label_id: int, *, name: str | None = None, color: str | None = None,
    description: str | None = None,
) -> LabelInfo:
    label = session.get(Label, label_id)
    if label is None:
        raise ValidationError({"label": f"no label with id {label_id}"})
    if name is not None:
        name = _check_name(name)
        clash = session.scalar(select(Label).where(Label.name_key == label_key(name),
                                                   Label.id != label_id))
        if clash is not None:
            raise ValidationError({"label": f"a label named '{clash.name}' already exists"})
        label.name, label.name_key = name, label_key(name)
    if color is not None:
        if not _COLOR.match(color):
            raise ValidationError({"color": f"'{color}' is not a colour like #2563eb"})
        label.color = color.lower()
    if description is not None:
        label.description = description.strip()
    session.flush()
    return LabelInfo(label.id, label.name, label.color, label.description)


def label_usage(session: Session, label_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(ContactLabel)
                              .where(ContactLabel.label_id == label_id)) or 0)


def delete_label(session: Session, label_id: int) -> int:
    """Delete a label; returns how many contacts lost it."""
    affected = label_usage(session, label_id)
    session.execute(delete(Label).where(Label.id == label_id))
    return affected


def find_label(session: Session, name: str) -> LabelInfo | None:
    lb = session.scalar(select(Label).where(Label.name_key == label_key(name)))
    return LabelInfo(lb.id, lb.name, lb.color, lb.description) if lb else None

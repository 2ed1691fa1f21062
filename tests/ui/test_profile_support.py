"""Helpers for the profile panel tests (no tests here): a shown panel over a store, contacts
and custom attributes made through the core, and finding what a user would see."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from hubdesk.core import attributes, contacts
from hubdesk.ui.profile.panel import ProfilePanel
from hubdesk.ui.store import ContactStore


def make_panel(qtbot, db, contact_id: int | None = None) -> ProfilePanel:
    store = ContactStore(db)
    panel = ProfilePanel(store)
    qtbot.addWidget(panel)
    panel.resize(480, 760)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_contact(contact_id)
    return panel


def add_contact(db, **fields) -> int:
    labels = fields.pop("labels", ())
    attrs = fields.pop("attributes", None)
    with db.session() as s:
        return contacts.create_contact(s, fields, labels=labels, attributes=attrs)


def define(db, key: str, label: str, type_: str, options: list[str] | None = None) -> None:
    with db.session() as s:
        attributes.define_attribute(s, key, label, type_, options)


def read(db, fn, *args):
    with db.read_session() as s:
        return fn(s, *args)


def visible_labels(root: QWidget) -> list[QLabel]:
    return [lb for lb in root.findChildren(QLabel) if lb.isVisibleTo(root)]


def visible_texts(root: QWidget) -> list[str]:
    return [lb.text() for lb in visible_labels(root)]

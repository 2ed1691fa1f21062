"""Changing an attribute's type: check every value first, ask, then convert — or say which
contacts' values stand in the way and convert nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hubdesk.core import attributes as attrs
from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.contacts import first_last_names
from hubdesk.core.errors import ValidationError
from hubdesk.core.normalize import display_name
from hubdesk.ui.dialogs import ask
from hubdesk.ui.dialogs.attribute_table_model import type_name
from hubdesk.ui.dialogs.field_message import FieldMessage
from hubdesk.ui.store import ContactStore

SHOWN_FAILURES = 10


# lupdate reads the context from each call, so it is written out there.
translate = QCoreApplication.translate


def blocking_values_text(failures: list[tuple[int, str]], names: dict[int, tuple[str, str]]
                         ) -> str:
    """One line per value that cannot convert (the first ten), naming its contact."""
    lines = []
    for contact_id, value in failures[:SHOWN_FAILURES]:
        first, last = names.get(contact_id, ("", ""))
        who = display_name(first, last) or translate(
            "AttributeDefinitionsDialog", "contact #%1").replace("%1", str(contact_id))
        lines.append(f"• {who}: “{value}”")
    if len(failures) > SHOWN_FAILURES:
        lines.append(translate("AttributeDefinitionsDialog", "…and %n more").replace(
            "%n", str(len(failures) - SHOWN_FAILURES)))
    return "\n".join(lines)


def cannot_become(count: int, type_name: str) -> str:
    return translate("AttributeDefinitionsDialog", "%n value(s) cannot become %1").replace(
        "%n", str(count)).replace("%1", type_name)


def change_type(parent: QWidget, store: ContactStore, info: AttributeInfo, new_type: str,
                options: list[str] | None, message: FieldMessage) -> bool:
    """True when the type was changed."""
    message.clear_message()
    old_name, new_name = type_name(info.type), type_name(new_type)
    try:
        failures = store.read(lambda s: attrs.change_attribute_type(
            s, info.id, new_type, options, apply=False))
    except ValidationError as exc:
        message.show_error("; ".join(exc.errors.values()))
        return False
    if failures:
        ids = [cid for cid, _ in failures[:SHOWN_FAILURES]]
        names = store.read(lambda s: first_last_names(s, ids))
        ask.tell(parent, translate("AttributeDefinitionsDialog", "Type not changed"),
                 translate("AttributeDefinitionsDialog",
                           "%n value(s) of “%1” cannot become %2, so nothing was converted.")
                 .replace("%n", str(len(failures))).replace("%1", info.label)
                 .replace("%2", new_name),
                 blocking_values_text(failures, names) + "\n\n"
                 + translate("AttributeDefinitionsDialog",
                             "Correct or clear these contacts' values, then try again."))
        message.show_error(cannot_become(len(failures), new_name))
        return False
    if not ask.confirm(parent, translate("AttributeDefinitionsDialog", "Change type"),
                       translate("AttributeDefinitionsDialog", "Change “%1” from %2 to %3?")
                       .replace("%1", info.label).replace("%2", old_name)
                       .replace("%3", new_name),
                       translate("AttributeDefinitionsDialog",
                                 "Every contact's value will be converted; all of them can be."),
                       yes_text=translate("AttributeDefinitionsDialog", "Convert")):
        return False
    try:
        with store.db.session() as s:
            late = attrs.change_attribute_type(s, info.id, new_type, options, apply=True)
    except ValidationError as exc:
        message.show_error("; ".join(exc.errors.values()))
        return False
    if late:  # someone stored a value that cannot convert while the question was open
        message.show_error(cannot_become(len(late), new_name))
        return False
    store.undo_stack.clear()  # undo steps may hold values typed for the old type
    store.attributesChanged.emit()
    return True

"""Every change a user makes goes through here: it is validated and written by the core
services, recorded on one QUndoStack (Edit → Undo/Redo), and announced by signal so the list
and the profile refresh. Widgets never open sessions for writing themselves.

Each change is first applied for real; only if it succeeds is an undo command pushed (whose
first redo does nothing), so an invalid edit raises ValidationError to the caller and leaves
nothing on the stack.

Writes go through write_patiently: a transaction that collided with another user's, or found
the database locked, runs again instead of reaching the user. So a step may run more than once
and must change nothing outside its session; what the store keeps from a step (a merge record,
a deleted note to bring back) is taken from its result once it committed (`then`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core import bulk, contacts, conversations, labels, merge, notes
from hubdesk.core.db import Database
from hubdesk.core.errors import HubDeskError
from hubdesk.core.patient_write import write_patiently
from hubdesk.ui.bulk_runner import BulkRunner
from hubdesk.ui.import_command import ImportCommand, top_import
from hubdesk.ui.jobs import JobRunner
from hubdesk.ui.profile.channels import channel_name, status_name

Step = Callable[[Session], Any]
Then = Callable[[Any], None]  # given a step's result once its transaction committed


class _Change(QUndoCommand):
    def __init__(self, store: ContactStore, text: str, redo: Step, undo: Step,
                 contact_ids: Sequence[int], membership: bool = False,
                 redo_then: Then | None = None, undo_then: Then | None = None):
        super().__init__(text)
        self._store, self._redo, self._undo = store, redo, undo
        self._redo_then, self._undo_then = redo_then, undo_then
        self._ids = list(contact_ids)
        self._membership = membership
        self._applied = True  # applied by the store before it was pushed

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._store._run(self._redo, self._ids, self._membership, self._redo_then)

    def undo(self) -> None:
        self._store._run(self._undo, self._ids, self._membership, self._undo_then)


class ContactStore(QObject):
    # Contacts whose fields, labels, attributes or notes changed (ids), or [] for "many".
    contactsChanged = Signal(list)
    # Contacts that appeared or disappeared from the live list (create, trash, restore…).
    listChanged = Signal()
    labelsChanged = Signal()
    attributesChanged = Signal()
    # Work the store runs in the background (undoing an import): Undo/Redo wait for it.
    busyChanged = Signal(bool)
    importUndone = Signal(int, int)  # import job id, contacts removed or restored
    importUndoFailed = Signal(int, str)

    def announce_outside_write(self) -> None:
        """Contacts were written beside the store (an import, demo data, a resumed import):
        everything that shows contacts, labels or attributes refreshes."""
        self.listChanged.emit()
        self.contactsChanged.emit([])  # updated contacts: "many"
        self.labelsChanged.emit()
        self.attributesChanged.emit()

    def on_any_change(self, slot) -> None:
        """Call slot() after every change the store announces (views of figures or counts
        that depend on all of them)."""
        for signal in (self.listChanged, self.labelsChanged, self.attributesChanged):
            signal.connect(slot)
        self.contactsChanged.connect(lambda _ids: slot())

    def __init__(self, db: Database, parent: QObject | None = None, author: str = "",
                 jobs: JobRunner | None = None):
        super().__init__(parent)
        self.db = db
        self.author = author
        self.jobs = jobs  # None: background work runs in place (scripts, some tests)
        self.busy = False
        self.undo_stack = QUndoStack(self)
        self.bulk = BulkRunner(self)

    # --- plumbing ------------------------------------------------------------------------
    def _write(self, step: Step) -> Any:
        return write_patiently(self.db, step)

    def _run(self, step: Step, ids: Sequence[int], membership: bool = False,
             then: Then | None = None) -> Any:
        result = self._write(step)
        if then is not None:
            then(result)
        self.contactsChanged.emit(list(ids))
        if membership:
            self.listChanged.emit()
        return result

    def _apply(self, text: str, redo: Step, undo: Step, ids: Sequence[int],
               membership: bool = False, redo_then: Then | None = None,
               undo_then: Then | None = None) -> Any:
        """membership: the change adds or removes contacts from the live list."""
        result = self._run(redo, ids, membership, redo_then)
        self.undo_stack.push(_Change(self, text, redo, undo, ids, membership,
                                     redo_then, undo_then))
        return result

    def read(self, fn: Callable[[Session], Any]) -> Any:
        with self.db.read_session() as s:
            return fn(s)

    # --- contacts ------------------------------------------------------------------------
    def contact(self, contact_id: int) -> dict:
        return self.read(lambda s: contacts.get_contact(s, contact_id))

    def editable(self, contact_id: int) -> dict:
        return self.read(lambda s: contacts.editable_values(s, contact_id))

    def create_contact(self, values: dict, region: str | None = None) -> int:
        fields = {k: v for k, v in values.items() if k in contacts.EDITABLE_KEYS}

        def create(s: Session) -> tuple[int, dict, str]:
            new_id = contacts.create_contact(
                s, fields, region=region, labels=values.get("labels", ()),
                extra_emails=values.get("extra_emails", ()),
                extra_phones=values.get("extra_phones", ()),
            )
            return (new_id, contacts.editable_values(s, new_id),
                    contacts.get_contact(s, new_id)["created_at"])

        new_id, created, created_at = self._write(create)

        def recreate(s: Session) -> None:
            # Same id and creation time, so later steps on the stack still find it as it was.
            contacts.create_contact(s, {"first_name": "?"}, contact_id=new_id,
                                    now=datetime.fromisoformat(created_at))
            contacts.apply_values(s, new_id, created)

        self.undo_stack.push(_Change(
            self, self.tr("Create %1").replace("%1", _name(created)), recreate,
            lambda s: contacts.purge_contacts(s, [new_id], include_live=True), [new_id],
            membership=True))
        self.listChanged.emit()
        return new_id

    def edit_contact(self, contact_id: int, after: dict, region: str | None = None) -> None:
        before = self.editable(contact_id)
        expected = after.get("version")

        def redo(s: Session) -> None:
            fields = {k: v for k, v in after.items() if k in contacts.EDITABLE_KEYS}
            contacts.update_contact(
                s, contact_id, fields, region=region, expected_version=expected,
                extra_emails=after.get("extra_emails"), extra_phones=after.get("extra_phones"),
                labels=after.get("labels"))

        def undo(s: Session) -> None:
            contacts.apply_values(s, contact_id, before)

        self._apply(self.tr("Edit %1").replace("%1", _name(before)), redo, undo, [contact_id])
        # Undo and redo restore values, not versions: later redos must not be refused.
        expected = None

    def set_field(self, contact_id: int, key: str, value: Any) -> None:
        before = self.editable(contact_id)[key]
        self._apply(
            self.tr("Change %1").replace("%1", key),
            lambda s: contacts.update_contact(s, contact_id, {key: value}),
            lambda s: contacts.update_contact(s, contact_id, {key: before}),
            [contact_id])

    def trash(self, ids: Sequence[int]) -> int:
        ids = list(ids)
        return self._apply(
            self.tr("Delete %n contact(s)").replace("%n", str(len(ids))),
            lambda s: contacts.trash_contacts(s, ids),
            lambda s: contacts.restore_contacts(s, ids), ids, membership=True)

    def restore(self, ids: Sequence[int]) -> int:
        ids = list(ids)
        return self._apply(
            self.tr("Restore %n contact(s)").replace("%n", str(len(ids))),
            lambda s: contacts.restore_contacts(s, ids),
            lambda s: contacts.trash_contacts(s, ids), ids, membership=True)

    def purge(self, ids: Sequence[int]) -> int:
        """Delete for good (from Trash only). Cannot be undone: the caller confirms first."""
        count = self._run(lambda s: contacts.purge_contacts(s, list(ids)), ids, True)
        self.undo_stack.clear()  # earlier steps may refer to what no longer exists
        return count

    def empty_trash(self) -> int:
        count = self._run(contacts.empty_trash, [], True)
        self.undo_stack.clear()
        return count

    # --- labels --------------------------------------------------------------------------
    def add_label(self, contact_id: int, name: str, color: str | None = None) -> None:
        had = {labels.label_key(lb.name)
               for lb in self.read(lambda s: labels.labels_of(s, contact_id))}
        if labels.label_key(name) in had:
            return
        existed = self.read(lambda s: labels.find_label(s, name)) is not None

        def redo(s: Session) -> None:
            labels.ensure_label(s, name, color)
            labels.add_labels(s, contact_id, [name])

        def undo(s: Session) -> None:
            labels.remove_labels(s, contact_id, [name])
            created = labels.find_label(s, name)
            if not existed and created is not None and not labels.label_usage(s, created.id):
                labels.delete_label(s, created.id)  # the label was new with this step

        self._apply(self.tr("Add label %1").replace("%1", name), redo, undo, [contact_id])
        self.labelsChanged.emit()

    def remove_label(self, contact_id: int, name: str) -> None:
        had = {labels.label_key(lb.name)
               for lb in self.read(lambda s: labels.labels_of(s, contact_id))}
        if labels.label_key(name) not in had:
            return
        self._apply(self.tr("Remove label %1").replace("%1", name),
                    lambda s: labels.remove_labels(s, contact_id, [name]),
                    lambda s: labels.add_labels(s, contact_id, [name]), [contact_id])
        self.labelsChanged.emit()  # usage counts elsewhere change

    def all_labels(self) -> list[labels.LabelInfo]:
        """With contact counts: for the labels manager, not for type-ahead."""
        return self.read(labels.list_labels)

    def label_names(self) -> list[str]:
        return self.read(labels.label_names)

    # --- custom attributes ---------------------------------------------------------------
    def set_attribute(self, contact_id: int, key: str, value: Any) -> None:
        """Set (or, with None/"", clear) one attribute; invalid values raise ValidationError."""
        before = self.read(lambda s: attrs.attribute_values(s, contact_id)).get(key)

        def write(v: Any) -> Step:
            def step(s: Session) -> None:
                if v is None or v == "":
                    attrs.clear_attribute_values(s, contact_id, [key])
                else:
                    attrs.set_attribute_values(s, contact_id, {key: v})
            return step

        self._apply(self.tr("Change %1").replace("%1", key), write(value), write(before),
                    [contact_id])

    def attribute_definitions(self) -> list[attrs.AttributeInfo]:
        return self.read(attrs.list_attributes)

    # --- notes ---------------------------------------------------------------------------
    def add_note(self, contact_id: int, body: str) -> int:
        note_id = self._run(lambda s: notes.add_note(s, contact_id, body, self.author),
                            [contact_id])
        saved: dict = {}
        self.undo_stack.push(_Change(self, self.tr("Add note"),
                                     lambda s: notes.restore_note(s, saved),
                                     lambda s: notes.delete_note(s, note_id), [contact_id],
                                     undo_then=saved.update))
        return note_id

    def edit_note(self, contact_id: int, note_id: int, body: str, before: str) -> None:
        self._apply(self.tr("Edit note"), lambda s: notes.update_note(s, note_id, body),
                    lambda s: notes.update_note(s, note_id, before), [contact_id])

    def delete_note(self, contact_id: int, note_id: int) -> None:
        saved: dict = {}
        self._apply(self.tr("Delete note"), lambda s: notes.delete_note(s, note_id),
                    lambda s: notes.restore_note(s, saved), [contact_id],
                    redo_then=saved.update)


    # --- many contacts at once (in the background; one undo step each) ---------------------
    def bulk_add_labels(self, ids: Sequence[int], names: Sequence[str]) -> None:
        ids, names = list(ids), list(names)
        self.bulk.run(self.tr("Add label %1 to %n contact(s)").replace("%1", ", ".join(names))
                      .replace("%n", f"{len(ids):,}"),
                      lambda s, p, c: bulk.add_labels(s, ids, names, progress=p, cancelled=c),
                      bulk.undo_labels, bulk.redo_labels)

    def bulk_remove_labels(self, ids: Sequence[int], names: Sequence[str]) -> None:
        ids, names = list(ids), list(names)
        self.bulk.run(self.tr("Remove label %1 from %n contact(s)")
                      .replace("%1", ", ".join(names)).replace("%n", f"{len(ids):,}"),
                      lambda s, p, c: bulk.remove_labels(s, ids, names, progress=p,
                                                         cancelled=c),
                      bulk.undo_labels, bulk.redo_labels)

    def bulk_set_attribute(self, ids: Sequence[int], key: str, value: Any) -> None:
        ids = list(ids)
        self.bulk.run(self.tr("Set %1 on %n contact(s)").replace("%1", key)
                      .replace("%n", f"{len(ids):,}"),
                      lambda s, p, c: bulk.set_attribute(s, ids, key, value, progress=p,
                                                         cancelled=c),
                      bulk.undo_values, bulk.redo_values)

    def bulk_set_subscription(self, ids: Sequence[int], status: str) -> None:
        ids = list(ids)
        self.bulk.run(self.tr("Set subscription to %1 on %n contact(s)").replace("%1", status)
                      .replace("%n", f"{len(ids):,}"),
                      lambda s, p, c: bulk.set_subscription(s, ids, status, progress=p,
                                                            cancelled=c),
                      bulk.undo_values, bulk.redo_values)

    def bulk_trash(self, ids: Sequence[int]) -> None:
        ids = list(ids)
        self.bulk.run(self.tr("Delete %n contact(s)").replace("%n", f"{len(ids):,}"),
                      lambda s, p, c: bulk.trash(s, ids, progress=p, cancelled=c),
                      bulk.restore, bulk.trash_again, membership=True)

    def check_attribute_value(self, key: str, value: Any) -> str:
        """Why a value does not fit the attribute, or '' (asked before a bulk set)."""
        info = next((a for a in self.attribute_definitions() if a.key == key), None)
        if info is None:
            return self.tr("no such attribute")
        if value is None or not str(value).strip():
            return ""
        try:
            attrs.coerce_value(info, value)
        except ValueError as exc:
            return str(exc)
        return ""

    # --- conversations ---------------------------------------------------------------------
    def conversations(self, contact_id: int) -> list[dict]:
        return self.read(lambda s: conversations.conversations_for(s, contact_id))

    def set_conversation_status(self, contact_id: int, conversation_id: int,
                                status: str) -> None:
        before = self.read(lambda s: next(
            c["status"] for c in conversations.conversations_for(s, contact_id)
            if c["id"] == conversation_id))
        self._apply(self.tr("Set conversation to %1").replace("%1", status_name(status)),
                    lambda s: conversations.set_status(s, conversation_id, status),
                    lambda s: conversations.set_status(s, conversation_id, before),
                    [contact_id])

    def add_message(self, contact_id: int, conversation_id: int, body: str,
                    direction: str = "outgoing") -> int:
        """A message in an existing conversation (a reply), undoable."""
        saved: dict = {}

        def redo(s: Session) -> int:
            if saved:
                conversations.restore_message(s, saved)
                return int(saved["id"])
            return conversations.add_message(s, conversation_id, direction, body,
                                             author=self.author)

        message_id = self._apply(
            self.tr("Add message"), redo,
            lambda s: conversations.delete_message(s, message_id), [contact_id],
            undo_then=saved.update)
        return message_id

    def start_conversation(self, contact_id: int, channel: str, subject: str, body: str,
                           direction: str = "outgoing",
                           duration_minutes: int | None = None,
                           outcome: str | None = None) -> int:
        """A new conversation with its first message (or a logged call or meeting)."""
        saved: dict = {}

        def redo(s: Session) -> int:
            if saved:
                conversations.restore_conversation(s, saved)
                return int(saved["conversation"]["id"])
            conv = conversations.start_conversation(s, contact_id, channel, subject)
            conversations.add_message(s, conv, direction, body, author=self.author,
                                      duration_minutes=duration_minutes, outcome=outcome)
            return conv

        what = (self.tr("Log %1").replace("%1", channel_name(channel))
                if duration_minutes is not None
                else self.tr("New %1 conversation").replace("%1", channel_name(channel)))
        conversation_id = self._apply(
            what, redo, lambda s: conversations.delete_conversation(s, conversation_id),
            [contact_id], undo_then=saved.update)
        return conversation_id

    def import_messages(self, path: str, region: str | None = None) -> None:
        """Conversations from a file of messages, in the background, as one undo step
        (undo removes the conversations it created; redo reads the file again)."""
        from hubdesk.core.io import message_import

        def apply(s: Session, _progress, _cancelled):
            return message_import.import_messages(s, path, region=region, author=self.author)

        def undo(s: Session, result) -> None:
            message_import.remove_imported(s, result.conversations)

        def redo(s: Session, result) -> None:
            again = message_import.import_messages(s, path, region=region, author=self.author)
            result.conversations[:] = again.conversations

        self.bulk.run(self.tr("Import messages from %1").replace("%1", str(path)), apply,
                      undo, redo)

    # --- merging -------------------------------------------------------------------------
    def merge_plan(self, ids: Sequence[int], keep_id: int | None = None) -> merge.MergePlan:
        return self.read(lambda s: merge.plan_merge(s, list(ids), keep_id))

    def merge_contacts(self, keep_id: int, other_ids: Sequence[int],
                       choices: dict[str, int] | None = None) -> None:
        """Merge others into keep as one undo step; undo brings every contact back as it
        was (same ids), redo merges again with the same choices."""
        others, picked = list(other_ids), dict(choices or {})
        records: list[merge.MergeRecord] = []

        def redo(s: Session) -> merge.MergeRecord:
            return merge.merge_contacts(s, keep_id, others, picked, author=self.author)

        def undo(s: Session) -> None:
            merge.undo_merge(s, records[-1])

        names = self.merge_plan([keep_id, *others], keep_id).names
        self._apply(self.tr("Merge %1").replace("%1", ", ".join(names.values())), redo, undo,
                    [keep_id, *others], membership=True, redo_then=records.append,
                    undo_then=lambda _result: records.pop())
        self.labelsChanged.emit()

    # --- imports -------------------------------------------------------------------------
    def record_import(self, job_id: int, file_name: str, created: int, updated: int) -> None:
        """Put a finished import on the Edit → Undo stack."""
        summary = self.tr("Undo the import of %1? The %2 contacts it created are removed and "
                          "the %3 it updated get their earlier values back.")
        self.undo_stack.push(ImportCommand(
            self, job_id, self.tr("Import of %1").replace("%1", file_name),
            summary.replace("%1", file_name).replace("%2", f"{created:,}")
            .replace("%3", f"{updated:,}")))

    def undo_import(self, job_id: int) -> None:
        """Undo an import: through the stack when it is the next step there (so Edit → Undo
        no longer offers it), directly otherwise. Ends with importUndone or importUndoFailed."""
        command = self._import_on_top(job_id)
        if command is not None:
            self.undo_stack.undo()
        else:
            self.start_import_undo(job_id)

    def _import_on_top(self, job_id: int) -> ImportCommand | None:
        command = top_import(self)
        return command if command is not None and command.job_id == job_id else None

    def start_import_undo(self, job_id: int) -> None:
        from hubdesk.core.io.importer import undo_import  # the import engine loads on demand

        db = self.db
        self._set_busy(True)
        if self.jobs is None:
            try:
                affected = undo_import(db, job_id)
            except HubDeskError as exc:
                self._import_undo_failed(job_id, str(exc))
            else:
                self._import_undo_done(job_id, affected)
            return
        self.jobs.start("undo import", lambda _report, _cancelled: undo_import(db, job_id),
                        lambda affected: self._import_undo_done(job_id, affected),
                        lambda message: self._import_undo_failed(job_id, message))

    def _import_undo_done(self, job_id: int, affected: int) -> None:
        self._set_busy(False)
        self.listChanged.emit()
        self.contactsChanged.emit([])  # contacts it updated have their old values again
        self.importUndone.emit(job_id, affected)

    def _import_undo_failed(self, job_id: int, message: str) -> None:
        self._set_busy(False)
        self.importUndoFailed.emit(job_id, message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)


def _name(values: dict) -> str:
    from hubdesk.core.normalize import display_name

    return display_name(values.get("first_name", ""), values.get("last_name", "")) or (
        values.get("email") or "")

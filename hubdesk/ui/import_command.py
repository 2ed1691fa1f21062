"""An import on the Edit → Undo stack. The import itself ran in the wizard; undoing it runs
`undo_import` in the background (it can touch a hundred thousand contacts), so the command
only starts that work. It cannot be redone — running the file again is a new import — so it
marks itself obsolete when undone and the stack drops it instead of offering Redo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from hubdesk.ui.store import ContactStore


class ImportCommand(QUndoCommand):
    def __init__(self, store: ContactStore, job_id: int, text: str, summary: str):
        super().__init__(text)
        self.store, self.job_id = store, job_id
        self.summary = summary  # what undoing it does, for the confirmation

    def redo(self) -> None:
        pass  # pushed after the import ran; never redone (see undo)

    def undo(self) -> None:
        self.setObsolete(True)
        self.store.start_import_undo(self.job_id)


def top_import(store: ContactStore) -> ImportCommand | None:
    """The import that Edit → Undo would undo next, if that is what it would undo."""
    stack = store.undo_stack
    if stack.index() == 0:
        return None
    command = stack.command(stack.index() - 1)
    return command if isinstance(command, ImportCommand) else None

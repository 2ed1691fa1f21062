"""A red (problem) or amber (note) line on a wizard page, shown exactly as given.

Unlike the editor's FieldMessage it does not capitalise: import messages start with a
file name ("people.csv, line 2: …"), and a file name must read as it is spelled.
"""

from __future__ import annotations

from hubdesk.ui.dialogs.field_message import FieldMessage


class PageMessage(FieldMessage):
    capitalise = False

"""Where a column can go, as the user reads it: (target, label) in the order the combo shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.fields import STANDARD_FIELDS
from hubdesk.core.io.draft import (
    ATTRIBUTE_PREFIX,
    EXTRA_EMAIL,
    EXTRA_PHONE,
    FULL_NAME,
    IGNORE,
    LABELS,
    NEW_ATTRIBUTE,
    NOTE,
)

SURE = 0.9  # a guess at least this sure is marked ✓; below it, "?" asks the user to check


# lupdate reads the context from each call, so it is written out there; the standard fields'
# labels come from the core and are marked for translation in hubdesk.ui.core_strings.
translate = QCoreApplication.translate


def target_choices(attributes: Sequence[AttributeInfo]) -> list[tuple[str, str]]:
    choices = [(IGNORE, translate("ImportTargets", "Not imported"))]
    choices += [(f.key, translate("ImportTargets", f.label))
                for f in STANDARD_FIELDS if f.editable]
    choices += [
        (FULL_NAME, translate("ImportTargets", "Full name (split into first and last)")),
        (EXTRA_EMAIL, translate("ImportTargets", "Additional email")),
        (EXTRA_PHONE, translate("ImportTargets", "Additional phone")),
        (LABELS, translate("ImportTargets", "Labels")),
        (NOTE, translate("ImportTargets", "Note")),
    ]
    choices += [(ATTRIBUTE_PREFIX + a.key,
                 translate("ImportTargets", "Attribute: %1").replace("%1", a.label))
                for a in attributes]
    choices.append((NEW_ATTRIBUTE, translate("ImportTargets", "New custom attribute")))
    return choices


def target_label(target: str, choices: Sequence[tuple[str, str]]) -> str:
    for key, label in choices:
        if key == target:
            return label
    return target  # an attribute deleted since the guess: its key still says what it was

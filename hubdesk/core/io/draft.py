"""Between a file's row and a stored contact: where each column goes, and what one row
says about one person before it is validated."""

from __future__ import annotations

from dataclasses import dataclass, field

# Mapping targets besides the standard fields of core.fields (keys like "first_name"):
IGNORE = ""  # the column is not imported (shown clearly as "not imported")
FULL_NAME = "full_name"  # split into first/last name
EXTRA_EMAIL = "extra_email"  # additional email(s)
EXTRA_PHONE = "extra_phone"  # additional phone(s)
LABELS = "labels"  # split on ; , and " ::: "
NOTE = "note"  # becomes a note on the contact
NEW_ATTRIBUTE = "new_attr"  # create a custom attribute named after the header
ATTRIBUTE_PREFIX = "attr:"  # "attr:<key>" = an existing custom attribute


@dataclass
class ColumnMapping:
    header: str
    target: str  # one of the constants above, a standard field key, or "attr:<key>"
    confidence: float = 1.0  # 0–1: how sure the guess is (1 for presets and the user)
    source: str = "user"  # "preset:<name>", "fuzzy", "template", "user", "none"


@dataclass
class ContactDraft:
    """One row, mapped but not yet validated: raw texts, nothing dropped."""

    fields: dict[str, str] = field(default_factory=dict)  # standard field key → text
    extra_emails: list[str] = field(default_factory=list)
    extra_phones: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)  # existing key → text
    new_attributes: dict[str, str] = field(default_factory=dict)  # header → text
    problems: list[str] = field(default_factory=list)  # what mapping noticed

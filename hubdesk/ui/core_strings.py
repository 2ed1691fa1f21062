"""Texts the core defines and the UI shows, marked here for translation.

The core imports no Qt, so its tables (field names, filter operators, preset names…) cannot
be wrapped in tr(). Each is listed below with QT_TRANSLATE_NOOP, which only marks the text for
pyside6-lupdate, and translated where it is shown with QCoreApplication.translate(context,
text) under the same context. tests/ui/test_translations.py fails when the core gains a text
this list lacks. The core's error messages (validation) stay English for now.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

# hubdesk.core.filters.model.OPERATOR_LABELS, shown by the filter builder.
FILTER_OPERATORS = (
    QT_TRANSLATE_NOOP("FilterOperator", "is"),
    QT_TRANSLATE_NOOP("FilterOperator", "is not"),
    QT_TRANSLATE_NOOP("FilterOperator", "contains"),
    QT_TRANSLATE_NOOP("FilterOperator", "does not contain"),
    QT_TRANSLATE_NOOP("FilterOperator", "starts with"),
    QT_TRANSLATE_NOOP("FilterOperator", "is empty"),
    QT_TRANSLATE_NOOP("FilterOperator", "is not empty"),
    QT_TRANSLATE_NOOP("FilterOperator", "="),
    QT_TRANSLATE_NOOP("FilterOperator", "≠"),
    QT_TRANSLATE_NOOP("FilterOperator", "<"),
    QT_TRANSLATE_NOOP("FilterOperator", "≤"),
    QT_TRANSLATE_NOOP("FilterOperator", ">"),
    QT_TRANSLATE_NOOP("FilterOperator", "≥"),
    QT_TRANSLATE_NOOP("FilterOperator", "between"),
    QT_TRANSLATE_NOOP("FilterOperator", "on"),
    QT_TRANSLATE_NOOP("FilterOperator", "before"),
    QT_TRANSLATE_NOOP("FilterOperator", "after"),
    QT_TRANSLATE_NOOP("FilterOperator", "in the last N days"),
    QT_TRANSLATE_NOOP("FilterOperator", "more than N days ago"),
    QT_TRANSLATE_NOOP("FilterOperator", "is any of"),
    QT_TRANSLATE_NOOP("FilterOperator", "is none of"),
    QT_TRANSLATE_NOOP("FilterOperator", "is true"),
    QT_TRANSLATE_NOOP("FilterOperator", "is false"),
    QT_TRANSLATE_NOOP("FilterOperator", "has any of"),
    QT_TRANSLATE_NOOP("FilterOperator", "has all of"),
    QT_TRANSLATE_NOOP("FilterOperator", "has none of"),
)

# hubdesk.core.fields.STANDARD_FIELDS and core.filters.resolve.PSEUDO_FIELDS: the filter
# builder's fields.
FILTER_FIELDS = (
    QT_TRANSLATE_NOOP("FilterField", "First name"),
    QT_TRANSLATE_NOOP("FilterField", "Last name"),
    QT_TRANSLATE_NOOP("FilterField", "First name reading"),
    QT_TRANSLATE_NOOP("FilterField", "Last name reading"),
    QT_TRANSLATE_NOOP("FilterField", "Email"),
    QT_TRANSLATE_NOOP("FilterField", "Phone"),
    QT_TRANSLATE_NOOP("FilterField", "Company"),
    QT_TRANSLATE_NOOP("FilterField", "Job title"),
    QT_TRANSLATE_NOOP("FilterField", "Time zone"),
    QT_TRANSLATE_NOOP("FilterField", "Street"),
    QT_TRANSLATE_NOOP("FilterField", "City"),
    QT_TRANSLATE_NOOP("FilterField", "Region"),
    QT_TRANSLATE_NOOP("FilterField", "Postal code"),
    QT_TRANSLATE_NOOP("FilterField", "Country"),
    QT_TRANSLATE_NOOP("FilterField", "Subscription"),
    QT_TRANSLATE_NOOP("FilterField", "Identifier"),
    QT_TRANSLATE_NOOP("FilterField", "Created"),
    QT_TRANSLATE_NOOP("FilterField", "Updated"),
    QT_TRANSLATE_NOOP("FilterField", "Last activity"),
    QT_TRANSLATE_NOOP("FilterField", "Labels"),
    QT_TRANSLATE_NOOP("FilterField", "Has notes"),
    QT_TRANSLATE_NOOP("FilterField", "Has conversations"),
    QT_TRANSLATE_NOOP("FilterField", "Has problems"),
    QT_TRANSLATE_NOOP("FilterField", "Has labels"),
    QT_TRANSLATE_NOOP("FilterField", "Invalid email"),
    QT_TRANSLATE_NOOP("FilterField", "Invalid phone"),
    QT_TRANSLATE_NOOP("FilterField", "Conversation status"),
)

# The editable STANDARD_FIELDS: where an imported column can go.
IMPORT_TARGETS = (
    QT_TRANSLATE_NOOP("ImportTargets", "First name"),
    QT_TRANSLATE_NOOP("ImportTargets", "Last name"),
    QT_TRANSLATE_NOOP("ImportTargets", "First name reading"),
    QT_TRANSLATE_NOOP("ImportTargets", "Last name reading"),
    QT_TRANSLATE_NOOP("ImportTargets", "Email"),
    QT_TRANSLATE_NOOP("ImportTargets", "Phone"),
    QT_TRANSLATE_NOOP("ImportTargets", "Company"),
    QT_TRANSLATE_NOOP("ImportTargets", "Job title"),
    QT_TRANSLATE_NOOP("ImportTargets", "Time zone"),
    QT_TRANSLATE_NOOP("ImportTargets", "Street"),
    QT_TRANSLATE_NOOP("ImportTargets", "City"),
    QT_TRANSLATE_NOOP("ImportTargets", "Region"),
    QT_TRANSLATE_NOOP("ImportTargets", "Postal code"),
    QT_TRANSLATE_NOOP("ImportTargets", "Country"),
    QT_TRANSLATE_NOOP("ImportTargets", "Subscription"),
    QT_TRANSLATE_NOOP("ImportTargets", "Identifier"),
)

# hubdesk.core.io.presets.PRESETS: the programs the import wizard knows.
IMPORT_PRESETS = (
    QT_TRANSLATE_NOOP("ImportPresets", "vCard"),
    QT_TRANSLATE_NOOP("ImportPresets", "Google Contacts"),
    QT_TRANSLATE_NOOP("ImportPresets", "Google Contacts (old format)"),
    QT_TRANSLATE_NOOP("ImportPresets", "Outlook"),
    QT_TRANSLATE_NOOP("ImportPresets", "Outlook (日本語)"),
    QT_TRANSLATE_NOOP("ImportPresets", "Thunderbird"),
    QT_TRANSLATE_NOOP("ImportPresets", "HubSpot"),
    QT_TRANSLATE_NOOP("ImportPresets", "Chatwoot / MessageHub"),
)

# hubdesk.core.io.export_columns.EXPORT_PRESETS: the export dialog's layouts.
EXPORT_PRESETS = (
    QT_TRANSLATE_NOOP("ExportPresets", "HubDesk (every field)"),
    QT_TRANSLATE_NOOP("ExportPresets", "MessageHub / Chatwoot import"),
    QT_TRANSLATE_NOOP("ExportPresets", "Google Contacts CSV"),
)

# hubdesk.core.io.open_table.SUPPORTED: the import wizard's first page names them.
IMPORT_FORMATS = QT_TRANSLATE_NOOP(
    "ImportFormats",
    "CSV (.csv, .txt), TSV (.tsv), Excel workbooks (.xlsx, .xlsm) and vCard (.vcf)")

# hubdesk.core.merge.GROUP_LABELS: the merge dialog's rows.
MERGE_FIELDS = (
    QT_TRANSLATE_NOOP("MergeFields", "Name"),
    QT_TRANSLATE_NOOP("MergeFields", "Email"),
    QT_TRANSLATE_NOOP("MergeFields", "Phone"),
    QT_TRANSLATE_NOOP("MergeFields", "Company"),
    QT_TRANSLATE_NOOP("MergeFields", "Job title"),
    QT_TRANSLATE_NOOP("MergeFields", "Time zone"),
    QT_TRANSLATE_NOOP("MergeFields", "Address"),
    QT_TRANSLATE_NOOP("MergeFields", "Subscription"),
    QT_TRANSLATE_NOOP("MergeFields", "Identifier"),
)

# hubdesk.ui.dialogs.export_dialog.ENCODINGS as the Preferences dialog shows them (it
# translates them under its own context).
SETTINGS_ENCODINGS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "UTF-8 for Excel (with BOM)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "UTF-8"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Windows Japanese (Shift_JIS / CP932)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Windows Western (cp1252)"),
)

# hubdesk/ui/health/checks.py translates its rows through a helper (_tr), whose calls lupdate
# cannot see; marked here until they are written out (test_translations names them).
HEALTH_CHECKS = (
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with no email: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Invalid or unparseable emails: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Phones kept as typed (not E.164): %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with no name: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with import problems: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Possible duplicates: %1 contacts"),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with no labels: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with no time zone: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Not updated for over a year: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "In the Trash: %1"),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts without a primary email."),
    QT_TRANSLATE_NOOP("HealthChecks",
                      "Emails kept as typed because they are not valid addresses "
                      "(an import records why)."),
    QT_TRANSLATE_NOOP("HealthChecks",
                      "Numbers that did not parse for their region, primary or "
                      "additional, kept exactly as typed."),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts with neither a first nor a last name."),
    QT_TRANSLATE_NOOP("HealthChecks",
                      "Contacts with values an import or an edit could not make "
                      "valid; the profile lists them."),
    QT_TRANSLATE_NOOP("HealthChecks",
                      "Contacts in a group of likely duplicates (Tools → Find "
                      "duplicates)."),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts without any label."),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts without a time zone."),
    QT_TRANSLATE_NOOP("HealthChecks", "Contacts nobody has changed for more than 365 days."),
    QT_TRANSLATE_NOOP("HealthChecks", "Deleted contacts that can still be restored."),
)

# hubdesk.core.duplicates.reason_text: why two contacts look like the same person. The ones
# naming a value are read back as (prefix, translated text with %1 for the value).
_REASONS_WITH_VALUE = (
    ("same email ", QT_TRANSLATE_NOOP("DuplicateReason", "same email %1")),
    ("same phone ", QT_TRANSLATE_NOOP("DuplicateReason", "same phone %1")),
)
DUPLICATE_REASONS = (
    QT_TRANSLATE_NOOP("DuplicateReason", "same name and company"),
    QT_TRANSLATE_NOOP("DuplicateReason", "same name and similar email"),
)


def duplicate_reason(reason: str) -> str:
    """A reason as core.duplicates words it, in the UI's language."""
    for prefix, text in _REASONS_WITH_VALUE:
        if reason.startswith(prefix):
            return translate("DuplicateReason", text).replace("%1", reason[len(prefix):])
    return translate("DuplicateReason", reason)

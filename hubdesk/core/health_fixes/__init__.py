"""The Health view's fixes: each is planned first (the exact list of values it will change,
shown as a preview), then applied as one bulk change that records the contacts' earlier state,
so one undo step puts every contact back and redo does it again.

- Phones: numbers kept as typed (primary and additional) that parse for a chosen region become
  E.164; the others are left as they are and counted.
- Emails (those flagged invalid, or with capitals or spaces — HubDesk stores every email it
  validated trimmed with a lower-case domain): spaces, a "mailto:", "Name <…>" around it and
  stray punctuation at the ends removed, the domain lower-cased; the part before the @ keeps
  its case unless asked. The
  domain is case-insensitive by definition; the local part may in theory be case-sensitive
  (RFC 5321 §2.4), and HubDesk already matches emails ignoring case (duplicates, imports), so
  lower-casing it changes nothing HubDesk does — it is offered for tidiness, off by default.
  Only a result that validates is written.
- Time zones: filled from the country where that is unambiguous — the country has one IANA zone
  (tzdata's zone.tab), or all its zones keep the same clock over the coming year (Germany's
  Europe/Busingen follows Europe/Berlin), and then the country's principal zone, listed first.

Applying checks every value is still what the preview showed; one changed meanwhile is left
alone (and counted), so a fix never changes more than its preview listed. Problems recorded for
a value it fixed are dropped; the search columns are recomputed where an email or phone changed.
Undo and redo write back the fix's columns and recompute the search columns from what the
contact holds then, so an edit made in between (a new name) is kept and still found.

The package: `preview` (the fix kinds, the changes a preview lists, how it names contacts), a
module per fix that plans it (`phones`, `emails`, `timezones`), and `apply` (apply, undo,
redo), which reads contacts through `state` and writes them through `writes`.
"""

from hubdesk.core.health_fixes.apply import FixRecord, apply_fix, redo_fix, undo_fix
from hubdesk.core.health_fixes.emails import clean_email, plan_emails
from hubdesk.core.health_fixes.phones import plan_phones
from hubdesk.core.health_fixes.preview import (
    EMAILS,
    PHONES,
    TIMEZONES,
    FieldChange,
    FixPreview,
    contact_names,
)
from hubdesk.core.health_fixes.state import ContactState
from hubdesk.core.health_fixes.state import _read_states as _read_states  # tests read with it
from hubdesk.core.health_fixes.timezones import country_code, plan_timezones, zone_for_country

__all__ = ["EMAILS", "PHONES", "TIMEZONES", "ContactState", "FieldChange", "FixPreview",
           "FixRecord", "apply_fix", "clean_email", "contact_names", "country_code",
           "plan_emails", "plan_phones", "plan_timezones", "redo_fix", "undo_fix",
           "zone_for_country"]

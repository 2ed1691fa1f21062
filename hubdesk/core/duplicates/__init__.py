"""Duplicate suggestions (issue 7): which live contacts are likely the same person, and why.

Rules, strongest first (a group's confidence is the best of the links that join it):

- email, 0.95: the same email key (see `email_key`), primary or additional;
- phone, 0.90: the same valid phone in E.164, primary or additional;
- name + company, 0.85: the same name key (see `name_key`) and the same folded company;
- name + similar email, 0.75: the same name key and primary emails with the same local part
  (dots, dashes, underscores and +tags aside) or the same domain that is not webmail;
- similar name, 0.50: name keys at least 90 % alike (rapidfuzz ratio) at the same company,
  for contacts no stronger rule links.

A key held by more than SHARED_KEY_LIMIT live contacts is a shared value (a switchboard
number, a team inbox, the demo's 555 numbers, "John Smith at Acme" on a huge list), not one
person, and links nobody. Groups are the connected contacts: A–B by email and B–C by phone make
one group {A, B, C}. A pair marked "not duplicates" loses its own link only; if a third contact
still links to both, the three are still suggested together (the user decides where the third
belongs) and the group lists the marked pair in `kept_apart`. "Not duplicates" on a whole
group marks every pair in it, which silences it.

Scanning a million contacts is a stream (DESIGN §6: ≤ 15 s): each row's keys are hashed into
compact arrays (12 bytes a key), hashes held by two or more contacts name the candidates, and
only those are read again and compared by their exact keys.

The package: `keys` (what contacts must share, and why), `scan` (`find_duplicates`, with
`candidates`, `stream`, `grouping` and `cancel` under it), `lookup` (`duplicates_of`, one
contact) and `marks` ("not duplicates").
"""

from hubdesk.core.duplicates.cancel import ScanCancelled
from hubdesk.core.duplicates.grouping import DuplicateGroup
from hubdesk.core.duplicates.keys import (
    CONFIDENCE,
    EMAIL,
    NAME_COMPANY,
    NAME_EMAIL,
    PHONE,
    SIMILAR_NAME,
    email_key,
    name_key,
    reason_text,
)
from hubdesk.core.duplicates.lookup import duplicates_of
from hubdesk.core.duplicates.marks import mark_not_duplicates, unmark_not_duplicates
from hubdesk.core.duplicates.scan import find_duplicates

# Defined here, not where they are used, so that setting them on this package (the tests do)
# takes effect: the scan and the lookup read them from here each time.
SHARED_KEY_LIMIT = 25
# Above one candidate in RESCAN_SHARE contacts, phase 2 reads the table again instead of
# looking the candidates up by id.
RESCAN_SHARE = 16

__all__ = ["CONFIDENCE", "EMAIL", "NAME_COMPANY", "NAME_EMAIL", "PHONE", "RESCAN_SHARE",
           "SHARED_KEY_LIMIT", "SIMILAR_NAME", "DuplicateGroup", "ScanCancelled",
           "duplicates_of", "email_key", "find_duplicates", "mark_not_duplicates", "name_key",
           "reason_text", "unmark_not_duplicates"]

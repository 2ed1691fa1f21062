"""The catalogue of standard contact fields: one list for columns, filters, import and export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str  # text, email, phone, timezone, choice, datetime
    sortable: bool = False
    editable: bool = True


STANDARD_FIELDS: tuple[Field, ...] = (
    Field("first_name", "First name", "text"),
    Field("last_name", "Last name", "text"),
    Field("first_name_reading", "First name reading", "text"),
    Field("last_name_reading", "Last name reading", "text"),
    Field("email", "Email", "email", sortable=True),
    Field("phone", "Phone", "phone", sortable=True),
    Field("company", "Company", "text", sortable=True),
    Field("job_title", "Job title", "text"),
    Field("timezone", "Time zone", "timezone"),
    Field("address_street", "Street", "text"),
    Field("address_city", "City", "text"),
    Field("address_region", "Region", "text"),
    Field("address_postal_code", "Postal code", "text"),
    Field("address_country", "Country", "text"),
    Field("subscription_status", "Subscription", "choice", sortable=True),
    Field("external_id", "Identifier", "text"),
    Field("created_at", "Created", "datetime", sortable=True, editable=False),
    Field("updated_at", "Updated", "datetime", sortable=True, editable=False),
    Field("last_activity_at", "Last activity", "datetime", sortable=True, editable=False),
)

FIELDS_BY_KEY = {f.key: f for f in STANDARD_FIELDS}
EDITABLE_KEYS = tuple(f.key for f in STANDARD_FIELDS if f.editable)
# "name" sorts by the derived sort_name (reading first for Japanese names).
SORT_KEYS = ("name", *(f.key for f in STANDARD_FIELDS if f.sortable))

"""The email fix: emails flagged invalid, or with capitals or spaces, tidied (see the
package's docstring); only a result that validates is written."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.core.filters import parse, resolve
from hubdesk.core.filters.compile import compile_expr
from hubdesk.core.health import whole_table
from hubdesk.core.health_fixes.preview import (
    EMAILS,
    Cancelled,
    FieldChange,
    FixPreview,
    _checked,
    _live,
)
from hubdesk.core.models import Contact, ContactEmail
from hubdesk.core.normalize import normalize_email

_ANGLE = re.compile(r"<([^<>]*)>")
_AROUND = re.compile(r"\s*([@.])\s*")  # "ann @ example . com"
_ENDS = ".,;:'\"()[]"


def clean_email(raw: str, *, lower_local: bool = False) -> str | None:
    """The tidy form of an email as typed, or None when even cleaned up it is not one."""
    for attempt in (raw.strip(), _scrubbed(raw)):
        try:
            value = normalize_email(attempt)  # validates; lower-cases the domain
        except ValueError:
            continue
        return value.lower() if lower_local else value
    return None


def _scrubbed(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw)
    angle = _ANGLE.search(text)
    if angle:  # "Taro Yamada <taro@example.jp>": the address is inside
        text = angle.group(1)
    words = _AROUND.sub(r"\1", text.strip()).split()
    with_at = [w for w in words if "@" in w]
    if len(with_at) == 1:  # "Taro Yamada taro@example.jp": the one word that is an address
        text = with_at[0]
    if text[:7].lower() == "mailto:":
        text = text[7:]
    return text.strip(_ENDS)


def plan_emails(session: Session, *, lower_local: bool = False,
                cancelled: Cancelled | None = None) -> FixPreview:
    """Emails flagged invalid, or with capitals or spaces: HubDesk stores every email it
    validates trimmed with its domain in lower case, so no other can change."""
    flagged = compile_expr(resolve(session, parse("invalid_email:yes")))

    def untidy(col):
        return (col != func.lower(col)) | (col != func.trim(col)) | col.not_like("_%@_%")

    primary = session.execute(whole_table(select(Contact.id, Contact.email).where(
        _live(), Contact.email.is_not(None), Contact.email != "",
        flagged | untidy(Contact.email))))
    extras = session.execute(
        select(ContactEmail.contact_id, ContactEmail.id, ContactEmail.email)
        .join(Contact, Contact.id == ContactEmail.contact_id)
        .where(_live(), ContactEmail.email != "", flagged | untidy(ContactEmail.email)))
    candidates = [(cid, "email", raw) for cid, raw in primary]
    candidates += [(cid, f"extra_email:{rid}", raw) for cid, rid, raw in extras]
    preview = FixPreview(EMAILS, [])
    for n, (cid, key, raw) in enumerate(sorted(candidates)):
        if n % 20_000 == 0:
            _checked(n, len(candidates), None, cancelled)
        value = clean_email(raw, lower_local=lower_local)
        if value is None:
            preview.skipped["not_an_email"] = preview.skipped.get("not_an_email", 0) + 1
        elif value != raw:
            preview.changes.append(FieldChange(cid, key, raw, value))
    return preview

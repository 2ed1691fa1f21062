"""One contact's likely duplicates, for the profile header's "Possible duplicate of …":
indexed lookups only, so it is instant on a million contacts."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hubdesk.core import duplicates
from hubdesk.core.batches import chunks
from hubdesk.core.duplicates.keys import (
    _GMAIL,
    _PLUS_TAGS,
    _WEBMAIL,
    CONFIDENCE,
    EMAIL,
    PHONE,
    Key,
    _company_key,
    _email_parts,
    _phone_key,
    _row_keys,
    email_key,
    reason_text,
)
from hubdesk.core.models import Contact, ContactEmail, ContactPhone, NotDuplicate
from hubdesk.core.normalize import fold, has_cjk

LOOKUP_LIMIT = 2000  # rows one indexed lookup may bring back; more means a shared value
NAME_LOOKUP_LIMIT = 20_000  # namesakes read for the name rules (3 columns each)


def _keys_of(session: Session, ids: Iterable[int]) -> dict[int, set[Key]]:
    """Strong keys of these live contacts, additional emails and phones included."""
    out: dict[int, set[Key]] = {}
    cols = (Contact.id, Contact.first_name, Contact.last_name, Contact.first_name_reading,
            Contact.last_name_reading, Contact.email, Contact.phone, Contact.phone_valid,
            Contact.company)
    for chunk in chunks(sorted(set(ids)), 500):
        for cid, *fields in session.execute(
                select(*cols).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))):
            out[cid] = set(_row_keys(*fields)[0])
        live = [i for i in chunk if i in out]
        for cid, value in session.execute(select(ContactEmail.contact_id, ContactEmail.email)
                                          .where(ContactEmail.contact_id.in_(live))):
            if key := email_key(value):
                out[cid].add((EMAIL, key))
        for cid, value in session.execute(select(ContactPhone.contact_id, ContactPhone.phone)
                                          .where(ContactPhone.contact_id.in_(live),
                                                 ContactPhone.phone_valid.is_(True))):
            if key := _phone_key(value, True):
                out[cid].add((PHONE, key))
    return out


def _dotted_prefixes(local: str, size: int = 5) -> set[str]:
    """How a Gmail local part (dots removed) can begin when written with dots: foobar →
    fooba, foob., foo.b, fo.ob, … (8 for 5 characters). Each is an index range; the exact key
    is checked on what they find. Shorter prefixes would walk thousands of john.smith…"""
    out: set[str] = set()

    def walk(i: int, prefix: str) -> None:
        if len(prefix) >= size or i == len(local):
            out.add(prefix)
            return
        walk(i + 1, prefix + local[i])
        if prefix and not prefix.endswith("."):
            walk(i, prefix + ".")

    walk(0, "")
    return out


def _email_ranges(key: str) -> list[tuple[str, str | None]]:
    """(low, high) ranges of lower(email) holding every address with this key; high None
    means equal to low."""
    local, _, domain = key.rpartition("@")

    def after(prefix: str) -> str:
        return prefix[:-1] + chr(ord(prefix[-1]) + 1)

    if domain == "gmail.com":
        return [(p, after(p)) for p in sorted(_dotted_prefixes(local))]
    ranges: list[tuple[str, str | None]] = [(key, None)]
    if domain in _PLUS_TAGS:
        ranges.append((local + "+", after(local + "+")))
    return ranges


def _ids_by_email(session: Session, key: str) -> set[int]:
    found: set[int] = set()
    live = Contact.deleted_at.is_(None)
    domain = key.rpartition("@")[2]
    domains = _GMAIL if domain == "gmail.com" else {domain}
    for low, high in _email_ranges(key):
        for column, owner, extra in ((func.lower(Contact.email), Contact.id, False),
                                     (func.lower(ContactEmail.email), ContactEmail.contact_id,
                                      True)):
            cond = column == low if high is None else (column >= low) & (column < high)
            # A range holds every domain's addresses; only the key's own are worth reading.
            at_domain = or_(*(column.like(f"%@{d}") for d in sorted(domains)))
            stmt = select(owner, column).where(cond, at_domain, live).limit(LOOKUP_LIMIT)
            if extra:
                stmt = stmt.join(Contact, Contact.id == ContactEmail.contact_id)
            found.update(cid for cid, value in session.execute(stmt)
                         if email_key(value) == key)
    return found


def _ids_by_phone(session: Session, phone: str) -> set[int]:
    live = Contact.deleted_at.is_(None)
    primary = select(Contact.id).where(Contact.phone == phone, live).limit(LOOKUP_LIMIT)
    extra = (select(ContactPhone.contact_id).join(Contact, Contact.id == ContactPhone.contact_id)
             .where(ContactPhone.phone == phone, ContactPhone.phone_valid.is_(True), live)
             .limit(LOOKUP_LIMIT))
    return set(session.scalars(primary)) | set(session.scalars(extra))


def _name_variants(session: Session, contact_id: int, names: set[str]) -> set[str]:
    """sort_name values a contact with one of these name keys can have: sort_name is the
    folded reading, else the folded name, with its spaces; so the key with a space at any one
    place, and this contact's own spaced forms."""
    variants = set(names)
    for n in names:
        variants.update(n[:i] + " " + n[i:] for i in range(1, len(n)))
    row = session.execute(select(Contact.first_name, Contact.last_name,
                                 Contact.first_name_reading, Contact.last_name_reading)
                          .where(Contact.id == contact_id)).first()
    if row is not None:
        first, last, fr, lr = row
        for a, b in ((first, last), (fr, lr)):
            spaced = fold(f"{b} {a}" if has_cjk(f"{a}{b}") else f"{a} {b}")
            if spaced:
                variants.add(spaced)
    return variants


def _ties(company: str | None, email: str | None) -> set[str]:
    """What a name must come with to be a strong key: the company, the email's local part or
    its (non-webmail) domain, as the third part of name keys writes them."""
    out = set()
    if ckey := _company_key(company):
        out.add(ckey)
    if email:
        local, domain = _email_parts(email_key(email))
        if len(local) >= 2:
            out.add(local + "@")
        if domain and domain not in _WEBMAIL:
            out.add("@" + domain)
    return out


def _ids_by_name(session: Session, contact_id: int, names: set[str],
                 ties: set[str]) -> set[int]:
    """Same-named live contacts that share a company or a similar email: a common name has
    thousands of namesakes, so the tie is checked here on three columns, and only the few
    left are read whole."""
    variants = sorted(_name_variants(session, contact_id, names))
    stmt = (select(Contact.id, Contact.company, Contact.email)
            .where(Contact.deleted_at.is_(None), Contact.sort_name.in_(variants))
            .limit(NAME_LOOKUP_LIMIT))
    rows = session.execute(stmt).all()
    if len(rows) >= NAME_LOOKUP_LIMIT:
        return set()  # a name this common is no evidence; the scan still compares it
    return {cid for cid, company, email in rows if _ties(company, email) & ties}


def duplicates_of(session: Session, contact_id: int) -> list[tuple[int, str]]:
    """(id, reason) of the live contacts that share a strong key with this one — same email
    key, same phone, or same name with the same company or a similar email — not marked as
    different people, strongest reason first. Indexed lookups only (lower(email) ranges,
    phone, sort_name), so it is instant on a million contacts.

    Not here: the weak similar-name signal, and contacts reached only through a third (the
    scan's groups). A name is found through sort_name, which is the reading when there is one:
    a contact without readings finds same-named contacts that have readings only when its
    own name is in kana."""
    mine = _keys_of(session, [contact_id]).get(contact_id)
    if not mine:
        return []
    others: set[int] = set()
    names: set[str] = set()
    ties: set[str] = set()
    for key in mine:
        if key[0] == EMAIL:
            others |= _ids_by_email(session, key[1])
        elif key[0] == PHONE:
            others |= _ids_by_phone(session, key[1])
        else:
            names.add(key[1])
            ties.add(key[2])
    if names:
        others |= _ids_by_name(session, contact_id, names, ties)
    others.discard(contact_id)
    if not others:
        return []
    holders: dict[Key, list[int]] = {}
    for other, keys in _keys_of(session, others).items():
        for key in keys & mine:
            holders.setdefault(key, []).append(other)
    apart = {low if high == contact_id else high for low, high in session.execute(
        select(NotDuplicate.low_id, NotDuplicate.high_id).where(
            or_(NotDuplicate.low_id == contact_id, NotDuplicate.high_id == contact_id)))}
    best: dict[int, tuple[float, str]] = {}
    for key, ids in holders.items():
        # As in the scan: a shared value, not a person.
        if len(ids) + 1 > duplicates.SHARED_KEY_LIMIT:
            continue
        ranked = (CONFIDENCE[key[0]], reason_text(key))
        for other in ids:
            if other not in apart and ranked > best.get(other, (0.0, "")):
                best[other] = ranked
    return [(other, reason) for other, (_, reason) in
            sorted(best.items(), key=lambda item: (-item[1][0], item[0]))]

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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from hubdesk.core.batches import chunks
from hubdesk.core.bulk import BulkCancelled
from hubdesk.core.clock import utcnow
from hubdesk.core.contacts import first_last_names
from hubdesk.core.filters import parse, resolve
from hubdesk.core.filters.compile import compile_expr
from hubdesk.core.health import whole_table
from hubdesk.core.models import Contact, ContactEmail, ContactPhone
from hubdesk.core.normalize import display_name, normalize_email, normalize_phone
from hubdesk.core.searchtext import derived_columns

PHONES, EMAILS, TIMEZONES = "phones", "emails", "timezones"
BATCH = 500  # contacts read, changed and written at a time
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class FieldChange(NamedTuple):
    contact_id: int
    field: str  # "phone", "email", "timezone", or "extra_phone:ROW" / "extra_email:ROW"
    before: str
    after: str


@dataclass
class FixPreview:
    fix: str
    changes: list[FieldChange]  # every change, by contact id
    skipped: dict[str, int] = field(default_factory=dict)  # why a value stays → how many

    @property
    def contacts(self) -> int:
        return len({c.contact_id for c in self.changes})


def _live():
    return Contact.deleted_at.is_(None)


def _checked(done: int, total: int, progress: Progress | None, cancelled: Cancelled | None
             ) -> None:
    if cancelled and cancelled():
        raise BulkCancelled("cancelled: nothing was changed")
    if progress:
        progress(done, total)


# --- planning ---------------------------------------------------------------------------------
def plan_phones(session: Session, region: str, *, cancelled: Cancelled | None = None
                ) -> FixPreview:
    """Numbers kept as typed (or stored without +) that are valid numbers of `region`."""
    not_e164 = (Contact.phone_valid.is_(False)) | Contact.phone.not_like("+%")
    primary = session.execute(whole_table(select(Contact.id, Contact.phone).where(
        _live(), Contact.phone.is_not(None), Contact.phone != "", not_e164)))
    extra_bad = (ContactPhone.phone_valid.is_(False)) | ContactPhone.phone.not_like("+%")
    extras = session.execute(
        select(ContactPhone.contact_id, ContactPhone.id, ContactPhone.phone)
        .join(Contact, Contact.id == ContactPhone.contact_id)
        .where(_live(), ContactPhone.phone != "", extra_bad))
    candidates = [(cid, "phone", raw) for cid, raw in primary]
    candidates += [(cid, f"extra_phone:{rid}", raw) for cid, rid, raw in extras]
    preview = FixPreview(PHONES, [])
    for n, (cid, key, raw) in enumerate(sorted(candidates)):
        if n % 5000 == 0:
            _checked(n, len(candidates), None, cancelled)
        phone = normalize_phone(raw, region)
        if phone.valid and phone.value != raw:
            preview.changes.append(FieldChange(cid, key, raw, phone.value))
        elif not phone.valid:
            preview.skipped["not_a_number"] = preview.skipped.get("not_a_number", 0) + 1
    return preview


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


def plan_timezones(session: Session, *, cancelled: Cancelled | None = None) -> FixPreview:
    rows = session.execute(whole_table(select(Contact.id, Contact.address_country).where(
        _live(), (Contact.timezone.is_(None)) | (Contact.timezone == ""),
        Contact.address_country.is_not(None), Contact.address_country != "")
        .order_by(Contact.id))).all()
    preview = FixPreview(TIMEZONES, [])
    for n, (cid, country) in enumerate(rows):
        if n % 20_000 == 0:
            _checked(n, len(rows), None, cancelled)
        code = country_code(country)
        zone = zone_for_country(code) if code else None
        if zone:
            preview.changes.append(FieldChange(cid, "timezone", "", zone))
        else:
            reason = "several_zones" if code else "unknown_country"
            preview.skipped[reason] = preview.skipped.get(reason, 0) + 1
    return preview


# --- countries and their zones (tzdata's tables, shipped with the app) -------------------------
def _tab(name: str) -> list[list[str]]:
    text = (resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded code or English name → code ("jp" and "japan" → "JP")."""
    out = {}
    for code, name, *_ in _tab("iso3166.tab"):
        out[code.casefold()] = code
        out[name.casefold()] = code
    return out


@lru_cache(maxsize=1)
def _zones_by_country() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, _coords, zone, *_ in _tab("zone.tab"):
        out.setdefault(code, []).append(zone)  # the principal zone comes first
    return out


def country_code(value: str) -> str | None:
    return _country_names().get((value or "").strip().casefold())


@lru_cache(maxsize=512)
def zone_for_country(code: str) -> str | None:
    """The country's zone when unambiguous (see the module's docstring), else None."""
    zones = _zones_by_country().get(code.upper(), [])
    if not zones:
        return None
    if len(zones) > 1 and not _same_clock(zones):
        return None
    return zones[0]


def _same_clock(zones: list[str]) -> bool:
    """Whether the zones show the same time every hour of the coming year."""
    infos = [ZoneInfo(z) for z in zones]
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    for hour in range(0, 366 * 24, 1):
        moment = start + timedelta(hours=hour)
        offsets = {moment.astimezone(info).utcoffset() for info in infos}
        if len(offsets) > 1:
            return False
    return True


# --- applying, undoing, redoing ---------------------------------------------------------------
# What a fix writes on each contact it changes: its own columns, then these. The search
# columns are recomputed from what the contact holds, and written only when they change.
_TOUCHED = {PHONES: ("phone", "phone_valid"), EMAILS: ("email",), TIMEZONES: ("timezone",)}
_KEPT = ("problems", "updated_at")
_SEARCH = ("sort_name", "search_text", "search_grams")
_READ = ("email", "phone", "phone_valid", "timezone", *_KEPT, *_SEARCH)
_NAMES = ("first_name", "last_name", "first_name_reading", "last_name_reading", "company")


@dataclass
class ContactState:
    """One contact as stored: the values a fix may touch, and what the search columns are
    made of."""

    values: dict[str, Any]  # _READ
    names: dict[str, Any]  # _NAMES (never changed here)
    extra_emails: dict[int, str]  # row id → email, in order
    extra_phones: dict[int, tuple[str, bool]]  # row id → (phone, valid), in order

    def get(self, key: str) -> str:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            return self.extra_emails.get(int(row), "\x00gone")
        if kind == "extra_phone":
            return self.extra_phones.get(int(row), ("\x00gone", False))[0]
        return self.values.get(key) or ""

    def set(self, key: str, value: str) -> None:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            self.extra_emails[int(row)] = value
        elif kind == "extra_phone":
            self.extra_phones[int(row)] = (value, True)
        else:
            self.values[key] = value
            if key == "phone":
                self.values["phone_valid"] = True

    def row(self, fix: str) -> tuple:
        """What undo and redo need of it: the columns the fix writes, compactly."""
        return tuple(self.values[k] for k in (*_TOUCHED[fix], *_KEPT))

    def extra(self, key: str) -> tuple[str, bool]:
        kind, _, row = key.partition(":")
        if kind == "extra_email":
            return self.extra_emails[int(row)], True
        return self.extra_phones[int(row)]


@dataclass
class FixRecord:
    """What a fix did: enough to undo and redo it exactly. Rows are ContactState.row()
    tuples, extras (contact, field) → (value, valid): a fix may change a million."""

    fix: str
    changes: list[FieldChange] = field(default_factory=list)  # applied, by contact id
    before: dict[int, tuple] = field(default_factory=dict)
    after: dict[int, tuple] = field(default_factory=dict)
    extras_before: dict[tuple[int, str], tuple[str, bool]] = field(default_factory=dict)
    extras_after: dict[tuple[int, str], tuple[str, bool]] = field(default_factory=dict)
    skipped: int = 0  # listed in the preview but changed by someone since: left alone

    @property
    def contacts(self) -> int:
        return len(self.after)


def _read_states(session: Session, ids: list[int], *, live_only: bool = True
                 ) -> dict[int, ContactState]:
    cols = [getattr(Contact, k) for k in (*_READ, *_NAMES)]
    out = {}
    stmt = select(Contact.id, *cols).where(Contact.id.in_(ids))
    for cid, *values in session.execute(stmt.where(_live()) if live_only else stmt):
        out[cid] = ContactState(dict(zip(_READ, values[:len(_READ)], strict=True)),
                                dict(zip(_NAMES, values[len(_READ):], strict=True)), {}, {})
    for rid, cid, email in session.execute(
            select(ContactEmail.id, ContactEmail.contact_id, ContactEmail.email)
            .where(ContactEmail.contact_id.in_(list(out)))
            .order_by(ContactEmail.contact_id, ContactEmail.position, ContactEmail.id)):
        out[cid].extra_emails[rid] = email
    for rid, cid, phone, valid in session.execute(
            select(ContactPhone.id, ContactPhone.contact_id, ContactPhone.phone,
                   ContactPhone.phone_valid)
            .where(ContactPhone.contact_id.in_(list(out)))
            .order_by(ContactPhone.contact_id, ContactPhone.position, ContactPhone.id)):
        out[cid].extra_phones[rid] = (phone, bool(valid))
    return out


def _copy(state: ContactState) -> ContactState:
    return replace(state, values=dict(state.values), extra_emails=dict(state.extra_emails),
                   extra_phones=dict(state.extra_phones))


def _without_fixed_problems(problems: str | None, applied: list[FieldChange]) -> str | None:
    """The contact's problems minus those about values this fix made valid: a phone's or an
    email's by the value recorded (the primary's may have none recorded), any time zone's."""
    if not problems:
        return problems
    try:
        items = json.loads(problems)
    except ValueError:
        return problems  # not ours to rewrite
    fixed = {(ch.field.split(":")[0].removeprefix("extra_"), ch.before.strip())
             for ch in applied}
    primary = {ch.field for ch in applied if ":" not in ch.field}

    def is_fixed(p: Any) -> bool:
        if not isinstance(p, dict):
            return False
        kind, value = p.get("field"), str(p.get("value") or "").strip()
        return (kind == "timezone" and "timezone" in primary) or (kind, value) in fixed or \
            (not value and kind in primary)

    keep = [p for p in items if not is_fixed(p)]
    if len(keep) == len(items):
        return problems
    return json.dumps(keep, ensure_ascii=False) if keep else None


def apply_fix(session: Session, fix: str, changes: Sequence[FieldChange], *,
              progress: Progress | None = None, cancelled: Cancelled | None = None,
              ) -> FixRecord:
    """Make the previewed changes (in the caller's transaction; a cancel raises
    BulkCancelled and the caller's rollback leaves nothing changed)."""
    by_contact: dict[int, list[FieldChange]] = {}
    for change in changes:
        by_contact.setdefault(change.contact_id, []).append(change)
    ids = sorted(by_contact)
    record = FixRecord(fix)
    now, done = utcnow(), 0
    for batch in chunks(ids, BATCH):
        _checked(done, len(ids), progress, cancelled)
        states = _read_states(session, batch)
        writes = {}
        for cid in batch:
            state = states.get(cid)
            if state is None:  # trashed or deleted since the preview
                record.skipped += len(by_contact[cid])
                continue
            new, applied = _copy(state), []
            for change in by_contact[cid]:
                if new.get(change.field) != change.before:
                    record.skipped += 1
                    continue
                new.set(change.field, change.after)
                applied.append(change)
                if ":" in change.field:
                    key = (cid, change.field)
                    record.extras_before[key] = state.extra(change.field)
                    record.extras_after[key] = new.extra(change.field)
            if not applied:
                continue
            new.values["problems"] = _without_fixed_problems(state.values["problems"], applied)
            new.values["updated_at"] = now
            record.before[cid], record.after[cid] = state.row(fix), new.row(fix)
            record.changes += applied
            writes[cid] = (state, new)
        _store(session, fix, writes)
        done += len(batch)
    _checked(done, len(ids), progress, cancelled)
    return record


def undo_fix(session: Session, record: FixRecord) -> None:
    """Every contact the fix changed back as it was, its last-updated time included."""
    _restore(session, record, record.before, record.extras_before)


def redo_fix(session: Session, record: FixRecord) -> None:
    _restore(session, record, record.after, record.extras_after)


def _restore(session: Session, record: FixRecord, rows: dict[int, tuple],
             extras: dict[tuple[int, str], tuple[str, bool]]) -> None:
    columns = (*_TOUCHED[record.fix], *_KEPT)
    by_contact: dict[int, list[tuple[str, tuple[str, bool]]]] = {}
    for (cid, key), value in extras.items():
        by_contact.setdefault(cid, []).append((key, value))
    for batch in chunks(sorted(rows), BATCH):
        # Trashed since: still put back, so restoring it from the Trash finds it as it was.
        states = _read_states(session, batch, live_only=False)
        writes = {}
        for cid in batch:
            state = states.get(cid)
            if state is None:  # deleted for good since: nothing to put back
                continue
            new = _copy(state)
            new.values.update(zip(columns, rows[cid], strict=True))
            for key, (value, valid) in by_contact.get(cid, []):
                kind, _, row_id = key.partition(":")
                if kind == "extra_email":
                    new.extra_emails[int(row_id)] = value
                else:
                    new.extra_phones[int(row_id)] = (value, valid)
            writes[cid] = (state, new)
        _store(session, record.fix, writes)


def _store(session: Session, fix: str, writes: dict[int, tuple[ContactState, ContactState]]
           ) -> None:
    """Write each contact's new state over its stored one: the fix's columns, changed
    additional emails and phones, and the search columns only where they change (writing
    them re-indexes the contact for search, the costly part; a time zone is not searched)."""
    if not writes:
        return
    own = (*_TOUCHED[fix], *_KEPT)
    rows, searched, emails, phones = [], [], [], []
    for cid, (old, new) in writes.items():
        rows.append({"b_id": cid, **{f"b_{k}": new.values[k] for k in own}})
        if _searchable(old) != _searchable(new):  # else the search columns stay right
            derived = derived_columns({**new.names, **new.values},
                                      list(new.extra_emails.values()),
                                      [p for p, _ in new.extra_phones.values()])
            if any(derived[k] != old.values[k] for k in _SEARCH):
                searched.append({"b_id": cid, **{f"b_{k}": derived[k] for k in _SEARCH}})
        emails += [{"b_id": rid, "b_email": v} for rid, v in new.extra_emails.items()
                   if old.extra_emails.get(rid) != v]
        phones += [{"b_id": rid, "b_phone": v, "b_valid": ok}
                   for rid, (v, ok) in new.extra_phones.items()
                   if old.extra_phones.get(rid) != (v, ok)]
    conn = session.connection()
    conn.execute(_update(own), rows)
    if searched:
        conn.execute(_update(_SEARCH, bump=False), searched)
    if emails:
        conn.execute(_EMAIL_UPDATE, emails)
    if phones:
        conn.execute(_PHONE_UPDATE, phones)


def _searchable(state: ContactState) -> tuple:
    """What of a fix's columns the search columns are made of (names never change here)."""
    return (state.values["email"], state.values["phone"], tuple(state.extra_emails.values()),
            tuple(p for p, _ in state.extra_phones.values()))


_EMAIL_UPDATE = (update(ContactEmail.__table__)
                 .where(ContactEmail.__table__.c.id == bindparam("b_id"))
                 .values(email=bindparam("b_email")))
_PHONE_UPDATE = (update(ContactPhone.__table__)
                 .where(ContactPhone.__table__.c.id == bindparam("b_id"))
                 .values(phone=bindparam("b_phone"), phone_valid=bindparam("b_valid")))


@lru_cache(maxsize=16)
def _update(columns: tuple[str, ...], bump: bool = True):
    table = Contact.__table__
    values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in columns}
    if bump:  # a newer version, also on undo: an editor open on the contact notices
        values["version"] = table.c.version + 1
    return update(table).where(table.c.id == bindparam("b_id")).values(**values)


# --- showing a preview ------------------------------------------------------------------------
def contact_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """How the preview names contacts: their name, else #id."""
    names = first_last_names(session, list(dict.fromkeys(ids)))
    return {cid: display_name(*names.get(cid, ("", ""))) or f"#{cid}" for cid in ids}

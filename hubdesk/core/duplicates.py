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
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz, process
from sqlalchemy import delete, func, insert, or_, select, tuple_
from sqlalchemy.orm import Session

from hubdesk.core.batches import chunks
from hubdesk.core.clock import utcnow
from hubdesk.core.errors import HubDeskError, NotFoundError
from hubdesk.core.models import Contact, ContactEmail, ContactPhone, NotDuplicate
from hubdesk.core.normalize import fold, has_cjk

EMAIL, PHONE, NAME_COMPANY, NAME_EMAIL, SIMILAR_NAME = (
    "email", "phone", "name_company", "name_email", "similar_name")
CONFIDENCE = {EMAIL: 0.95, PHONE: 0.9, NAME_COMPANY: 0.85, NAME_EMAIL: 0.75, SIMILAR_NAME: 0.5}
SHARED_KEY_LIMIT = 25
# Fuzzy names are compared pairwise, so only within small blocks: same company and same first
# letter of the name (a typo rarely hits the first letter; it keeps big companies' blocks small).
FUZZY_BLOCK_LIMIT = 50
FUZZY_MIN_RATIO = 90.0
# Above one candidate in RESCAN_SHARE contacts, phase 2 reads the table again instead of
# looking the candidates up by id.
RESCAN_SHARE = 16
# Progress: the first pass is this share of the work (about right when many contacts are
# candidates; when few are, the rest takes a moment and the bar jumps to the end).
SCAN_SHARE = 0.8

# Gmail ignores dots and +tags; googlemail.com is the same mailbox.
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
# Providers that deliver local+tag to local. Yahoo is not here on purpose: its disposable
# "base-keyword" addresses have a base that is not the account's name, so dropping "-keyword"
# would join different people (mary-jane@ and mary@). Proton also ignores dots, dashes and
# underscores, but undocumented, so only the +tag goes.
_PLUS_TAGS = frozenset({
    "outlook.com", "outlook.jp", "hotmail.com", "hotmail.co.jp", "hotmail.co.uk", "live.com",
    "live.jp", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm",
    "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
})
# Domains shared by unrelated people, and the reserved example domains (placeholders in
# test and demo data): the same name there says nothing.
_WEBMAIL = _GMAIL | _PLUS_TAGS | frozenset({
    "yahoo.com", "yahoo.co.jp", "ymail.com", "aol.com", "gmx.com", "gmx.net", "gmx.de",
    "web.de", "mail.ru", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com", "naver.com",
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "nifty.com",
    "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp", "example.com", "example.org", "example.net",
})

Progress = Callable[[int, int], None]
Key = tuple[str, ...]


class ScanCancelled(HubDeskError):
    """The user stopped the duplicate scan; nothing was changed."""


@dataclass(frozen=True)
class DuplicateGroup:
    ids: tuple[int, ...]  # sorted
    reason: str  # the strongest reason, for one line of text
    confidence: float  # 0–1: the strongest link's
    reasons: tuple[str, ...] = ()  # every distinct reason, strongest first
    # Pairs in the group the user marked as different people (linked through a third).
    kept_apart: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict:
        return {"ids": list(self.ids), "reason": self.reason, "confidence": self.confidence,
                "reasons": list(self.reasons), "kept_apart": [list(p) for p in self.kept_apart]}


# --- keys --------------------------------------------------------------------------------


def email_key(email: str | None) -> str:
    """The mailbox an address reaches: lower case; for Gmail without dots and +tag (and
    googlemail.com as gmail.com); for providers that ignore +tags, without the tag. Other
    domains keep the local part as written: a company server may deliver a.b and ab apart."""
    value = (email or "").strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local:
        return value
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "") or local
        domain = "gmail.com"
    elif domain in _PLUS_TAGS:
        local = local.split("+", 1)[0] or local
    return f"{local}@{domain}"


@lru_cache(maxsize=1 << 16)  # first names, surnames and companies repeat: fold each once
def _folded(part: str) -> tuple[str, bool]:
    """A name part folded without spaces, and whether it is East Asian (family name first)."""
    folded = fold(part).replace(" ", "")
    return folded, has_cjk(folded)


def _joined(first: str, last: str) -> str:
    f, f_cjk = _folded(first or "")
    la, l_cjk = _folded(last or "")
    # display_name's order, so one field holding the whole name as people write it matches.
    return la + f if f_cjk or l_cjk else f + la


def _is_full_name(first: str, last: str, joined: str) -> bool:
    # "Taro" alone (common in chat contacts) is not a name to match people on.
    if first.strip() and last.strip():
        return True
    single = first.strip() or last.strip()
    return (" " in single and len(joined) >= 4) or (has_cjk(joined) and len(joined) >= 3)


def name_key(first: str | None, last: str | None, first_reading: str | None = "",
             last_reading: str | None = "") -> tuple[str, ...]:
    """The name folded (case, width, kana) without spaces, in display order; plus the reading
    folded the same way when every written part has one, so 山田太郎 (やまだ たろう) and ヤマダ
    タロウ share a key. Empty when there is no full name to match on."""
    first, last = first or "", last or ""
    joined = _joined(first, last)
    if not joined or not _is_full_name(first, last, joined):
        return ()
    keys = [joined]
    fr, lr = (first_reading or "").strip(), (last_reading or "").strip()
    # A reading for only the surname would make a key of half a name.
    has_readings = (fr or lr) and (fr or not first.strip()) and (lr or not last.strip())
    if has_readings:
        reading = _joined(fr, lr)
        if reading and reading != joined:
            keys.append(reading)
    return tuple(keys)


def _phone_key(phone: str | None, valid: object) -> str | None:
    return phone if phone and valid and phone.startswith("+") else None


def _company_key(company: str | None) -> str:
    return _folded(company or "")[0]


def _email_parts(key: str) -> tuple[str, str]:
    local, _, domain = key.rpartition("@")
    local = local.split("+", 1)[0]
    # Three replaces beat one str.translate (a per-character table lookup) fourfold here.
    return local.replace(".", "").replace("-", "").replace("_", ""), domain


# Names repeat (a million contacts of the demo have 1,200 names; real lists repeat less), and
# a hit returns the same strings, so repeated names also cost no memory in the blocks.
_names = lru_cache(maxsize=1 << 17)(name_key)


def _row_keys(first: str, last: str, fr: str, lr: str, email: str | None, phone: str | None,
              valid: object, company: str) -> tuple[list[Key], Key | None]:
    """One contact row's strong keys and its fuzzy block (same company, same first letter of
    the name)."""
    keys: list[Key] = []
    ekey = email_key(email) if email else ""
    if ekey:
        keys.append((EMAIL, ekey))
    pkey = _phone_key(phone, valid)
    if pkey:
        keys.append((PHONE, pkey))
    names = _names(first, last, fr, lr)
    block = None
    if names:
        ckey = _company_key(company)
        local, domain = _email_parts(ekey) if ekey else ("", "")
        for n in names:
            if ckey:
                keys.append((NAME_COMPANY, n, ckey))
            if len(local) >= 2:
                keys.append((NAME_EMAIL, n, local + "@"))
            if domain and domain not in _WEBMAIL:
                keys.append((NAME_EMAIL, n, "@" + domain))
        if ckey:
            block = (SIMILAR_NAME, ckey, names[0][0])
    return keys, block


def reason_text(key: Key) -> str:
    kind = key[0]
    if kind == EMAIL:
        return f"same email {key[1]}"
    if kind == PHONE:
        return f"same phone {key[1]}"
    if kind == NAME_COMPANY:
        return "same name and company"
    return "same name and similar email"


# --- reading ----------------------------------------------------------------------------

_COLUMNS = ("id, first_name, last_name, first_name_reading, last_name_reading, email, phone, "
            "phone_valid, company")
BATCH = 20_000


def _stream(session: Session, sql: str) -> Iterator[list]:
    """Rows in big batches straight from the driver: no ORM objects, no Row wrappers."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(BATCH):
                yield rows
        finally:
            cursor.close()
        return
    result = conn.execution_options(stream_results=True).exec_driver_sql(sql)
    try:
        yield from result.partitions(BATCH)
    finally:
        result.close()  # a cancelled scan must not leave the server-side cursor open


def _contacts_sql(dialect: str, where: str = "deleted_at IS NULL") -> str:
    # The partial live-email index would otherwise drive the scan: a random row read per
    # contact instead of one pass through the table (4 s against 1.8 s for a million).
    hint = " NOT INDEXED" if dialect == "sqlite" else ""
    return f"SELECT {_COLUMNS} FROM contacts{hint} WHERE {where}"


_EXTRA_EMAILS = ("SELECT e.contact_id, e.email FROM contact_emails e JOIN contacts c "
                 "ON c.id = e.contact_id WHERE c.deleted_at IS NULL")
_EXTRA_PHONES = ("SELECT p.contact_id, p.phone FROM contact_phones p JOIN contacts c "
                 "ON c.id = p.contact_id WHERE c.deleted_at IS NULL AND p.phone_valid")


def _extra_keys(session: Session, ids: set[int] | None = None) -> Iterator[tuple[int, Key]]:
    """(contact id, key) of additional emails and valid phones, of live contacts or of ids."""
    for sql, kind in ((_EXTRA_EMAILS, EMAIL), (_EXTRA_PHONES, PHONE)):
        for rows in _stream(session, sql):
            for cid, value in rows:
                if ids is not None and cid not in ids:
                    continue
                key = email_key(value) if kind == EMAIL else _phone_key(value, True)
                if key:
                    yield cid, (kind, key)


class _Cancel:
    def __init__(self, cancelled: Callable[[], bool] | None):
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ScanCancelled("Duplicate scan cancelled")


# --- phase 1: hashes of every key, to find the few contacts worth a closer look ---------

_PARTS = 16  # partitions: the dict that counts one partition's hashes stays small


class _Hashes:
    """(hash, contact id) pairs in compact arrays, split by hash so each can be counted
    with a small dict."""

    def __init__(self, id_type: str) -> None:
        self.hashes = [array("q") for _ in range(_PARTS)]
        self.ids = [array(id_type) for _ in range(_PARTS)]

    def add(self, key: Key, cid: int) -> None:
        h = hash(key)
        part = h & (_PARTS - 1)
        self.hashes[part].append(h)
        self.ids[part].append(cid)

    def linking(self, limit: int, cancel: _Cancel) -> Iterator[tuple[int, set[int]]]:
        """(hash, holders) of every hash held by 2..limit contacts (a hash held by more links
        nobody). Frees each partition once counted."""
        for part in range(_PARTS):
            cancel.check()
            first: dict[int, int] = {}
            more: dict[int, list[int]] = {}
            remember = first.setdefault
            for h, cid in zip(self.hashes[part], self.ids[part], strict=True):
                if remember(h, cid) != cid:  # held before, by another contact (or this one)
                    more.setdefault(h, [first[h]]).append(cid)
            self.hashes[part], self.ids[part] = array("q"), array("b")
            for h, holders in more.items():
                distinct = set(holders)  # a contact may hold a key twice (primary + extra)
                if 1 < len(distinct) <= limit:
                    yield h, distinct


@dataclass
class _Candidates:
    strong: set[int]
    # Hashes of the strong keys that link: only these are kept in phase 2, so its dicts hold
    # the few keys that matter, not every key of every candidate.
    shared: set[int]
    # Contact → its fuzzy block's hash, for contacts in a block of 2..FUZZY_BLOCK_LIMIT; the
    # blocks are then gathered by that hash, without folding every company again.
    fuzzy: dict[int, int]


def _hash_pass(session: Session, total: int, progress: Progress | None,
               cancel: _Cancel) -> _Candidates:
    # Ids in 4 bytes when they fit (they do, short of two billion contacts): 12 bytes a key.
    biggest = session.scalar(select(func.max(Contact.id))) or 0
    id_type = "i" if biggest < 2**31 else "q"
    strong, blocks = _Hashes(id_type), _Hashes(id_type)
    # The loop runs a million times: bound methods and inlined hashing save a third of it.
    add_hash = [a.append for a in strong.hashes]
    add_id = [a.append for a in strong.ids]
    add_block_hash = [a.append for a in blocks.hashes]
    add_block_id = [a.append for a in blocks.ids]
    mask = _PARTS - 1
    done = 0
    for rows in _stream(session, _contacts_sql(session.get_bind().dialect.name)):
        cancel.check()
        for cid, first, last, fr, lr, email, phone, valid, company in rows:
            keys, block = _row_keys(first, last, fr, lr, email, phone, valid, company)
            for key in keys:
                h = hash(key)
                add_hash[h & mask](h)
                add_id[h & mask](cid)
            if block is not None:
                h = hash(block)
                add_block_hash[h & mask](h)
                add_block_id[h & mask](cid)
        done += len(rows)
        if progress:
            progress(int(min(done, total) * SCAN_SHARE), total)
    for cid, key in _extra_keys(session):
        strong.add(key, cid)
    cancel.check()
    found = _Candidates(set(), set(), {})
    for h, holders in strong.linking(SHARED_KEY_LIMIT, cancel):
        found.shared.add(h)
        found.strong.update(holders)
    cancel.check()
    for h, holders in blocks.linking(FUZZY_BLOCK_LIMIT, cancel):
        found.fuzzy.update(dict.fromkeys(holders, h))
    return found


# --- phase 2: exact keys of the candidates -----------------------------------------------


def _candidate_rows(session: Session, ids: set[int], total: int) -> Iterator[tuple]:
    dialect = session.get_bind().dialect.name
    if len(ids) > total // RESCAN_SHARE:
        # Many candidates: one more pass through the table beats a lookup per id (1.2 s
        # against 3 s for 200,000 of a million).
        for rows in _stream(session, _contacts_sql(dialect)):
            yield from (row for row in rows if row[0] in ids)
        return
    for chunk in chunks(sorted(ids), 500):
        listed = ", ".join(str(int(i)) for i in chunk)  # ints only: safe to inline
        for rows in _stream(session, _contacts_sql(dialect, f"id IN ({listed})")):
            yield from rows


@dataclass
class _Exact:
    buckets: dict[Key, list[int]]  # exact strong key → holders
    blocks: dict[int, list[tuple[int, str]]]  # fuzzy block hash → (id, name key)


def _exact_keys(session: Session, found: _Candidates, total: int, progress: Progress | None,
                cancel: _Cancel) -> _Exact:
    exact = _Exact({}, {})
    shared, strong, fuzzy = found.shared, found.strong, found.fuzzy
    buckets, blocks = exact.buckets, exact.blocks
    wanted = strong | fuzzy.keys()
    start = int(total * SCAN_SHARE)
    for n, (cid, first, last, fr, lr, email, phone, valid, company) in enumerate(
            _candidate_rows(session, wanted, total)):
        if n % BATCH == 0:
            cancel.check()
            if progress:
                progress(start + (total - start) * n // len(wanted), total)
        if cid in strong:
            for key in _row_keys(first, last, fr, lr, email, phone, valid, company)[0]:
                if hash(key) in shared:
                    buckets.setdefault(key, []).append(cid)
        block = fuzzy.get(cid)
        if block is not None:
            blocks.setdefault(block, []).append((cid, _names(first, last, fr, lr)[0]))
    for cid, key in _extra_keys(session, found.strong):
        if hash(key) in shared:
            holders = exact.buckets.setdefault(key, [])
            if cid not in holders:
                holders.append(cid)
    return exact


# --- grouping ----------------------------------------------------------------------------


class _Groups:
    """Union-find over contact ids, remembering why each link was made."""

    def __init__(self, apart: set[tuple[int, int]]):
        self.parent: dict[int, int] = {}
        self.apart = apart
        self.marked = {i for pair in apart for i in pair}
        self.links: list[tuple[int, float, str]] = []

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:  # path compression keeps later finds short
            parent[x], x = root, parent.get(x, x)
        return root

    def link(self, a: int, b: int, confidence: float, reason: str) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        self.links.append((a, confidence, reason))

    def link_holders(self, holders: list[int], key: Key) -> None:
        ids = sorted(set(holders))
        if len(ids) < 2:
            return
        confidence, reason = CONFIDENCE[key[0]], reason_text(key)
        if self.marked.isdisjoint(ids):
            for other in ids[1:]:  # a star joins them all; no need for every pair
                self.link(ids[0], other, confidence, reason)
            return
        for a, b in combinations(ids, 2):
            if (a, b) not in self.apart:
                self.link(a, b, confidence, reason)

    def groups(self) -> list[DuplicateGroup]:
        members: dict[int, list[int]] = {}
        for cid in self.parent:
            members.setdefault(self.find(cid), []).append(cid)
        reasons: dict[int, dict[str, float]] = {}
        for a, confidence, reason in self.links:
            seen = reasons.setdefault(self.find(a), {})
            seen[reason] = max(confidence, seen.get(reason, 0.0))
        apart: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.apart:
            if a in self.parent and b in self.parent and self.find(a) == self.find(b):
                apart.setdefault(self.find(a), []).append((a, b))
        out = []
        for root, ids in members.items():
            ranked = sorted(reasons[root].items(), key=lambda item: (-item[1], item[0]))
            out.append(DuplicateGroup(
                ids=tuple(sorted(ids)), reason=ranked[0][0], confidence=ranked[0][1],
                reasons=tuple(r for r, _ in ranked), kept_apart=tuple(sorted(apart.get(root, [])))))
        out.sort(key=lambda g: (-g.confidence, -len(g.ids), g.ids[0]))
        return out


def _similar_names(groups: _Groups, blocks: dict[int, list[tuple[int, str]]],
                   cancel: _Cancel) -> None:
    """The weak signal: alike names at the same company, for contacts not linked yet."""
    confidence = CONFIDENCE[SIMILAR_NAME]
    for n, block in enumerate(blocks.values()):
        if len(block) < 2:
            continue
        if n % 1000 == 0:
            cancel.check()
        names = [name for _, name in block]
        for i, (a, name) in enumerate(block[:-1]):
            # rapidfuzz compares one name with the rest of the block in C.
            for _, score, j in process.extract(name, names[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=FUZZY_MIN_RATIO, limit=None):
                b, other = block[i + 1 + j]
                pair = (min(a, b), max(a, b))
                # The very same name at the same company is a strong key: if it links nobody,
                # it was held by too many (not a person), and it must not sneak back as "alike".
                if other == name or pair in groups.apart or groups.find(a) == groups.find(b):
                    continue
                groups.link(a, b, confidence,
                            f"similar name ({score:.0f} %) at the same company")


def _not_duplicate_pairs(session: Session) -> set[tuple[int, int]]:
    return {(low, high) for low, high in session.execute(
        select(NotDuplicate.low_id, NotDuplicate.high_id))}


def _live_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Contact).where(
        Contact.deleted_at.is_(None))) or 0)


def find_duplicates(session: Session, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[DuplicateGroup]:
    """Groups of likely duplicates among live contacts, most confident (then biggest) first.

    `progress(done, total)` counts contacts scanned and reaches total at the end;
    `cancelled()` is asked between batches and raises ScanCancelled when true."""
    cancel = _Cancel(cancelled)
    total = _live_count(session)
    if progress:
        progress(0, total)
    if total < 2:
        if progress:
            progress(total, total)
        return []
    try:
        found = _hash_pass(session, total, progress, cancel)
        exact = _exact_keys(session, found, total, progress, cancel)
    finally:
        _names.cache_clear()  # tens of MB of names: not kept in the app between scans
    groups = _Groups(_not_duplicate_pairs(session))
    for key, holders in exact.buckets.items():
        groups.link_holders(holders, key)
    cancel.check()
    _similar_names(groups, exact.blocks, cancel)
    result = groups.groups()
    if progress:
        progress(total, total)
    return result


# --- one contact: the profile header's "Possible duplicate of …" -------------------------

LOOKUP_LIMIT = 2000  # rows one indexed lookup may bring back; more means a shared value
NAME_LOOKUP_LIMIT = 20_000  # namesakes read for the name rules (3 columns each)
MARK_LIMIT = 200  # "Not duplicates" is for a group, and records every pair in it


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
        if len(ids) + 1 > SHARED_KEY_LIMIT:  # as in the scan: a shared value, not a person
            continue
        ranked = (CONFIDENCE[key[0]], reason_text(key))
        for other in ids:
            if other not in apart and ranked > best.get(other, (0.0, "")):
                best[other] = ranked
    return [(other, reason) for other, (_, reason) in
            sorted(best.items(), key=lambda item: (-item[1][0], item[0]))]


# --- "Not duplicates" ---------------------------------------------------------------------


def _pairs(ids: Iterable[int]) -> list[tuple[int, int]]:
    return list(combinations(sorted(set(ids)), 2))


def mark_not_duplicates(session: Session, ids: Iterable[int]) -> list[tuple[int, int]]:
    """Remember that these contacts are different people: every pair among them. Returns the
    pairs newly recorded; unmarking exactly those (pair by pair) undoes it."""
    unique = sorted(set(ids))
    if len(unique) > MARK_LIMIT:
        raise HubDeskError(f"'Not duplicates' takes at most {MARK_LIMIT} contacts at once")
    if len(unique) < 2:
        return []
    known = set(session.scalars(select(Contact.id).where(Contact.id.in_(unique))))
    if missing := [i for i in unique if i not in known]:
        raise NotFoundError(f"no contact with id {missing[0]}")
    existing = {(a, b) for a, b in session.execute(
        select(NotDuplicate.low_id, NotDuplicate.high_id).where(
            NotDuplicate.low_id.in_(unique), NotDuplicate.high_id.in_(unique)))}
    new = [pair for pair in _pairs(unique) if pair not in existing]
    if new:
        now = utcnow()
        session.execute(insert(NotDuplicate), [
            {"low_id": a, "high_id": b, "created_at": now} for a, b in new])
    return new


def unmark_not_duplicates(session: Session, ids: Iterable[int]) -> int:
    """Forget every "not duplicates" pair among these contacts; returns how many."""
    pairs = _pairs(ids)
    if not pairs:
        return 0
    removed = 0
    for chunk in chunks(pairs, 400):
        result = session.execute(delete(NotDuplicate).where(
            tuple_(NotDuplicate.low_id, NotDuplicate.high_id).in_(chunk)))
        removed += result.rowcount or 0
    return removed

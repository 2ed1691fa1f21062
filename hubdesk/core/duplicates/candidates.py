"""The duplicate scan's two reading phases (DESIGN §6: a million contacts in ≤ 15 s): every
key of every live contact hashed into compact arrays, the hashes held by two or more contacts
naming the candidates; then only those read again for their exact keys."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hubdesk.core import duplicates
from hubdesk.core.batches import chunks
from hubdesk.core.duplicates.cancel import Progress, _Cancel
from hubdesk.core.duplicates.grouping import FUZZY_BLOCK_LIMIT
from hubdesk.core.duplicates.keys import Key, _names, _row_keys
from hubdesk.core.duplicates.stream import BATCH, _contacts_sql, _extra_keys, _stream
from hubdesk.core.models import Contact

# Progress: the first pass is this share of the work (about right when many contacts are
# candidates; when few are, the rest takes a moment and the bar jumps to the end).
SCAN_SHARE = 0.8


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
    for h, holders in strong.linking(duplicates.SHARED_KEY_LIMIT, cancel):
        found.shared.add(h)
        found.strong.update(holders)
    cancel.check()
    for h, holders in blocks.linking(FUZZY_BLOCK_LIMIT, cancel):
        found.fuzzy.update(dict.fromkeys(holders, h))
    return found


# --- phase 2: exact keys of the candidates -----------------------------------------------


def _candidate_rows(session: Session, ids: set[int], total: int) -> Iterator[tuple]:
    dialect = session.get_bind().dialect.name
    if len(ids) > total // duplicates.RESCAN_SHARE:
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

"""Applying a previewed fix as one bulk change, and undoing and redoing it (see the package's
docstring for what is checked and kept)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from hubdesk.core.batches import chunks
from hubdesk.core.clock import utcnow
from hubdesk.core.health_fixes.preview import Cancelled, FieldChange, Progress, _checked
from hubdesk.core.health_fixes.state import _KEPT, _TOUCHED, _copy, _read_states
from hubdesk.core.health_fixes.writes import _store

BATCH = 500  # contacts read, changed and written at a time


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

"""A database file as SQLite itself sees it: its own consistency checks, and every row dumped
with its storage type, so two states can be compared byte for byte."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

Dump = dict[str, list[tuple]]
# FTS5 indexes over contacts: SQLite's integrity_check does not look inside them, their own
# 'integrity-check' command compares them with the contacts table.
FTS_TABLES = ("contacts_fts", "contacts_short")


def connect(path: Path) -> sqlite3.Connection:
    # A plain connection, as any SQLite tool would open the file: the first one after a crash
    # replays (or discards) the write-ahead log.
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def problems(path: Path) -> list[str]:
    """Everything SQLite finds wrong with the file; [] when it is sound."""
    conn = connect(path)
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        found = [] if found == ["ok"] else [f"integrity_check: {r}" for r in found]
        found += [f"foreign_key_check: {tuple(row)}"
                  for row in conn.execute("PRAGMA foreign_key_check")]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for fts in FTS_TABLES:
            if fts in names:
                try:
                    # rank 1: also check the index against its content table (contacts).
                    conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError as exc:
                    found.append(f"{fts}: {exc}")
        return found
    finally:
        conn.close()


def tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables holding data: not SQLite's own, not virtual, not FTS shadow tables."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(name for name, _ in rows
                  if name not in virtual and not any(name.startswith(v + "_") for v in virtual))


def dump(path: Path, *, skip: tuple[str, ...] = (),
         mask: dict[str, set[str]] | None = None) -> Dump:
    """Every row of every table as (value, storage type) pairs in a fixed order. Columns in
    `mask` (table → names) read as '*': values that differ from run to run, like "now"."""
    mask = mask or {}
    conn = connect(path)
    try:
        out: Dump = {}
        for table in tables(conn):
            if table in skip:
                continue
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            hidden = mask.get(table, set())
            select = ", ".join("'*', '*'" if c in hidden else f'"{c}", typeof("{c}")'
                               for c in cols)
            order = ", ".join(str(i) for i in range(1, 2 * len(cols) + 1, 2))
            out[table] = conn.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}').fetchall()
        return out
    finally:
        conn.close()


def missing_rows(before: Dump, after: Dump) -> dict[str, str]:
    """Rows of `before` not found, byte for byte, in `after` (changed rows count as missing)."""
    out = {}
    for table, rows in before.items():
        gone = Counter(rows) - Counter(after.get(table, []))
        if gone:
            out[table] = _short(sorted(gone.elements(), key=repr)[:5])
    return out


def differences(expected: Dump, actual: Dump) -> dict[str, str]:
    """Per table, a short description of how two dumps differ; {} when they are equal."""
    out = {}
    for table in sorted(set(expected) | set(actual)):
        a, b = Counter(expected.get(table, [])), Counter(actual.get(table, []))
        if a != b:
            lost, extra = sorted((a - b).elements(), key=repr), sorted((b - a).elements(), key=repr)
            out[table] = (f"{len(lost)} row(s) missing e.g. {_short(lost[:2])}, "
                          f"{len(extra)} unexpected e.g. {_short(extra[:2])}")
    return out


def _short(rows: list[tuple]) -> str:
    text = repr(rows)
    return text if len(text) < 400 else text[:400] + "…"

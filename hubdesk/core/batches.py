"""Splitting long id lists: SQLite accepts at most 32,766 bound values in one statement, and a
select-all over a million contacts is a million ids."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

CHUNK = 5000


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    if isinstance(ids, Sequence):
        for start in range(0, len(ids), size):
            yield list(ids[start:start + size])
        return
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

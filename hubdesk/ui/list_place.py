"""Where the user is in the contact list — which contacts are selected, which one is current,
which one is at the top — taken before the list's ids are replaced and put back after, so a
refresh caused by someone else's change moves nothing under the user's hands.

Finding the contacts again in the new ids (find_place) is plain Python that may walk a
million ids, so it runs on a worker thread; taking and putting back touch the view."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


@dataclass(frozen=True)
class ListPlace:
    ids: array  # the ids shown when it was taken (the model replaces, never changes, them)
    ranges: tuple[tuple[int, int], ...]  # selected rows: first and last of each run
    current_row: int  # -1: none
    current_column: int
    top_row: int  # -1: the list is empty
    top_offset: int  # pixels of the top row scrolled out of sight


@dataclass(frozen=True)
class NewPlace:
    ranges: tuple[tuple[int, int], ...]
    current_row: int  # -1: none
    current_column: int
    current_kept: bool  # the same contact is current (False: it is gone, a neighbour is)
    top_row: int
    top_offset: int


def take_place(view: QTableView, ids: array) -> ListPlace:
    current = view.currentIndex()
    top = view.rowAt(0)
    return ListPlace(
        ids=ids,
        ranges=tuple(sorted({(r.top(), r.bottom()) for r in view.selectionModel().selection()})),
        current_row=current.row() if current.isValid() else -1,
        current_column=max(current.column(), 0),
        top_row=top,
        top_offset=-view.rowViewportPosition(top) if top >= 0 else 0,
    )


def find_place(place: ListPlace, ids: array) -> NewPlace:
    """The same place among `ids`: the contacts still there stay selected, current and on
    top; where the current or top contact is gone, the row of the same number takes over."""
    old, last = place.ids, len(ids) - 1
    everything = bool(old) and place.ranges == ((0, len(old) - 1),)
    selected: set[int] = set()
    if not everything:  # select-all over a million rows needs no million-id set
        for first, end in place.ranges:
            selected.update(old[first:end + 1])
    current, top = _at(old, place.current_row), _at(old, place.top_row)
    rows = _rows_of(ids, selected | {i for i in (current, top) if i is not None})
    if everything:
        ranges: tuple[tuple[int, int], ...] = ((0, last),) if ids else ()
    else:
        ranges = _runs(sorted(rows[c] for c in selected if c in rows))
    kept = current is not None and current in rows
    if kept:
        current_row = rows[current]
    else:
        current_row = min(place.current_row, last) if place.current_row >= 0 else -1
    top_kept = top is not None and top in rows
    top_row = rows[top] if top_kept else min(place.top_row, last)
    return NewPlace(ranges, current_row, place.current_column, kept, top_row,
                    place.top_offset if top_kept else 0)


def _at(ids: array, row: int) -> int | None:
    return ids[row] if 0 <= row < len(ids) else None


def _rows_of(ids: array, wanted: set[int]) -> dict[int, int]:
    if not wanted:
        return {}
    return {cid: row for row, cid in enumerate(ids) if cid in wanted}


def _runs(rows: Iterable[int]) -> tuple[tuple[int, int], ...]:
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return tuple(runs)


def put_place(view: QTableView, set_ids, ids: array, place: NewPlace,
              follow_current: bool) -> None:
    """Show `ids` (through set_ids, one model reset) at `place`.

    The same contact made current again is not announced: to everyone listening (the profile)
    nothing changed. A neighbour taking a vanished contact's place is announced only with
    follow_current, so a profile the user is editing in is not replaced under them."""
    set_ids(ids)  # the selection model empties itself without a signal
    model, selection_model = view.model(), view.selectionModel()
    view.updateGeometries()  # the scroll range of the new row count, before scrolling in it
    if place.current_row >= 0 and (place.current_kept or follow_current):
        index = model.index(place.current_row, place.current_column)
        selection_model.blockSignals(place.current_kept)
        try:
            selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            selection_model.blockSignals(False)
    selection = QItemSelection()
    right = model.columnCount() - 1
    for first, last in place.ranges:
        selection.select(model.index(first, 0), model.index(last, right))
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if place.top_row >= 0:
        bar = view.verticalScrollBar()
        if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(place.top_row)
        else:
            bar.setValue(view.verticalHeader().sectionPosition(place.top_row)
                         + place.top_offset)
    view.viewport().update()

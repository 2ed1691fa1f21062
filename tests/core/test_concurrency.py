"""Two people on one database, each with a connection of their own: a stale save is refused
(never a silent overwrite), and a transaction that lost a race on PostgreSQL is run again."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from hubdesk.core.contacts import ConcurrentEditError, editable_values, update_contact
from hubdesk.core.db import Database, WriteConflictError, open_database


@pytest.fixture
def colleague(db_url: str) -> Iterator[Database]:
    """The same database opened a second time: another person's app."""
    other = open_database(db_url)
    yield other
    other.dispose()


def _company(db: Database, contact_id: int) -> str:
    with db.read_session() as s:
        return s.execute(text("SELECT company FROM contacts WHERE id = :id"),
                         {"id": contact_id}).scalar_one()


def test_the_second_save_of_an_opened_version_is_refused(db, colleague, add):
    cid = add(first_name="Ann", company="Acme")
    with db.read_session() as s:
        mine = editable_values(s, cid)["version"]
    with colleague.read_session() as s:
        theirs = editable_values(s, cid)["version"]
    with colleague.session() as s:
        update_contact(s, cid, {"company": "Theirs"}, expected_version=theirs)
    with pytest.raises(ConcurrentEditError, match="changed by someone else"), db.session() as s:
        update_contact(s, cid, {"company": "Mine"}, expected_version=mine)
    assert _company(db, cid) == "Theirs"


def test_two_saves_at_the_same_moment_never_overwrite_each_other(db, colleague, add):
    """Both read version 1; the colleague's save is still uncommitted when mine is sent. Mine
    waits for it and is then refused, instead of overwriting what it never saw."""
    cid = add(first_name="Ann", company="Acme")
    with db.read_session() as s:
        opened = editable_values(s, cid)["version"]
    written, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def colleague_saves() -> None:
        try:
            with colleague.session() as s:
                update_contact(s, cid, {"company": "Theirs"}, expected_version=opened)
                written.set()
                release.wait(10)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
            written.set()

    thread = threading.Thread(target=colleague_saves)
    thread.start()
    assert written.wait(10)
    threading.Timer(0.3, release.set).start()  # commits while my save waits for it
    started = time.monotonic()
    with pytest.raises(ConcurrentEditError), db.session() as s:
        update_contact(s, cid, {"company": "Mine"}, expected_version=opened)
    thread.join(10)
    assert errors == []
    assert time.monotonic() - started >= 0.2  # it did wait for the colleague's commit
    assert _company(db, cid) == "Theirs"


@pytest.fixture
def pg(postgres_url: str) -> Iterator[tuple[Database, Database]]:
    """Two apps on one PostgreSQL schema."""
    first, second = open_database(postgres_url), open_database(postgres_url)
    yield first, second
    first.dispose()
    second.dispose()


def test_a_serialization_failure_is_run_again(pg):
    mine, theirs = pg
    with mine.session() as s:
        s.execute(text("INSERT INTO labels (id, name, name_key, color, description, created_at) "
                       "VALUES (1, 'vip', 'vip', '#000000', '', now())"))
    attempts: list[int] = []

    def rename(s) -> str:
        attempts.append(1)
        s.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        before = s.execute(text("SELECT description FROM labels WHERE id = 1")).scalar_one()
        if len(attempts) == 1:  # a colleague changes the row after my snapshot was taken
            with theirs.session() as other:
                other.execute(text("UPDATE labels SET description = 'theirs' WHERE id = 1"))
        s.execute(text("UPDATE labels SET description = :d WHERE id = 1"),
                  {"d": before + "+mine"})
        return before

    assert mine.write(rename) == "theirs"
    assert len(attempts) == 2
    with mine.read_session() as s:
        assert s.execute(text("SELECT description FROM labels")).scalar_one() == "theirs+mine"


def test_a_deadlock_is_run_again(pg):
    """Each transaction holds one row the other wants; PostgreSQL aborts one (here: mine,
    which started waiting first) and write() runs it again once the other committed."""
    mine, theirs = pg
    with mine.session() as s:
        for i in (1, 2):
            s.execute(text("INSERT INTO labels (id, name, name_key, color, description, "
                           "created_at) VALUES (:i, :n, :n, '#000000', '', now())"),
                      {"i": i, "n": f"l{i}"})
    they_hold_2, i_wait = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def colleague() -> None:
        try:
            with theirs.session() as s:
                s.execute(text("UPDATE labels SET description = 'theirs' WHERE id = 2"))
                they_hold_2.set()
                i_wait.wait(10)
                time.sleep(0.3)  # after mine started waiting: mine is the one aborted
                s.execute(text("UPDATE labels SET description = 'theirs' WHERE id = 1"))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=colleague)
    attempts: list[int] = []

    def both_rows(s) -> None:
        attempts.append(1)
        s.execute(text("UPDATE labels SET description = 'mine' WHERE id = 1"))
        if len(attempts) == 1:
            thread.start()
            assert they_hold_2.wait(10)
            i_wait.set()
        s.execute(text("UPDATE labels SET description = 'mine' WHERE id = 2"))

    mine.write(both_rows)
    thread.join(10)
    assert errors == []
    assert len(attempts) == 2
    with mine.read_session() as s:
        rows = s.execute(text("SELECT id, description FROM labels ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "mine"), (2, "mine")]


def test_a_conflict_that_keeps_happening_is_reported_not_retried_forever(pg):
    mine, theirs = pg
    with mine.session() as s:
        s.execute(text("INSERT INTO labels (id, name, name_key, color, description, created_at) "
                       "VALUES (1, 'vip', 'vip', '#000000', '', now())"))
    attempts: list[int] = []

    def always_loses(s) -> None:
        attempts.append(1)
        s.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        s.execute(text("SELECT 1 FROM labels")).all()
        with theirs.session() as other:
            other.execute(text("UPDATE labels SET description = description || 'x'"))
        s.execute(text("UPDATE labels SET description = 'mine'"))

    with pytest.raises(WriteConflictError, match="Someone else changed the same data"):
        mine.write(always_loses, attempts=3)
    assert len(attempts) == 3
    with mine.read_session() as s:
        assert s.execute(text("SELECT description FROM labels")).scalar_one() == "xxx"

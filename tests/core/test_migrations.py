"""Upgrading an old database keeps every row, fills derived columns and keeps a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from hubdesk.core.contacts import create_contact
from hubdesk.core.db import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from hubdesk.core.query import ContactQuery, search_ids

WHEN = "2024-05-01 09:30:00.000000"
CONTACT_DEFAULTS = {
    "first_name_reading": "", "last_name_reading": "", "email": None, "phone": None,
    "phone_valid": 1, "company": "", "job_title": "", "timezone": None, "address_street": "",
    "address_city": "", "address_region": "", "address_postal_code": "", "address_country": "",
    "subscription_status": "unknown", "created_at": WHEN, "updated_at": WHEN,
    "sort_name": "", "search_text": "", "search_grams": "", "version": 1,
}
CONTACTS = [
    {"id": 1, "first_name": "太郎", "last_name": "山田", "first_name_reading": "タロウ",
     "last_name_reading": "ヤマダ", "email": "taro.yamada@example.co.jp",
     "phone": "+819012345678", "company": "株式会社ミライ", "timezone": "Asia/Tokyo"},
    {"id": 2, "first_name": "花子", "last_name": "佐藤", "email": "hanako@example.jp",
     "phone": "+818011112222"},
    {"id": 3, "first_name": "John", "last_name": "Smith", "company": "Acme Corp"},
]
# Tables and the order that identifies their rows; derived contact columns are compared apart.
TABLES = {
    "contacts": "id", "contact_emails": "id", "labels": "id", "contact_labels": "contact_id",
    "notes": "id", "conversations": "id", "messages": "id",
}
DERIVED = {"sort_name", "search_text", "search_grams"}


def _insert(conn, table: str, row: dict) -> None:
    cols = ", ".join(row)
    params = ", ".join(f":{k}" for k in row)
    conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({params})"), row)


def _build_revision_0001(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        with engine.begin() as conn:
            for contact in CONTACTS:
                _insert(conn, "contacts", CONTACT_DEFAULTS | contact)
            _insert(conn, "contact_emails", {"id": 1, "contact_id": 1, "email": "taro@home.jp",
                                             "label": "home", "position": 0})
            _insert(conn, "labels", {"id": 1, "name": "VIP", "name_key": "vip",
                                     "color": "#d97706", "description": "", "created_at": WHEN})
            _insert(conn, "contact_labels", {"contact_id": 1, "label_id": 1})
            _insert(conn, "notes", {"id": 1, "contact_id": 1, "body": "展示会で名刺交換。",
                                    "author": "Ann", "created_at": WHEN, "updated_at": WHEN})
            _insert(conn, "conversations", {
                "id": 1, "contact_id": 2, "channel": "email", "subject": "請求書について",
                "status": "open", "created_at": WHEN, "updated_at": WHEN,
                "last_message_at": WHEN})
            _insert(conn, "messages", {"id": 1, "conversation_id": 1, "direction": "incoming",
                                       "author": "", "body": "いつもお世話になっております。",
                                       "sent_at": WHEN})
    finally:
        engine.dispose()


def _snapshot(path: Path) -> dict[str, list[dict]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return {
            table: [
                {k: row[k] for k in row.keys() if k not in DERIVED}  # noqa: SIM118
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
            ]
            for table, order in TABLES.items()
        }
    finally:
        conn.close()


def test_an_old_database_upgrades_with_its_data_intact(tmp_path):
    path = tmp_path / "contacts.db"
    _build_revision_0001(path)
    before = _snapshot(path)
    assert all(before[table] for table in TABLES)

    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        after = _snapshot(path)
        # Every value kept; columns added by later revisions are empty on old rows.
        assert {t: [{k: r[k] for k in old} for r, old in zip(rows, before[t], strict=True)]
                for t, rows in after.items()} == before
        assert all(v is None for t, rows in after.items() for r, old in
                   zip(rows, before[t], strict=True) for k, v in r.items() if k not in old)
        with db.read_session() as s:
            def find(q: str) -> list[int]:
                return search_ids(s, ContactQuery(text=q))

            assert find("山田") == [1]
            assert find("やまだ") == [1]  # reading, filled for rows written before the index
            assert find("o.yama") == [1]  # a fragment in the middle of the email
            assert find("taro@home") == [1]  # the additional email
            assert find("090-1234-5678") == [1]
            assert find("080 1111 2222") == [2]
            assert find("acme") == [3]
            names = s.execute(text("SELECT id, sort_name FROM contacts ORDER BY id")).all()
        assert all(sort_name for _, sort_name in names)
    finally:
        db.dispose()


def test_the_upgrade_keeps_a_backup_of_the_old_revision_beside_the_file(tmp_path):
    path = tmp_path / "contacts.db"
    _build_revision_0001(path)
    before = _snapshot(path)

    open_database(f"sqlite:///{path}").dispose()

    backups = list(tmp_path.glob("contacts.db.before-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    finally:
        copy.close()
    assert _snapshot(backups[0]) == before


def test_opening_an_up_to_date_database_makes_no_backup(tmp_path):
    path = tmp_path / "contacts.db"
    open_database(f"sqlite:///{path}").dispose()
    open_database(f"sqlite:///{path}").dispose()
    assert not list(tmp_path.glob("*.bak"))


def test_downgrade_to_base_and_upgrade_again_on_an_empty_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'contacts.db'}")
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()

    db = open_database(f"sqlite:///{tmp_path / 'contacts.db'}")
    try:
        with db.session() as s:
            new_id = create_contact(s, {"first_name": "Ann", "last_name": "Lee"})
        with db.read_session() as s:
            assert search_ids(s, ContactQuery(text="ann lee")) == [new_id]
    finally:
        db.dispose()

"""'Show imported contacts': the list narrowed to what one import created or updated, and
combined with search and sorting like any other query."""

from __future__ import annotations

from hubdesk.core.query import ContactQuery, all_ids, count, first_page, search_ids
from tests.core.io.test_importer import do_import, write


def test_the_filter_holds_what_the_import_created_and_updated_and_nothing_else(db, add, tmp_path):
    untouched = add(first_name="Untouched", email="other@example.com")
    updated = add(first_name="Hana", email="hana@example.jp")
    path = write(tmp_path, "Name,E-mail\n山田 太郎,taro@example.jp\nHana Mori,hana@example.jp\n")
    result = do_import(db, path)
    assert (result.created, result.updated) == (1, 1)
    created = list(result.created_ids)
    q = ContactQuery(import_job=result.job_id)
    with db.read_session() as s:
        shown = search_ids(s, q)
        assert sorted(shown) == sorted([*created, updated])
        assert untouched not in shown
        assert count(s, q) == 2
        assert list(all_ids(s, q)) == shown
        assert first_page(s, q, 1) == shown[:1]
        # Search inside the imported contacts.
        assert search_ids(s, ContactQuery(text="山田", import_job=result.job_id)) == created
        assert search_ids(s, ContactQuery(text="other", import_job=result.job_id)) == []


def test_another_import_and_trashed_contacts_are_not_shown(db, tmp_path):
    first = do_import(db, write(tmp_path, "Name,E-mail\nAko,ako@example.jp\n", "a.csv"))
    second = do_import(db, write(tmp_path, "Name,E-mail\nBen,ben@example.jp\n", "b.csv"))
    with db.read_session() as s:
        assert search_ids(s, ContactQuery(import_job=first.job_id)) == list(first.created_ids)
        assert search_ids(s, ContactQuery(import_job=second.job_id)) == list(second.created_ids)
    from hubdesk.core.contacts import trash_contacts

    with db.session() as s:
        trash_contacts(s, list(first.created_ids))
    with db.read_session() as s:
        assert search_ids(s, ContactQuery(import_job=first.job_id)) == []
        assert search_ids(s, ContactQuery(import_job=first.job_id, trash=True)) == list(
            first.created_ids)

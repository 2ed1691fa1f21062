"""Merging keeps everything (union of labels, emails, phones, notes, conversations; values not
chosen noted) and undo restores every table exactly; merging a contact with itself, a
trashed one or a missing one is refused and changes nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from hubdesk.core import attributes as attrs
from hubdesk.core.contacts import create_contact, get_contact, trash_contacts
from hubdesk.core.conversations import add_message, start_conversation
from hubdesk.core.merge import MergeError, merge_contacts, plan_merge, undo_merge
from hubdesk.core.notes import add_note
from hubdesk.core.query import ContactQuery, search_ids

TABLES = ("contacts", "contact_emails", "contact_phones", "contact_labels", "labels",
          "attribute_values", "notes", "conversations", "messages", "import_changes")


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table a merge touches, in key order."""
    with db.read_session() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))]
                for t in TABLES}


@pytest.fixture
def defined(db):
    with db.session() as s:
        attrs.define_attribute(s, "plan", "Plan", "list", options=["free", "pro"])
        attrs.define_attribute(s, "size", "Size", "number")


def make(db, fields, *, labels=(), extra_emails=(), extra_phones=(), attributes=None,
         notes=(), conversations=0, when=None):
    with db.session() as s:
        cid = create_contact(s, fields, labels=labels, extra_emails=extra_emails,
                             extra_phones=extra_phones, attributes=attributes, region="JP",
                             **({"now": when} if when else {}))
        for body in notes:
            add_note(s, cid, body)
        for i in range(conversations):
            conv = start_conversation(s, cid, "email", subject=f"s{i}")
            add_message(s, conv, "incoming", f"hello {i}")
    return cid


def test_merge_keeps_the_union_and_notes_what_it_did_not_choose(db, defined):
    old = make(db, {"first_name": "太郎", "last_name": "山田", "email": "taro@example.jp",
                    "phone": "090-1234-5678", "company": "旧社"},
               labels=["VIP"], notes=["first met"], conversations=1,
               attributes={"plan": "free", "size": 5}, when=datetime(2020, 1, 1))
    new = make(db, {"first_name": "Taro", "last_name": "Yamada", "email": "t.yamada@corp.jp",
                    "company": "新社"}, labels=["lead"], extra_emails=["taro@home.jp"],
               attributes={"plan": "pro"}, notes=["second"], conversations=2)
    with db.session() as s:
        plan = plan_merge(s, [old, new], keep_id=old)
    chosen = {c.key: c.chosen for c in plan.choices}
    assert chosen["company"] == new and chosen["email"] == new  # newest non-empty value wins
    assert chosen["phone"] == old  # only the old one has a phone
    with db.session() as s:
        record = merge_contacts(s, old, [new])
    with db.read_session() as s:
        kept = get_contact(s, old)
        assert search_ids(s, ContactQuery()) == [old]
    assert kept["email"] == "t.yamada@corp.jp"
    assert sorted(e["email"] for e in kept["emails"]) == ["taro@example.jp", "taro@home.jp"]
    assert kept["phone"] == "+819012345678"
    assert {lb["name"] for lb in kept["labels"]} == {"VIP", "lead"}
    assert kept["attributes"] == {"plan": "pro", "size": 5}
    assert kept["created_at"].startswith("2020-01-01")
    assert len(kept["conversations"]) == 3
    bodies = [n["body"] for n in kept["notes"]]
    assert "first met" in bodies and "second" in bodies
    merged_note = next(b for b in bodies if b.startswith("Merged from"))
    assert "旧社" in merged_note and "Plan: free" in merged_note and f"#{new}" in merged_note
    assert record.note_id is not None


def test_undo_restores_every_table_exactly_and_search_finds_both_again(db, defined):
    a = make(db, {"first_name": "Ann", "email": "ann@x.com"}, labels=["a"], notes=["n1"],
             conversations=1, attributes={"size": 1})
    b = make(db, {"first_name": "Anne", "email": "anne@x.com", "phone": "+81 3 1234 5678"},
             labels=["b"], extra_phones=["080-1111-2222"], notes=["n2"], conversations=1,
             attributes={"size": 2, "plan": "pro"})
    c = make(db, {"first_name": "Annie", "company": "Acme"}, extra_emails=["annie@x.com"])
    before = dump(db)
    with db.session() as s:
        record = merge_contacts(s, a, [b, c], {"name": b, "attr:size": b})
    assert dump(db) != before
    with db.session() as s:
        undo_merge(s, record)
    assert dump(db) == before
    with db.read_session() as s:
        assert search_ids(s, ContactQuery(text="annie")) == [c]
        assert search_ids(s, ContactQuery(text="080-1111")) == [b]
    # Redo is the same merge again, from the same state.
    with db.session() as s:
        again = merge_contacts(s, a, [b, c], {"name": b})
    with db.read_session() as s:
        assert get_contact(s, a)["first_name"] == "Anne"
    with db.session() as s:
        undo_merge(s, again)
    assert dump(db) == before


def test_refusals_change_nothing(db):
    a = make(db, {"first_name": "A"})
    b = make(db, {"first_name": "B"})
    with db.session() as s:
        trash_contacts(s, [b])
    before = dump(db)
    for keep, others, words in ((a, [a], "itself"), (a, [], "at least two"),
                                (a, [b], "Trash"), (a, [999], "no contact"),
                                (a, [b, b], "itself")):
        with pytest.raises(MergeError, match=words), db.session() as s:
            merge_contacts(s, keep, others)
    assert dump(db) == before


names = st.text(alphabet=st.sampled_from(list("abcあいう山田 ")), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(names, st.booleans(), st.lists(st.sampled_from(
    ["vip", "lead", "要フォロー"]), max_size=2, unique=True), st.integers(0, 2),
    st.integers(0, 2), st.one_of(st.none(), st.integers(0, 99))), min_size=2, max_size=4),
    keep_index=st.integers(0, 3))
def test_merging_any_contacts_loses_nothing_and_undo_is_exact(db, defined, people, keep_index):
    with db.session() as s:
        s.execute(text("DELETE FROM contacts"))
    ids = []
    for i, (name, has_email, labels, n_notes, n_convs, size) in enumerate(people):
        fields = {"first_name": name.strip() or "x"}
        if has_email:
            fields["email"] = f"p{i}@example.com"
        ids.append(make(db, fields, labels=labels,
                        notes=[f"note {i}.{k}" for k in range(n_notes)], conversations=n_convs,
                        attributes={"size": size} if size is not None else None))
    keep = ids[keep_index % len(ids)]
    others = [i for i in ids if i != keep]
    before = dump(db)
    with db.session() as s:
        record = merge_contacts(s, keep, others)
    with db.read_session() as s:
        kept = get_contact(s, keep)
    all_labels = {lb for _, _, labels, _, _, _ in people for lb in labels}
    assert {lb["name"] for lb in kept["labels"]} == all_labels
    emails = {f"p{i}@example.com" for i, p in enumerate(people) if p[1]}
    assert {kept["email"], *(e["email"] for e in kept["emails"])} - {None} == emails
    note_bodies = {n["body"] for n in kept["notes"]}
    assert {f"note {i}.{k}" for i, p in enumerate(people) for k in range(p[3])} <= note_bodies
    assert len(kept["conversations"]) == sum(p[4] for p in people)
    sizes = {p[5] for p in people if p[5] is not None}
    if sizes:
        assert kept["attributes"]["size"] in sizes
        merged_note = next(b for b in note_bodies if b.startswith("Merged from"))
        for other in sizes - {kept["attributes"]["size"]}:
            assert f"Size: {other} " in merged_note
    with db.session() as s:
        undo_merge(s, record)
    assert dump(db) == before

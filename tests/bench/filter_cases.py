"""Filters over the benchmark database (DESIGN §6: a custom attribute + a label ≤ 200 ms):
the first page as the window shows it, and the whole ordered result and count that follow
in the background, beside the naive baseline of the same conditions as plain joins."""

from __future__ import annotations

import time

from sqlalchemy import text

from hubdesk.core.db import Database
from hubdesk.core.filters import parse, resolve
from hubdesk.core.query import ContactQuery, all_ids, count, first_page
from tests.bench.search_cases import PAGE, percentile

# The demo data's attributes and labels: common, rare and combined conditions.
FILTERS = ["label:vip and account_size>100", "label:vip and plan:pro",
           "label:churned and not label:customer", "plan:enterprise and has:notes",
           "label:lead and beta_tester:yes and account_size<50"]
NAIVE = ("SELECT c.id FROM contacts c JOIN contact_labels cl ON cl.contact_id = c.id "
         "JOIN labels l ON l.id = cl.label_id JOIN attribute_values v ON v.contact_id = c.id "
         "JOIN attribute_definitions d ON d.id = v.definition_id WHERE c.deleted_at IS NULL "
         "AND l.name_key = 'vip' AND d.key = 'account_size' AND v.value_number > 100 "
         "ORDER BY c.sort_name, c.id LIMIT :n")


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def run(db: Database, repeats: int = 5) -> dict[str, float]:
    first: list[float] = []
    whole: list[float] = []
    with db.read_session() as s:
        for expr in FILTERS:
            q = ContactQuery(where=resolve(s, parse(expr)))
            for _ in range(repeats):
                first.append(_ms(lambda q=q: first_page(s, q, PAGE)))
            whole.append(_ms(lambda q=q: (all_ids(s, q), count(s, q))))
        naive = min(_ms(lambda: s.execute(text(NAIVE), {"n": PAGE}).all())
                    for _ in range(repeats))
    return {"filter_first_page_p95_ms": percentile(first, 95),
            "filter_all_ids_p95_ms": percentile(whole, 95),
            "filter_naive_join_ms": naive}

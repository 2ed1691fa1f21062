"""Data health (issue 12): how many contacts need attention, and what the data looks like.

Each check is defined once, as a filter in the text syntax (core.filters): the Health view's
"Show" applies exactly that filter, and its count is that filter's count — one SUM(CASE …) per
check in a single pass over the contacts. Two checks are not filters: the Trash (its own view)
and possible duplicates, which come from the duplicate scan (seconds on a big database), so
callers ask for them separately (`duplicate_count`).

A million contacts must fill the view within 2 s. Three passes read the contacts: the counts,
countries × time zones, and months (a GROUP BY sorts, so it cannot share the counts' pass).
On SQLite they read the table itself (NOT INDEXED): the live-contacts partial indexes would
make every row a separate lookup, ten times slower for a whole-table count. `health_figures`
splits the contacts into two id ranges and reads them on two connections at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from sqlalchemy import ColumnElement, case, func, literal_column, select
from sqlalchemy.orm import Session

from hubdesk.core.duplicates import find_duplicates
from hubdesk.core.filters import parse, resolve
from hubdesk.core.filters.compile import compile_expr
from hubdesk.core.filters.resolve import filter_fields, local_day_start
from hubdesk.core.filters.syntax import quote
from hubdesk.core.models import SUBSCRIPTION_STATUSES, Contact, ContactLabel, Label
from hubdesk.core.query import ContactQuery, count

TRASH = "trash"
DUPLICATES = "possible_duplicates"
TOP = 12  # bars per chart before the rest become "Other"
MONTHS = 24
OTHER = "\x00other"  # a bar's key for "everything else" (no stored value looks like it)
_NO_INDEX = "NOT INDEXED"  # SQLite: read the table in order (see the module's docstring)

Cancelled = Callable[[], bool]
SessionFactory = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Check:
    key: str
    filter: str  # in the filter syntax; the count is this filter's count
    label: str  # English, for the command line (the GUI words its own sentences)


CHECKS: tuple[Check, ...] = (
    Check("no_email", "email is-empty", "no email"),
    Check("invalid_email", "invalid_email:yes", "invalid or unparseable email"),
    Check("invalid_phone", "invalid_phone:yes", "phone that does not parse (not E.164)"),
    Check("no_name", "first_name is-empty and last_name is-empty", "no name"),
    Check("has_problems", "has:problems", "flagged import problems"),
    Check("no_labels", "not has:labels", "no labels"),
    Check("no_timezone", "timezone is-empty", "no time zone"),
    Check("not_updated_in_a_year", "updated older-than 365d", "not updated for over a year"),
)
CHECKS_BY_KEY = {c.key: c for c in CHECKS}
# What `hubdesk health` prints, in the Health view's order.
LABELS = {
    "contacts": "contacts",
    **{c.key: c.label for c in CHECKS[:5]},
    DUPLICATES: "possible duplicates",
    **{c.key: c.label for c in CHECKS[5:]},
    TRASH: "in Trash",
}


@dataclass(frozen=True)
class Bar:
    key: str  # the value counted ("JP", "vip", "2025-03"); "" for none, OTHER for the rest
    count: int
    filter: str  # the filter listing exactly these contacts
    color: str = ""  # a label's own colour


@dataclass
class HealthCharts:
    months: list[Bar] = field(default_factory=list)  # oldest first, the current month last
    labels: list[Bar] = field(default_factory=list)
    countries: list[Bar] = field(default_factory=list)
    timezones: list[Bar] = field(default_factory=list)
    subscriptions: list[Bar] = field(default_factory=list)


@dataclass
class HealthFigures:
    counts: dict[str, int]
    charts: HealthCharts


# --- the passes over the contacts, for all of them or an id range --------------------------------
@dataclass
class _Plan:
    """What the passes compute, built once: two threads compile the same conditions (and the
    same "a year ago")."""

    flags: list[ColumnElement[bool]]
    starts: list[date]  # the first days of the chart's months, and of the month after
    bounds: list[datetime]  # the same as naive UTC instants, as stored


@dataclass
class _Tally:
    counts: Counter = field(default_factory=Counter)  # "contacts" and each check's key
    places: Counter = field(default_factory=Counter)  # (country, time zone) → contacts
    months: Counter = field(default_factory=Counter)  # month index → contacts added

    def __iadd__(self, other: _Tally) -> _Tally:
        self.counts += other.counts
        self.places += other.places
        self.months += other.months
        return self


def _plan(session: Session, today: date | None = None) -> _Plan:
    fields = filter_fields(session)
    starts = _month_starts(today or date.today())
    return _Plan([compile_expr(resolve(session, parse(c.filter), fields)) for c in CHECKS],
                 starts, [local_day_start(d) for d in starts])


def _live(*where: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    return [Contact.deleted_at.is_(None), *where]


def whole_table(stmt):
    """A select over most contacts reads the table in order (see the module's docstring)."""
    return stmt.with_hint(Contact, _NO_INDEX, "sqlite")


def _in_range(lo: int | None, hi: int | None) -> list[ColumnElement[bool]]:
    return [] if lo is None else [Contact.id >= lo, Contact.id < hi]


def _count_pass(session: Session, plan: _Plan, where: list) -> Counter:
    stmt = select(func.count(), *[func.sum(case((flag, 1), else_=0)) for flag in plan.flags])
    row = session.execute(whole_table(stmt.select_from(Contact).where(*_live(*where)))).one()
    out = Counter({"contacts": int(row[0] or 0)})
    out.update({c.key: int(value or 0) for c, value in zip(CHECKS, row[1:], strict=True)})
    return out


def _place_pass(session: Session, where: list) -> Counter:
    stmt = (select(Contact.address_country, Contact.timezone, func.count())
            .select_from(Contact).where(*_live(*where))
            .group_by(Contact.address_country, Contact.timezone))
    return Counter({(country, zone): n for country, zone, n in session.execute(whole_table(stmt))})


def _bucket(col, bounds: list, lo: int, hi: int):
    """Which [bounds[i], bounds[i+1]) holds col, by halving: a few comparisons per row
    instead of one per month."""
    if hi - lo == 1:
        return literal_column(str(lo))
    mid = (lo + hi) // 2
    return case((col >= bounds[mid], _bucket(col, bounds, mid, hi)),
                else_=_bucket(col, bounds, lo, mid))


def _month_pass(session: Session, plan: _Plan, where: list) -> Counter:
    col, bounds = Contact.created_at, plan.bounds
    bucket = _bucket(col, bounds, 0, len(bounds) - 1).label("bucket")
    stmt = (select(bucket, func.count()).select_from(Contact)
            .where(*_live(col >= bounds[0], col < bounds[-1], *where)).group_by("bucket"))
    return Counter({int(b): int(n) for b, n in session.execute(whole_table(stmt))})


def _tally(session: Session, plan: _Plan, lo: int | None = None, hi: int | None = None,
           cancelled: Cancelled | None = None) -> _Tally:
    where, out = _in_range(lo, hi), _Tally()
    passes = (("counts", lambda: _count_pass(session, plan, where)),
              ("places", lambda: _place_pass(session, where)),
              ("months", lambda: _month_pass(session, plan, where)))
    for name, run in passes:
        if cancelled and cancelled():
            break
        setattr(out, name, run())
    return out


def _trash_count(session: Session) -> int:
    return count(session, ContactQuery(trash=True))


# --- counts -----------------------------------------------------------------------------------
def health_counts(session: Session) -> dict[str, int]:
    """{"contacts": live contacts, each check's key: how many match it, "trash": …}."""
    counts = _count_pass(session, _plan(session), [])
    return {"contacts": counts["contacts"], **{c.key: counts[c.key] for c in CHECKS},
            TRASH: _trash_count(session)}


def duplicate_count(session: Session, progress: Callable[[int, int], None] | None = None,
                    cancelled: Cancelled | None = None) -> int:
    """Contacts in some group of possible duplicates (the duplicate scan's groups)."""
    groups = find_duplicates(session, progress=progress, cancelled=cancelled)
    return len({cid for g in groups for cid in g.ids})


# --- charts -----------------------------------------------------------------------------------
def _month_starts(today: date, n: int = MONTHS) -> list[date]:
    """The first days of the last n months (this one included) and of the next month."""
    year, month = today.year, today.month - (n - 1)
    while month < 1:
        year, month = year - 1, month + 12
    out = []
    for _ in range(n + 1):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month_bars(plan: _Plan, counts: Counter) -> list[Bar]:
    return [Bar(first.strftime("%Y-%m"), counts.get(i, 0),
                f"created:{first.isoformat()}..{(nxt - timedelta(days=1)).isoformat()}")
            for i, (first, nxt) in enumerate(pairwise(plan.starts))]


def month_bars(session: Session, today: date | None = None) -> list[Bar]:
    """Contacts added per month (the user's months), the last MONTHS months."""
    plan = _plan(session, today)
    return _month_bars(plan, _month_pass(session, plan, []))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _value_bars(name: str, pairs: Iterator[tuple[str | None, int]]) -> list[Bar]:
    """Bars for a text field: the TOP values, the rest, and no value. Values that differ only
    in ASCII case are one bar, as the filter `name:value` (which ignores that case) sees them."""
    merged: dict[str, Counter] = {}
    empty = 0
    for value, n in pairs:
        if not value:
            empty += n
            continue
        merged.setdefault(value.translate(_ASCII_LOWER), Counter())[value] += n
    # Shown as its most common spelling.
    totals = sorted(((sum(s.values()), s.most_common(1)[0][0]) for s in merged.values()),
                    key=lambda t: (-t[0], t[1]))
    bars = [Bar(v, n, f"{name}:{quote(v)}") for n, v in totals[:TOP]]
    rest = totals[TOP:]
    if rest:
        shown = ",".join(quote(b.key) for b in bars)
        bars.append(Bar(OTHER, sum(n for n, _ in rest), f"{name} not-empty and {name}!={shown}"))
    if empty:
        bars.append(Bar("", empty, f"{name} is-empty"))
    return bars


def _place_bars(places: Counter) -> tuple[list[Bar], list[Bar]]:
    countries: Counter = Counter()
    zones: Counter = Counter()
    for (country, zone), n in places.items():
        countries[country] += n
        zones[zone] += n
    return (_value_bars("country", iter(countries.items())),
            _value_bars("timezone", iter(zones.items())))


def place_bars(session: Session) -> tuple[list[Bar], list[Bar]]:
    """Contacts by country and by time zone, from one pass."""
    return _place_bars(_place_pass(session, []))


def label_bars(session: Session) -> list[Bar]:
    """Live contacts per label (a contact with two labels is in two bars), the TOP labels
    and then how many contacts have any of the others. Read from contact_labels' index."""
    trashed = select(Contact.id).where(Contact.deleted_at.is_not(None))
    per_label = dict(session.execute(
        select(ContactLabel.label_id, func.count()).where(ContactLabel.contact_id.not_in(trashed))
        .group_by(ContactLabel.label_id)).all())
    labels = {lid: (name, color) for lid, name, color in session.execute(
        select(Label.id, Label.name, Label.color))}
    ranked = sorted(per_label.items(), key=lambda p: (-p[1], labels[p[0]][0].casefold()))
    bars = [Bar(labels[lid][0], n, f"label:{quote(labels[lid][0])}", labels[lid][1])
            for lid, n in ranked[:TOP]]
    rest = [lid for lid, _ in ranked[TOP:]]
    if rest:
        anyone = session.scalar(select(func.count(func.distinct(ContactLabel.contact_id)))
                                .where(ContactLabel.label_id.in_(rest),
                                       ContactLabel.contact_id.not_in(trashed)))
        names = ",".join(quote(labels[lid][0]) for lid in rest)
        bars.append(Bar(OTHER, int(anyone or 0), f"label:{names}"))
    return bars


def subscription_bars(session: Session) -> list[Bar]:
    """From the live-subscription index."""
    found = dict(session.execute(
        select(Contact.subscription_status, func.count()).where(*_live())
        .group_by(Contact.subscription_status)).all())
    return [Bar(status, int(found.get(status, 0)), f"subscription:{status}")
            for status in SUBSCRIPTION_STATUSES]


def health_charts(session: Session) -> HealthCharts:
    plan = _plan(session)
    countries, zones = place_bars(session)
    return HealthCharts(_month_bars(plan, _month_pass(session, plan, [])), label_bars(session),
                        countries, zones, subscription_bars(session))


# --- everything at once, as the Health view wants it ------------------------------------------
def _figures(plan: _Plan, tally: _Tally, trash: int, labels: list[Bar],
             subscriptions: list[Bar]) -> HealthFigures:
    counts = {"contacts": tally.counts["contacts"], **{c.key: tally.counts[c.key]
                                                       for c in CHECKS}, TRASH: trash}
    countries, zones = _place_bars(tally.places)
    return HealthFigures(counts, HealthCharts(_month_bars(plan, tally.months), labels,
                                              countries, zones, subscriptions))


def health_figures(open_session: SessionFactory, cancelled: Cancelled | None = None,
                   ) -> HealthFigures | None:
    """Every count and chart (possible duplicates aside). The contacts are split into two id
    ranges read on two connections at once: on two cores, about half the time. Each pass is
    well under a second, so a cancel is noticed between passes; None if cancelled.
    `open_session` is a Database's read_session."""
    stop = cancelled or (lambda: False)
    with open_session() as s:
        plan = _plan(s)
        low, high = s.execute(select(func.min(Contact.id), func.max(Contact.id))).one()
    # This thread also reads the small index-answered figures (about a tenth of the
    # work): it takes a little less than half of the contacts.
    middle = (low or 0) + ((high or 0) - (low or 0)) * 45 // 100 + 1

    def upper() -> _Tally:
        with open_session() as s:
            return _tally(s, plan, middle, (high or 0) + 1, stop)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="health") as pool:
        other = pool.submit(upper)
        with open_session() as s:
            tally = _tally(s, plan, low or 0, middle, stop)
            # The small index reads, while the other connection finishes its half.
            trash = _trash_count(s)
            labels, subscriptions = label_bars(s), subscription_bars(s)
        tally += other.result()  # its error, if any, is this call's error
    return None if stop() else _figures(plan, tally, trash, labels, subscriptions)

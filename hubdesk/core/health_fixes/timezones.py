"""The time-zone fix: filled from the country where that is unambiguous — the country has
one IANA zone (tzdata's zone.tab), or all its zones keep the same clock over the coming year
(Germany's Europe/Busingen follows Europe/Berlin), and then the country's principal zone,
listed first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core.health import whole_table
from hubdesk.core.health_fixes.preview import (
    TIMEZONES,
    Cancelled,
    FieldChange,
    FixPreview,
    _checked,
    _live,
)
from hubdesk.core.models import Contact


def plan_timezones(session: Session, *, cancelled: Cancelled | None = None) -> FixPreview:
    rows = session.execute(whole_table(select(Contact.id, Contact.address_country).where(
        _live(), (Contact.timezone.is_(None)) | (Contact.timezone == ""),
        Contact.address_country.is_not(None), Contact.address_country != "")
        .order_by(Contact.id))).all()
    preview = FixPreview(TIMEZONES, [])
    for n, (cid, country) in enumerate(rows):
        if n % 20_000 == 0:
            _checked(n, len(rows), None, cancelled)
        code = country_code(country)
        zone = zone_for_country(code) if code else None
        if zone:
            preview.changes.append(FieldChange(cid, "timezone", "", zone))
        else:
            reason = "several_zones" if code else "unknown_country"
            preview.skipped[reason] = preview.skipped.get(reason, 0) + 1
    return preview


# --- countries and their zones (tzdata's tables, shipped with the app) -------------------------
def _tab(name: str) -> list[list[str]]:
    text = (resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded code or English name → code ("jp" and "japan" → "JP")."""
    out = {}
    for code, name, *_ in _tab("iso3166.tab"):
        out[code.casefold()] = code
        out[name.casefold()] = code
    return out


@lru_cache(maxsize=1)
def _zones_by_country() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, _coords, zone, *_ in _tab("zone.tab"):
        out.setdefault(code, []).append(zone)  # the principal zone comes first
    return out


def country_code(value: str) -> str | None:
    return _country_names().get((value or "").strip().casefold())


@lru_cache(maxsize=512)
def zone_for_country(code: str) -> str | None:
    """The country's zone when unambiguous (see the module's docstring), else None."""
    zones = _zones_by_country().get(code.upper(), [])
    if not zones:
        return None
    if len(zones) > 1 and not _same_clock(zones):
        return None
    return zones[0]


def _same_clock(zones: list[str]) -> bool:
    """Whether the zones show the same time every hour of the coming year."""
    infos = [ZoneInfo(z) for z in zones]
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    for hour in range(0, 366 * 24, 1):
        moment = start + timedelta(hours=hour)
        offsets = {moment.astimezone(info).utcoffset() for info in infos}
        if len(offsets) > 1:
            return False
    return True

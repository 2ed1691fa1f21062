"""Mappings remembered from earlier imports: a file with the same columns as one imported
before gets the mapping the user settled on then (every import keeps its mapping in its
ImportJob, so no separate store is needed)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.io.draft import ATTRIBUTE_PREFIX, IGNORE, ColumnMapping
from hubdesk.core.io.mapping import template_key
from hubdesk.core.models import ImportJob

LOOK_BACK = 200  # recent imports searched; older mappings are unlikely to be wanted


def remembered_mapping(session: Session, headers: list[str]) -> tuple[int, list[ColumnMapping]]:
    """(import job id, its mapping) for the newest finished import with the same columns,
    or (0, []) when there is none. Custom attributes deleted since are no longer targets."""
    key = template_key(headers)
    known = {f"{ATTRIBUTE_PREFIX}{d.key}" for d in attrs.list_attributes(session)}
    jobs = session.scalars(
        select(ImportJob).where(ImportJob.status.in_(("done", "cancelled", "undone")))
        .order_by(ImportJob.id.desc()).limit(LOOK_BACK))
    for job in jobs:
        try:
            saved = [ColumnMapping(**m) for m in json.loads(job.mapping or "[]")]
        except (TypeError, ValueError):
            continue  # written by another version: not worth failing an import over
        if not saved or [m.header for m in saved] != list(headers):
            continue
        if template_key([m.header for m in saved]) != key:
            continue
        mapping = [
            ColumnMapping(m.header,
                          IGNORE if m.target.startswith(ATTRIBUTE_PREFIX)
                          and m.target not in known else m.target,
                          1.0, f"template:{job.id}")
            for m in saved
        ]
        return job.id, mapping
    return 0, []

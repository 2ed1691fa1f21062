"""Mappings used again: named templates the user saved ("Trade show badge scans"), and the
mapping of the newest import of a file with the same columns (every import keeps its mapping
in its ImportJob, so remembering needs no separate store).

A named template is a choice the user made on purpose, so it wins over a remembered import.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hubdesk.core import attributes as attrs
from hubdesk.core.attributes import AttributeInfo
from hubdesk.core.clock import utcnow
from hubdesk.core.errors import NotFoundError, ValidationError
from hubdesk.core.io.draft import ATTRIBUTE_PREFIX, IGNORE, NEW_ATTRIBUTE, ColumnMapping
from hubdesk.core.io.mapping import MULTI_TARGETS, template_key
from hubdesk.core.io.presets import header_key
from hubdesk.core.models import ImportJob, MappingTemplate
from hubdesk.core.normalize import fold

# One rule for "would break how the value shows" across the app, so a name that is refused
# as a contact field is refused here too.
from hubdesk.core.validation import invisible_character

LOOK_BACK = 200  # recent imports searched; older mappings are unlikely to be wanted
NAME_LIMIT = 100  # fits a combo box; the column allows more so the limit can grow
NAME_FIELD = "template name"
UNKNOWN = "none"  # source of a column a template does not know (as guess_mapping marks it)


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    headers: tuple[str, ...]
    updated_at: datetime


def check_template(name: str, mapping: Sequence[ColumnMapping]) -> str:
    """The name as it is stored (trimmed), or ValidationError saying what is wrong with the
    name or the mapping."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({NAME_FIELD: "a mapping template needs a name"})
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            {NAME_FIELD: f"the name is too long ({len(name)} characters, at most {NAME_LIMIT})"})
    bad = invisible_character(name)
    if bad:
        raise ValidationError({NAME_FIELD: f"the name contains {bad}; remove it"})
    if not any(m.target != IGNORE for m in mapping):
        raise ValidationError({"mapping": "choose where at least one column goes before "
                                          "saving the mapping as a template"})
    return name


def save_template(session: Session, name: str, mapping: Sequence[ColumnMapping]) -> int:
    """Save `mapping` under `name`; a template with the same name in any case is replaced
    (that is how a template is updated). Returns the template's id."""
    name = check_template(name, mapping)
    # Saved as sure choices: a guess the user kept is what they want next time.
    stored = [asdict(ColumnMapping(m.header, m.target)) for m in mapping]
    now = utcnow()
    template = session.scalar(select(MappingTemplate).where(MappingTemplate.name_key == fold(name)))
    if template is None:
        template = MappingTemplate(name_key=fold(name), created_at=now)
        session.add(template)
    template.name = name  # the latest spelling is the one shown
    template.headers = json.dumps([m.header for m in mapping], ensure_ascii=False)
    template.mapping = json.dumps(stored, ensure_ascii=False)
    template.updated_at = now
    session.flush()
    return template.id


def list_templates(session: Session) -> list[TemplateInfo]:
    rows = session.scalars(select(MappingTemplate)
                           .order_by(MappingTemplate.name_key, MappingTemplate.id))
    return [TemplateInfo(t.id, t.name, tuple(_headers(t)), t.updated_at) for t in rows]


def delete_template(session: Session, name: str) -> None:
    template = _find(session, name)
    session.execute(delete(MappingTemplate).where(MappingTemplate.id == template.id))


def apply_template(
    session: Session, name: str, headers: Sequence[str],
    attributes: Sequence[AttributeInfo] | None = None,
) -> list[ColumnMapping]:
    """One ColumnMapping per header of the file, in its order: the template's target for the
    same header (compared as presets compare them, so "E-Mail" finds "email"), IGNORE with
    source "none" for headers the template does not know."""
    template = _find(session, name)
    if attributes is None:
        attributes = attrs.list_attributes(session)
    targets: dict[str, list[str]] = {}
    for saved in _saved_mapping(template):
        targets.setdefault(header_key(saved.header), []).append(saved.target)
    source = f"template:{template.name}"
    out = []
    for header in headers:
        # A header repeated in the file takes the template's targets in turn, so two
        # "Phone" columns keep their two different targets.
        queue = targets.get(header_key(header))
        if queue:
            out.append(ColumnMapping(header, _current_target(queue.pop(0), header, attributes),
                                     1.0, source))
        else:
            out.append(ColumnMapping(header, IGNORE, 0.0, UNKNOWN))
    return out


def with_fallback(applied: Sequence[ColumnMapping],
                  fallback: Sequence[ColumnMapping]) -> list[ColumnMapping]:
    """The template's mapping, with the columns it does not know taken from `fallback` (a
    guess) — unless that would give a one-value field a second column."""
    taken = {m.target for m in applied if m.source != UNKNOWN and m.target not in MULTI_TARGETS}
    out = []
    for mine, other in zip(applied, fallback, strict=True):
        if mine.source == UNKNOWN and other.target not in taken:
            out.append(other)
            if other.target not in MULTI_TARGETS:
                taken.add(other.target)
        else:
            out.append(mine)
    return out


def template_for_headers(session: Session, headers: Sequence[str]) -> str | None:
    """The newest named template saved for the same columns (in any order, case or
    spacing), or None."""
    wanted = _column_set(headers)
    if not wanted:
        return None
    rows = session.scalars(select(MappingTemplate)
                           .order_by(MappingTemplate.updated_at.desc(), MappingTemplate.id.desc()))
    return next((t.name for t in rows if _column_set(_headers(t)) == wanted), None)


def import_mapping(session: Session, job_id: int) -> list[ColumnMapping]:
    """The mapping an import ran with, new attributes resolved to the ones it created."""
    job = session.get(ImportJob, job_id)
    if job is None:
        raise NotFoundError(f"no import with id {job_id}")
    return [ColumnMapping(**m) for m in json.loads(job.mapping or "[]")]


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


# --- helpers ------------------------------------------------------------------------------

def _find(session: Session, name: str) -> MappingTemplate:
    template = session.scalar(
        select(MappingTemplate).where(MappingTemplate.name_key == fold((name or "").strip())))
    if template is None:
        raise NotFoundError(f"no mapping template named '{(name or '').strip()}'")
    return template


def _headers(template: MappingTemplate) -> list[str]:
    try:
        headers = json.loads(template.headers or "[]")
    except ValueError:
        return []  # written by another version: it matches no file rather than failing
    return [str(h) for h in headers] if isinstance(headers, list) else []


def _saved_mapping(template: MappingTemplate) -> list[ColumnMapping]:
    try:
        return [ColumnMapping(**m) for m in json.loads(template.mapping or "[]")]
    except (TypeError, ValueError):
        return []


def _current_target(target: str, header: str, attributes: Sequence[AttributeInfo]) -> str:
    """The target as it can be used today: an attribute deleted since is no longer one, and
    "new attribute" becomes the attribute an earlier import already made for this column,
    so a template applied twice does not make a second one."""
    if target.startswith(ATTRIBUTE_PREFIX):
        known = {f"{ATTRIBUTE_PREFIX}{a.key}" for a in attributes}
        return target if target in known else IGNORE
    if target == NEW_ATTRIBUTE:
        made = next((a for a in attributes if fold(a.label) == fold(header.strip())), None)
        return f"{ATTRIBUTE_PREFIX}{made.key}" if made else target
    return target


def _column_set(headers: Sequence[str]) -> list[str]:
    # Unnamed columns (a trailing delimiter) do not make two files different.
    return sorted(k for k in map(header_key, headers) if k)

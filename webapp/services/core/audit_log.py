"""Reading the audit trail: filtered and paged for the Activity page, as rows for its CSV."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from ...domain.spreadsheet_cells import neutralised_row
from ...extensions import db
from ...models import AuditEvent

PAGE_SIZE = 50
CSV_LIMIT = 50_000  # a year of a busy shop's settings changes; beyond, narrow the dates


@dataclass(frozen=True)
class AuditFilter:
    """What the Activity page narrows the trail to; dates are local days, both ends included."""

    user_id: int | None = None
    kind: str | None = None
    object_id: int | None = None
    since: date | None = None
    until: date | None = None
    tz: str = "Asia/Tokyo"


def _where(f: AuditFilter) -> list:
    zone = ZoneInfo(f.tz)
    conditions = []
    if f.user_id is not None:
        conditions.append(AuditEvent.user_id == f.user_id)
    if f.kind:
        conditions.append(AuditEvent.object_kind == f.kind)
    if f.object_id is not None:
        conditions.append(AuditEvent.object_id == f.object_id)
    if f.since:
        conditions.append(AuditEvent.at >= datetime.combine(f.since, time(), zone))
    if f.until:
        conditions.append(AuditEvent.at < datetime.combine(f.until + timedelta(days=1), time(), zone))
    return conditions


def audit_page(f: AuditFilter, page: int = 1, size: int = PAGE_SIZE) -> tuple[list[AuditEvent], int]:
    """One page of events, newest first, and how many match in all."""
    conditions = _where(f)
    total = db.session.scalar(select(func.count()).select_from(AuditEvent).where(*conditions)) or 0
    stmt = (
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .offset((max(page, 1) - 1) * size)
        .limit(size)
    )
    return list(db.session.scalars(stmt)), total


def audit_kinds() -> list[str]:
    """The object kinds the trail holds, for the filter."""
    return list(db.session.scalars(select(AuditEvent.object_kind).distinct().order_by(AuditEvent.object_kind)))


def audit_csv(f: AuditFilter, headers: list[str]) -> str:
    """The matching events as CSV text, one row per changed field, cells a spreadsheet cannot run."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    zone = ZoneInfo(f.tz)
    stmt = select(AuditEvent).where(*_where(f)).order_by(AuditEvent.at, AuditEvent.id).limit(CSV_LIMIT)
    for e in db.session.scalars(stmt):
        at = e.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
        head = [at, e.user_name, e.device_id or "", e.object_kind, e.object_id or "", e.object_label, e.action]
        for field, pair in (e.changes or {}).items() or [("", {})]:
            writer.writerow(neutralised_row([*head, field, _text(pair.get("old")), _text(pair.get("new"))]))
    return out.getvalue()


def _text(value) -> str:
    return "" if value is None else str(value)

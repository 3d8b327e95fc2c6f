"""What the scheduler publishes (each job's schedule and next run), what the page asks (a run now, a daily time)."""

import re
from datetime import datetime

from sqlalchemy import select, update

from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models.jobs import JobLock
from ..core import record_change, transactional
from .lease import ensure_rows

DAILY_AT_PATTERN = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@transactional
def publish_schedules(schedules: dict[str, tuple[str | None, datetime | None]], now: datetime) -> None:
    """Write each job's schedule text and next run, creating its row the first time it is seen."""
    ensure_rows(list(schedules), now)
    for name, (schedule, next_run_at) in schedules.items():
        db.session.execute(
            update(JobLock)
            .where(JobLock.name == name)
            .values(schedule=schedule and schedule[:120], next_run_at=next_run_at)
        )


@transactional
def request_run(name: str, now: datetime, requested_by: str) -> None:
    """Queue a run of a known job for the scheduler; a request already queued keeps its time."""
    lock = db.session.get(JobLock, name[:60])
    if lock is None:
        raise NotFound("no such job")
    if lock.run_requested_at is None:
        lock.run_requested_at, lock.requested_by = now, requested_by[:80]


def daily_time(name: str, default: str) -> str:
    """The owner's HH:MM for a job whose time is set on the Jobs page, else the default."""
    saved = db.session.scalar(select(JobLock.daily_at).where(JobLock.name == name))
    return saved if saved and DAILY_AT_PATTERN.match(saved) else default


@transactional
def save_daily_time(name: str, at: str, by: int | None = None) -> None:
    """Set a job's daily HH:MM (shop time), recorded in the audit trail; anything else is refused, nothing changed."""
    if not DAILY_AT_PATTERN.match(at or ""):
        raise InvalidInput("give the time as HH:MM", fields={"daily_at": ["HH:MM"]})
    lock = db.session.get(JobLock, name[:60])
    if lock is None:
        raise NotFound("no such job")
    record_change(by, "job", None, lock.name, {"daily_at": (lock.daily_at, at)} if lock.daily_at != at else None)
    lock.daily_at = at

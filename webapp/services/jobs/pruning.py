"""Old runs deleted, so the record stays small however long the shop runs."""

from datetime import datetime, timedelta

from sqlalchemy import delete

from ...extensions import db
from ...models.jobs import JobRun
from ..core import transactional

KEEP_RUNS_DAYS = 30


@transactional
def prune_runs(now: datetime, keep_days: int = KEEP_RUNS_DAYS) -> int:
    """Delete finished runs that started more than `keep_days` ago; returns how many went."""
    cutoff = now - timedelta(days=keep_days)
    result = db.session.execute(delete(JobRun).where(JobRun.started_at < cutoff, JobRun.outcome != "running"))
    return result.rowcount

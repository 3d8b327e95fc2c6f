"""What the Jobs page reads: each job's lock row with its last run, and the recent runs."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ...extensions import db
from ...models.jobs import JobLock, JobRun


@dataclass(frozen=True)
class JobState:
    """A job as the page shows it."""

    name: str
    schedule: str | None
    next_run_at: datetime | None
    last_run: JobRun | None
    last_finished_at: datetime | None
    first_seen_at: datetime
    running_since: datetime | None
    run_requested_at: datetime | None
    requested_by: str | None
    daily_at: str | None


def job_states(now: datetime) -> list[JobState]:
    """Every job the scheduler has published, by name, with its latest run (skips not counted)."""
    latest = (
        select(JobRun.job, func.max(JobRun.id).label("id"))
        .where(JobRun.outcome != "skipped-locked")
        .group_by(JobRun.job)
        .subquery()
    )
    runs = {run.job: run for run in db.session.scalars(select(JobRun).join(latest, JobRun.id == latest.c.id))}
    states = []
    for lock in db.session.scalars(select(JobLock).order_by(JobLock.name)):
        held = lock.holder is not None and lock.lease_until is not None and lock.lease_until > now
        states.append(
            JobState(
                name=lock.name,
                schedule=lock.schedule,
                next_run_at=lock.next_run_at,
                last_run=runs.get(lock.name),
                last_finished_at=lock.last_finished_at,
                first_seen_at=lock.first_seen_at,
                running_since=lock.acquired_at if held else None,
                run_requested_at=lock.run_requested_at,
                requested_by=lock.requested_by,
                daily_at=lock.daily_at,
            )
        )
    return states


def recent_runs(limit: int = 50, job: str | None = None) -> list[JobRun]:
    """The latest runs, newest first."""
    query = select(JobRun).order_by(JobRun.started_at.desc(), JobRun.id.desc()).limit(max(1, min(limit, 500)))
    if job is not None:
        query = query.where(JobRun.job == job)
    return list(db.session.scalars(query))

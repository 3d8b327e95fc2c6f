"""Taking a job's lock for one run and giving it back: at most one holder per job across every process."""

from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update

from ...extensions import db
from ...models.jobs import HOLDER_LENGTH, RUN_MESSAGE_LENGTH, JobLock, JobRun
from ..core import insert_ignore, transactional

STALE_RUN_MESSAGE = "stopped without finishing (its process ended); the lease expired and the job was run again"


def ensure_rows(names, now: datetime) -> None:
    """A lock row for each job name, written once (inside the caller's transaction)."""
    rows = [{"name": name, "first_seen_at": now} for name in names]
    if rows:
        db.session.execute(insert_ignore(JobLock.__table__).values(rows))


@transactional
def register_jobs(names, now: datetime) -> None:
    """Make sure every job has its row; slots before a job was first seen are never caught up."""
    ensure_rows(list(names), now)


@transactional
def start_run(
    name: str, holder: str, now: datetime, lease: timedelta, trigger: str, slot: datetime | None = None
) -> int | None:
    """Take the lock and record a running run when the job is due (or requested); None when it is not for us.

    Due means: a run was requested (trigger "requested"), or `slot` (the latest scheduled time at or
    before `now`) is after the start of the last run that finished (or, never run, after the job was
    first seen). The check and the take are one
    conditional UPDATE, so two processes asking at the same instant cannot both win. A busy lock with
    the job due records a `skipped-locked` run.
    """
    holder = holder[:HOLDER_LENGTH]
    ensure_rows([name], now)
    if trigger == "requested":
        due = JobLock.run_requested_at.is_not(None)
    elif slot is None:
        return None
    else:
        due = func.coalesce(JobLock.last_finished_at, JobLock.first_seen_at) < slot
    free = or_(JobLock.holder.is_(None), JobLock.lease_until <= now)
    values = {"holder": holder, "acquired_at": now, "lease_until": now + lease}
    if trigger == "requested":
        values |= {"run_requested_at": None, "requested_by": None}
    taken = db.session.execute(update(JobLock).where(JobLock.name == name, due, free).values(**values))
    if taken.rowcount != 1:
        busy = db.session.execute(select(JobLock.name).where(JobLock.name == name, due, ~free)).first()
        if busy:
            db.session.add(_run(name, holder, trigger, now, "skipped-locked", ended_at=now))
        return None
    # Only one holder runs a job at a time, so a run still marked running is one whose process died.
    db.session.execute(
        update(JobRun)
        .where(and_(JobRun.job == name, JobRun.outcome == "running"))
        .values(outcome="failed", ended_at=now, message=STALE_RUN_MESSAGE[:RUN_MESSAGE_LENGTH])
    )
    run = _run(name, holder, trigger, now, "running")
    db.session.add(run)
    db.session.flush()
    return run.id


@transactional
def finish_run(run_id: int, holder: str, ended_at: datetime, ok: bool, message: str = "") -> None:
    """Record how the run ended and give the lock back (unless the lease was lost to another process)."""
    holder = holder[:HOLDER_LENGTH]
    run = db.session.get(JobRun, run_id)
    if run is None:
        return
    run.ended_at, run.outcome, run.message = ended_at, "ok" if ok else "failed", message[:RUN_MESSAGE_LENGTH]
    values = {"holder": None, "acquired_at": None, "lease_until": None, "last_finished_at": run.started_at}
    if ok:
        values["last_ok_at"] = run.started_at
    db.session.execute(update(JobLock).where(JobLock.name == run.job, JobLock.holder == holder).values(**values))


def _run(name, holder, trigger, started_at, outcome, ended_at=None) -> JobRun:
    return JobRun(
        job=name, holder=holder, run_trigger=trigger, started_at=started_at, ended_at=ended_at, outcome=outcome
    )

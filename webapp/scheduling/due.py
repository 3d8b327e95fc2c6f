"""Which jobs are due at an instant and running them under their database lock; `now` is always given, so
tests move the clock instead of waiting for it."""

import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

from ..extensions import db
from ..services.jobs import finish_run, job_states, register_jobs, start_run
from .jobs import Job

log = logging.getLogger("tanaoroshi.scheduler")
# Looking back this far for a job's latest slot, widest last: a yearly job is the longest the shop has.
LOOKBACK = (timedelta(minutes=2), timedelta(hours=2), timedelta(days=2), timedelta(days=32), timedelta(days=367))
# A slot run later than this after its time is recorded as a catch-up rather than an on-time run.
ON_TIME = timedelta(minutes=1)


def this_process() -> str:
    """The holder name of this process: host and pid, so the page says which PC ran a job."""
    return f"{socket.gethostname()}:{os.getpid()}"


def trigger_of(fields: dict | None, zone) -> CronTrigger | None:
    return None if fields is None else CronTrigger(timezone=zone, **fields)


def latest_slot(trigger: CronTrigger | None, now: datetime) -> datetime | None:
    """The latest time at or before `now` the trigger names (None when off or never within a year)."""
    if trigger is None:
        return None
    for back in LOOKBACK:
        slot, candidate = None, trigger.get_next_fire_time(None, now - back)
        while candidate is not None and candidate <= now:
            slot, candidate = candidate, trigger.get_next_fire_time(candidate, candidate + timedelta(seconds=1))
        if slot is not None:
            return slot
    return None


def describe(fields: dict | None) -> str | None:
    """The cron fields as the page reads them back, e.g. "hour=1 minute=30"."""
    return None if fields is None else " ".join(f"{key}={value}" for key, value in fields.items())


def due_jobs(jobs: tuple[Job, ...], triggers: dict, now: datetime) -> list[tuple[Job, str, datetime | None]]:
    """The jobs to start now with why: requested, or a slot later than the last finished run, lock free.

    A job not yet registered is not due: slots from before the shop had it are not the shop's to catch up.
    """
    states = {state.name: state for state in job_states(now)}
    due = []
    for job in jobs:
        state = states.get(job.name)
        if state is not None and state.running_since is not None:
            continue
        slot = latest_slot(triggers.get(job.name), now)
        if state is not None and state.run_requested_at is not None:
            due.append((job, "requested", slot))
        elif state is not None and slot is not None and (state.last_finished_at or state.first_seen_at) < slot:
            due.append((job, "schedule" if now - slot <= ON_TIME else "catch-up", slot))
    return due


def run_job(
    job: Job, trigger: str, slot: datetime | None, now: datetime, holder: str, clock: Callable[[], datetime]
) -> str:
    """Run one job if its lock is ours; returns ok, failed or not-taken (someone else has it or did it)."""
    run_id = start_run(job.name, holder, now, job.lease, trigger, slot)
    db.session.remove()
    if run_id is None:
        return "not-taken"
    try:
        result = job.run()
        ok, message = True, summary(result)
        log.info("%s: done %s", job.name, message)
    except Exception as exc:
        ok, message = False, f"{type(exc).__name__}: {exc}"
        log.exception("%s failed", job.name)
    finally:
        db.session.remove()
    finish_run(run_id, holder, clock(), ok, message)
    db.session.remove()
    return "ok" if ok else "failed"


def run_due_jobs(
    jobs: tuple[Job, ...],
    triggers: dict,
    now: datetime,
    holder: str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> dict[str, str]:
    """Run every job due at `now`, one after another, in this process; what became of each.

    Without a clock, a run's end is `now` plus the real time it took, so an injected `now` stays consistent.
    """
    holder = holder or this_process()
    if clock is None:
        began = time.monotonic()
        clock = lambda: now + timedelta(seconds=time.monotonic() - began)  # noqa: E731
    register_jobs([job.name for job in jobs], now)
    db.session.remove()
    return {job.name: run_job(job, why, slot, now, holder, clock) for job, why, slot in due_jobs(jobs, triggers, now)}


def summary(result: object) -> str:
    """A job's return value as one bounded line for its run record."""
    if result is None:
        return ""
    if isinstance(result, dict):
        return " ".join(f"{key}={value}" for key, value in result.items())[:500]
    return str(getattr(result, "name", result))[:500]

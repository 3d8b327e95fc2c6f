"""APScheduler under the app, kept thin: a refresh every minute (when each job runs, published for the Jobs
page; old runs pruned) and a tick every few seconds that hands each due job to the pool. Whether a job is
due, and that only one process runs it, is decided in the database (`due.py`)."""

import logging
import signal
import threading
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler

from ..extensions import db
from ..services.jobs import prune_runs, publish_schedules
from .due import describe, due_jobs, run_job, this_process, trigger_of
from .jobs import JOBS, Job

log = logging.getLogger("tanaoroshi.scheduler")
REFRESH_SECONDS = 60
TICK_SECONDS = 5  # how soon a slot's time or a "run now" from the page is noticed
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 60}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Schedules:
    """The jobs' triggers as their settings name them, and the runs under way in this process."""

    def __init__(self, scheduler, app, jobs: tuple[Job, ...], clock=utc_now):
        self.scheduler, self.app, self.jobs, self.clock = scheduler, app, jobs, clock
        self.triggers: dict = {}
        self.current: dict[str, dict | None] = {}
        self.busy: set[str] = set()
        self.busy_lock = threading.Lock()
        self.holder = this_process()

    def refresh(self) -> None:
        """Read each job's time again, publish schedules and next runs, prune old runs."""
        with self.app.app_context():
            now = self.clock()
            for job in self.jobs:
                try:
                    fields = job.when()
                except Exception:
                    log.exception("%s: could not read when it runs; keeping its schedule", job.name)
                    continue
                finally:
                    db.session.remove()
                changed = job.name not in self.current or fields != self.current[job.name]
                self.current[job.name] = fields
                self.triggers[job.name] = trigger_of(fields, self.scheduler.timezone)
                if changed:
                    next_run = self.next_run(job.name)
                    log.info("%s: %s", job.name, f"next run at {next_run}" if next_run else "off")
            try:
                publish_schedules({job.name: self.published(job, now) for job in self.jobs}, now)
                prune_runs(now)
            except Exception:
                log.exception("could not publish the schedules")
            finally:
                db.session.remove()

    def published(self, job: Job, now: datetime):
        trigger = self.triggers.get(job.name)
        next_run = trigger.get_next_fire_time(None, now) if trigger else None
        return describe(self.current.get(job.name)), next_run

    def next_run(self, name: str) -> datetime | None:
        """The next time a job falls due, in the shop's time zone (None when off)."""
        trigger = self.triggers.get(name)
        return trigger.get_next_fire_time(None, datetime.now(self.scheduler.timezone)) if trigger else None

    def tick(self) -> None:
        """Hand every due job not already running here to the pool."""
        with self.app.app_context():
            now = self.clock()
            try:
                due = due_jobs(self.jobs, self.triggers, now)
            except Exception:
                log.exception("could not read the jobs' state")
                return
            finally:
                db.session.remove()
        for job, why, slot in due:
            with self.busy_lock:
                if job.name in self.busy:
                    continue
                self.busy.add(job.name)
            self.scheduler.add_job(self.run, args=(job, why, slot, now), name=job.name)

    def run(self, job: Job, why: str, slot, now: datetime) -> str:
        """Run one job in the app context under its lock; a failure is recorded and the next run still happens."""
        try:
            with self.app.app_context():
                return run_job(job, why, slot, now, self.holder, self.clock)
        except Exception:
            log.exception("%s: could not be recorded", job.name)
            return "failed"
        finally:
            with self.busy_lock:
                self.busy.discard(job.name)


def build_scheduler(
    app, jobs: tuple[Job, ...] = JOBS, refresh_seconds: int = REFRESH_SECONDS, tick_seconds=TICK_SECONDS
):
    """A background scheduler in the shop's time zone (APP_TIMEZONE) with the refresh and the tick on it."""
    zone = ZoneInfo(app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")
    scheduler = BackgroundScheduler(timezone=zone, job_defaults=JOB_DEFAULTS)
    schedules = Schedules(scheduler, app, jobs)
    schedules.refresh()
    scheduler.add_job(schedules.refresh, "interval", seconds=refresh_seconds, id="refresh-schedules")
    scheduler.add_job(schedules.tick, "interval", seconds=tick_seconds, id="tick", next_run_time=datetime.now(zone))
    return scheduler, schedules


def run_scheduler(app) -> None:
    """Run until SIGINT, SIGTERM or SIGHUP; a job under way is let finish."""
    logging.basicConfig(level=logging.INFO, format="scheduler: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # its own lines repeat ours
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: stop.set())
    scheduler, _schedules = build_scheduler(app)
    scheduler.start()
    log.info("started (time zone %s) as %s", scheduler.timezone, _schedules.holder)
    while not stop.wait(1):
        pass
    scheduler.shutdown(wait=True)
    log.info("stopped")

"""APScheduler under the app: the jobs' times kept in step with their settings, one job run at a time each."""

import logging
import signal
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from ..extensions import db
from .jobs import JOBS, Job

log = logging.getLogger("tanaoroshi.scheduler")
REFRESH_SECONDS = 60
# A job missed while the PC was asleep or off still runs once when it wakes, within a day.
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 24 * 3600}


class Schedules:
    """Puts each job on the scheduler at the time its settings name, and moves or removes it when they change."""

    def __init__(self, scheduler, app, jobs: tuple[Job, ...]):
        self.scheduler, self.app, self.jobs = scheduler, app, jobs
        self.current: dict[str, dict | None] = {}

    def refresh(self) -> None:
        with self.app.app_context():
            for job in self.jobs:
                try:
                    fields = job.when()
                except Exception:
                    log.exception("%s: could not read when it runs; keeping its schedule", job.name)
                    continue
                finally:
                    db.session.remove()
                if job.name in self.current and fields == self.current[job.name]:
                    continue
                self._put(job, fields)

    def _put(self, job: Job, fields: dict | None) -> None:
        self.current[job.name] = fields
        if self.scheduler.get_job(job.name):
            self.scheduler.remove_job(job.name)
        if fields is None:
            log.info("%s: off", job.name)
            return
        trigger = CronTrigger(timezone=self.scheduler.timezone, **fields)
        self.scheduler.add_job(self.run, trigger, args=(job,), id=job.name, name=job.name)
        log.info(
            "%s: next run at %s", job.name, trigger.get_next_fire_time(None, datetime.now(self.scheduler.timezone))
        )

    def run(self, job: Job) -> None:
        """Run one job in the app context; a failure is logged and the next run still happens."""
        with self.app.app_context():
            try:
                result = job.run()
                log.info("%s: done %s", job.name, result if result is not None else "")
            except Exception:
                log.exception("%s failed", job.name)
            finally:
                db.session.remove()


def build_scheduler(app, jobs: tuple[Job, ...] = JOBS, refresh_seconds: int = REFRESH_SECONDS):
    """A background scheduler in the shop's time zone (APP_TIMEZONE), the jobs on it and a refresh every minute."""
    zone = ZoneInfo(app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")
    scheduler = BackgroundScheduler(timezone=zone, job_defaults=JOB_DEFAULTS)
    schedules = Schedules(scheduler, app, jobs)
    schedules.refresh()
    scheduler.add_job(schedules.refresh, "interval", seconds=refresh_seconds, id="refresh-schedules")
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
    log.info("started (time zone %s)", scheduler.timezone)
    while not stop.wait(1):
        pass
    scheduler.shutdown(wait=True)
    log.info("stopped")

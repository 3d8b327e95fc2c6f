"""The scheduler: a real APScheduler runs jobs at their time in Tokyo, follows the owner's settings, backs up."""

import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.builders import make_site
from webapp.scheduling import Job, build_scheduler
from webapp.services.backups import list_backups, save_backup_settings

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def backup_dir(app, tmp_path):
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    make_site()
    return tmp_path / "backups"


@pytest.fixture
def running():
    """Start a scheduler for the test and always shut it down after."""
    started = []

    def start(scheduler):
        scheduler.start()
        started.append(scheduler)
        return scheduler

    yield start
    for scheduler in started:
        scheduler.shutdown(wait=True)


def test_a_job_runs_at_the_time_it_names_in_the_shops_time_zone(app, running):
    at = (datetime.now(TOKYO) + timedelta(seconds=2)).replace(microsecond=0)
    ran = []
    done = threading.Event()
    tick = Job(
        "tick",
        lambda: {"hour": at.hour, "minute": at.minute, "second": at.second},
        lambda: ran.append(datetime.now(TOKYO)) or done.set(),
    )
    scheduler, _ = build_scheduler(app, jobs=(tick,))
    assert str(scheduler.timezone) == "Asia/Tokyo"
    running(scheduler)
    assert done.wait(15)
    assert len(ran) == 1 and ran[0] >= at


def test_the_nightly_backup_follows_the_owners_time_and_can_be_switched_off(app, backup_dir, running):
    save_backup_settings(keep_days=30, keep_files=14, nightly=True, nightly_at="02:30")
    scheduler, schedules = build_scheduler(app)
    running(scheduler)
    job = scheduler.get_job("nightly-backup")
    assert (job.next_run_time.tzinfo, job.next_run_time.hour, job.next_run_time.minute) == (TOKYO, 2, 30)
    assert timedelta(0) < job.next_run_time - datetime.now(TOKYO) <= timedelta(days=1)

    save_backup_settings(keep_days=30, keep_files=14, nightly=True, nightly_at="23:45")
    schedules.refresh()  # what the scheduler does by itself every minute
    moved = scheduler.get_job("nightly-backup").next_run_time
    assert (moved.hour, moved.minute) == (23, 45)

    save_backup_settings(keep_days=30, keep_files=14, nightly=False, nightly_at="23:45")
    schedules.refresh()
    assert scheduler.get_job("nightly-backup") is None


def test_the_nightly_backup_job_when_fired_takes_a_backup(app, backup_dir, running):
    scheduler, _ = build_scheduler(app)
    running(scheduler)
    assert list_backups() == []
    scheduler.get_job("nightly-backup").modify(next_run_time=datetime.now(TOKYO))  # fire it now
    deadline = time.monotonic() + 30
    while not list_backups() and time.monotonic() < deadline:
        time.sleep(0.1)
    [record] = list_backups()
    assert record.path.is_file() and record.size > 0
    # Fired once, it goes back to its nightly time.
    assert (
        scheduler.get_job("nightly-backup").next_run_time.hour,
        scheduler.get_job("nightly-backup").next_run_time.minute,
    ) == (2, 30)


def test_a_failing_job_is_logged_and_the_scheduler_carries_on(app, running, caplog):
    second = threading.Event()
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("SMTP server unreachable")
        second.set()

    scheduler, _ = build_scheduler(app, jobs=(Job("flaky", lambda: {"second": "*"}, flaky),))
    running(scheduler)
    assert second.wait(10)
    assert "flaky failed" in caplog.text and "SMTP server unreachable" in caplog.text

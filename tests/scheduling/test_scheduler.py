"""The scheduler: a real APScheduler runs jobs at their time in Tokyo, follows the owner's settings, backs up,
runs a job the page asked for, records every run."""

import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.builders import make_site
from webapp.extensions import db
from webapp.scheduling import Job, build_scheduler
from webapp.services.backups import list_backups, save_backup_settings
from webapp.services.jobs import job_states, recent_runs, register_jobs, request_run

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
    scheduler, _ = build_scheduler(app, jobs=(tick,), tick_seconds=1)
    assert str(scheduler.timezone) == "Asia/Tokyo"
    running(scheduler)
    assert done.wait(15)
    assert len(ran) == 1 and ran[0] >= at
    deadline = time.monotonic() + 10
    while not [run for run in recent_runs(job="tick") if run.outcome == "ok"] and time.monotonic() < deadline:
        time.sleep(0.1)
        db.session.remove()  # a fresh look at what the scheduler's thread wrote
    [run] = recent_runs(job="tick")
    assert run.outcome == "ok" and run.run_trigger == "schedule" and run.started_at >= at


def test_the_nightly_backup_follows_the_owners_time_and_can_be_switched_off(app, backup_dir, running):
    save_backup_settings(keep_days=30, keep_files=14, nightly=True, nightly_at="02:30")
    scheduler, schedules = build_scheduler(app)
    running(scheduler)
    next_run = schedules.next_run("nightly-backup")
    assert (next_run.tzinfo, next_run.hour, next_run.minute) == (TOKYO, 2, 30)
    assert timedelta(0) < next_run - datetime.now(TOKYO) <= timedelta(days=1)
    published = {state.name: state for state in job_states(datetime.now(TOKYO))}["nightly-backup"]
    assert published.schedule == "hour=2 minute=30" and published.next_run_at == next_run

    save_backup_settings(keep_days=30, keep_files=14, nightly=True, nightly_at="23:45")
    schedules.refresh()  # what the scheduler does by itself every minute
    moved = schedules.next_run("nightly-backup")
    assert (moved.hour, moved.minute) == (23, 45)

    save_backup_settings(keep_days=30, keep_files=14, nightly=False, nightly_at="23:45")
    schedules.refresh()
    assert schedules.next_run("nightly-backup") is None
    db.session.remove()
    assert {state.name: state for state in job_states(datetime.now(TOKYO))}["nightly-backup"].schedule is None


def test_run_now_from_the_page_is_picked_up_by_the_scheduler_and_takes_a_backup(app, backup_dir, running):
    scheduler, schedules = build_scheduler(app, tick_seconds=1)
    running(scheduler)
    assert list_backups() == []
    request_run("nightly-backup", datetime.now(TOKYO), "kobayashi")  # what the Jobs page's button does
    db.session.remove()
    deadline = time.monotonic() + 30
    while not [run for run in recent_runs(job="nightly-backup") if run.outcome == "ok"] and time.monotonic() < deadline:
        time.sleep(0.1)
        db.session.remove()
    [record] = list_backups()
    assert record.path.is_file() and record.size > 0
    [run] = recent_runs(job="nightly-backup")
    assert run.run_trigger == "requested" and run.message == record.name
    # Run once on request, it goes back to its nightly time.
    assert (schedules.next_run("nightly-backup").hour, schedules.next_run("nightly-backup").minute) == (2, 30)


def test_a_failing_job_is_logged_and_the_scheduler_carries_on(app, running, caplog):
    second = threading.Event()
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("SMTP server unreachable")
        second.set()

    scheduler, _ = build_scheduler(app, jobs=(Job("flaky", lambda: {"second": "*"}, flaky),), tick_seconds=1)
    running(scheduler)
    assert second.wait(15)
    time.sleep(0.5)  # the second run's record is written just after it returns
    db.session.remove()
    assert "flaky failed" in caplog.text and "SMTP server unreachable" in caplog.text
    failed = [run for run in recent_runs(job="flaky") if run.outcome == "failed"]
    assert failed[-1].message == "RuntimeError: SMTP server unreachable"


def test_on_start_a_slot_missed_while_nothing_ran_is_run_once_by_the_real_scheduler(app, running):
    ran = []
    minute = (datetime.now(TOKYO).minute - 5) % 60  # its latest slot some five minutes ago
    hourly = Job("hourly-digest", lambda: {"minute": minute}, lambda: ran.append(datetime.now(TOKYO)))
    register_jobs(["hourly-digest"], datetime.now(TOKYO) - timedelta(days=2))  # known, then the PC was off
    db.session.remove()
    scheduler, _ = build_scheduler(app, jobs=(hourly,), tick_seconds=1)
    running(scheduler)
    deadline = time.monotonic() + 15
    while not ran and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)  # three more ticks: none of them runs it again
    db.session.remove()
    assert len(ran) == 1
    [run] = recent_runs(job="hourly-digest")
    assert (run.outcome, run.run_trigger) == ("ok", "catch-up")

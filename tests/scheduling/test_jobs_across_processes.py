"""Jobs at most once across processes: two schedulers on one database, a holder killed midway, a missed run
caught up once; real processes, the clock injected (no waiting for real minutes)."""

import multiprocessing
import os
import signal
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from webapp import create_app
from webapp.extensions import db
from webapp.scheduling import Job, run_due_jobs, run_job, trigger_of
from webapp.services.jobs import STALE_RUN_MESSAGE, recent_runs, register_jobs

TOKYO = ZoneInfo("Asia/Tokyo")
FORK = multiprocessing.get_context("fork")
# The shop's scheduler has been up since midnight on 4 December (Tokyo).
SINCE = datetime(2026, 12, 4, 0, 0, tzinfo=TOKYO)


def child_app(url: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "SECRET_KEY": "test-secret"})


def triggers(jobs):
    return {job.name: trigger_of(job.when(), TOKYO) for job in jobs}


def appending(path, seconds: float = 0.0):
    """A job body that notes one line per run in a file, taking `seconds` so two runs would overlap."""

    def run():
        with open(path, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(seconds)
        return {"lines": 1}

    return run


def scheduler_process(url, jobs, now, start, answers):
    """What one scheduler process does at `now`: run the due jobs; waits at the barrier to start with the other."""
    app = child_app(url)
    with app.app_context():
        start.wait(30)
        answers.put(run_due_jobs(jobs, triggers(jobs), now))
        db.engine.dispose()


@pytest.fixture
def shop_jobs(tmp_path):
    deliveries, recompute = tmp_path / "deliveries.log", tmp_path / "recompute.log"
    jobs = (
        Job("alert-deliveries", lambda: {"minute": "*"}, appending(deliveries, 0.5)),
        Job("nightly-recompute", lambda: {"hour": 1, "minute": 30}, appending(recompute, 0.5)),
    )
    return jobs, deliveries, recompute


def test_two_scheduler_processes_started_at_once_run_each_job_once(app, shop_jobs):
    jobs, deliveries, recompute = shop_jobs
    register_jobs([job.name for job in jobs], SINCE)
    db.session.remove()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    at = datetime(2026, 12, 4, 1, 30, 2, tzinfo=TOKYO)
    start, answers = FORK.Barrier(2), FORK.Queue()
    processes = [FORK.Process(target=scheduler_process, args=(url, jobs, at, start, answers)) for _ in range(2)]
    for process in processes:
        process.start()
    outcomes = [answers.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(30)
        assert process.exitcode == 0

    assert len(deliveries.read_text().splitlines()) == 1
    assert len(recompute.read_text().splitlines()) == 1
    for name in ("alert-deliveries", "nightly-recompute"):
        # The other process found the lock taken, either before asking for it or when it asked.
        assert sorted(outcome.get(name, "held") for outcome in outcomes) in (["held", "ok"], ["not-taken", "ok"])
        ran = [run for run in recent_runs(job=name) if run.outcome == "ok"]
        assert len(ran) == 1 and ran[0].run_trigger == "schedule" and ran[0].message == "lines=1"
    # Both asked while the winner ran (each run takes half a second): the loser's try is on record.
    assert {run.outcome for run in recent_runs()} <= {"ok", "skipped-locked"}


def hanging_process(url, jobs, now):
    app = child_app(url)
    with app.app_context():
        run_due_jobs(jobs, triggers(jobs), now)


def test_a_job_whose_process_is_killed_midway_is_run_again_once_its_lease_expires(app, tmp_path):
    started, done = tmp_path / "started", tmp_path / "done.log"
    parent = os.getpid()

    def recompute():
        started.write_text("yes")
        if os.getpid() != parent:
            time.sleep(120)  # the killed process never gets past here
        return appending(done)()

    jobs = (Job("nightly-recompute", lambda: {"hour": 1, "minute": 30}, recompute, lease=timedelta(minutes=20)),)
    register_jobs(["nightly-recompute"], SINCE)
    db.session.remove()
    at = datetime(2026, 12, 4, 1, 30, tzinfo=TOKYO)
    process = FORK.Process(target=hanging_process, args=(app.config["SQLALCHEMY_DATABASE_URI"], jobs, at))
    process.start()
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.join(10)
    assert process.exitcode == -signal.SIGKILL

    # Ten minutes on, the dead holder's lease still stands: nobody runs it, the try is recorded.
    assert run_due_jobs(jobs, triggers(jobs), at + timedelta(minutes=10)) == {}
    # A second PC asking for the lock itself is refused, and its try is recorded as skipped.
    assert run_job(jobs[0], "catch-up", at, at + timedelta(minutes=10), "backoffice-pc:4242", time_now) == "not-taken"
    # Past the lease (20 minutes), the next scheduler tick takes it over and runs it once.
    later = at + timedelta(minutes=21)
    assert run_due_jobs(jobs, triggers(jobs), later) == {"nightly-recompute": "ok"}
    assert run_due_jobs(jobs, triggers(jobs), later + timedelta(minutes=1)) == {}
    assert len(done.read_text().splitlines()) == 1
    runs = recent_runs(job="nightly-recompute")
    assert [run.outcome for run in runs] == ["ok", "skipped-locked", "failed"]
    assert runs[0].run_trigger == "catch-up" and runs[2].message == STALE_RUN_MESSAGE
    assert runs[2].ended_at == later


def time_now():
    return datetime.now(TOKYO)


def test_a_run_missed_while_the_pc_was_off_is_caught_up_once_not_once_per_slot(app, shop_jobs):
    jobs, deliveries, recompute = shop_jobs
    assert run_due_jobs(jobs, triggers(jobs), SINCE) == {}  # first start: nothing from before is owed
    first = datetime(2026, 12, 4, 1, 30, 1, tzinfo=TOKYO)
    assert run_due_jobs(jobs, triggers(jobs), first) == {"alert-deliveries": "ok", "nightly-recompute": "ok"}
    assert run_due_jobs(jobs, triggers(jobs), first + timedelta(seconds=20)) == {}  # same minute, same night

    # Off from 01:31 on the 4th until 08:00 on the 6th: two nights and some 3,000 minutes missed.
    back = datetime(2026, 12, 6, 8, 0, 3, tzinfo=TOKYO)
    assert run_due_jobs(jobs, triggers(jobs), back) == {"alert-deliveries": "ok", "nightly-recompute": "ok"}
    assert run_due_jobs(jobs, triggers(jobs), back + timedelta(seconds=30)) == {}
    assert len(recompute.read_text().splitlines()) == 2 and len(deliveries.read_text().splitlines()) == 2
    [caught_up, on_time] = recent_runs(job="nightly-recompute")
    assert (caught_up.run_trigger, on_time.run_trigger) == ("catch-up", "schedule")
    # The next night runs on time again.
    assert (
        run_due_jobs(jobs, triggers(jobs), datetime(2026, 12, 7, 1, 30, 4, tzinfo=TOKYO))["nightly-recompute"] == "ok"
    )

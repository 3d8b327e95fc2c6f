"""Job locks and run records on their own: one holder at a time, a lease that runs out, "run now" taken
once, old runs pruned after 30 days, bounded messages."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from webapp.errors import NotFound
from webapp.extensions import db
from webapp.services.jobs import (
    finish_run,
    job_states,
    prune_runs,
    recent_runs,
    register_jobs,
    request_run,
    start_run,
)

TOKYO = ZoneInfo("Asia/Tokyo")
SEEN = datetime(2026, 10, 1, 0, 0, tzinfo=TOKYO)  # the shop has had the job since October
NIGHT = datetime(2026, 12, 4, 1, 30, tzinfo=TOKYO)
LEASE = timedelta(minutes=20)


@pytest.fixture
def recompute_job(app):
    register_jobs(["nightly-recompute"], SEEN)
    return "nightly-recompute"


def state(name, now):
    db.session.remove()
    return next(s for s in job_states(now) if s.name == name)


def test_one_holder_at_a_time_and_the_lock_given_back_when_the_run_ends(recompute_job):
    run = start_run(recompute_job, "jimusho-pc:2181", NIGHT, LEASE, "schedule", NIGHT)
    assert run is not None
    assert start_run(recompute_job, "soko-pc:977", NIGHT + timedelta(seconds=3), LEASE, "schedule", NIGHT) is None
    assert state(recompute_job, NIGHT).running_since == NIGHT
    finish_run(run, "jimusho-pc:2181", NIGHT + timedelta(seconds=40), ok=True, message="rows=66")
    after = state(recompute_job, NIGHT + timedelta(minutes=1))
    assert after.running_since is None and after.last_finished_at == NIGHT
    # Done for tonight: the other PC asking again gets nothing, and nothing is recorded for it.
    assert start_run(recompute_job, "soko-pc:977", NIGHT + timedelta(minutes=1), LEASE, "schedule", NIGHT) is None
    assert [(r.holder, r.outcome) for r in recent_runs()] == [
        ("soko-pc:977", "skipped-locked"),
        ("jimusho-pc:2181", "ok"),
    ]


def test_a_lease_left_by_a_dead_holder_runs_out(recompute_job):
    assert start_run(recompute_job, "jimusho-pc:2181", NIGHT, LEASE, "schedule", NIGHT) is not None
    assert (
        start_run(recompute_job, "soko-pc:977", NIGHT + LEASE - timedelta(seconds=1), LEASE, "catch-up", NIGHT) is None
    )
    taken = start_run(recompute_job, "soko-pc:977", NIGHT + LEASE, LEASE, "catch-up", NIGHT)
    assert taken is not None
    # The dead holder coming back cannot give away a lock that is no longer its own.
    db.session.remove()
    finish_run(taken - 2, "jimusho-pc:2181", NIGHT + LEASE + timedelta(seconds=5), ok=True)
    assert state(recompute_job, NIGHT + LEASE + timedelta(seconds=6)).running_since == NIGHT + LEASE


def test_run_now_is_taken_once_and_an_unknown_job_is_refused(recompute_job):
    request_run(recompute_job, NIGHT, "kobayashi")
    request_run(recompute_job, NIGHT + timedelta(seconds=5), "suzuki")  # already queued: the first stays
    queued = state(recompute_job, NIGHT)
    assert (queued.run_requested_at, queued.requested_by) == (NIGHT, "kobayashi")
    run = start_run(recompute_job, "jimusho-pc:2181", NIGHT + timedelta(seconds=6), LEASE, "requested")
    finish_run(run, "jimusho-pc:2181", NIGHT + timedelta(seconds=9), ok=False, message="E" * 2000)
    assert start_run(recompute_job, "soko-pc:977", NIGHT + timedelta(seconds=10), LEASE, "requested") is None
    [failed] = recent_runs()
    assert failed.outcome == "failed" and len(failed.message) == 500 and failed.run_trigger == "requested"
    with pytest.raises(NotFound):
        request_run("no-such-job", NIGHT, "kobayashi")


def test_runs_older_than_thirty_days_are_pruned(recompute_job):
    for days_ago in (45, 31, 29, 1):
        at = NIGHT - timedelta(days=days_ago)
        run = start_run(recompute_job, "jimusho-pc:2181", at, LEASE, "schedule", at)
        finish_run(run, "jimusho-pc:2181", at + timedelta(seconds=30), ok=True)
    assert prune_runs(NIGHT) == 2
    db.session.remove()
    assert [r.started_at for r in recent_runs()] == [NIGHT - timedelta(days=1), NIGHT - timedelta(days=29)]

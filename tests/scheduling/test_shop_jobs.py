"""The shop's own jobs: alert deliveries every minute and the engine recompute at the owner's time (01:30
by default), run through the same due-and-lock path the scheduler uses."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.builders import make_site
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.scheduling import JOBS, run_due_jobs, trigger_of
from webapp.services.jobs import recent_runs, register_jobs, save_daily_time

TOKYO = ZoneInfo("Asia/Tokyo")
SHOP_JOBS = tuple(job for job in JOBS if job.name in ("alert-deliveries", "nightly-recompute"))


def triggers():
    return {job.name: trigger_of(job.when(), TOKYO) for job in SHOP_JOBS}


def test_alerts_are_delivered_every_minute_and_the_engine_recomputes_at_half_past_one(app):
    make_site()
    register_jobs([job.name for job in SHOP_JOBS], datetime(2026, 12, 4, 0, 0, tzinfo=TOKYO))
    assert run_due_jobs(SHOP_JOBS, triggers(), datetime(2026, 12, 4, 1, 29, 5, tzinfo=TOKYO)) == {
        "alert-deliveries": "ok"
    }
    assert run_due_jobs(SHOP_JOBS, triggers(), datetime(2026, 12, 4, 1, 30, 5, tzinfo=TOKYO)) == {
        "alert-deliveries": "ok",
        "nightly-recompute": "ok",
    }
    [delivery, _] = recent_runs(job="alert-deliveries")
    assert delivery.message.startswith("queued=0 digest=0 sent=0 failed=0")
    [recompute] = recent_runs(job="nightly-recompute")
    assert recompute.outcome == "ok" and recompute.ended_at >= recompute.started_at


def test_the_owner_moves_the_recompute_to_a_quarter_to_five(app):
    register_jobs(["nightly-recompute"], datetime(2026, 12, 4, 0, 0, tzinfo=TOKYO))
    save_daily_time("nightly-recompute", "04:45")
    db.session.remove()
    recompute = next(job for job in SHOP_JOBS if job.name == "nightly-recompute")
    assert recompute.when() == {"hour": 4, "minute": 45}
    with pytest.raises(InvalidInput):
        save_daily_time("nightly-recompute", "25:00")
    assert recompute.when() == {"hour": 4, "minute": 45}

"""The daily cycle-count job: at the owner's time (06:00 by default), it opens the sessions of what is due."""

from sqlalchemy import func, select

from tests.builders import NOW
from tests.services.stocktake.cycle_fixtures import shop_with_classes
from webapp.extensions import db
from webapp.models import CountSession
from webapp.scheduling.jobs import JOBS
from webapp.services.jobs import register_jobs, save_daily_time


def cycle_job():
    return next(job for job in JOBS if job.name == "cycle-count-sessions")


def test_the_job_runs_at_six_unless_the_owner_moves_it(app):
    assert cycle_job().when() == {"hour": 6, "minute": 0}
    register_jobs(["cycle-count-sessions"], NOW)
    save_daily_time("cycle-count-sessions", "05:15")
    db.session.remove()
    assert cycle_job().when() == {"hour": 5, "minute": 15}


def test_a_run_opens_the_due_sessions_and_a_second_run_finds_nothing_left(app):
    shop_with_classes()
    assert cycle_job().run() == {"sessions": 3}  # zone A, zone B, zone C: nothing was ever counted
    assert db.session.scalar(select(func.count()).select_from(CountSession)) == 3
    assert cycle_job().run() == {"sessions": 0}

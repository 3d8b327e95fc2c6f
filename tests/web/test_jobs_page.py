"""The Jobs page: each job with its schedule, last and next run; run now queued for the scheduler; the
owner's recompute time; the recent runs; workers refused."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.builders import make_site, make_user
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import AuditEvent
from webapp.scheduling import JOBS, run_due_jobs, trigger_of
from webapp.scheduling.due import describe
from webapp.services.jobs import daily_time, job_states, publish_schedules, recent_runs

TOKYO = ZoneInfo("Asia/Tokyo")


def english(client):
    client.set_cookie("lang", "en")
    return client


@pytest.fixture
def shop(app, tmp_path):
    """A shop whose scheduler has run the night's jobs: alerts and the recompute fine, the backup failed."""
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    make_site()
    triggers = {job.name: trigger_of(job.when(), TOKYO) for job in JOBS}
    publish_schedules(
        {job.name: (describe(job.when()), None) for job in JOBS}, datetime(2026, 12, 4, 0, 0, tzinfo=TOKYO)
    )
    # The backup folder's disk is then unplugged: the night's backup fails, as a real one can.
    (tmp_path / "usb-stick").write_text("not a folder")
    app.config["BACKUP_DIR"] = str(tmp_path / "usb-stick" / "backups")
    for at in (datetime(2026, 12, 4, 1, 30, 2, tzinfo=TOKYO), datetime(2026, 12, 4, 2, 30, 2, tzinfo=TOKYO)):
        run_due_jobs(JOBS, triggers, at, holder="jimusho-pc:2181")
    db.session.remove()


@pytest.fixture
def manager(client, shop):
    make_user("suzuki", "manager", PASSWORD)
    return client, log_in(client, "suzuki")


@pytest.fixture
def owner(client, shop):
    make_user("kobayashi", "owner", PASSWORD)
    return client, log_in(client, "kobayashi")


def test_a_manager_sees_every_job_with_its_schedule_last_run_and_next_run(manager):
    client, _token = manager
    page = english(client).get("/office/jobs").get_data(as_text=True)
    for label in ("Alert e-mails and webhooks", "Reorder points recompute", "Nightly backup", "Expiry alerts"):
        assert label in page
    assert "Every minute" in page and "Every day at 01:30" in page and "Every day at 02:30" in page
    assert page.count(">Done<") >= 3 and ">Failed<" in page and "NotADirectoryError" in page
    assert "jimusho-pc:2181" in page and "On time" in page
    # Run now for each job that is on (the order jobs are off in a shop without automatic suppliers).
    assert page.count('/run"') == 5 and '/time"' not in page  # the time form is the owner's
    assert "Cycle count sessions" in page and "Every day at 06:00" in page


def test_the_page_is_in_japanese_by_default(manager):
    client, _token = manager
    client.set_cookie("lang", "ja")
    page = client.get("/office/jobs").get_data(as_text=True)
    assert "ジョブ" in page and "今すぐ実行" in page and "毎分" in page and "毎日 01:30" in page
    assert "Every" not in page and "Run now" not in page


def test_run_now_queues_the_job_for_the_scheduler_which_runs_it_under_its_lock(manager, app):
    client, token = manager
    answer = english(client).post("/office/jobs/alert-deliveries/run", data={"csrf_token": token})
    assert answer.status_code == 303
    page = english(client).get("/office/jobs").get_data(as_text=True)
    assert "Alert e-mails and webhooks: queued" in page and "by suzuki" in page
    # The scheduler's next tick picks it up, whatever the time.
    now = datetime(2026, 12, 4, 9, 15, 30, tzinfo=TOKYO)
    ran = run_due_jobs(JOBS, {}, now)
    assert ran == {"alert-deliveries": "ok"}
    assert recent_runs(job="alert-deliveries")[0].run_trigger == "requested"
    db.session.remove()
    assert next(s for s in job_states(now) if s.name == "alert-deliveries").run_requested_at is None


def test_run_now_of_an_unknown_job_is_a_404_and_needs_the_csrf_token(manager):
    client, token = manager
    assert english(client).post("/office/jobs/no-such-job/run", data={"csrf_token": token}).status_code == 404
    assert client.post("/office/jobs/alert-deliveries/run").status_code == 400


def test_the_owner_sets_the_recompute_time_and_a_bad_one_is_refused_in_her_language(owner):
    client, token = owner
    answer = client.post("/office/jobs/nightly-recompute/time", data={"csrf_token": token, "daily_at": "04:45"})
    assert answer.status_code == 303 and daily_time("nightly-recompute", "01:30") == "04:45"
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "job"))
    assert (event.object_label, event.changes) == ("nightly-recompute", {"daily_at": {"old": None, "new": "04:45"}})
    client.set_cookie("lang", "ja")
    refused = client.post("/office/jobs/nightly-recompute/time", data={"csrf_token": token, "daily_at": "25:00"})
    assert refused.status_code == 422 and "HH:MM" in refused.get_data(as_text=True)
    assert "形式" in refused.get_data(as_text=True)
    db.session.remove()
    assert daily_time("nightly-recompute", "01:30") == "04:45"


def test_a_manager_may_not_set_the_time(manager):
    client, token = manager
    answer = client.post("/office/jobs/nightly-recompute/time", data={"csrf_token": token, "daily_at": "04:45"})
    assert answer.status_code == 403 and daily_time("nightly-recompute", "01:30") == "01:30"


def test_workers_are_refused_the_jobs_page_and_run_now(client, shop):
    make_user("tanaka", "worker", PASSWORD)
    token = log_in(client, "tanaka")
    assert client.get("/office/jobs").status_code == 403
    assert client.post("/office/jobs/nightly-backup/run", data={"csrf_token": token}).status_code == 403

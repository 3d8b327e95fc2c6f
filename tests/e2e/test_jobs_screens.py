"""The Jobs page in a real Chromium on a phone and a tablet, both languages; screenshots for review."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.builders import make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from webapp.extensions import db
from webapp.scheduling import JOBS, run_due_jobs, trigger_of
from webapp.services.catalog import seed_demo
from webapp.services.jobs import publish_schedules, register_jobs, request_run

TOKYO = ZoneInfo("Asia/Tokyo")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"
SIZES = {"phone": {"width": 390, "height": 844}, "tablet": {"width": 820, "height": 1180}}


@pytest.fixture
def jobs_server(app, tmp_path):
    """A demo shop after a night of jobs: on time at 01:30, the backup failed at 02:30, a recompute queued."""
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    seed_demo()
    make_user("kobayashi", "owner", PASSWORD)
    triggers = {job.name: trigger_of(job.when(), TOKYO) for job in JOBS}
    register_jobs([job.name for job in JOBS], datetime(2026, 12, 3, 9, 0, tzinfo=TOKYO))
    run_due_jobs(JOBS, triggers, datetime(2026, 12, 4, 1, 30, 1, tzinfo=TOKYO), holder="jimusho-pc:2181")
    (tmp_path / "usb-stick").write_text("unplugged")
    app.config["BACKUP_DIR"] = str(tmp_path / "usb-stick" / "backups")
    run_due_jobs(JOBS, triggers, datetime(2026, 12, 4, 2, 30, 1, tzinfo=TOKYO), holder="jimusho-pc:2181")
    app.config["BACKUP_DIR"] = str(tmp_path / "backups")
    now = datetime(2026, 12, 4, 2, 31, tzinfo=TOKYO)
    publish_schedules(
        {
            job.name: (
                " ".join(f"{k}={v}" for k, v in (job.when() or {}).items()) or None,
                trigger.get_next_fire_time(None, now) if trigger else None,
            )
            for job, trigger in ((job, triggers[job.name]) for job in JOBS)
        },
        now,
    )
    request_run("nightly-recompute", now, "kobayashi")
    db.session.remove()
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


@pytest.mark.parametrize("locale", ["ja", "en"])
@pytest.mark.parametrize("size", ["phone", "tablet"])
def test_the_jobs_page_on_a_phone_and_a_tablet(jobs_server, browsers, locale, size):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size],
        device_scale_factor=1,
        has_touch=True,
        locale=f"{locale}-JP" if locale == "ja" else "en-GB",
        base_url=jobs_server.url,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{jobs_server.url}/**")
    page.goto("/office/jobs")
    assert page.locator("section.job").count() == len(JOBS)
    assert page.locator(".outcome-failed").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"jobs-{size}-{locale}.png"), full_page=True)
    # Run now on the backup: queued, and the card says so instead of offering the button again.
    page.click(
        "#job-nightly-backup ~ .job-actions button:has-text('{}')".format("今すぐ実行" if locale == "ja" else "Run now")
    )
    page.wait_for_url(f"{jobs_server.url}/office/jobs")
    assert page.locator("section.job[aria-labelledby=job-nightly-backup] .job-state").count() == 1
    assert errors == []
    context.close()

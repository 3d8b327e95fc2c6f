"""A pick list worked with no network: the task comes from the phone, scans wait in the queue, apply once on sync."""

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD, scans_recorded, stock_of
from tests.e2e.workflow_phone import shoot, typed
from webapp.extensions import db
from webapp.models import Task, TaskAction, TaskEvent
from webapp.services.picking import create_pick_list, pick_lines
from webapp.services.scanning import apply_scans


@pytest.fixture
def pick_list(seeded):
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    [out] = apply_scans([scan("receive", JAN, 6, location="A-01-02")], actor(seeded["user_id"]))
    assert out.status == "applied"
    return create_pick_list("TKY", [(JAN, 4)], manager, number="PL-900")


def open_tasks_then_go_offline(device):
    """Log in, let the phone download its tasks and reference data, then lose server and network."""
    page = device.login()
    page.goto("/workflows/")
    page.wait_for_selector("a[data-number='PL-900']")
    device.wait_for_worker()
    device.wait_for_reference()
    device.server.stop()
    device.context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    page.wait_for_selector("body[data-tasks-loaded='offline']")
    return page


def test_a_pick_list_opened_offline_is_picked_and_applied_once_on_sync(phone, pick_list):
    device = phone()
    page = open_tasks_then_go_offline(device)
    page.click("a[data-number='PL-900']")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("document.getElementById('wf-where').textContent.includes('A-01-02')")
    typed(page, "A-01-02")
    page.wait_for_function(
        "document.getElementById('wf-where').textContent.includes('A-01-02')"
        " && document.getElementById('wf-detail').textContent !== ''"
    )
    for _ in range(4):
        typed(page, JAN)
    device.wait_for_queue(pending=4)
    # The phone counts queued units as picked: the list is done before any signal.
    page.wait_for_function("document.getElementById('wf-what').textContent.length > 0")
    assert scans_recorded() != [] and stock_of() == 6  # only the setup receipt so far

    device.server.start()
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, attention=0, timeout=30)
    assert len(scans_recorded(mode="pick", status="applied")) == 4
    assert stock_of() == 2
    db.session.remove()
    assert pick_lines(db.session.get(Task, pick_list))[0]["picked"] == 4


@pytest.mark.parametrize("locale, lang", [("ja-JP", "ja"), ("en-US", "en")])
def test_a_short_pick_and_completion_made_offline_apply_once_after_the_scans_before_them(
    phone, pick_list, locale, lang
):
    device = phone(locale=locale)
    page = open_tasks_then_go_offline(device)
    page.click("a[data-number='PL-900']")
    page.wait_for_selector("body[data-ready='1']")
    typed(page, "A-01-02")
    page.wait_for_function("document.getElementById('wf-detail').textContent !== ''")
    for _ in range(3):
        typed(page, JAN)
    device.wait_for_queue(pending=3)
    page.select_option("#short-reason", "damaged")
    page.click("#short-btn")  # the last unit: short, after the three picks queued before it
    page.click("#short-yes")  # a short pick is confirmed before it is queued
    device.wait_for_queue(pending=4)
    page.wait_for_selector("#wf-lines .wf-line.is-done")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-w12-pick-offline-short-queued")
    page.click("#complete-btn")
    page.wait_for_selector("body[data-tasks-loaded='offline']")
    assert page.locator("a[data-number='PL-900']").count() == 0  # completed on the phone, waiting to send
    device.wait_for_queue(pending=5)
    db.session.remove()
    assert db.session.get(Task, pick_list).status == "open" and scans_recorded(mode="pick") == []

    device.server.start()
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, attention=0, timeout=30)
    db.session.remove()
    task = db.session.get(Task, pick_list)
    [line] = pick_lines(task)
    assert task.status == "done"
    assert (line["picked"], line["short"], line["short_reason"]) == (3, 1, "damaged")
    assert stock_of() == 3
    assert [a.kind for a in db.session.scalars(select(TaskAction).order_by(TaskAction.recorded_at))] == [
        "short",
        "complete",
    ]
    assert db.session.scalar(select(func.count()).select_from(TaskEvent).where(TaskEvent.kind == "short_pick")) == 1

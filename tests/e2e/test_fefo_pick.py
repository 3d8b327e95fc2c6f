"""First expiry first out on the phone (390x844, real Chromium): the pick screen names the proposed lot and its
expiry; a GS1 label of an expired lot in the same bin is refused with the reason on screen and moves nothing;
the proposed lot's label is then applied; a later lot is taken only once the worker has chosen why."""

import time

import pytest
from sqlalchemy import select

from tests.builders import actor, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD
from tests.e2e.workflow_phone import open_task, typed
from tests.fefo_fixtures import days_from_today, gs1
from webapp.extensions import db
from webapp.models import Location, Movement, StockLevel, TaskEvent
from webapp.services.picking import create_pick_list
from webapp.services.scanning import apply_scans


@pytest.fixture
def lots(seeded):
    """In bin A-01-01: lot L-OLD past its expiry, L-GOOD in twenty days, L-LATE in ninety."""
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    dates = {"L-OLD": days_from_today(-3), "L-GOOD": days_from_today(20), "L-LATE": days_from_today(90)}
    who = actor(seeded["user_id"])
    for lot, expiry in dates.items():
        [out] = apply_scans([scan("receive", gs1(lot, expiry), 4, location="A-01-01")], who)
        assert out.status == "applied"
    return {"manager": manager, "dates": dates}


def on_hand(lot: str) -> int:
    db.session.remove()
    return db.session.scalar(
        select(StockLevel.quantity).join(Location).where(Location.code == "A-01-01", StockLevel.lot == lot)
    )


def until(check, timeout: float = 30.0) -> None:
    """Wait for what the server has booked (a queue that looks empty may not have taken the scan in yet)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the server never booked it"
        time.sleep(0.1)


def test_the_expired_lot_is_refused_on_screen_and_the_proposed_lot_is_then_picked(phone, lots):
    create_pick_list("TKY", [(JAN, 2)], lots["manager"], number="PL-701")
    good = lots["dates"]["L-GOOD"].isoformat()
    device = phone()
    device.login()
    page = open_task(device, "PL-701")
    assert f"ロット L-GOOD・期限 {good}" in page.text_content("#wf-detail")  # the proposed lot, with its expiry
    assert f"ロット L-GOOD・期限 {good}" in page.text_content("#wf-lines")
    typed(page, "A-01-01")
    page.fill("#qty", "2")
    typed(page, gs1("L-OLD", lots["dates"]["L-OLD"]))
    device.wait_for_queue(pending=0, attention=1)  # refused, kept on the phone, never lost
    # Read in the same frame as it is seen: a redraw may say something else a moment later.
    said = page.wait_for_function(
        "(() => { const t = document.getElementById('wf-detail').textContent; return t.includes('期限切れ') && t; })()"
    )
    assert "ロット L-OLD" in said and "ピッキングできません" in said and lots["dates"]["L-OLD"].isoformat() in said
    assert on_hand("L-OLD") == 4

    typed(page, "A-01-01")  # the refused units are back on the line: the screen asks for the bin again
    page.fill("#qty", "2")
    typed(page, gs1("L-GOOD", lots["dates"]["L-GOOD"]))
    page.wait_for_function("document.getElementById('wf-what').textContent.includes('完了')")  # queued: list done
    until(lambda: on_hand("L-GOOD") == 2)  # and booked by the server
    device.wait_for_queue(pending=0, attention=1)
    assert on_hand("L-OLD") == 4
    moved = db.session.scalars(select(Movement).where(Movement.type == "pick")).all()
    assert [(m.lot, m.quantity) for m in moved] == [("L-GOOD", -2)]


def test_a_later_lot_is_taken_only_with_the_reason_the_worker_chose(phone, lots):
    pl = create_pick_list("TKY", [(JAN, 1)], lots["manager"], number="PL-702")
    device = phone()
    device.login()
    page = open_task(device, "PL-702")
    typed(page, "A-01-01")
    typed(page, gs1("L-LATE", lots["dates"]["L-LATE"]))
    page.wait_for_selector("#lot-ask", state="visible")  # asked on the phone itself, before anything is queued
    assert "L-GOOD" in page.text_content("#lot-ask-text") and device.pending() == 0
    page.click("#lot-yes")
    assert page.is_visible("#lot-ask") and device.pending() == 0  # no reason is assumed
    page.select_option("#lot-reason", "customer_asked")
    page.click("#lot-yes")
    until(lambda: on_hand("L-LATE") == 3)
    device.wait_for_queue(pending=0, attention=0)
    assert on_hand("L-GOOD") == 4
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.task_id == pl, TaskEvent.kind == "later_lot"))
    assert event.reason == "customer_asked: lot L-LATE instead of L-GOOD"


def test_a_later_lot_only_the_server_can_date_is_asked_after_the_refusal_and_sent_again_with_the_reason(phone, lots):
    pl = create_pick_list("TKY", [(JAN, 1)], lots["manager"], number="PL-703")
    device = phone()
    device.login()
    page = open_task(device, "PL-703")
    typed(page, "A-01-01")
    typed(page, f"(01)0{JAN}(10)L-LATE")  # a label with the lot but no date: the phone cannot tell it is later
    device.wait_for_queue(pending=0, attention=1)
    page.wait_for_selector("#lot-ask", state="visible")
    assert "理由を選んでください" in page.text_content("#lot-ask-text")
    page.select_option("#lot-reason", "earlier_not_found")
    page.click("#lot-yes")
    device.wait_for_queue(pending=0, attention=0)  # the refused scan gave way to the one carrying the reason
    assert on_hand("L-LATE") == 3
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.task_id == pl, TaskEvent.kind == "later_lot"))
    assert event.reason == "earlier_not_found: lot L-LATE instead of L-GOOD"


def test_offline_the_reason_for_a_later_lot_waits_in_the_queue_with_its_scan(phone, lots):
    pl = create_pick_list("TKY", [(JAN, 1)], lots["manager"], number="PL-704")
    device = phone()
    page = device.login()
    page.goto("/workflows/")
    page.wait_for_selector("a[data-number='PL-704']")
    device.wait_for_worker()
    device.wait_for_reference()
    device.server.stop()
    device.context.set_offline(True)
    assert page.reload().from_service_worker
    page.wait_for_selector("body[data-tasks-loaded='offline']")
    page.click("a[data-number='PL-704']")
    page.wait_for_selector("body[data-ready='1']")
    typed(page, "A-01-01")
    typed(page, gs1("L-LATE", lots["dates"]["L-LATE"]))
    page.wait_for_selector("#lot-ask", state="visible")
    page.select_option("#lot-reason", "damaged_packaging")
    page.click("#lot-yes")
    device.wait_for_queue(pending=1)
    queued = page.evaluate("async () => (await import('/static/js/queue.js')).pending(null).then(r => r[0].body)")
    assert queued["lot_reason"] == "damaged_packaging" and queued["task_id"] == pl

    device.server.start()
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, attention=0, timeout=30)
    assert on_hand("L-LATE") == 3
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.task_id == pl, TaskEvent.kind == "later_lot"))
    assert event.reason == "damaged_packaging: lot L-LATE instead of L-GOOD"

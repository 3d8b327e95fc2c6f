"""Workflows on a phone in real Chromium: receive an order partly then fully, pick with a wrong item refused,
count a bin and approve it, transfer between bins and sites; two pickers and one last unit."""

import pytest

from tests.builders import actor, make_site, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD, stock_of
from tests.e2e.workflow_phone import open_task, typed
from tests.workflow_fixtures import stock_at
from webapp.extensions import db
from webapp.models import Task
from webapp.services.picking import create_pick_list, pick_lines
from webapp.services.purchasing import create_purchase_order, order_lines
from webapp.services.scanning import apply_scans
from webapp.services.stocktake import review, start_count

TEA_CUP = "4512345678906"


@pytest.fixture
def manager(seeded):
    user_id, _ = make_user("suzuki", "manager", PASSWORD)
    return user_id


def put(seeded, bin_code, qty, code=JAN):
    [out] = apply_scans([scan("receive", code, qty, location=bin_code)], actor(seeded["user_id"]))
    assert out.status == "applied"


def fresh(task_id):
    db.session.remove()
    return db.session.get(Task, task_id)


def settled(device, done, attention=0):
    """Wait until the phone has `done` acknowledged and `attention` refused scans, none pending."""
    device.wait_until(
        "async () => { const q = await import('/static/js/queue.js');"
        f" const c = await q.counts(); const d = await q.byState('done');"
        f" return c.pending === 0 && c.attention === {attention} && d.length === {done}; }}"
    )


def error_shown(page):
    page.wait_for_selector("#flash[data-kind=error]:not([hidden])")
    text = page.text_content("#flash-title")
    page.wait_for_selector("#flash", state="hidden", timeout=5000)
    return text


def test_an_order_is_received_partly_then_fully(phone, manager):
    po = create_purchase_order("TKY", None, [(JAN, 10)], manager, number="PO-1001")
    device = phone()
    device.login()
    page = open_task(device, "PO-1001")
    typed(device.page, "A-01-01")
    page.fill("#qty", "6")
    typed(device.page, JAN)
    settled(device, 1)
    assert order_lines(fresh(po))[0]["received"] == 6 and fresh(po).status == "in_progress"
    page.wait_for_function("document.getElementById('wf-lines').textContent.includes('あと 4')")
    page.fill("#qty", "4")
    typed(device.page, JAN)
    settled(device, 2)
    assert fresh(po).status == "done" and stock_of() == 10


def test_a_pick_list_is_picked_and_a_wrong_item_is_refused_moving_nothing(phone, manager, seeded):
    put(seeded, "A-01-02", 5)
    pl = create_pick_list("TKY", [(JAN, 2)], manager, reference="SO-501 山田商店", number="PL-501")
    device = phone()
    device.login()
    page = open_task(device, "PL-501")
    assert "A-01-02" in page.text_content("#wf-where")
    typed(device.page, "B-02-01")
    assert "A-01-02" in error_shown(page)
    typed(device.page, "A-01-02")
    typed(device.page, TEA_CUP)
    assert "レトロ置時計" in error_shown(page)
    assert device.pending() == 0 and stock_of() == 5  # refused on the phone: nothing queued, nothing moved
    page.fill("#qty", "2")
    typed(device.page, JAN)
    settled(device, 1)
    assert stock_of() == 3 and pick_lines(fresh(pl))[0]["picked"] == 2
    page.wait_for_function("document.getElementById('wf-where').textContent === ''")
    page.click("#complete-btn")
    page.wait_for_url("**/workflows/")
    device.wait_for_queue(pending=0, attention=0)  # the completion goes through the queue like a scan
    assert fresh(pl).status == "done"


def test_two_pickers_and_the_last_unit_the_second_is_told(phone, manager, seeded):
    put(seeded, "A-01-02", 1)
    create_pick_list("TKY", [(JAN, 1)], manager, number="PL-777")
    first, second = phone(), phone()
    for device in (first, second):
        device.login()
        open_task(device, "PL-777")
        typed(device.page, "A-01-02")
    typed(first.page, JAN)
    settled(first, 1)
    typed(second.page, JAN)  # its copy of the list still shows the unit
    settled(second, 0, attention=1)
    second.page.wait_for_selector("#flash[data-kind=error]:not([hidden])")
    assert "別の作業者" in second.page.text_content("#flash-detail")  # the refusal in the worker's language
    assert stock_of() == 0


def test_a_bin_is_counted_blind_and_a_manager_approves_the_variance(phone, manager, seeded):
    put(seeded, "A-01-01", 10)
    session = start_count("TKY", manager, scope="bins", bins=["A-01-01"])
    number = fresh(session).number
    device = phone()
    device.login()
    page = open_task(device, number)
    assert "10" not in page.text_content("#wf-lines")  # blind: the expected quantity is not shown
    typed(device.page, "A-01-01")
    page.fill("#qty", "9")
    typed(device.page, JAN)
    settled(device, 1)
    db.session.remove()
    assert review(session)["lines"][0]["counted"] == 9
    office = phone()
    office.login("suzuki")
    office.page.goto(f"/workflows/office/count-sessions/{session}")
    assert office.page.text_content("#review tbody tr td:nth-child(8)").strip() == "-1"
    office.page.click("#approve-form button")
    office.page.click("#approve-confirm button[type=submit]")  # approval asks first: it cannot be taken back
    office.page.wait_for_selector("#task-status[data-status=done]")
    assert stock_of() == 9


def test_stock_is_transferred_between_bins_and_to_another_site(phone, seeded):
    make_site("OSK", "大阪倉庫", bins=("OSK-A-01",))
    put(seeded, "A-01-01", 5)
    device = phone()
    device.login()
    page = device.page
    page.goto("/workflows/task#transfer")
    device.wait_for_reference()
    for n, (to_bin, qty) in enumerate((("B-02-01", 3), ("OSK-A-01", 1)), start=1):
        typed(device.page, "A-01-01")
        typed(device.page, JAN)
        page.fill("#qty", str(qty))
        typed(device.page, to_bin)
        settled(device, n)
    db.session.remove()
    assert (stock_at("A-01-01"), stock_at("B-02-01"), stock_at("OSK-A-01")) == (1, 3, 1)

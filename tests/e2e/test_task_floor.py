"""Task screens a worker can trust, on a phone-sized page (390x844) in real Chromium: the running count in large
type and an undone double read leaving the manager's review right; a receipt past the ordered quantity warned
at once and the screen redrawn from the server's answer; a short pick that needs a reason and a confirmation."""

import re

import pytest

from tests.builders import actor, make_item, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD, stock_of
from tests.e2e.workflow_phone import open_task, typed
from webapp.extensions import db
from webapp.models import Movement, Task, TaskEvent
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order, order_lines
from webapp.services.scanning import apply_scans
from webapp.services.stocktake import review, start_count

PEN = "4902505123450"


@pytest.fixture
def manager(seeded):
    user_id, _ = make_user("suzuki", "manager", PASSWORD)
    return user_id


def fresh(task_id):
    db.session.remove()
    return db.session.get(Task, task_id)


def settled(device):
    device.wait_for_queue(pending=0, attention=0)


def record_flashes(page):
    """Keep every flash the screen shows: a warning held 1.4 s can come and go while a loaded machine types."""
    page.evaluate(
        """() => {
            window.flashes = [];
            const flash = document.getElementById("flash");
            const text = (id) => document.getElementById(id).textContent;
            new MutationObserver(() => {
                if (!flash.hidden) window.flashes.push([flash.dataset.kind, text("flash-title"), text("flash-detail")]);
            }).observe(flash, { attributes: true, childList: true, subtree: true, characterData: true });
        }"""
    )


def shown_flash(page, kind):
    """The first flash of this kind shown since record_flashes, waiting for it."""
    page.wait_for_function(f"window.flashes.some((f) => f[0] === {kind!r})")
    return next(f for f in page.evaluate("window.flashes") if f[0] == kind)[1:]


def figure(page, n):
    page.wait_for_function(f"document.getElementById('wf-qty').textContent === {str(n)!r}")


def test_counting_pens_one_by_one_shows_the_running_count_and_an_undone_double_read_is_not_counted(
    phone, manager, seeded
):
    make_item("PEN-BLK", "ボールペン 黒", PEN, name_en="Ballpoint pen, black", unit_cost="60")
    apply_scans([scan("receive", PEN, 22, location="A-01-01")], actor(seeded["user_id"]))
    session = start_count("TKY", manager, scope="bins", bins=["A-01-01"])
    device = phone()
    device.login()
    page = open_task(device, fresh(session).number)
    assert device.page.viewport_size == {"width": 390, "height": 844}
    typed(page, "A-01-01")
    for n in range(1, 23):
        typed(page, PEN)
        figure(page, n)  # 1, 2, ... 22 in large type, not "+1"
    assert page.text_content("#wf-total") == "棚の合計 22"
    typed(page, PEN)  # the camera read one pen twice
    figure(page, 23)
    page.click("#wf-undo")
    figure(page, 22)  # at once, before the undo is even sent
    settled(device)
    figure(page, 22)  # and still after the screen is drawn again from the server
    assert page.text_content("#wf-total") == "棚の合計 22"

    db.session.remove()
    line = next(r for r in review(session)["lines"] if r["item_code"] == "PEN-BLK")
    assert (line["counted"], line["variance"]) == (22, 0)
    office = phone()
    office.login("suzuki")
    office.page.goto(f"/workflows/office/count-sessions/{session}")
    row = office.page.locator("#review tbody tr", has_text="ボールペン")
    assert row.locator("td:nth-child(7)").text_content().strip() == "22"
    office.page.click("#approve-form button")
    office.page.click("#approve-confirm button[type=submit]")
    office.page.wait_for_selector("#task-status[data-status=done]")
    db.session.remove()
    assert stock_of("PEN-BLK") == 22
    assert db.session.query(Movement).filter(Movement.type == "count").count() == 0

    device.page.goto("/recent")
    device.page.wait_for_selector("#recent-list li[data-state=undone]")


def test_receiving_past_the_order_is_warned_at_once_and_the_closed_order_is_said_in_japanese(phone, manager):
    po = create_purchase_order("TKY", None, [(JAN, 6)], manager)
    number = fresh(po).number
    assert re.fullmatch(r"PO-\d{8}-001", number)
    device = phone()
    device.login()
    page = open_task(device, number)
    page.fill("#qty", "4")
    typed(page, JAN)
    settled(device)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '4 / 6'")
    assert page.text_content("#wf-detail") == "あと 2"
    page.fill("#qty", "3")
    record_flashes(page)
    typed(page, JAN)
    assert shown_flash(page, "warn") == ["1 個過剰（注文は 6 個）", "7 / 6"]  # warned as the worker scans
    settled(device)
    db.session.remove()
    assert fresh(po).status == "done" and order_lines(fresh(po))[0]["received"] == 7
    # Rebuilt from the server's answer: closed, seven received, one over; never "Received 4 · 2 still to come".
    page.wait_for_function(f"document.getElementById('wf-what').textContent === '{number} は締め切られています。'")
    assert page.text_content("#wf-qty") == "7 / 6"
    lines = page.text_content("#wf-lines")
    assert "入荷 7" in lines and "1 過剰" in lines and "あと" not in lines
    assert page.is_visible("#wf-closed") and not page.is_visible("#wf-blind")  # a worker is told to ask a manager
    page.wait_for_selector("#flash", state="hidden")
    assert page.is_hidden("#typed-code")  # a closed order has no scan inputs left...
    record_flashes(page)
    device.wedge(JAN)  # ...and a scanner still gets an answer
    assert shown_flash(page, "error")[0] == f"{number} は締め切られています。"
    assert not re.search(r"[A-Za-z]{3,}", page.inner_text("#wf-screen").replace(number, ""))  # nothing English
    assert device.pending() == 0 and stock_of() == 7

    office = phone()
    office.login("suzuki")
    office.page.goto(f"/workflows/task#{po}")  # closed: no longer on the hub, still there by its link
    office.page.wait_for_selector("#wf-blind", state="visible")  # a manager is offered blind receiving
    office.page.click("#wf-blind")
    office.page.wait_for_url("**/scan/receive")


def test_a_short_pick_needs_a_reason_and_a_second_tap(phone, manager, seeded):
    apply_scans([scan("receive", JAN, 1, location="A-01-02")], actor(seeded["user_id"]))
    pl = create_pick_list("TKY", [(JAN, 3)], manager, number="PL-502")
    device = phone()
    device.login()
    page = open_task(device, "PL-502")
    assert page.input_value("#short-reason") == ""  # no reason is chosen for the worker
    record_flashes(page)
    page.click("#short-btn")
    assert shown_flash(page, "error")[0] == "先に欠品の理由を選んでください。"
    page.select_option("#short-reason", "not_found")
    page.click("#short-btn")
    assert "欠品として記録しますか" in page.text_content("#short-confirm-text")
    page.click("#short-no")
    assert device.pending() == 0 and page.is_hidden("#short-confirm")
    page.click("#short-btn")
    page.click("#short-yes")
    settled(device)
    db.session.remove()
    event = db.session.query(TaskEvent).filter(TaskEvent.task_id == pl, TaskEvent.kind == "short_pick").one()
    assert event.reason == "not_found"

"""Phones in the shop, in real Chromium: pair by QR link, revoke with the queue kept, re-pair and send it once;
a shared phone where badge and PIN sign workers in and each queued scan stays booked to whoever made it."""

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.e2e.helpers import JAN, PASSWORD, scans_recorded, stock_of
from webapp.extensions import db
from webapp.models import User
from webapp.services.devices import issue_badges, set_pin


@pytest.fixture
def manager(app, seeded):
    return make_user("suzuki", "manager", PASSWORD)[0]


def pairing_link(office, who: str) -> str:
    """In the office: Phones → Add a phone for `who` (a username, or 'shared') → the link inside the QR code."""
    page = office.page
    page.goto("/office/phones")
    if who == "shared":
        page.select_option("#pair-for", "shared")
    else:
        user_id = db.session.scalar(select(User.id).where(User.username == who))
        page.select_option("#pair-for", str(user_id))
    page.fill("#pair-name", "")
    page.click("#pair-show")
    page.wait_for_selector("#pairing-qr svg")
    return page.text_content("#pairing-link")


def pair(device, link: str, lands_on: str = "/"):
    """On the phone: open the link from the QR code and tap 'Pair this phone'."""
    page = device.page
    page.goto(link)
    page.click("#pair-button")
    page.wait_for_url(device.server.url + lands_on)
    return page


def test_a_revoked_phone_keeps_its_queue_and_a_re_paired_phone_sends_it_exactly_once(phone, manager, seeded):
    office = phone()
    office.login("suzuki")
    device = phone()
    page = pair(device, pairing_link(office, "sato"))
    assert "sato" in page.text_content(".hello")
    device.wait_for_worker()
    device.open("/scan/receive")
    device.wait_for_reference()

    device.server.stop()
    device.context.set_offline(True)
    for _ in range(3):
        device.wedge(JAN)
    device.wait_for_queue(pending=3)

    device.server.start()
    office.page.goto("/office/phones")
    office.page.click("#phones tr[data-device] button.revoke")  # the confirmation is accepted
    office.page.wait_for_selector("#phones .notice-ok")

    device.context.set_offline(False)
    page.wait_for_selector("#banner[data-kind=removed]:not([hidden])")
    assert "このスマホは登録解除されました" in page.text_content("#banner-text")
    assert "3" in page.text_content("#banner-text")
    assert device.pending() == 3
    assert stock_of("RETRO-CLOCK") == 0
    page.goto("/")
    page.wait_for_url("**/device-removed")
    page.wait_for_selector("#removed-kept[data-pending='3']")

    page = pair(device, pairing_link(office, "sato"))
    device.wait_for_queue(pending=0)
    assert stock_of("RETRO-CLOCK") == 3
    recorded = scans_recorded(mode="receive", status="applied")
    assert len(recorded) == 3 and {s.user_id for s in recorded} == {seeded["user_id"]}
    office.page.goto("/office/phones")
    assert office.page.locator(".removed-phones tr[data-device]").count() == 1


def test_a_shared_phone_books_each_queued_scan_to_the_worker_who_made_it(phone, manager, seeded, app):
    tanaka = make_user("tanaka", "worker", PASSWORD)[0]
    badges = {b.user_id: b.code for b in issue_badges(manager, [seeded["user_id"], tanaka])}
    set_pin(manager, seeded["user_id"], "4827")
    office = phone()
    office.login("suzuki")
    device = phone()
    page = pair(device, pairing_link(office, "shared"), lands_on="/badge")

    def sign_in(user_id, pin=None):
        page.wait_for_selector("body[data-scanner=ready]", state="attached")
        device.wedge(badges[user_id])
        if pin:
            page.wait_for_selector("body[data-keypad=ready]", state="attached")
            for digit in pin:
                page.click(f".key[data-digit='{digit}']")
            page.click("#pin-ok")
        page.wait_for_url(device.server.url + "/")

    sign_in(seeded["user_id"], "4827")
    assert "sato" in page.text_content(".hello")
    device.wait_for_worker()
    # The shop's Wi-Fi drops the scan uploads (pages still load): the scan waits in the phone's queue.
    device.context.route("**/api/v1/scans/batch", lambda route: route.abort())
    device.open("/scan/receive")
    device.wedge(JAN)
    device.wait_for_queue(pending=1)

    page.goto("/")
    page.click("#switch-worker")
    page.wait_for_url("**/badge")
    sign_in(tanaka)  # no PIN: the badge alone
    assert "tanaka" in page.text_content(".hello")
    assert device.pending() == 1  # signing out never empties the queue

    device.context.unroute("**/api/v1/scans/batch")
    page.reload()
    device.wait_for_queue(pending=0)
    [booked] = scans_recorded(mode="receive")
    assert booked.user_id == seeded["user_id"]
    assert stock_of("RETRO-CLOCK") == 1

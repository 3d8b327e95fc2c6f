"""The screens issue 12 changed, at phone size (and the office ones at tablet size) in Japanese and English,
saved under test-artifacts/floor/ to be looked at."""

from pathlib import Path

import pytest

from tests.builders import actor, make_item, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD, hold_flash, release_flash
from tests.e2e.workflow_phone import open_task, typed
from webapp.extensions import db
from webapp.models import Task
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order
from webapp.services.scanning import apply_scans
from webapp.services.stocktake import start_count

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "floor"
PEN = "4902505123450"
TABLET = {"width": 820, "height": 1180}


def shoot(page, name, target=None):
    """The whole page from the top, or the screen as the user sees it scrolled to `target`."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if target:
        page.locator(target).scroll_into_view_if_needed()
    else:
        page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=target is None)


@pytest.fixture
def floor(seeded):
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    make_item("PEN-BLK", "ボールペン 黒", PEN, name_en="Ballpoint pen, black", unit_cost="60")
    make_item("HASAMI-MUG", "波佐見焼マグカップ", "4520123456783", name_en="Hasami porcelain mug")
    make_item("MUG-LID", "マグカップ用のふた", None, name_en="Lid for mugs")
    apply_scans(
        [scan("receive", PEN, 22, location="A-01-01"), scan("receive", JAN, 1, location="A-01-02")],
        actor(seeded["user_id"]),
    )
    po = create_purchase_order("TKY", None, [(JAN, 6)], manager)
    create_pick_list("TKY", [(JAN, 3)], manager, reference="SO-501 山田商店", number="PL-501")
    count = start_count("TKY", manager, scope="bins", bins=["A-01-01"])
    db.session.remove()
    return {
        "po": db.session.get(Task, po).number,
        "po_id": po,
        "count": db.session.get(Task, count).number,
        "count_id": count,
        "item_id": seeded["item_id"],
    }


@pytest.mark.parametrize("locale, lang", [("ja-JP", "ja"), ("en-US", "en")])
def test_screenshots_of_the_floor_fixes(phone, floor, locale, lang):
    device = phone(locale=locale)
    page = device.login()
    shoot(page, f"{lang}-f01-home")

    page = open_task(device, floor["count"])
    typed(page, "A-01-01")
    for _ in range(22):
        typed(page, PEN)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '22'")
    device.wait_for_queue(pending=0)
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-f02-count-running")

    page = open_task(device, floor["po"])
    page.fill("#qty", "4")
    typed(page, JAN)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '4 / 6'")  # queued: now it can be sent
    device.wait_for_queue(pending=0)
    page.wait_for_selector("#flash", state="hidden")
    page.fill("#qty", "3")
    hold_flash(page, "warn")
    typed(page, JAN)
    page.wait_for_selector("#flash[data-kind=warn]:not([hidden])")
    shoot(page, f"{lang}-f03-receive-over-warned")
    release_flash(page)
    device.wait_for_queue(pending=0)
    page.wait_for_selector("#wf-step[data-state=warn] #wf-blind, #wf-closed:not([hidden])")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-f04-order-closed-worker")

    page = open_task(device, "PL-501")
    page.select_option("#short-reason", "damaged")
    page.click("#short-btn")
    shoot(page, f"{lang}-f05-short-confirm", "#short-confirm")

    device.open("/lookup")
    device.wait_for_reference()
    page.fill("#typed-code", "まぐかっぷ")
    page.wait_for_selector("#matches .match[data-code='HASAMI-MUG']")
    shoot(page, f"{lang}-f06-lookup-by-name")

    office = phone(locale=locale)
    office.login("suzuki")
    office.page.goto(f"/workflows/task#{floor['po_id']}")
    office.page.wait_for_selector("#wf-blind", state="visible")
    shoot(office.page, f"{lang}-f07-order-closed-manager")
    for size, tag in ((None, "phone"), (TABLET, "tablet")):
        if size:
            office.page.set_viewport_size(size)
        office.page.goto(f"/workflows/office/count-sessions/{floor['count_id']}")
        office.page.click("#approve-form button")
        office.page.wait_for_selector("#approve-confirm")
        shoot(office.page, f"{lang}-f08-approve-confirm-{tag}", "#approve-confirm")
        office.page.goto(f"/office/items/{floor['item_id']}")
        office.page.click("#barcodes form button")
        office.page.wait_for_selector("#remove-confirm")
        shoot(office.page, f"{lang}-f09-barcode-remove-confirm-{tag}", "#remove-confirm")

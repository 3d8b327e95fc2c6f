"""Every workflow screen at phone size in Japanese and English, saved under test-artifacts/workflows/."""

import pytest

from tests.builders import actor, make_user, scan
from tests.e2e.helpers import JAN, PASSWORD
from tests.e2e.workflow_phone import open_task, shoot, typed
from webapp.extensions import db
from webapp.models import Task
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order
from webapp.services.scanning import apply_scans
from webapp.services.stocktake import start_count


@pytest.fixture
def tasks(seeded):
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    apply_scans(
        [scan("receive", JAN, 8, location="A-01-02"), scan("receive", "4512345678906", 3, location="B-02-01")],
        actor(seeded["user_id"]),
    )
    create_purchase_order("TKY", None, [(JAN, 10), ("TEA-CUP", 24)], manager, number="PO-1001")
    create_pick_list("TKY", [(JAN, 2), ("TEA-CUP", 1)], manager, reference="SO-501 山田商店", number="PL-501")
    session = start_count("TKY", manager, scope="bins", bins=["A-01-02", "B-02-01"])
    db.session.remove()
    return {"count": db.session.get(Task, session).number, "count_id": session}


@pytest.mark.parametrize("locale, lang", [("ja-JP", "ja"), ("en-US", "en")])
def test_screenshots_of_every_workflow_screen(phone, tasks, locale, lang):
    device = phone(locale=locale)
    page = device.login()
    device.wait_for_reference()
    shoot(page, f"{lang}-w01-home")
    page.goto("/workflows/")
    page.wait_for_selector("a[data-number='PL-501']")
    shoot(page, f"{lang}-w02-task-hub")

    page = open_task(device, "PO-1001")
    typed(page, "A-01-01")
    page.fill("#qty", "6")
    typed(page, JAN)
    page.wait_for_function("document.getElementById('wf-lines').textContent.match(/6/)")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-w03-receive-partial")

    page = open_task(device, "PL-501")
    shoot(page, f"{lang}-w04-pick-next-bin")
    typed(page, "A-01-02")
    typed(page, "4512345678906")
    page.wait_for_selector("#flash[data-kind=error]:not([hidden])")
    shoot(page, f"{lang}-w05-pick-wrong-item")
    page.wait_for_selector("#flash", state="hidden")
    page.fill("#qty", "2")
    typed(page, JAN)
    page.wait_for_function("document.getElementById('wf-where').textContent.includes('B-02-01')")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-w06-pick-next-line")

    page = open_task(device, tasks["count"])
    typed(page, "A-01-02")
    page.fill("#qty", "7")
    typed(page, JAN)
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-w07-count-bin")

    page.goto("/workflows/task#transfer")
    page.wait_for_selector("body[data-ready='1']")
    typed(page, "A-01-02")
    typed(page, JAN)
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-w08-transfer")

    office = phone(locale=locale)
    office.login("suzuki")
    office.page.goto(f"/workflows/office/count-sessions/{tasks['count_id']}")
    shoot(office.page, f"{lang}-w09-count-review")
    office.page.goto("/workflows/office/purchase-orders")
    shoot(office.page, f"{lang}-w10-orders")
    office.page.goto("/workflows/labels?site=TKY")
    shoot(office.page, f"{lang}-w11-labels")

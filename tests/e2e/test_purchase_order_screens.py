"""A manager takes a draft purchase order through its life in a real Chromium: edits a line (rounded to whole
packs), confirms, marks it sent by phone; tablet and phone, both languages; screenshots saved for review."""

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_supplier, make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from webapp.extensions import db
from webapp.models import Task
from webapp.services.purchasing import add_draft_line, create_purchase_order, save_company_profile

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "orders"
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def orders_server(app):
    make_site()
    yamada = make_supplier("SUP-YAMADA", "株式会社山田商事")
    make_item(supplier_id=yamada.id)
    make_item(
        "SENCHA-100",
        "静岡煎茶 100g",
        "4912345678904",
        name_en="Shizuoka sencha 100g",
        order_multiple=6,
        min_order_qty=12,
        unit_cost="540",
    )
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    save_company_profile(name="有限会社たなおろし雑貨店", address="東京都渋谷区神宮前1-2-3", fax="03-1234-5679")
    po = create_purchase_order("TKY", "SUP-YAMADA", [("4901234567894", 10)], manager, draft=True)
    add_draft_line(po, "4912345678904", 12, manager)
    create_purchase_order("TKY", "SUP-YAMADA", [("4912345678904", 6)], manager, draft=True)
    db.session.remove()
    live = LiveServer(app)
    live.start()
    yield live, po
    live.stop()


@pytest.mark.parametrize("size", ["tablet", "phone"])
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_a_draft_is_edited_confirmed_and_marked_sent(orders_server, browsers, locale, size):
    live, po = orders_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size], device_scale_factor=1, locale="ja-JP" if locale == "ja" else "en-GB", base_url=live.url
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "suzuki")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/office/")  # an owner or manager lands on the office

    page.goto("/workflows/office/purchase-orders")
    assert page.locator("#po-list tr[data-stage='draft']").count() == 2
    page.screenshot(path=str(ARTIFACTS / f"orders-list-{locale}-{size}.png"), full_page=True)

    page.goto(f"/workflows/office/purchase-orders/{po}")
    sencha = page.locator("#task-lines li", has_text="SENCHA-100")
    sencha.locator("input[name=quantity]").fill("13")
    sencha.locator("button", has_text="保存" if locale == "ja" else "Save").click()
    page.wait_for_load_state()
    assert page.locator("#task-lines li", has_text="SENCHA-100").locator("input[name=quantity]").input_value() == "18"
    page.screenshot(path=str(ARTIFACTS / f"order-draft-{locale}-{size}.png"), full_page=True)

    page.click("#po-steps button.btn-primary")  # confirm
    page.wait_for_selector("#po-stage[data-stage='confirmed']")
    page.select_option("select[name=channel]", "phone")
    page.click("#po-steps form.po-inline button")
    page.wait_for_selector("#po-stage[data-stage='sent']")
    assert page.locator("#po-history tr[data-kind='sent']").count() == 1
    page.screenshot(path=str(ARTIFACTS / f"order-sent-{locale}-{size}.png"), full_page=True)
    pdf = page.request.get(f"/workflows/office/purchase-orders/{po}/pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    page.goto("/workflows/office/company")
    page.screenshot(path=str(ARTIFACTS / f"company-{locale}-{size}.png"), full_page=True)
    context.close()
    assert db.session.scalar(select(Task.status).where(Task.id == po)) == "open"

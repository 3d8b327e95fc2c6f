"""A manager records a customer return on the returns page and sends damaged tea back from the purchase order
page in a real Chromium; tablet and phone, both languages; screenshots saved for review."""

from pathlib import Path

import pytest

from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from tests.services.returns.returns_world import picked_world, received_order
from webapp.extensions import db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "returns"
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def returns_server(app):
    w = picked_world()
    po, _line = received_order(w)
    db.session.remove()
    live = LiveServer(app)
    live.start()
    yield live, po
    live.stop()


@pytest.mark.parametrize("size", ["tablet", "phone"])
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_a_customer_return_and_a_return_to_the_supplier_are_recorded(returns_server, browsers, locale, size):
    live, po = returns_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size], device_scale_factor=1, locale="ja-JP" if locale == "ja" else "en-GB", base_url=live.url
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "suzuki")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/office/")

    page.goto("/office/returns")
    form = page.locator("#customer-return")
    form.locator("input[name=item]").fill("4901234567894")
    form.locator("input[name=quantity]").fill("5")
    form.locator("select[name=bin]").select_option("B-02-01")
    form.locator("select[name=reason]").select_option("damaged")
    form.locator("input[name=pick_list]").fill("PL-2001")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#return-error")
    said = "ここで返品できるのは 4 までです。" if locale == "ja" else "Only 4 of this can be returned here."
    assert page.locator("#return-error").inner_text() == said
    form.locator("input[name=quantity]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#returns tr[data-kind='customer']")
    assert page.locator("#returns tr[data-kind='customer']").count() == 1
    page.screenshot(path=str(ARTIFACTS / f"returns-{locale}-{size}.png"), full_page=True)

    page.goto(f"/workflows/office/purchase-orders/{po}")
    assert page.locator("#po-stage").get_attribute("data-stage") == "received"
    back = page.locator("form.po-return")
    back.locator("input[name=quantity]").fill("6")
    back.locator("select[name=reason]").select_option("quality")
    back.locator("button[type=submit]").click()
    page.wait_for_selector("#po-stage[data-stage='partly_received']")
    assert page.locator("#task-lines td[data-returned='6']").count() == 1
    assert page.locator("#po-history tr[data-kind='returned']").count() == 1
    page.screenshot(path=str(ARTIFACTS / f"order-return-{locale}-{size}.png"), full_page=True)
    context.close()

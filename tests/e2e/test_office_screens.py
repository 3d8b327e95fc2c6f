"""The office at tablet size in a real Chromium, both languages; screenshots saved to test-artifacts/ for review."""

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from webapp.extensions import db
from webapp.models import Item
from webapp.services.catalog import seed_demo
from webapp.services.replenishment import recompute

TABLET = {"width": 820, "height": 1180}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"


@pytest.fixture
def office_server(app):
    seed_demo()
    recompute()
    make_user("kobayashi", "owner", PASSWORD)
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


@pytest.mark.parametrize("locale", ["ja", "en"])
def test_stock_list_item_page_and_dashboard_on_a_tablet(office_server, browsers, locale):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=TABLET,
        device_scale_factor=1,
        has_touch=True,
        locale=f"{locale}-JP" if locale == "ja" else "en-GB",
        base_url=office_server.url,
    )
    requests, errors = [], []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{office_server.url}/office/")  # an owner or manager lands on the office

    page.goto("/office/stock")
    page.fill("input[name=q]", "TEA")
    page.wait_for_function(
        "[...document.querySelectorAll('#stock-table tbody tr')].every(r => r.textContent.includes('TEA-'))"
    )
    page.fill("input[name=q]", "")
    page.wait_for_function("document.querySelectorAll('#stock-table tbody tr').length > 20")
    assert page.locator("table.stock th").count() == 13
    page.screenshot(path=str(ARTIFACTS / f"stock-list-{locale}.png"), full_page=False)

    tea = db.session.scalar(select(Item.id).where(Item.code == "TEA-SENCHA"))
    page.goto(f"/office/items/{tea}")
    assert page.locator("svg.chart-line path.stock-path").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"item-{locale}.png"), full_page=True)

    page.goto("/office/")
    assert page.locator(".kpi").count() == 6
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{locale}.png"), full_page=True)

    page.goto("/office/suggestions")
    page.screenshot(path=str(ARTIFACTS / f"suggestions-{locale}.png"), full_page=False)
    assert errors == []
    assert [u for u in requests if not u.startswith(office_server.url + "/")] == []
    context.close()

"""The item page's history notes and the dashboard's "reorder points to check" in a real Chromium; screenshots for review."""

from pathlib import Path

import pytest

from tests.builders import make_item, make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.services.replenishment import recompute

SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "replenishment"


@pytest.fixture
def flagged_shop(app):
    _site, tea = tea_shop()
    per_day = [20, 18, 22, 21, 19] * 18
    per_day[60] = 2000  # one bulk order
    daily_sales(tea.id, "A-01-01", opening=5000, per_day=per_day)
    latte = make_item("LATTE-MATCHA", "抹茶ラテ 10本入", "4901234567894", lead_time_days=3, review_interval_days=1)
    daily_sales(latte.id, "A-01-02", opening=100, per_day=[0, 3, 0, 0, 9, 0, 2])
    recompute(today=TODAY, period_days=90)
    make_user("kobayashi", "manager", PASSWORD)
    live = LiveServer(app)
    live.start()
    yield live, tea, latte
    live.stop()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_history_notes_on_the_item_page_and_dashboard(flagged_shop, browsers, locale, size):
    live, tea, latte = flagged_shop
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size], locale="ja-JP" if locale == "ja" else "en-GB", base_url=live.url
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/office/")

    page.goto(f"/office/items/{tea.id}")
    note = page.locator(".why .notice-warn").first
    note.scroll_into_view_if_needed()
    assert ("特異日" if locale == "ja" else "Unusual days") in note.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"item-outlier-{locale}-{size}.png"))
    page.goto(f"/office/items/{latte.id}")
    page.locator(".why .notice-warn").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"item-short-history-{locale}-{size}.png"))
    page.goto("/office/")
    panel = page.locator(
        "section.panel", has_text="確認が必要な発注点" if locale == "ja" else "Reorder points to check"
    )
    panel.scroll_into_view_if_needed()
    assert ("8日" if locale == "ja" else "8 days") in panel.inner_text()
    assert ("1日" if locale == "ja" else "1 day\n") in panel.inner_text() + "\n"
    page.screenshot(path=str(ARTIFACTS / f"dashboard-flags-{locale}-{size}.png"))
    context.close()

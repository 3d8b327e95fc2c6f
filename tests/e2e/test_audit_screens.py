"""The alerts page (acknowledge, snooze), the Activity page and the item's history in a real Chromium; screenshots."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from webapp.extensions import db
from webapp.models import Alert, Item, Site
from webapp.services.catalog import add_barcode, seed_demo
from webapp.services.notifications import check_stock_alerts, save_settings, snooze
from webapp.services.replenishment import recompute, set_override

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"
SIZES = {"phone": {"width": 390, "height": 844}, "tablet": {"width": 820, "height": 1180}}


@pytest.fixture
def audit_server(app):
    """The demo shop with open alerts, one snoozed, and a few settings changed by the owner and a manager."""
    seed_demo()
    recompute()
    owner_id, _ = make_user("kobayashi", "owner", PASSWORD)
    manager_id, _ = make_user("ito", "manager", PASSWORD)
    clock_id = db.session.scalar(select(Item.id).where(Item.code == "RETRO-CLOCK"))
    site_id = db.session.scalar(select(Site.id).order_by(Site.id))
    set_override(clock_id, site_id, safety_stock=4, reorder_point=15, note="年末商戦に備えて", user_id=owner_id)
    add_barcode(clock_id, "14901234567891", 12, manager_id)
    save_settings(
        email_enabled=True, email_mode="digest", recipients="kobayashi@example.jp", digest_hour=7, user_id=owner_id
    )
    check_stock_alerts({(i, site_id) for i in db.session.scalars(select(Item.id))})
    first = db.session.scalar(select(Alert.id).where(Alert.open_key.is_not(None)).order_by(Alert.id))
    if first:
        snooze(first, manager_id, datetime.now(UTC) + timedelta(days=1))
    db.session.remove()
    live = LiveServer(app)
    live.start()
    yield {"live": live, "clock_id": clock_id}
    live.stop()


@pytest.mark.parametrize("locale", ["ja", "en"])
@pytest.mark.parametrize("size", ["phone", "tablet"])
def test_the_alert_activity_and_history_screens(audit_server, browsers, locale, size):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    live = audit_server["live"]
    context = browsers().new_context(
        viewport=SIZES[size],
        device_scale_factor=1,
        has_touch=True,
        locale=f"{locale}-JP" if locale == "ja" else "en-GB",
        base_url=live.url,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/**")
    page.goto("/office/alerts")
    assert page.locator("li.alert").count() >= 1
    page.locator("li.alert form button", has_text="確認済みにする" if locale == "ja" else "Acknowledge").first.click()
    page.wait_for_selector(".notice-ok")
    assert page.locator(".alert-who").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"alerts-{size}-{locale}.png"), full_page=True)
    page.goto("/office/alerts?snoozed=1")
    page.screenshot(path=str(ARTIFACTS / f"alerts-snoozed-{size}-{locale}.png"), full_page=True)
    page.goto("/office/activity")
    assert page.locator("li.audit-event").count() >= 4
    page.screenshot(path=str(ARTIFACTS / f"activity-{size}-{locale}.png"), full_page=True)
    page.goto(f"/office/items/{audit_server['clock_id']}#settings-history")
    assert page.locator("#settings-history li.audit-event").count() >= 2
    page.locator("#movements").screenshot(path=str(ARTIFACTS / f"item-movements-{size}-{locale}.png"))
    page.locator("#settings-history").screenshot(path=str(ARTIFACTS / f"item-history-{size}-{locale}.png"))
    assert errors == []
    context.close()

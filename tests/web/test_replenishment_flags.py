"""The item page and dashboard say when a reorder point stands on little history or on capped unusual days."""

import pytest

from tests.builders import make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from tests.web.helpers import PASSWORD, log_in
from webapp.services.replenishment import recompute


@pytest.fixture
def manager(app, client):
    make_user("kobayashi", "manager", PASSWORD)
    log_in(client, "kobayashi")
    return client


def test_a_week_old_item_says_not_enough_history_in_both_languages(manager):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=100, per_day=[0, 3, 0, 0, 9, 0, 2])
    recompute(today=TODAY, period_days=90)

    ja = manager.get(f"/office/items/{tea.id}", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    en = manager.get(f"/office/items/{tea.id}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    board = manager.get("/office/", headers={"Accept-Language": "ja"}).get_data(as_text=True)

    assert "履歴が足りません（8日分）" in ja and "Not enough history (8 days)" in en
    assert "履歴不足（28日未満）" in board and "静岡煎茶 100g" in board


def test_a_bulk_order_day_is_listed_on_the_item_page_with_its_date(manager):
    _site, tea = tea_shop()
    per_day = [20, 18, 22, 21, 19] * 18
    per_day[60] = 2000
    daily_sales(tea.id, "A-01-01", opening=5000, per_day=per_day)
    recompute(today=TODAY, period_days=90)

    ja = manager.get(f"/office/items/{tea.id}", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    en = manager.get(f"/office/items/{tea.id}", headers={"Accept-Language": "en"}).get_data(as_text=True)

    assert "統計で上限をかけた特異日（1日）：2026-10-22" in ja
    assert "Unusual days capped in the statistics (1): 2026-10-22" in en
    assert "履歴が足りません" not in ja

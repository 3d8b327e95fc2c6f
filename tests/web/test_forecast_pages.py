"""The item page and the dashboard say which forecast method each item has and why, and how its forecasts did."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Forecast
from webapp.services.replenishment import recompute

STEADY = [4, 6] * 45


@pytest.fixture
def manager(app, client):
    make_user("kobayashi", "manager", PASSWORD)
    log_in(client, "kobayashi")
    return client


def tea_site(tea):
    return db.session.scalar(select(Forecast.site_id).where(Forecast.item_id == tea.id).limit(1))


def page(client, url, lang):
    return client.get(url, headers={"Accept-Language": lang}).get_data(as_text=True)


def tea_whose_forecast_ran_low():
    """静岡煎茶 sold 5 a day, then 15 a day for the last three weeks while the nightly runs kept forecasting 5."""
    site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=5000, per_day=STEADY + [15] * 21)
    earlier = [
        {
            "item_id": tea.id,
            "site_id": site.id,
            "day": TODAY - timedelta(days=d),
            "made_on": TODAY - timedelta(days=d + 1),
            "method": "level",
            "quantity": 5.0,
        }
        for d in range(1, 21)
    ]
    db.session.execute(Forecast.__table__.insert(), earlier)
    db.session.commit()
    recompute(today=TODAY, period_days=120)
    return tea


def test_the_item_page_says_the_method_why_it_was_chosen_and_its_accuracy_in_both_languages(manager):
    tea = tea_whose_forecast_ran_low()

    ja = page(manager, f"/office/items/{tea.id}", "ja")
    en = page(manager, f"/office/items/{tea.id}", "en")

    assert "需要予測" in ja and "Forecast" in en
    assert "直近28日を、大きな外れほど重く数えていちばんよく当てたため選びました" in ja
    assert "Chosen because it forecast the last 28 days of this item's own history best, counting big misses most" in en
    assert "予測と実績（20日分）：MAE 10.00、偏り -10.00" in ja
    assert "Forecast against actual over 20 days: MAE 10.00, bias -10.00" in en
    assert "予測が少なめにずれています" in ja and "The forecast has drifted low" in en
    assert "今後28日の予測" in ja and "Forecast for the next 28 days" in en


def test_a_new_item_says_it_has_too_little_history_to_test_the_methods(manager):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=300, per_day=[2, 4] * 10)
    recompute(today=TODAY, period_days=90)

    ja = page(manager, f"/office/items/{tea.id}", "ja")
    en = page(manager, f"/office/items/{tea.id}", "en")

    assert "これまでの日の平均" in ja and "Average of its days" in en
    assert "履歴が足りません（21日分）。直近28日で予測方法を試すには42日分が必要" in ja
    assert "Not enough history (21 days) to test the methods on the last 28 days: 42 days are needed" in en
    assert "実績と比べられる予測の日はまだありません。" in ja


def test_the_dashboard_shows_accuracy_by_method_and_class_and_lists_the_drifted_item(manager):
    tea_whose_forecast_ran_low()

    ja = page(manager, "/office/", "ja")
    en = page(manager, "/office/", "en")

    assert "予測と実績" in ja and "Forecast against actual" in en
    assert "予測方法別" in ja and "By method" in en and "ABC区分別" in ja and "By ABC class" in en
    assert '<td>水準</td><td class="num">20</td><td class="num">10.00</td><td class="num">-10.00</td>' in ja
    assert '<td>Level</td><td class="num">20</td>' in en
    assert "ずれている予測" in ja and "静岡煎茶 100g" in ja and "少なめにずれ" in ja
    assert "Drifted forecasts" in en and "Shizuoka sencha" in en and "ran low" in en


def test_the_dashboard_of_one_site_shows_only_that_sites_forecasts(manager):
    osaka = make_site("OSK", "大阪倉庫", bins=("C-01-01",))
    latte = make_item("LATTE-MATCHA", "抹茶ラテ 10本入", "4901234567894", name_en="Matcha latte")
    daily_sales(latte.id, "C-01-01", opening=900, per_day=STEADY)
    tea = tea_whose_forecast_ran_low()

    here = page(manager, f"/office/?site={tea_site(tea)}", "en")
    there = page(manager, f"/office/?site={osaka.id}", "en")

    assert '<td>Level</td><td class="num">20</td>' in here and "Shizuoka sencha" in here
    assert "No forecast day has passed yet to compare with actual demand." in there
    assert "<td>Level</td>" not in there and "Shizuoka sencha" not in there

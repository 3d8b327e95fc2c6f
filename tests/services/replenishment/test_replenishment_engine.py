"""The engine over the ledger: stored results per item and site, and the reorder check that reads them."""

import pytest
from sqlalchemy import select

from tests.services.replenishment.test_replenishment_data import TODAY, at, bin_id, daily_sales, post, tea_shop
from webapp.domain.reorder_plan import Method
from webapp.extensions import db
from webapp.models import Alert, ReplenishmentResult
from webapp.services.core import reorder_points
from webapp.services.replenishment import recompute, set_override

STEADY = [4, 6] * 14  # 5 a day on average over four weeks


def result_of(item_id) -> ReplenishmentResult:
    return db.session.scalar(select(ReplenishmentResult).where(ReplenishmentResult.item_id == item_id))


def open_alert(kind):
    return db.session.scalar(select(Alert).where(Alert.kind == kind, Alert.open_key.is_not(None)))


def test_recompute_stores_the_articles_numbers_beside_the_recommendation(app):
    site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=400, per_day=STEADY)
    summary = recompute(today=TODAY, period_days=28)
    row = result_of(tea.id)
    assert summary["rows"] == 1 and row.site_id == site.id and row.window_days == 28
    assert float(row.mean_daily) == pytest.approx(5.0)
    assert float(row.cycle_stock) == pytest.approx(15.0)  # 5/day x 3 days, the article's example
    assert float(row.z) == pytest.approx(1.6449, abs=1e-4)
    sigma = float(row.std_daily)
    assert float(row.article_safety_stock) == pytest.approx(1.6449 * sigma * 2, abs=1e-3)  # sqrt(3 + 1)
    assert row.method == Method.PERIODIC
    assert row.reorder_point >= float(row.article_reorder_point)  # the review undershoot is covered
    assert row.on_hand == 400 - 140


def test_a_pick_that_crosses_the_stored_reorder_point_opens_a_reorder_alert(app):
    _site, tea = tea_shop(reorder_point=0)  # the item's own field would never alert
    daily_sales(tea.id, "A-01-01", opening=200, per_day=STEADY)
    recompute(today=TODAY, period_days=28)
    rop = result_of(tea.id).reorder_point
    assert open_alert("reorder") is None
    post(
        [
            {
                "type": "pick",
                "item_id": tea.id,
                "location_id": bin_id("A-01-01"),
                "quantity": -(60 - rop),
                "occurred_at": at(TODAY, 15),
            }
        ]
    )
    alert = open_alert("reorder")
    assert alert.details["reorder_point"] == rop and alert.details["position"] == rop


def test_an_override_wins_at_once_and_the_item_field_is_the_fallback(app):
    site, tea = tea_shop(reorder_point=25, safety_stock=10)
    pair = (tea.id, site.id)
    assert reorder_points({pair}) == {pair: 25}
    daily_sales(tea.id, "A-01-01", opening=200, per_day=STEADY)
    recompute(today=TODAY, period_days=28)
    assert reorder_points({pair}) == {pair: result_of(tea.id).reorder_point}
    set_override(tea.id, site.id, safety_stock=None, reorder_point=70, note="年末セール")
    assert reorder_points({pair}) == {pair: 70}
    assert open_alert("reorder").details["reorder_point"] == 70  # 60 on hand, no recompute needed
    set_override(tea.id, site.id, safety_stock=5, reorder_point=None)
    assert reorder_points({pair}) == {pair: 15 + 5}  # cycle stock 15 + hand-set safety stock
    recompute(today=TODAY, period_days=28)
    assert result_of(tea.id).method == Method.MANUAL and result_of(tea.id).safety_stock == 5


def test_balances_are_rebuilt_from_the_ledger_for_turnover_and_days_of_stock(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=100, per_day=[10] * 10)
    recompute(today=TODAY, period_days=10)
    row = result_of(tea.id)
    # Closing balances 90, 80, ... 0: average 45, issued 100.
    assert float(row.average_inventory) == pytest.approx(45.0)
    assert float(row.turnover) == pytest.approx(100 / 45, abs=1e-4)
    assert float(row.turnover_days) == pytest.approx(10 / (100 / 45), abs=1e-3)
    assert row.on_hand == 0 and float(row.days_of_stock_cost) == 0
    assert row.abc_class == "A" and not row.dead_stock


def test_a_sale_late_in_the_tokyo_evening_counts_on_that_tokyo_day(app):
    _site, tea = tea_shop()
    post(
        [
            {
                "type": "receive",
                "item_id": tea.id,
                "location_id": bin_id("A-01-01"),
                "quantity": 50,
                "occurred_at": at(TODAY, 1),
            },
            {
                "type": "pick",
                "item_id": tea.id,
                "location_id": bin_id("A-01-01"),
                "quantity": -7,
                "occurred_at": at(TODAY, 23),
            },
        ]
    )  # 14:00 UTC
    recompute(today=TODAY, period_days=2)
    assert result_of(tea.id).days_since_demand == 0


def test_overstock_above_the_maximum_opens_and_clears_by_itself(app):
    _site, tea = tea_shop(max_stock=100)
    daily_sales(tea.id, "A-01-01", opening=300, per_day=STEADY)
    recompute(today=TODAY, period_days=28)
    assert open_alert("overstock").details["on_hand"] == 160
    post(
        [
            {
                "type": "pick",
                "item_id": tea.id,
                "location_id": bin_id("A-01-01"),
                "quantity": -80,
                "occurred_at": at(TODAY, 16),
            }
        ]
    )
    recompute(today=TODAY, period_days=28)
    assert open_alert("overstock") is None


def test_a_window_that_does_not_fit_the_period_is_refused(app):
    from webapp.errors import InvalidInput

    with pytest.raises(InvalidInput):
        recompute(today=TODAY, period_days=28, window_days=60)

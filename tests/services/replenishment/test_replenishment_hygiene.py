"""The engine over a real ledger: each item's own history, undos netted, an outlier dated, short histories said."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import make_item
from tests.services.replenishment.test_replenishment_data import TODAY, at, bin_id, daily_sales, post, tea_shop
from webapp.domain.reorder_plan import Method
from webapp.extensions import db
from webapp.models import ReplenishmentResult
from webapp.services.replenishment import recompute

STEADY = [4, 6] * 45  # 5 a day over 90 days


def result_of(item_id) -> ReplenishmentResult:
    return db.session.scalar(select(ReplenishmentResult).where(ReplenishmentResult.item_id == item_id))


def test_a_new_item_in_an_established_shop_is_judged_on_its_own_thirty_days(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)
    latte = make_item("LATTE-MATCHA", "抹茶ラテ 10本入", "4901234567894", lead_time_days=3, review_interval_days=1)
    daily_sales(latte.id, "A-01-02", opening=600, per_day=[9, 11] * 15)

    recompute(today=TODAY, period_days=90)

    row = result_of(latte.id)
    assert row.window_days == 90 and row.history_days == 31  # the receipt the day before its first sale
    assert float(row.mean_daily) == pytest.approx(300 / 31, abs=1e-4)
    assert result_of(tea.id).history_days == 90


def test_an_undo_on_a_later_day_is_netted_against_the_pick_it_takes_back(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)
    loc = bin_id("A-01-01")
    post([{"type": "pick", "item_id": tea.id, "location_id": loc, "quantity": 4, "occurred_at": at(TODAY)}])

    recompute(today=TODAY, period_days=90)

    row = result_of(tea.id)
    assert float(row.mean_daily) == pytest.approx((450 - 4) / 90, abs=1e-4)
    assert row.issued_qty == 446


def test_a_single_order_of_2000_is_capped_and_its_day_listed_for_the_manager(app):
    _site, tea = tea_shop()
    per_day = [20, 18, 22, 21, 19] * 18
    per_day[60] = 2000
    daily_sales(tea.id, "A-01-01", opening=5000, per_day=per_day)

    recompute(today=TODAY, period_days=90)

    row = result_of(tea.id)
    bulk_day = TODAY - timedelta(days=89 - 60)
    assert row.outlier_count == 1 and row.outlier_days == [bulk_day.isoformat()]
    assert float(row.mean_daily) < 22.5  # capped at 20 + 10 x 10, not 2000
    assert row.reorder_point < 160


def test_a_week_of_history_is_stored_as_too_short_and_planned_by_the_normal_approximation(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=100, per_day=[0, 3, 0, 0, 9, 0, 2])

    recompute(today=TODAY, period_days=90)

    row = result_of(tea.id)
    assert row.history_days == 8 and row.method == Method.PERIODIC

"""Suggestions under each item's ordering policy, the EOQ from the shop's and the supplier's costs, all audited."""

import math
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_supplier, make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, CompanyProfile, Item, Task
from webapp.services.catalog import update_item, update_supplier
from webapp.services.purchasing import (
    draft_purchase_orders,
    eoq_settings,
    item_eoq_by_site,
    run_auto_ordering,
    save_eoq_settings,
    save_supplier_sending,
    suggestion_rows,
)
from webapp.services.replenishment import recompute

NINE = datetime(2026, 11, 21, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo, the day after the sales history


@pytest.fixture
def shop(app):
    """静岡煎茶 sells 5 a day, 380 yen each, in cases of 12 (at least 24); 10 are left, below its reorder point."""
    kikuchi = make_supplier()
    site, tea = tea_shop(supplier_id=kikuchi.id, order_multiple=12, min_order_qty=24)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)
    recompute(today=TODAY, period_days=28)
    user_id, _ = make_user("kobayashi", "owner")
    return {"site": site, "tea": tea, "supplier": kikuchi, "user_id": user_id}


def tea_row() -> dict | None:
    return next((r for r in suggestion_rows() if r["item_code"] == "TEA-SENCHA"), None)


def test_the_default_policy_still_orders_up_to_the_target_in_whole_cases(shop):
    row = tea_row()
    assert row["order_policy"] == "s_S"
    assert row["quantity"] % 12 == 0 and row["quantity"] - 12 < row["order_up_to"] - row["position"]


def test_a_fixed_order_quantity_is_ordered_and_rounded_up_to_whole_cases(shop):
    update_item(shop["tea"].id, {"order_policy": "s_Q", "fixed_order_qty": 100}, user_id=shop["user_id"])
    row = tea_row()
    assert (row["order_policy"], row["order_size"], row["quantity"]) == ("s_Q", 100, 108)


def test_the_eoq_is_offered_once_the_shop_sets_its_costs_and_is_ordered_when_chosen(shop):
    assert item_eoq_by_site(shop["tea"]) == {shop["site"].id: None}
    save_eoq_settings("2,000", "25", user_id=shop["user_id"])
    # 5 a day is 1,825 a year: sqrt(2 x 1825 x 2000 / (0.25 x 380)) = 277.2 units.
    eoq = math.sqrt(2 * 1825 * 2000 / (0.25 * 380))
    assert item_eoq_by_site(shop["tea"])[shop["site"].id] == pytest.approx(eoq, rel=1e-3)
    update_item(shop["tea"].id, {"order_policy": "s_Q", "use_eoq": True}, user_id=shop["user_id"])
    row = tea_row()
    assert row["eoq"] == pytest.approx(eoq, rel=1e-3)
    assert (row["order_size"], row["quantity"]) == (277, 288)  # 277 rounded up to 24 cases


def test_a_suppliers_own_ordering_cost_wins_over_the_shops_default(shop):
    save_eoq_settings("2000", "25", user_id=shop["user_id"])
    update_supplier(shop["supplier"].id, {"ordering_cost": "8000"})
    assert item_eoq_by_site(shop["tea"])[shop["site"].id] == pytest.approx(2 * 277.2, rel=1e-3)


def test_order_up_to_every_review_orders_once_per_review_interval(shop):
    update_item(shop["tea"].id, {"order_policy": "R_S", "review_interval_days": 7}, user_id=shop["user_id"])
    recompute(today=TODAY, period_days=28)
    row = tea_row()
    assert row["quantity"] >= row["order_up_to"] - row["position"]
    draft_purchase_orders(shop["user_id"])
    db.session.commit()
    # The draft is this week's order: until 7 days have passed no second one is suggested.
    assert tea_row() is None


def test_the_mixed_periodic_policy_waits_for_the_reorder_point(shop):
    update_item(shop["tea"].id, {"order_policy": "R_s_S"}, user_id=shop["user_id"])
    assert tea_row()["quantity"] > 0
    daily_sales(shop["tea"].id, "A-01-01", opening=200, per_day=[])  # a delivery of 200 lifts it well above s
    assert tea_row() is None


def test_a_policy_change_is_audited_and_an_unknown_one_is_refused(shop):
    update_item(shop["tea"].id, {"order_policy": "R_s_S", "fixed_order_qty": 60}, user_id=shop["user_id"])
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "item")).all()[-1]
    assert event.changes["order_policy"] == {"old": "s_S", "new": "R_s_S"}
    with pytest.raises(InvalidInput) as exc:
        update_item(shop["tea"].id, {"order_policy": "Q_R", "fixed_order_qty": 0}, user_id=shop["user_id"])
    assert exc.value.fields == {"order_policy": ["unknown choice"], "fixed_order_qty": ["out of range"]}
    assert db.session.get(Item, shop["tea"].id).order_policy == "R_s_S"


def test_eoq_costs_out_of_range_are_refused_and_change_nothing(shop):
    save_eoq_settings("1500", "20", user_id=shop["user_id"])
    with pytest.raises(InvalidInput) as exc:
        save_eoq_settings("-1", "250", user_id=shop["user_id"])
    assert set(exc.value.fields) == {"ordering_cost", "holding_rate_percent"}
    db.session.rollback()
    assert eoq_settings() == {"ordering_cost": 1500, "holding_rate_percent": 20}
    assert db.session.get(CompanyProfile, 1).holding_rate == Decimal("0.2")
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "company")).all()
    assert len(audit) == 1 and audit[0].changes["ordering_cost"]["new"] in ("1500", "1500.0000", 1500)


def test_automatic_ordering_orders_the_policys_quantity(shop):
    update_item(shop["tea"].id, {"order_policy": "s_Q", "fixed_order_qty": 100}, user_id=shop["user_id"])
    save_supplier_sending(
        shop["supplier"].id, channel="manual", auto_mode="draft", auto_times="09:00", now=NINE - timedelta(hours=9)
    )
    result = run_auto_ordering(NINE)
    (order,) = [db.session.get(Task, i) for i in result["drafted"]]
    assert [(ln.item_id, ln.quantity) for ln in order.lines] == [(shop["tea"].id, 108)]  # Q = 100 in cases of 12

"""Order suggestions: what to order now, grouped by supplier; one action drafts the purchase orders."""

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_supplier, make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Task
from webapp.services.purchasing import (
    draft_purchase_orders,
    release_purchase_order,
    suggestion_rows,
    suggestions_by_supplier,
)
from webapp.services.replenishment import recompute


@pytest.fixture
def shop(app):
    kikuchi = make_supplier()
    site, tea = tea_shop(supplier_id=kikuchi.id, order_multiple=12, min_order_qty=24)
    mug = make_item("MUG-HASAMI", "波佐見焼マグカップ", "4912345000019", name_en="Hasami mug", lead_time_days=5)
    clock = make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894", supplier_id=kikuchi.id)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)  # 10 left: below its reorder point
    daily_sales(mug.id, "A-01-02", opening=66, per_day=[2] * 28)  # 10 left, no supplier
    daily_sales(clock.id, "B-02-01", opening=500, per_day=[1] * 28)  # plenty
    recompute(today=TODAY, period_days=28)
    user_id, _ = make_user("kobayashi", "manager")
    return {"site": site, "tea": tea, "mug": mug, "clock": clock, "user_id": user_id}


def test_suggestions_bring_the_position_up_to_the_target_in_whole_cases(shop):
    rows = {r["item_code"]: r for r in suggestion_rows()}
    assert set(rows) == {"TEA-SENCHA", "MUG-HASAMI"}
    tea = rows["TEA-SENCHA"]
    assert tea["position"] == 10 <= tea["reorder_point"]
    assert tea["quantity"] % 12 == 0 and tea["quantity"] >= max(24, tea["order_up_to"] - 10)
    assert tea["quantity"] - 12 < tea["order_up_to"] - 10  # no more than one case over


def test_suggestions_are_grouped_by_supplier_with_the_unassigned_last(shop):
    groups = suggestions_by_supplier()
    assert [g["supplier"].code if g["supplier"] else None for g in groups] == ["SUP-KIKUCHI", None]
    assert groups[0]["total"] == groups[0]["rows"][0]["quantity"] * 380


def test_drafting_makes_one_order_per_supplier_and_does_not_order_twice(shop):
    ids = draft_purchase_orders(shop["user_id"])
    orders = [db.session.get(Task, i) for i in ids]
    assert [o.status for o in orders] == ["draft", "draft"]
    assert sorted(len(o.lines) for o in orders) == [1, 1]
    with pytest.raises(InvalidInput) as exc:
        draft_purchase_orders(shop["user_id"])
    assert exc.value.code == "nothing_to_order"


def test_a_released_order_counts_as_on_order_and_clears_the_suggestion(shop):
    ids = draft_purchase_orders(shop["user_id"], only={(shop["tea"].id, shop["site"].id)})
    assert len(ids) == 1 and {r["item_code"] for r in suggestion_rows() if r["drafted"]} == {"TEA-SENCHA"}
    release_purchase_order(ids[0])
    assert {r["item_code"] for r in suggestion_rows()} == {"MUG-HASAMI"}
    assert db.session.scalar(select(Task.supplier_id).where(Task.id == ids[0])) == shop["tea"].supplier_id

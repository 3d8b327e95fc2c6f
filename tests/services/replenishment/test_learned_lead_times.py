"""Lead times learned from real purchase orders and their receipts, replacing the set one in the engine."""

import math
from datetime import UTC, datetime, timedelta
from statistics import NormalDist

import pytest
from sqlalchemy import select, update

from tests.builders import scan
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales
from tests.workflow_fixtures import build_world
from webapp.extensions import db
from webapp.models import ReplenishmentResult, TaskEvent
from webapp.services.purchasing import create_purchase_order, mark_sent
from webapp.services.replenishment import recompute
from webapp.services.replenishment.lead_times import learned_lead_times
from webapp.services.scanning import apply_scans

CLOCK = "4901234567894"
SENT = datetime(2026, 9, 1, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo


@pytest.fixture
def world(app):
    return build_world()


def order_sent_on(world, sent: datetime, quantity: int = 10) -> int:
    """A purchase order of retro clocks from 菊池商事, e-mailed at `sent`."""
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [(CLOCK, quantity)], world["manager_id"])
    mark_sent(po, world["manager_id"], "email")
    # The order went out on that day: its sending is dated then, as it was when it happened.
    db.session.execute(
        update(TaskEvent).where(TaskEvent.task_id == po, TaskEvent.kind == "sent").values(created_at=sent)
    )
    db.session.commit()
    return po


def receive(world, po: int, at: datetime, quantity: int = 10):
    [out] = apply_scans(
        [scan("receive", CLOCK, quantity, task_id=po, location="A-01-01", occurred_at=at)], world["worker"]
    )
    assert out.status == "applied"


def clock_row(world):
    return db.session.scalar(select(ReplenishmentResult).where(ReplenishmentResult.item_id == world["clock"].id))


def five_orders(world, days=(3, 4, 5, 4, 6)):
    for k, lead in enumerate(days):
        sent = SENT + timedelta(days=10 * k)
        receive(world, order_sent_on(world, sent), sent + timedelta(days=lead))


def test_five_receipts_give_a_mean_and_spread_per_supplier_and_item(world):
    five_orders(world)
    learned = learned_lead_times([(world["clock"].id, world["site"].id)], now=datetime(2026, 11, 20, tzinfo=UTC))
    assert learned.receipts.tolist() == [5]
    assert learned.mean[0] == pytest.approx(4.4)
    assert learned.std[0] == pytest.approx(1.1402, abs=1e-4)


def test_the_engine_uses_and_stores_the_learned_lead_time(world):
    five_orders(world)
    result = recompute(today=datetime(2026, 11, 20).date(), period_days=120)
    assert result["learned_lead_times"] == 1
    row = clock_row(world)
    assert row.lead_time_receipts == 5 and row.lead_time_days == world["clock"].lead_time_days
    assert float(row.learned_lead_days) == pytest.approx(4.4) and float(row.learned_lead_std) == pytest.approx(
        1.1402, abs=1e-4
    )


def test_four_receipts_keep_the_set_lead_time(world):
    five_orders(world, days=(3, 4, 5, 4))
    recompute(today=datetime(2026, 11, 20).date(), period_days=120)
    row = clock_row(world)
    assert (row.lead_time_receipts, row.learned_lead_days, row.learned_lead_std) == (4, None, None)


def test_two_deliveries_of_one_order_are_two_receipts_and_an_undone_one_none(world):
    first = order_sent_on(world, SENT, quantity=20)
    receive(world, first, SENT + timedelta(days=3))
    receive(world, first, SENT + timedelta(days=8))  # the rest a week late
    wrong = order_sent_on(world, SENT + timedelta(days=20))
    receive(world, wrong, SENT + timedelta(days=21), quantity=4)
    receive(world, wrong, SENT + timedelta(days=21, hours=1), quantity=-4)  # taken back: never arrived
    for k in range(3):
        sent = SENT + timedelta(days=30 + 10 * k)
        receive(world, order_sent_on(world, sent), sent + timedelta(days=5))
    learned = learned_lead_times([(world["clock"].id, world["site"].id)], now=datetime(2026, 11, 20, tzinfo=UTC))
    assert learned.receipts.tolist() == [5]
    assert learned.mean[0] == pytest.approx((3 + 8 + 5 * 3) / 5)


def test_items_never_received_learn_nothing(world):
    learned = learned_lead_times([(world["clock"].id, world["site"].id), (world["tea"].id, world["site"].id)])
    assert learned.receipts.tolist() == [0, 0]


def test_the_learned_lead_time_and_its_spread_set_the_reorder_point(world):
    five_orders(world)
    daily_sales(world["clock"].id, "A-01-01", opening=200, per_day=[2] * 28)  # steady: 2 a day, no spread
    recompute(today=TODAY, period_days=28)
    row = clock_row(world)
    assert float(row.cycle_stock) == pytest.approx(2 * 4.4)  # d x the learned L, not the set 7 days
    # d L + E[U] + z sqrt(d^2 sigma_L^2 + Var U), daily review: U of 2-unit days has mean 1 and variance 1/3.
    z = NormalDist().inv_cdf(0.95)
    assert row.reorder_point == math.ceil(2 * 4.4 + 1 + z * math.sqrt((2 * 1.1402) ** 2 + 1 / 3))  # 14, not 16

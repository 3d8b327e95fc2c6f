"""Does the engine deliver the cycle service level it promises? Simulated with a daily review.

Each replication is one item: a year of demand history is drawn, the engine plans it
(one row per replication), then the policy runs for HORIZON days on fresh demand from
the same distribution. All replications advance together, one numpy step per day.
Timeline of a day: orders placed LEAD days ago arrive, the position is reviewed and an
order placed if position <= ROP (refilling to the order-up-to level), then demand is
taken; unmet demand is backordered. A replenishment cycle ends with each arrival and is
counted as a stockout when the stock just before that arrival was below zero.
"""

import numpy as np
import pytest

from webapp.domain.reorder_plan import Method, plan_reorders
from webapp.domain.replenishment import needs_reorder, order_quantity

LEAD = 5
ORDER_CYCLE = 7  # days of demand per order: coverage T = LEAD + ORDER_CYCLE
HISTORY = 365
HORIZON = 2000
WARMUP = 60
REPLICATIONS = 2000


def poisson_demand(mean):
    return lambda rng, n: rng.poisson(mean, n).astype(float)


def normal_demand(mean, sd):
    return lambda rng, n: np.maximum(rng.normal(mean, sd, n), 0.0)


def intermittent_demand(chance, mean_size):
    """A sale on `chance` of days, of a geometric size (lumpy: ADI 1/chance, size CV^2 ~ 0.9)."""
    return lambda rng, n: np.where(rng.random(n) < chance, rng.geometric(1 / mean_size, n), 0).astype(float)


def cycle_service_level(reorder_point, order_up_to, draw, rng):
    """Share of replenishment cycles without a stockout, over all replications."""
    on_hand = np.array(order_up_to, dtype=float)
    position = on_hand.copy()
    pipeline = np.zeros((LEAD, on_hand.size))  # slot t % LEAD: the order placed on day t
    cycles = stockouts = 0
    for day in range(HORIZON):
        slot = day % LEAD
        arriving = pipeline[slot]
        if day >= WARMUP:
            ends = arriving > 0
            cycles += np.count_nonzero(ends)
            stockouts += np.count_nonzero(ends & (on_hand < 0))
        on_hand += arriving
        order = order_quantity(position, order_up_to, needs_reorder(position, reorder_point))
        pipeline[slot] = order
        position += order
        demand = draw(rng, on_hand.size)
        on_hand -= demand
        position -= demand
    return 1.0 - stockouts / cycles


def planned_items(draw, level, seed):
    """A plan for REPLICATIONS items of identical demand, each from its own year of history."""
    rng = np.random.default_rng(seed)
    history = np.stack([draw(rng, REPLICATIONS) for _ in range(HISTORY)], axis=1)
    plan = plan_reorders(history, lead_time=LEAD, review=1, service_level=level, on_hand=0, coverage=LEAD + ORDER_CYCLE)
    return plan, rng


STEADY = [
    pytest.param(poisson_demand(10), id="poisson-10-a-day"),
    pytest.param(normal_demand(100, 20), id="normal-100-sd-20"),
]


@pytest.mark.parametrize("draw", STEADY)
@pytest.mark.parametrize("level", [0.90, 0.95, 0.99])
def test_engine_delivers_the_promised_cycle_service_level_under_daily_review(draw, level):
    plan, rng = planned_items(draw, level, seed=int(level * 100))

    achieved = cycle_service_level(plan.reorder_point, plan.order_up_to, draw, rng)

    assert (plan.method == Method.PERIODIC).all()
    assert achieved == pytest.approx(level, abs=0.03)


@pytest.mark.parametrize("draw", STEADY)
@pytest.mark.parametrize("level", [0.90, 0.95, 0.99])
def test_the_articles_formula_as_written_falls_short_under_daily_review(draw, level):
    plan, rng = planned_items(draw, level, seed=int(level * 100))

    achieved = cycle_service_level(plan.article_reorder_point, plan.article_proper_stock, draw, rng)

    assert achieved < level - 0.03


def test_engine_delivers_the_promise_for_intermittent_demand_from_each_items_history():
    draw = intermittent_demand(0.2, 10)
    plan, rng = planned_items(draw, 0.95, seed=7)

    achieved = cycle_service_level(plan.reorder_point, plan.order_up_to, draw, rng)
    articles = cycle_service_level(plan.article_reorder_point, plan.article_proper_stock, draw, rng)

    assert (plan.method == Method.EMPIRICAL).all()
    assert achieved == pytest.approx(0.95, abs=0.03)
    assert articles < 0.92

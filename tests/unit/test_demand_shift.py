"""Demand that has moved: a new customer's step cuts the history, a steady rise is carried forward, noise is left alone."""

import numpy as np

from webapp.domain.demand_shift import MIN_SEGMENT, adapted_history, shifted_history, trend_per_day
from webapp.domain.reorder_plan import plan_reorders


def test_a_new_customer_doubling_demand_40_days_ago_starts_the_history_at_the_change():
    rng = np.random.default_rng(4901234567894)
    demand = rng.poisson(np.where(np.arange(365) < 325, 10.0, 20.0), (1, 365)).astype(float)

    own = shifted_history(demand, [365])

    assert abs(own[0] - 40) <= 3


def test_steady_demand_keeps_its_whole_history_and_no_trend():
    rng = np.random.default_rng(20)
    demand = rng.poisson(10, (500, 365)).astype(float)

    own, trend = adapted_history(demand, np.full(500, 365))

    assert (own == 365).mean() > 0.99
    assert (trend == 0).mean() > 0.98


def test_a_cut_always_leaves_three_weeks_of_history_even_after_a_sudden_jump():
    demand = np.full((1, 90), 5.0)
    demand[0, -10:] = 50.0  # a jump 10 days ago: the history keeps MIN_SEGMENT days, some of them before it
    assert shifted_history(demand, [90])[0] == MIN_SEGMENT


def test_demand_rising_by_5_a_day_over_the_year_is_found_and_carried_into_the_reorder_point():
    rng = np.random.default_rng(7)
    demand = rng.poisson(5 * (1 + np.arange(365) / 365), (1, 365)).astype(float)

    slope = trend_per_day(demand, [365])
    flat = plan_reorders(demand, lead_time=14, service_level=0.95, on_hand=0)
    rising = plan_reorders(demand, lead_time=14, service_level=0.95, on_hand=0, trend=slope)

    assert 0.010 < slope[0] < 0.018  # 5 / 365 = 0.0137 a day per day
    # About 10 a day by now against a yearly average of 7.5: 14 days of lead time hold ~35 more.
    assert 25 < rising.reorder_point[0] - flat.reorder_point[0] < 50
    assert rising.article_reorder_point[0] == flat.article_reorder_point[0]  # the articles' number keeps d

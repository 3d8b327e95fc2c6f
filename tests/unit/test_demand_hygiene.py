"""Demand history cleaned before the statistics: own start, returns netted, outliers capped, short histories flagged."""

import numpy as np
import pytest

from webapp.domain.demand_hygiene import clean_demand, history_start, net_returns, outlier_bounds
from webapp.domain.reorder_plan import MIN_HISTORY_DAYS, Method, plan_reorders


def test_an_items_history_starts_at_its_first_movement_not_at_the_shops():
    active = np.zeros((3, 90), dtype=bool)
    active[0, 60] = True  # 抹茶ラテ arrived 30 days ago
    active[1, 0] = True
    # The third row never moved but had stock before the period.
    assert history_start(active, [False, False, True]).tolist() == [60, 0, 0]
    assert history_start(active, [False, False, False]).tolist() == [60, 0, 90]


def test_a_new_item_is_planned_from_its_own_days_not_diluted_by_the_shops_older_ones():
    rng = np.random.default_rng(4901234567894)
    demand = np.zeros((1, 365))
    demand[0, -60:] = rng.poisson(20, 60)

    diluted = plan_reorders(demand, lead_time=7, service_level=0.95, on_hand=0)
    own = plan_reorders(demand, lead_time=7, service_level=0.95, on_hand=0, history_days=60)

    alone = plan_reorders(demand[:, -60:], lead_time=7, service_level=0.95, on_hand=0)
    assert own.mean_daily[0] == pytest.approx(demand[0, -60:].mean())
    assert own.reorder_point[0] == pytest.approx(alone.reorder_point[0])
    assert diluted.mean_daily[0] == pytest.approx(own.mean_daily[0] * 60 / 365)
    assert diluted.reorder_point[0] < 0.9 * own.reorder_point[0]
    assert own.history_days[0] == 60 and not own.short_history[0]


def test_an_undo_on_a_later_day_is_taken_from_the_sale_it_reverses():
    # 12 picked on Monday, 5 of them undone on Wednesday; 3 picked on Thursday.
    demand = np.array([[12.0, 0.0, -5.0, 3.0]])
    assert net_returns(demand).tolist() == [[7.0, 0.0, 0.0, 3.0]]


def test_a_return_larger_than_the_last_sale_reaches_back_to_earlier_days_and_never_below_zero():
    demand = np.array([[5.0, 4.0, -6.0, 2.0], [0.0, 0.0, -3.0, 1.0]])
    netted = net_returns(demand)
    assert netted.tolist() == [[3.0, 0.0, 0.0, 2.0], [0.0, 0.0, 0.0, 1.0]]
    assert (netted >= 0).all()


def test_clean_demand_nets_returns_only_in_rows_that_have_them():
    demand = np.array([[12.0, 0.0, -5.0, 3.0], [1.0, 2.0, 3.0, 4.0]])
    clean = clean_demand(demand)
    assert clean.netted.tolist() == [True, False]
    assert clean.demand.tolist() == [[7.0, 0.0, 0.0, 3.0], [1.0, 2.0, 3.0, 4.0]]
    assert demand[0, 2] == -5.0  # the ledger's own matrix is left as it was


def test_one_bulk_order_of_2000_in_steady_demand_of_20_a_day_is_capped_and_listed():
    rng = np.random.default_rng(20)
    demand = rng.poisson(20, (1, 90)).astype(float)
    demand[0, 41] = 2000.0

    clean = clean_demand(demand)

    assert clean.outlier_rows.tolist() == [0] and clean.outlier_days.tolist() == [41]
    assert clean.raw_outliers.tolist() == [2000.0]
    assert 100 < clean.cap[0] < 140  # median 20 + 10 x max(1.4826 MAD ~ 4.4, median / 2 = 10)
    raw = plan_reorders(demand, lead_time=7, service_level=0.95, on_hand=0)
    capped = plan_reorders(clean.demand, lead_time=7, service_level=0.95, on_hand=0)
    assert (
        capped.reorder_point[0]
        < 1.3
        * plan_reorders(np.delete(demand, 41, axis=1), lead_time=7, service_level=0.95, on_hand=0).reorder_point[0]
    )
    assert raw.reorder_point[0] > 3 * capped.reorder_point[0]


@pytest.mark.parametrize(
    "row, why",
    [
        (np.where(np.arange(365) % 5 == 0, np.random.default_rng(1).geometric(0.1, 365), 0), "lumpy sizes"),
        (np.random.default_rng(2).poisson(10, 365), "steady"),
        (np.ones(365), "always one"),
    ],
)
def test_ordinary_demand_is_not_flagged(row, why):
    clean = clean_demand(np.asarray(row, dtype=float)[None, :])
    assert clean.outlier_rows.size <= 1, why


def test_a_row_with_fewer_than_five_demand_days_is_not_judged():
    demand = np.zeros((1, 60))
    demand[0, [3, 9, 20, 40]] = [1, 1, 1, 500]
    assert np.isinf(outlier_bounds(demand)[0])
    assert clean_demand(demand).outlier_rows.size == 0


def test_seven_days_of_history_is_flagged_not_enough_and_planned_by_the_normal_approximation():
    demand = np.zeros((1, 90))
    demand[0, -7:] = [0, 3, 0, 0, 9, 0, 2]

    plan = plan_reorders(demand, lead_time=3, service_level=0.95, on_hand=0, history_days=7)

    assert plan.short_history[0] and plan.history_days[0] == 7 < MIN_HISTORY_DAYS
    assert plan.method[0] == Method.PERIODIC


def test_intermittent_demand_needs_twenty_lead_time_windows_for_its_own_quantile():
    rng = np.random.default_rng(7)
    demand = np.where(rng.random((2, 365)) < 0.2, rng.geometric(0.1, (2, 365)), 0).astype(float)

    plan = plan_reorders(demand, lead_time=[5, 14], service_level=0.95, on_hand=0, history_days=[365, 200])

    assert plan.method.tolist() == [Method.EMPIRICAL, Method.PERIODIC]  # 200 days < 20 x 15
    assert not plan.short_history.any()


def test_a_long_lead_time_on_a_short_history_holds_more_for_the_uncertain_mean():
    demand = np.random.default_rng(3).poisson(10, (1, 90)).astype(float)
    long_history = plan_reorders(np.tile(demand, 10), lead_time=60, service_level=0.95, on_hand=0)
    short_history = plan_reorders(demand, lead_time=60, service_level=0.95, on_hand=0)
    spread = lambda p: p.reorder_point[0] - p.mean_daily[0] * 60  # noqa: E731
    assert spread(short_history) > 1.2 * spread(long_history)


def test_the_short_history_flag_follows_each_row_beside_intermittent_rows():
    rng = np.random.default_rng(4901234567894)
    steady = rng.poisson(10, 365).astype(float)
    sparse = np.where(rng.random(365) < 0.2, rng.geometric(0.1, 365), 0).astype(float)
    demand = np.stack([steady, sparse, steady])

    plan = plan_reorders(demand, lead_time=5, service_level=0.95, on_hand=0, history_days=[365, 365, 10])

    assert plan.method.tolist() == [Method.PERIODIC, Method.EMPIRICAL, Method.PERIODIC]
    assert plan.short_history.tolist() == [False, False, True]

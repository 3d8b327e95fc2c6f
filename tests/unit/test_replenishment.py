import math
from statistics import NormalDist

import numpy as np
import pytest

from webapp.domain.empirical_demand import empirical_reorder_point, undershoot_quantiles
from webapp.domain.periodic_review import periodic_reorder_point, undershoot_moments
from webapp.domain.replenishment import (
    cycle_stock,
    inventory_position,
    needs_reorder,
    order_quantity,
    proper_stock_cycle,
    proper_stock_period,
    reorder_point,
    safety_stock,
    service_factor,
)

# --- The articles' worked examples ---------------------------------------------------


def test_cycle_stock_is_5_a_day_for_3_days_of_lead_time_equals_15():
    assert cycle_stock(5, 3) == 15


def test_proper_stock_method_2_is_safety_10_plus_5_a_day_for_10_days_equals_60():
    assert proper_stock_period(10, 5, 10) == 60


def test_service_factor_for_95_percent_is_1_645_which_the_article_rounds_up_to_1_65():
    z = float(service_factor(0.95))

    assert round(z, 3) == 1.645
    assert math.ceil(z * 100) / 100 == 1.65


def test_reorder_point_is_cycle_stock_plus_safety_stock_and_equals_proper_stock_method_1():
    ss = safety_stock(1.65, 2.0, 3)

    assert ss == pytest.approx(1.65 * 2.0 * math.sqrt(3))
    assert reorder_point(5, 3, ss) == pytest.approx(15 + ss)
    assert proper_stock_cycle(ss, 5, 3) == pytest.approx(15 + ss)


def test_safety_stock_covers_lead_time_plus_review_interval():
    assert safety_stock(2.0, 3.0, 5, 4) == pytest.approx(2.0 * 3.0 * 3.0)


# --- Service factor, position, alert, order size ---------------------------------------


def test_service_factor_is_computed_per_distinct_level_and_keeps_the_shape():
    levels = np.array([[0.9, 0.95], [0.99, 0.95]])

    z = service_factor(levels)

    assert z.shape == (2, 2)
    assert z[1, 1] == z[0, 1] == NormalDist().inv_cdf(0.95)
    assert z[1, 0] == pytest.approx(2.326, abs=1e-3)


@pytest.mark.parametrize("level", [0, 1, 1.2, -0.1, float("nan")])
def test_service_factor_refuses_levels_outside_zero_and_one(level):
    with pytest.raises(ValueError):
        service_factor(level)


def test_reorder_alert_fires_when_position_including_open_orders_reaches_the_reorder_point():
    position = inventory_position(np.array([10, 10, 30]), np.array([0, 11, 0]))

    assert position.tolist() == [10, 21, 30]
    assert needs_reorder(position, np.array([20, 20, 30])).tolist() == [True, False, True]


def test_order_quantity_is_rounded_up_to_the_supplier_multiple():
    assert order_quantity(15, 40, True, multiple=12) == 36


def test_order_quantity_is_at_least_the_minimum_order():
    assert order_quantity(38, 40, True, multiple=1, minimum=24) == 24


def test_a_minimum_order_off_the_multiple_is_rounded_up_to_a_whole_multiple():
    assert order_quantity(39, 40, True, multiple=12, minimum=10) == 12


def test_no_order_is_suggested_when_no_reorder_is_needed():
    assert order_quantity(np.array([5.0]), np.array([40.0]), np.array([False]), 12, 24).tolist() == [0.0]


def test_a_float_hair_above_a_whole_case_does_not_add_a_case():
    assert order_quantity(0.0, 24.000000000001, True, multiple=12) == 24


def test_an_order_multiple_of_zero_is_refused():
    with pytest.raises(ValueError):
        order_quantity(1, 10, True, multiple=0)


# --- Periodic review with undershoot -------------------------------------------------


def test_under_continuous_review_the_periodic_rop_is_the_articles_rop():
    z = service_factor(0.95)

    ours = periodic_reorder_point(5.0, 2.0, 3.0, 0.0, z)

    assert ours == pytest.approx(reorder_point(5.0, 3.0, safety_stock(z, 2.0, 3.0)))


def test_steady_demand_undershoots_the_reorder_point_by_half_a_review_on_average():
    mean_u, var_u = undershoot_moments(10.0, 0.0, 1.0)

    assert mean_u == pytest.approx(5.0)
    assert var_u == pytest.approx(100 / 12)  # uniform over one day's demand


def test_a_daily_review_adds_the_expected_undershoot_to_the_reorder_point():
    z = service_factor(0.95)

    continuous = periodic_reorder_point(10.0, 3.0, 5.0, 0.0, z)
    daily = periodic_reorder_point(10.0, 3.0, 5.0, 1.0, z)

    assert daily - continuous > 5.0


def test_items_without_demand_have_no_undershoot_estimate():
    mean_u, _ = undershoot_moments(np.array([0.0]), np.array([0.0]), 1.0)

    assert np.isnan(mean_u).all()


# --- Empirical lead-time demand ------------------------------------------------------


def test_undershoot_of_a_constant_daily_demand_is_uniform_below_it_row_by_row():
    sums = np.array([np.full(30, 8.0), np.zeros(30), np.full(30, 4.0)])

    quantiles = undershoot_quantiles(sums, points=4)

    np.testing.assert_allclose(quantiles, [[1, 3, 5, 7], [0, 0, 0, 0], [0.5, 1.5, 2.5, 3.5]])


def test_undershoot_quantiles_of_exponential_demand_are_exponential():
    # The undershoot of exponential steps is itself exponential with the same mean.
    steps = np.random.default_rng(2).exponential(20.0, (1, 200_000))

    quantiles = undershoot_quantiles(steps, points=8)

    expected = -20.0 * np.log(1 - (np.arange(8) + 0.5) / 8)
    np.testing.assert_allclose(quantiles[0], expected, rtol=0.02)


def test_undershoot_of_a_row_without_demand_is_zero():
    assert not undershoot_quantiles(np.zeros((2, 10)), points=8).any()


def test_empirical_rop_of_steady_demand_is_lead_time_demand_plus_most_of_a_day():
    demand = np.full((1, 60), 4.0)

    rop = empirical_reorder_point(demand, [0], lead_time=3, review=1, level=0.95)

    assert rop[0] == pytest.approx(12 + 0.95 * 4, abs=0.05)


def test_empirical_rop_takes_each_rows_own_level_and_lead_time_and_is_deterministic():
    rng = np.random.default_rng(11)
    demand = np.where(rng.random((3, 365)) < 0.15, rng.geometric(0.1, (3, 365)), 0).astype(float)
    args = dict(lead_time=[2, 7, 7], review=1, level=[0.95, 0.95, 0.99])

    first = empirical_reorder_point(demand, [0, 0, 0], **args)
    again = empirical_reorder_point(demand, [0, 0, 0], **args, chunk_rows=1)

    assert first[0] < first[1] < first[2]
    np.testing.assert_array_equal(first, again)


def test_empirical_rop_is_nan_when_the_history_is_shorter_than_the_lead_time():
    assert np.isnan(empirical_reorder_point(np.ones((1, 5)), [0], 5, 1, 0.95)).all()

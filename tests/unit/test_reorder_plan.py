import math

import numpy as np
import pytest

from webapp.domain.demand import Pattern
from webapp.domain.reorder_plan import METHOD_REASONS, Method, plan_reorders

DAYS = 120
STEADY = np.tile([4.0, 6.0], DAYS // 2)  # RETRO-CLOCK: 5 a day, every day
RARE = np.zeros(DAYS)  # lumpy spares: an order every 9 days, of 30, 2 or 12
RARE[::9] = np.resize([30.0, 2.0, 12.0], RARE[::9].size)
NOTHING = np.zeros(DAYS)
SAMPLE_STD = float(np.std(STEADY, ddof=1))


def plan(rows, **kwargs):
    kwargs.setdefault("lead_time", 3)
    kwargs.setdefault("service_level", 0.95)
    kwargs.setdefault("on_hand", 0)
    return plan_reorders(np.array(rows), **kwargs)


def test_every_result_is_one_array_entry_per_row():
    result = plan([STEADY, RARE, NOTHING])

    assert result.reorder_point.shape == result.method.shape == result.article_order_qty.shape == (3,)


def test_steady_item_shows_the_articles_numbers_beside_a_higher_periodic_recommendation():
    result = plan([STEADY], lead_time=3, review=1, on_hand=100)

    z = 1.6448536269514722
    assert result.mean_daily[0] == pytest.approx(5.0)
    assert result.cycle_stock[0] == pytest.approx(15.0)
    assert result.article_safety_stock[0] == pytest.approx(z * SAMPLE_STD * math.sqrt(4))
    assert result.article_reorder_point[0] == pytest.approx(15 + result.article_safety_stock[0])
    assert result.article_proper_stock[0] == pytest.approx(result.article_reorder_point[0])
    assert result.pattern[0] == Pattern.SMOOTH
    assert result.method[0] == Method.PERIODIC
    assert result.reorder_point[0] > result.article_reorder_point[0]
    assert result.safety_stock[0] == pytest.approx(result.reorder_point[0] - 15)


def test_coverage_period_makes_proper_stock_method_2_and_sets_the_refill_level():
    result = plan([STEADY], lead_time=3, review=1, coverage=10)

    assert result.article_proper_stock[0] == pytest.approx(result.article_safety_stock[0] + 5 * 10)
    assert result.order_up_to[0] == pytest.approx(result.reorder_point[0] + 5 * 7)


def test_without_a_coverage_period_the_refill_level_is_one_review_of_demand_above_the_rop():
    result = plan([STEADY], lead_time=3, review=1)

    assert result.order_up_to[0] == pytest.approx(result.reorder_point[0] + 5)


def test_position_counts_open_orders_and_the_order_is_rounded_to_the_case():
    result = plan([STEADY], on_hand=4, on_order=2, coverage=10, order_multiple=12, min_order=24)

    assert result.position[0] == 6
    assert result.reorder[0] and result.article_reorder[0]
    assert result.order_qty[0] % 12 == 0
    assert result.order_qty[0] >= result.order_up_to[0] - 6
    assert result.order_qty[0] - 12 < result.order_up_to[0] - 6


def test_lumpy_item_is_planned_from_its_own_history():
    result = plan([RARE])

    assert result.pattern[0] == Pattern.LUMPY
    assert result.method[0] == Method.EMPIRICAL
    assert result.reorder_point[0] >= 30


def test_lumpy_item_with_a_lead_time_longer_than_its_history_falls_back_to_the_periodic_method():
    result = plan([RARE], lead_time=DAYS, window=60)

    assert result.method[0] == Method.PERIODIC
    assert np.isfinite(result.reorder_point[0])


def test_item_without_demand_raises_no_alert_until_something_is_owed():
    result = plan([NOTHING, NOTHING], on_hand=[0, -3], order_multiple=1)

    assert result.method.tolist() == [Method.NO_DEMAND, Method.NO_DEMAND]
    assert result.reorder_point.tolist() == [0.0, 0.0]
    assert result.reorder.tolist() == [False, True]
    assert result.order_qty.tolist() == [0.0, 3.0]
    assert result.article_reorder.tolist() == [True, True]  # the formula as written


def test_a_manual_safety_stock_sets_the_rop_the_articles_way_and_says_manual():
    result = plan([STEADY, STEADY], ss_override=[8.0, np.nan])

    assert result.method.tolist() == [Method.MANUAL, Method.PERIODIC]
    assert result.safety_stock[0] == 8.0
    assert result.reorder_point[0] == pytest.approx(15 + 8)


def test_a_manual_reorder_point_wins_over_a_manual_safety_stock():
    result = plan([STEADY, STEADY], ss_override=[8.0, np.nan], rop_override=[40.0, 30.0])

    assert result.reorder_point.tolist() == [40.0, 30.0]
    assert result.safety_stock[0] == 8.0
    assert result.safety_stock[1] == pytest.approx(30 - 15)
    assert result.method.tolist() == [Method.MANUAL, Method.MANUAL]


def test_a_manual_reorder_point_can_cover_an_item_without_history():
    result = plan([NOTHING], rop_override=5.0, on_hand=2)

    assert result.method[0] == Method.MANUAL
    assert result.reorder[0]
    assert result.order_qty[0] == 3.0


def test_the_window_limits_the_history_used():
    history = np.concatenate([np.full(DAYS, 50.0), STEADY])

    result = plan([history], window=DAYS)

    assert result.mean_daily[0] == pytest.approx(5.0)


def test_a_row_reads_back_as_plain_values_with_a_reason_for_its_method():
    row = plan([STEADY, RARE]).row(1)

    assert isinstance(row["reorder_point"], float)
    assert isinstance(row["reorder"], bool)
    assert row["method"] == Method.EMPIRICAL
    assert "history" in METHOD_REASONS[Method(row["method"])]


def test_the_history_quantile_can_be_skipped_and_the_method_then_says_periodic():
    result = plan([RARE], empirical=False)

    assert result.pattern[0] == Pattern.LUMPY
    assert result.method[0] == Method.PERIODIC


def test_an_empty_catalogue_plans_nothing():
    result = plan_reorders(np.zeros((0, 30)), lead_time=3, service_level=0.95, on_hand=0)

    assert result.reorder_point.shape == (0,)

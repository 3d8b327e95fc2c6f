"""Each ordering policy's decision, the EOQ and the order size, row by row and vectorised."""

import math

import numpy as np
import pytest

from webapp.domain.ordering_policies import economic_order_quantity, order_size, policy_orders, review_due


def orders(policy, on_hand, s=20, S=60, q=25, due=True, multiple=1, minimum=0, on_order=0):
    flag, qty = policy_orders([policy], [on_hand], [on_order], [s], [S], [q], [due], [multiple], [minimum])
    return bool(flag[0]), int(qty[0])


def test_eoq_is_the_square_root_of_two_d_k_over_h_c():
    # 10 a day (3,650 a year), 2,000 yen an order, 25 % a year on a 300-yen unit: sqrt(2*3650*2000/75).
    assert economic_order_quantity(10, 2000, 0.25, 300)[()] == pytest.approx(math.sqrt(2 * 3650 * 2000 / 75))
    assert economic_order_quantity(10, 2000, 0.25, 300)[()] == pytest.approx(441.2, abs=0.1)


def test_eoq_is_undefined_without_an_ordering_cost_a_holding_rate_a_cost_or_demand():
    eoq = economic_order_quantity([10, 10, 10, 0, 10], [2000, 0, 2000, 2000, 2000], [0.25, 0.25, 0, 0.25, 0.25],
                                  [300, 300, 300, 300, 0])  # fmt: skip
    assert np.isnan(eoq).tolist() == [False, True, True, True, True]


def test_eoq_grows_with_the_square_root_of_demand():
    low, high = economic_order_quantity([10, 40], 2000, 0.25, 300)
    assert high == pytest.approx(2 * low)


def test_s_q_orders_q_when_the_position_reaches_the_reorder_point():
    assert orders("s_Q", on_hand=21) == (False, 0)
    assert orders("s_Q", on_hand=20) == (True, 25)


def test_s_q_orders_enough_whole_qs_to_lift_the_position_above_the_reorder_point():
    # 20 - (-40) = 60 short of s: three lots of 25 leave the position at 35, above s.
    assert orders("s_Q", on_hand=-40) == (True, 75)


def test_s_q_counts_what_is_already_on_order():
    assert orders("s_Q", on_hand=5, on_order=20) == (False, 0)


def test_s_s_orders_up_to_s_when_at_the_reorder_point():
    assert orders("s_S", on_hand=21) == (False, 0)
    assert orders("s_S", on_hand=12) == (True, 48)


def test_r_s_orders_up_to_s_on_each_review_whatever_the_position():
    assert orders("R_S", on_hand=50, due=True) == (True, 10)
    assert orders("R_S", on_hand=50, due=False) == (False, 0)
    assert orders("R_S", on_hand=60, due=True) == (False, 0)


def test_r_s_s_orders_on_a_review_only_at_or_below_the_reorder_point():
    assert orders("R_s_S", on_hand=30, due=True) == (False, 0)
    assert orders("R_s_S", on_hand=15, due=True) == (True, 45)
    assert orders("R_s_S", on_hand=15, due=False) == (False, 0)


def test_every_policy_keeps_the_minimum_order_and_the_case_multiple():
    # A case of 12, at least 50: 25 becomes 50, then 60 (five cases); 48 becomes 60 too.
    assert orders("s_Q", on_hand=20, multiple=12, minimum=50) == (True, 60)
    assert orders("s_S", on_hand=12, multiple=12, minimum=50) == (True, 60)
    assert orders("R_S", on_hand=50, multiple=12) == (True, 12)


def test_a_row_without_demand_orders_only_once_something_is_owed():
    assert orders("R_S", on_hand=0, s=0, S=0) == (False, 0)
    assert orders("s_Q", on_hand=-3, s=0, S=0, q=10) == (True, 10)


def test_the_policies_are_decided_for_every_row_at_once():
    flag, qty = policy_orders(
        ["s_S", "s_Q", "R_S", "R_s_S"], [10, 10, 50, 10], 0, 20, 60, 25, [False, False, True, True]
    )
    assert flag.tolist() == [True, True, True, True]
    assert qty.tolist() == [50, 25, 10, 50]


def test_an_unknown_policy_is_refused():
    with pytest.raises(ValueError):
        orders("Q_R", on_hand=0)


def test_order_size_takes_the_eoq_when_chosen_else_the_fixed_q_else_the_cover():
    q = order_size([True, True, False, False], [441.2, np.nan, 441.2, np.nan], [100, 100, 100, np.nan], 20, 60)
    assert q.tolist() == [441, 100, 100, 40]


def test_a_review_is_due_after_r_days_or_when_never_ordered():
    assert review_due([np.nan, 6, 7, 0], [7, 7, 7, 0]).tolist() == [True, False, True, False]

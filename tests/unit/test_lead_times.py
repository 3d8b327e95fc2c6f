"""Lead times learned from receipts: mean and spread per group, the minimum of receipts, the spread it adds."""

import numpy as np
import pytest

from webapp.domain.lead_times import MIN_RECEIPTS, lead_time_demand_spread, learn_lead_times
from webapp.domain.periodic_review import undershoot_moments
from webapp.domain.reorder_plan import plan_reorders


def test_mean_and_sample_spread_per_supplier_and_item():
    days = [3, 4, 5, 4, 6, 2, 2, 2, 2, 2]
    learned = learn_lead_times([0] * 5 + [1] * 5, days, 2)
    assert learned.receipts.tolist() == [5, 5]
    assert learned.mean.tolist() == pytest.approx([4.4, 2.0])
    assert learned.std.tolist() == pytest.approx([np.std(days[:5], ddof=1), 0.0])


def test_fewer_receipts_than_the_minimum_learn_nothing():
    assert MIN_RECEIPTS == 5
    learned = learn_lead_times([0, 0, 0, 0, 1], [3, 4, 5, 4, 9], 3)
    assert learned.receipts.tolist() == [4, 1, 0]
    assert np.isnan(learned.mean).all() and np.isnan(learned.std).all()


def test_a_long_lead_time_keeps_its_small_spread():
    learned = learn_lead_times([0] * 6, [1e6 + d for d in (0.0, 0.1, 0.2, 0.1, 0.0, 0.2)], 1)
    assert learned.std[0] == pytest.approx(np.std([0, 0.1, 0.2, 0.1, 0, 0.2], ddof=1), rel=1e-6)


def test_the_lead_time_spread_adds_d_squared_sigma_l_squared():
    # 20 a day with sigma 4 over 4.2 days, the lead time itself spread by 1.1 days.
    assert lead_time_demand_spread(4.0, 20.0, 4.2, 1.1)[()] == pytest.approx(np.sqrt(4.2 * 16 + 400 * 1.21))
    assert lead_time_demand_spread(4.0, 20.0, 4.0, 0.0)[()] == pytest.approx(8.0)


def test_a_spread_lead_time_raises_the_steady_rows_reorder_point_by_its_variance():
    rng = np.random.default_rng(20261204)
    demand = rng.poisson(20, size=(2, 120)).astype(float)
    fixed = plan_reorders(demand, lead_time=4.0, service_level=0.95, on_hand=100, weekly=False)
    spread = plan_reorders(
        demand, lead_time=4.0, service_level=0.95, on_hand=100, weekly=False, lead_time_std=[0.0, 1.1]
    )
    assert spread.reorder_point[0] == fixed.reorder_point[0]
    d, z = fixed.mean_daily[1], fixed.z[1]
    # The extra safety stock is z x (sqrt(base + d^2 sigma_L^2) - sqrt(base)), with base the fixed row's variance.
    base = ((fixed.reorder_point[1] - d * 4.0 - _undershoot(fixed, 1)) / z) ** 2
    expected = d * 4.0 + _undershoot(fixed, 1) + z * np.sqrt(base + (d * 1.1) ** 2)
    assert spread.reorder_point[1] == pytest.approx(expected, rel=1e-9)
    assert spread.reorder_point[1] > fixed.reorder_point[1] + 1.645 * 10


def _undershoot(plan, r):
    return undershoot_moments(plan.mean_daily[r], plan.std_daily[r], 1.0)[0]

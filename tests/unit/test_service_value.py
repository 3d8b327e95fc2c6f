"""Service level against stock value: monotone in the level, z x sigma x sqrt(L) x cost in the normal case."""

from statistics import NormalDist

import numpy as np
import pytest

from webapp.domain.service_value import SERVICE_LEVELS, protection_spread, safety_stock_values, value_by_class


def test_the_levels_run_from_80_to_99_5_percent_in_about_15_steps():
    assert SERVICE_LEVELS[0] == 0.80 and SERVICE_LEVELS[-1] == 0.995 and len(SERVICE_LEVELS) == 15
    assert list(SERVICE_LEVELS) == sorted(SERVICE_LEVELS)


def test_a_steady_item_needs_z_sigma_root_l_times_its_cost():
    # 静岡煎茶: sigma 4 a day, 9 days' lead time, checked continuously, 380 yen.
    spread = protection_spread(4.0, 20.0, 9, 0)
    values = safety_stock_values(spread, [380.0])
    z = np.array([NormalDist().inv_cdf(p) for p in SERVICE_LEVELS])
    assert values[0] == pytest.approx(z * 4.0 * 3.0 * 380.0)


def test_the_review_interval_joins_the_lead_time():
    assert protection_spread(2.0, 10.0, 6, 3)[()] == pytest.approx(2.0 * 3.0)


def test_a_spread_lead_time_adds_d_squared_sigma_l_squared():
    # sigma_P^2 = L sigma_d^2 + d^2 sigma_L^2 = 4 x 9 + 100 x 1.21.
    assert protection_spread(3.0, 10.0, 4, 0, 1.1)[()] == pytest.approx(np.sqrt(36 + 121))


def test_more_service_always_costs_more_stock_and_more_so_at_the_top():
    values = safety_stock_values(protection_spread([4.0, 1.0, 0.0], [20.0, 2.0, 0.0], [9, 3, 5], 1), [380, 1200, 99])
    assert (np.diff(values, axis=1) >= 0).all()
    assert (np.diff(values[:2], axis=1) > 0).all()
    assert values[2].tolist() == [0.0] * len(SERVICE_LEVELS)  # no demand, nothing held back for it
    at = {p: k for k, p in enumerate(SERVICE_LEVELS)}
    first_step = values[0, at[0.95]] - values[0, at[0.90]]
    last_step = values[0, at[0.995]] - values[0, at[0.99]]
    assert last_step > first_step / 2  # half a point at the top costs more than half of five points lower


def test_values_are_summed_per_class_and_for_all():
    values = np.array([[1.0, 2.0], [10.0, 20.0], [100.0, 200.0]])
    by = value_by_class(values, ["A", "C", "A"])
    assert set(by) == {"A", "C", "*"}
    assert by["A"].tolist() == [101.0, 202.0] and by["C"].tolist() == [10.0, 20.0]
    assert by["*"].tolist() == [111.0, 222.0]

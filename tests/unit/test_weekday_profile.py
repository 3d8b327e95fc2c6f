"""Weekend peaks are predictable: the spread of lead-time demand counts only what the weekly rhythm leaves over."""

import numpy as np
import pytest

from webapp.domain.reorder_plan import plan_reorders
from webapp.domain.weekday_profile import lead_time_variance

WEEKEND_PEAKS = np.array([0.6, 0.8, 0.8, 1.0, 1.2, 1.8, 1.8]) / (8 / 7)


def l_day_sums(demand, lead):
    cumulative = np.concatenate([np.zeros((demand.shape[0], 1)), np.cumsum(demand, axis=1)], axis=1)
    return cumulative[:, lead:] - cumulative[:, :-lead]


def test_a_week_of_lead_time_carries_the_same_weekend_every_time_so_only_the_noise_counts():
    rng = np.random.default_rng(4901234567894)
    demand = rng.poisson(10 * WEEKEND_PEAKS[np.arange(728) % 7], (200, 728)).astype(float)

    weekly = lead_time_variance(demand, np.full(200, 728), 7)
    naive = demand.var(axis=1, ddof=1) * 7

    assert weekly.mean() == pytest.approx(l_day_sums(demand, 7).var(axis=1).mean(), rel=0.1)
    assert weekly.mean() < 0.5 * naive.mean()


def test_one_day_of_lead_time_still_sees_the_whole_weekday_swing():
    rng = np.random.default_rng(20)
    demand = rng.poisson(10 * WEEKEND_PEAKS[np.arange(364) % 7], (200, 364)).astype(float)
    weekly = lead_time_variance(demand, np.full(200, 364), 1)
    assert weekly.mean() == pytest.approx(demand.var(axis=1).mean(), rel=0.05)


def test_steady_demand_is_left_as_the_daily_spread_says():
    demand = np.random.default_rng(3).poisson(10, (200, 364)).astype(float)
    weekly = lead_time_variance(demand, np.full(200, 364), 5)
    assert weekly.mean() == pytest.approx(demand.var(axis=1, ddof=1).mean() * 5, rel=0.05)


def test_a_short_history_keeps_the_plain_daily_spread():
    demand = np.random.default_rng(5).poisson(10, (1, 90)).astype(float)
    assert np.isnan(lead_time_variance(demand, [10], 7)[0])
    plan = plan_reorders(demand, lead_time=7, service_level=0.95, on_hand=0, history_days=10)
    assert plan.short_history[0]

"""Each forecast method on a series whose right answer is known."""

import numpy as np
import pytest

from webapp.domain.forecast_methods import SBA_ALPHAS, family_forecasts, weekday_profile

DAYS = 364
WEEKDAY = np.array([0.6, 0.8, 0.8, 1.0, 1.2, 1.8, 1.8]) / (8.0 / 7)


def forecasts_of(series, start=0, holdout=28, horizon=14):
    y = np.asarray(series, dtype=float)[None, :]
    return family_forecasts(y, np.array([start]), holdout, horizon)


def test_a_constant_series_is_forecast_as_itself_by_every_smoothing_method():
    f = forecasts_of(np.full(DAYS, 5.0))
    for name in ("level", "damped", "level_weekday", "damped_weekday", "tsb"):
        assert f.ahead[name] == pytest.approx(np.full((1, 14), 5.0)), name
        assert f.holdout[name] == pytest.approx(np.full((1, 28), 5.0)), name


def test_sba_deflates_crostons_ratio_by_one_minus_half_alpha():
    # A constant series: sizes 5, one day apart, so Croston says 5 and SBA (1 - alpha/2) x 5.
    f = forecasts_of(np.full(DAYS, 5.0))
    assert any(f.ahead["sba"][0, 0] == pytest.approx((1 - a / 2) * 5) for a in SBA_ALPHAS)


def test_a_linear_trend_is_followed_by_the_damped_trend_and_not_by_the_level():
    t = np.arange(DAYS + 14)
    series = 10 + 0.5 * t
    f = forecasts_of(series[:DAYS])
    truth = series[DAYS:]
    assert np.abs(f.ahead["damped"][0] - truth).mean() < 2.0
    assert np.abs(f.ahead["level"][0] - truth).mean() > 4.0
    assert np.all(np.diff(f.ahead["damped"][0]) > 0)  # still rising, ever more slowly
    assert np.all(np.diff(np.diff(f.ahead["damped"][0])) < 0)


def test_a_weekly_pattern_is_forecast_day_by_day_by_the_weekday_profile():
    t = np.arange(DAYS + 14)
    series = 20 * WEEKDAY[t % 7]
    f = forecasts_of(series[:DAYS])
    # Within 5 %: the profile is shrunk towards flat by 52 / (52 + 2) weeks.
    assert f.ahead["level_weekday"][0] == pytest.approx(series[DAYS:], rel=0.05)
    assert np.abs(f.ahead["level"][0] - series[DAYS:]).max() > 5  # a flat forecast misses the weekend


def test_the_weekday_profile_is_the_ratio_of_each_weekday_to_the_mean_shrunk_by_the_weeks_seen():
    t = np.arange(70)  # 10 full weeks
    profile = weekday_profile((20 * WEEKDAY[t % 7])[None, :], np.array([0]), 70)
    assert profile[0] == pytest.approx(1 + (10 / 12) * (WEEKDAY - 1))


def test_an_intermittent_series_is_forecast_at_its_rate_by_sba_and_tsb():
    series = np.where(np.arange(DAYS) % 3 == 0, 6.0, 0.0)  # 6 every third day: 2 a day
    f = forecasts_of(series)
    assert f.ahead["tsb"][0, 0] == pytest.approx(2.0, rel=0.05)
    assert f.ahead["sba"][0, 0] == pytest.approx(2.0 * (1 - SBA_ALPHAS / 2).max(), rel=0.05)
    assert f.ahead["sba"][0, 0] < 2.0


def test_days_before_a_rows_first_movement_are_not_learned_from():
    series = np.concatenate([np.zeros(200), np.full(DAYS - 200, 8.0)])
    f = forecasts_of(series, start=200)
    assert f.ahead["level"][0, 0] == pytest.approx(8.0)
    assert f.ahead["tsb"][0, 0] == pytest.approx(8.0)


def test_many_rows_are_forecast_at_once_each_by_its_own_constants():
    t = np.arange(DAYS)
    y = np.stack([np.full(DAYS, 3.0), 10 + 0.5 * t, 20 * WEEKDAY[t % 7]])
    f = family_forecasts(y, np.zeros(3, dtype=int), 28, 7)
    assert f.ahead["level"].shape == (3, 7)
    assert f.ahead["level"][0] == pytest.approx(np.full(7, 3.0))
    assert f.ahead["damped"][1, 0] > f.ahead["level"][1, 0]

"""The method of each row chosen on the last 28 days of its own history, and the fallbacks below the minimum."""

import numpy as np
import pytest

from webapp.domain.forecast_choice import MIN_HISTORY, ForecastMethod, choose_forecasts

DAYS = 364
WEEKDAY = np.array([0.6, 0.8, 0.8, 1.0, 1.2, 1.8, 1.8]) / (8.0 / 7)


def chosen(series, start=0):
    y = np.asarray(series, dtype=float)[None, :]
    r = choose_forecasts(y, np.array([start]))
    return ForecastMethod(int(r.method[0])), r


def test_a_constant_series_keeps_the_plain_level_because_the_simplest_method_wins_a_tie():
    method, r = chosen(np.full(DAYS, 5.0))
    assert method is ForecastMethod.LEVEL
    assert r.forecast[0] == pytest.approx(np.full(28, 5.0))
    assert r.holdout_mae[0] == pytest.approx(0.0)


def test_a_rising_series_is_given_the_damped_trend():
    method, r = chosen(10 + 0.5 * np.arange(DAYS))
    assert method in (ForecastMethod.DAMPED, ForecastMethod.DAMPED_WEEKDAY)
    assert r.holdout_mae[0] < r.runner_up_mae[0]


def test_a_weekend_rhythm_is_given_the_weekday_profile():
    rng = np.random.default_rng(7)
    method, r = chosen(rng.poisson(20 * WEEKDAY[np.arange(DAYS) % 7]))
    assert method in (ForecastMethod.LEVEL_WEEKDAY, ForecastMethod.DAMPED_WEEKDAY)
    assert r.forecast[0].max() > 1.5 * r.forecast[0].min()


def test_under_the_smallest_minimum_a_row_falls_back_to_the_average_of_its_own_days():
    series = np.zeros(DAYS)
    series[-30:] = [2, 4] * 15  # a new item: 30 days, 3 a day
    method, r = chosen(series, start=DAYS - 30)
    assert method is ForecastMethod.MEAN
    assert r.history_days[0] == 30
    assert r.forecast[0] == pytest.approx(np.full(28, 3.0))
    assert np.isnan(r.holdout_mae[0]) and r.runner_up[0] == -1


def test_a_trend_needs_eight_weeks_so_a_younger_rising_row_is_levelled():
    days = MIN_HISTORY[ForecastMethod.DAMPED] - 1
    series = np.zeros(DAYS)
    series[-days:] = 10 + 0.5 * np.arange(days)
    method, _r = chosen(series, start=DAYS - days)
    assert method is ForecastMethod.LEVEL


def test_a_row_that_never_sold_is_forecast_zero_with_no_method():
    method, r = chosen(np.zeros(DAYS), start=100)
    assert method is ForecastMethod.NONE
    assert not r.forecast.any()


def test_a_matrix_shorter_than_any_minimum_gives_every_row_its_average():
    y = np.array([[1.0, 3.0] * 10, [0.0] * 20])
    r = choose_forecasts(y, np.array([0, 0]))
    assert r.method.tolist() == [ForecastMethod.MEAN, ForecastMethod.NONE]
    assert r.forecast[0] == pytest.approx(np.full(28, 2.0))

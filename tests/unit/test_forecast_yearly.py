"""The yearly profile: offered only with two years of a row's own history, and then it follows the season."""

import numpy as np
import pytest

from webapp.domain.forecast_choice import MIN_HISTORY, ForecastMethod, choose_forecasts
from webapp.domain.forecast_yearly import YEAR, yearly_index

DAYS = 3 * YEAR


def season(days):
    """Kotatsu tea: 20 a day on average, twice as much in winter as in summer, the same every year."""
    t = np.arange(days)
    return 20 * (1 + 0.33 * np.cos(2 * np.pi * t / YEAR))


def test_the_index_of_a_day_is_that_time_of_year_over_the_rows_mean():
    y = season(DAYS + 28)[None, :DAYS]
    index = yearly_index(y, np.array([0]), DAYS, np.array([DAYS, DAYS + YEAR // 2]))
    # Winter (the cosine's top) and summer (its bottom), averaged over the 28-day window.
    assert index[0, 0] == pytest.approx(1.32, abs=0.02)
    assert index[0, 1] == pytest.approx(0.68, abs=0.02)


def test_a_seasonal_row_with_three_years_is_forecast_by_its_yearly_profile():
    full = season(DAYS + 90)
    y = full[None, 90 : DAYS + 90 - 28]
    r = choose_forecasts(y, np.array([0]))
    truth = full[DAYS + 90 - 28 : DAYS + 90]
    assert ForecastMethod(int(r.method[0])) is ForecastMethod.LEVEL_YEARLY
    assert r.forecast[0] == pytest.approx(truth, rel=0.05)


def test_under_two_years_the_yearly_profile_is_not_offered():
    days = MIN_HISTORY[ForecastMethod.LEVEL_YEARLY] - 1
    y = np.zeros((1, DAYS))
    y[0, -days:] = season(days + 90)[90:]
    r = choose_forecasts(y, np.array([DAYS - days]))
    assert ForecastMethod(int(r.method[0])) is not ForecastMethod.LEVEL_YEARLY

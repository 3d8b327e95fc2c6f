"""Forecast against actual: MAE, bias, MASE, and the tracking-signal rule for a drifted forecast."""

import numpy as np
import pytest

from webapp.domain.forecast_accuracy import DRIFT_LIMIT, DRIFT_MIN_DAYS, accuracy, naive_scale

NAN = np.nan


def test_mae_bias_and_mase_of_four_days():
    history = np.array([[1.0, 3.0, 2.0, 4.0]])  # day-to-day steps 2, 1, 2: naive error 5/3
    scale = naive_scale(history, np.array([0]))
    a = accuracy(np.array([[2.0, 2.0, 2.0, 2.0]]), history, scale)
    assert scale[0] == pytest.approx(5 / 3)
    assert a.days[0] == 4
    assert a.mae[0] == pytest.approx(1.0)  # |1| + |-1| + 0 + |-2| over 4
    assert a.bias[0] == pytest.approx(-0.5)  # the forecast ran low by half a unit a day
    assert a.mase[0] == pytest.approx(0.6)
    assert a.tracking_signal[0] == pytest.approx(-2.0)


def test_days_without_a_stored_forecast_are_left_out():
    a = accuracy(np.array([[NAN, 5.0, NAN, 5.0]]), np.array([[9.0, 4.0, 9.0, 6.0]]), np.array([1.0]))
    assert a.days[0] == 2 and a.mae[0] == pytest.approx(1.0) and a.bias[0] == pytest.approx(0.0)


def test_a_row_with_no_forecast_day_yet_has_no_figures_and_has_not_drifted():
    a = accuracy(np.full((1, 5), NAN), np.ones((1, 5)), np.array([1.0]))
    assert a.days[0] == 0 and np.isnan(a.mae[0]) and np.isnan(a.tracking_signal[0]) and not a.drifted[0]


def test_the_naive_scale_counts_only_the_rows_own_days_and_is_undefined_for_a_flat_history():
    history = np.array([[0.0, 0.0, 5.0, 7.0, 6.0], [4.0, 4.0, 4.0, 4.0, 4.0]])
    scale = naive_scale(history, np.array([2, 0]))
    assert scale[0] == pytest.approx(1.5) and np.isnan(scale[1])


def test_a_forecast_low_every_day_for_three_weeks_has_drifted():
    days = 21
    a = accuracy(np.full((1, days), 10.0), np.full((1, days), 12.0), np.array([2.0]))
    assert a.tracking_signal[0] == pytest.approx(-days)  # every error -2, MAD 2
    assert abs(a.tracking_signal[0]) > DRIFT_LIMIT and a.drifted[0]


def test_errors_that_cancel_out_are_noise_not_drift():
    actual = np.array([[12.0, 8.0] * 14])
    a = accuracy(np.full((1, 28), 10.0), actual, np.array([4.0]))
    assert a.tracking_signal[0] == pytest.approx(0.0) and not a.drifted[0]


def test_drift_needs_two_weeks_of_days_before_it_is_said():
    short = DRIFT_MIN_DAYS - 1
    a = accuracy(np.full((1, short), 10.0), np.full((1, short), 15.0), np.array([2.0]))
    assert abs(a.tracking_signal[0]) > DRIFT_LIMIT and not a.drifted[0]

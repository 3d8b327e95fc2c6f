"""Forecast against actual, per row: MAE, bias, MASE and the tracking signal that says a forecast has drifted.

forecast and actual are (rows x days) with NaN where no forecast was stored for the day.
  MAE   mean |actual - forecast| over the days with a forecast;
  bias  mean (forecast - actual): above 0 the forecast ran high, below 0 low;
  MASE  MAE divided by the mean |d_t - d_(t-1)| of the row's own history (the error of
        "tomorrow as today"), so 1 means no better than that naive forecast; NaN when the
        history never changed;
  tracking signal  sum (forecast - actual) / MAE. A forecast has drifted when
        |tracking signal| > DRIFT_LIMIT over at least DRIFT_MIN_DAYS days: its errors keep
        the same sign instead of cancelling out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DRIFT_LIMIT = 4.0
DRIFT_MIN_DAYS = 14


@dataclass(frozen=True)
class Accuracy:
    """Per-row figures; NaN where the row has no forecast day yet."""

    days: np.ndarray
    mae: np.ndarray
    bias: np.ndarray
    mase: np.ndarray
    tracking_signal: np.ndarray
    drifted: np.ndarray


def naive_scale(history: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Mean |d_t - d_(t-1)| over each row's own days (NaN with fewer than two, or when it is 0)."""
    history = np.asarray(history, dtype=np.float64)
    t = history.shape[1]
    start = np.asarray(start, dtype=np.intp)
    steps = np.abs(np.diff(history, axis=1))
    own = np.arange(1, t)[None, :] > start[:, None]
    count = own.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = (steps * own).sum(axis=1) / count
    return np.where((count > 0) & (scale > 0), scale, np.nan)


def accuracy(forecast: np.ndarray, actual: np.ndarray, scale: np.ndarray) -> Accuracy:
    """The figures above for every row at once."""
    forecast = np.asarray(forecast, dtype=np.float64)
    err = forecast - np.asarray(actual, dtype=np.float64)
    days = np.isfinite(err).sum(axis=1)
    some = days > 0
    safe = np.where(some[:, None], err, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mae = np.where(some, np.nansum(np.abs(safe), axis=1) / np.maximum(days, 1), np.nan)
        bias = np.where(some, np.nansum(safe, axis=1) / np.maximum(days, 1), np.nan)
        mase = mae / scale
        ts = np.where(some, np.where(mae > 0, np.nansum(safe, axis=1) / mae, 0.0), np.nan)
    drifted = (days >= DRIFT_MIN_DAYS) & (np.abs(np.nan_to_num(ts)) > DRIFT_LIMIT)
    return Accuracy(days, mae, bias, mase, ts, drifted)


def mase_of(forecast: np.ndarray, actual: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """MASE per row of a forecast over a block of days (for the benchmark and the tests)."""
    return np.abs(np.asarray(forecast) - np.asarray(actual)).mean(axis=1) / scale

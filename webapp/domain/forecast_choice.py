"""The forecast method of each row, chosen by its accuracy on the last days of its own history.

Every family of forecast_methods is fitted on a row's days before the holdout (the last
HOLDOUT_DAYS) and judged by its mean squared error over the holdout (squared, because the
forecast feeds stock that must cover the average, and absolute error rewards forecasting the
median, which for intermittent demand is 0). A more elaborate family must beat the simpler
ones by its margin (COMPLEXITY) to be chosen, so noise in 28 days does not pick a trend.
A family needs MIN_HISTORY days of the row's own history (holdout included: two years and more
for the yearly profile, whose index must exist for every day judged); a row with less
than the smallest falls back to MEAN, the average of its own days; a row with no demand at all
gets NONE (forecast 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from .forecast_methods import FAMILIES, family_forecasts
from .forecast_yearly import HALF_WINDOW, YEAR

HOLDOUT_DAYS = 28
HORIZON_DAYS = 28


class ForecastMethod(IntEnum):
    """Stored codes of the forecast methods (the table keeps the name, see NAMES)."""

    NONE = 0
    MEAN = 1
    LEVEL = 2
    DAMPED = 3
    LEVEL_WEEKDAY = 4
    DAMPED_WEEKDAY = 5
    SBA = 6
    TSB = 7
    LEVEL_YEARLY = 8


NAMES = {m: m.name.lower() for m in ForecastMethod}
BY_NAME = {v: k for k, v in NAMES.items()}
CANDIDATES = tuple(BY_NAME[f] for f in FAMILIES)
# Days of own history (holdout included) each family needs: 14 days to fit a level, 8 weeks for a
# trend or a weekday profile, and 8 weeks for intervals between rare demands to mean something.
MIN_HISTORY = {
    ForecastMethod.LEVEL: HOLDOUT_DAYS + 14,
    ForecastMethod.DAMPED: HOLDOUT_DAYS + 56,
    ForecastMethod.LEVEL_WEEKDAY: HOLDOUT_DAYS + 56,
    ForecastMethod.DAMPED_WEEKDAY: HOLDOUT_DAYS + 56,
    ForecastMethod.SBA: HOLDOUT_DAYS + 56,
    ForecastMethod.TSB: HOLDOUT_DAYS + 56,
    # Two years before every holdout day, and half the index window before that.
    ForecastMethod.LEVEL_YEARLY: HOLDOUT_DAYS + 2 * YEAR + HALF_WINDOW,
}
MIN_HOLDOUT_HISTORY = min(MIN_HISTORY.values())
# Holdout error multiplier per family: the simplest wins ties and near-ties.
COMPLEXITY = {
    ForecastMethod.LEVEL: 1.0,
    ForecastMethod.SBA: 1.02,
    ForecastMethod.TSB: 1.02,
    ForecastMethod.LEVEL_WEEKDAY: 1.03,
    ForecastMethod.DAMPED: 1.05,
    ForecastMethod.DAMPED_WEEKDAY: 1.08,
    ForecastMethod.LEVEL_YEARLY: 1.05,
}


@dataclass(frozen=True)
class RowForecasts:
    """Per row: the chosen method, its forecast for the `horizon` days after the history, and why.

    holdout_mae: the chosen method's mean absolute error on the holdout (NaN for a fallback);
    runner_up, runner_up_mae: the best other candidate and its error (NaN, -1 where none).
    """

    method: np.ndarray
    forecast: np.ndarray
    history_days: np.ndarray
    holdout_mae: np.ndarray
    runner_up: np.ndarray
    runner_up_mae: np.ndarray


def own_mean(y: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Average demand per day over each row's own days."""
    t = y.shape[1]
    own = np.maximum(t - start, 1)
    mask = np.arange(t)[None, :] >= start[:, None]
    return (y * mask).sum(axis=1) / own


def choose_forecasts(
    y: np.ndarray, start: np.ndarray, holdout: int = HOLDOUT_DAYS, horizon: int = HORIZON_DAYS
) -> RowForecasts:
    """Fit every family, judge each on the row's holdout, and return each row's chosen forecast ahead."""
    y = np.asarray(y, dtype=np.float64)
    n, t = y.shape
    start = np.asarray(start, dtype=np.intp).clip(0, t)
    history = t - start
    k = len(CANDIDATES)
    mse, mae = np.full((n, k), np.inf), np.full((n, k), np.nan)
    ahead = np.zeros((n, k, horizon))
    # A matrix too short for any family's minimum holds only fallback rows: nothing to fit.
    fitted = t >= min(MIN_HISTORY.values()) and n > 0
    fam = family_forecasts(y, start, holdout, horizon) if fitted else None
    actual = y[:, t - holdout :]
    for j, (name, method) in enumerate(zip(FAMILIES, CANDIDATES, strict=True)):
        if fam is None:
            break
        err = fam.holdout[name] - actual
        allowed = (
            (history >= MIN_HISTORY[method]) & np.isfinite(err).all(axis=1) & np.isfinite(fam.ahead[name]).all(axis=1)
        )
        err = np.where(allowed[:, None], err, 0.0)
        mse[:, j] = np.where(allowed, (err * err).mean(axis=1) * COMPLEXITY[method], np.inf)
        mae[:, j] = np.abs(err).mean(axis=1)
        ahead[:, j] = np.where(allowed[:, None], fam.ahead[name], 0.0)
    order = np.argsort(mse, axis=1, kind="stable")
    best, second = order[:, 0], order[:, 1]
    rows = np.arange(n)
    has_choice = np.isfinite(mse[rows, best])
    codes = np.array([int(m) for m in CANDIDATES])
    method = np.where(has_choice, codes[best], int(ForecastMethod.MEAN))
    total = (y * (np.arange(t)[None, :] >= start[:, None])).sum(axis=1)
    method = np.where(total > 0, method, int(ForecastMethod.NONE))
    forecast = np.where(has_choice[:, None], ahead[rows, best], np.repeat(own_mean(y, start)[:, None], horizon, axis=1))
    forecast = np.where((total > 0)[:, None], forecast, 0.0)
    second_ok = has_choice & np.isfinite(mse[rows, second])
    return RowForecasts(
        method=method.astype(np.int8),
        forecast=forecast,
        history_days=history,
        holdout_mae=np.where(has_choice & (total > 0), mae[rows, best], np.nan),
        runner_up=np.where(second_ok & (total > 0), codes[second], -1).astype(np.int8),
        runner_up_mae=np.where(second_ok & (total > 0), mae[rows, second], np.nan),
    )

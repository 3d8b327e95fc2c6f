"""Lead times learned from receipts: mean and spread per (supplier, item), vectorised over all receipts.

One receipt is the goods of one purchase order for one item arriving on one day; its lead time is
the days from the order going out (sent, else confirmed, else written) to that receipt. With fewer
than MIN_RECEIPTS receipts the spread says too little, and the configured lead time stays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_RECEIPTS = 5


@dataclass(frozen=True)
class LearnedLeadTimes:
    """Per group (shape (groups,)): receipts counted, mean and sample standard deviation in days (NaN below the minimum)."""

    receipts: np.ndarray
    mean: np.ndarray
    std: np.ndarray


def learn_lead_times(group, days, groups: int, min_receipts: int = MIN_RECEIPTS) -> LearnedLeadTimes:
    """Mean and spread of each group's lead times (group: index per receipt in 0..groups-1; days: its lead time)."""
    group = np.asarray(group, dtype=np.intp)
    days = np.asarray(days, dtype=np.float64)
    n = np.bincount(group, minlength=groups).astype(np.float64)
    total = np.bincount(group, weights=days, minlength=groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / n
        # Deviations around each group's own mean: no cancellation on long lead times.
        squares = np.bincount(group, weights=(days - mean[group]) ** 2, minlength=groups)
        std = np.sqrt(squares / (n - 1))
    enough = n >= max(min_receipts, 2)
    return LearnedLeadTimes(n.astype(np.int64), np.where(enough, mean, np.nan), np.where(enough, std, np.nan))


def lead_time_demand_spread(std_daily, mean_daily, lead_time, lead_time_std) -> np.ndarray:
    """sigma_LT = sqrt(L sigma_d^2 + d^2 sigma_L^2): demand over an uncertain lead time, as a normal spread."""
    sd, d = np.asarray(std_daily, dtype=np.float64), np.asarray(mean_daily, dtype=np.float64)
    return np.sqrt(np.asarray(lead_time, dtype=np.float64) * sd**2 + d**2 * np.square(lead_time_std))

"""Each row's demand history made fit for the engine: its own start, returns netted, outliers capped and dated."""

from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from ...domain.demand_hygiene import CleanDemand, clean_demand, history_start
from ...domain.demand_shift import adapted_history
from .matrices import LedgerMatrices

# Dates listed per row on the item page; the count says how many there were in all.
LISTED_OUTLIERS = 10


@dataclass(frozen=True)
class RowHistories:
    """The cleaned demand of the window, each row's own history in days, and its outlier dates (ISO, latest first).

    history_days counts from the row's first movement or, after a significant level shift,
    from the shift; trend is the significant slope over those days (units/day per day, else 0).
    """

    demand: np.ndarray
    history_days: np.ndarray
    trend: np.ndarray
    outlier_count: np.ndarray
    outlier_dates: list[list[str]]


def row_histories(m: LedgerMatrices, window_days: int) -> RowHistories:
    """Clean the last `window_days` days of demand; a row's history starts at its first movement."""
    view = slice(m.days - window_days, m.days)
    active = (m.net[:, view] != 0) | (m.demand[:, view] != 0)
    moved_before = m.opening != 0
    if window_days < m.days:  # movements in the period but before the window count as stock before it
        moved_before |= (m.net[:, : view.start] != 0).any(axis=1)
    clean: CleanDemand = clean_demand(m.demand[:, view], history_start(active, moved_before))
    first = m.first_day + timedelta(days=view.start)
    dates: list[list[str]] = [[] for _ in m.pairs]
    for r, d in zip(clean.outlier_rows[::-1].tolist(), clean.outlier_days[::-1].tolist(), strict=True):
        if len(dates[r]) < LISTED_OUTLIERS:
            dates[r].append((first + timedelta(days=d)).isoformat())
    own, trend = adapted_history(clean.demand, clean.history_days)
    return RowHistories(clean.demand, own, trend, clean.outlier_count(), dates)

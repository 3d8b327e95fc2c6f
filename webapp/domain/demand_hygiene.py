"""Demand history made fit for statistics, vectorised over item x site rows.

Three rules, applied in this order by clean_demand():
  1. A row's history starts at its first movement (receipt, pick, count...): the days before
     an item existed are not days without demand. Rows with stock before the period start at
     day 0.
  2. Returns and undos are netted against the demand they take back: a negative day is taken
     from the latest earlier days with demand (the suffix minimum of the cumulative demand,
     so the totals agree and no day goes below zero). What is returned beyond the demand of
     the period is dropped: it belongs to sales before it.
  3. Outliers: over a row's demand days (demand > 0), median m and MAD; a day is an outlier
     when it exceeds m + OUTLIER_K * max(1.4826 * MAD, m / 2, 1). The floor m / 2 keeps a
     row that nearly always sells the same amount from flagging a modest larger sale, and 1
     keeps tiny sellers from flagging 2 units. Outlier days are capped at that bound for the
     statistics (not deleted: the item did sell that day) and listed for the manager. Rows
     with fewer than OUTLIER_MIN_DAYS demand days are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

OUTLIER_K = 10.0
OUTLIER_MIN_DAYS = 5
MAD_TO_SIGMA = 1.4826
CHUNK_ROWS = 2048


@dataclass(frozen=True)
class CleanDemand:
    """The cleaned (rows x days) demand and what was done to it; per-row arrays have shape (rows,).

    history_days: days from the row's first movement to the end (0 for a row that never
    moved); cap: the outlier bound per row (inf where not judged); outlier_rows and
    outlier_days: the (row, day index) of every capped day, sorted by row then day;
    raw_outliers: the quantities those days had before capping.
    """

    demand: np.ndarray
    history_days: np.ndarray
    netted: np.ndarray
    cap: np.ndarray
    outlier_rows: np.ndarray
    outlier_days: np.ndarray
    raw_outliers: np.ndarray

    def outlier_count(self) -> np.ndarray:
        """Capped days per row."""
        return np.bincount(self.outlier_rows, minlength=self.demand.shape[0])


def history_start(active: np.ndarray, had_stock_before) -> np.ndarray:
    """First day index with activity per row (0 where stock existed before; days where none ever moved)."""
    n_days = active.shape[1]
    first = np.where(active.any(axis=1), active.argmax(axis=1), n_days)
    return np.where(np.asarray(had_stock_before, dtype=bool), 0, first)


def net_returns(demand: np.ndarray) -> np.ndarray:
    """Demand with every negative day taken from the latest earlier days with demand; never below 0."""
    cumulative = np.cumsum(demand, axis=1)
    # Returns beyond everything sold so far in the period are dropped on their day...
    cumulative -= np.minimum(np.minimum.accumulate(cumulative, axis=1), 0.0)
    # ...and the rest taken from earlier days: the least of all later totals is what was never taken back.
    kept = np.minimum.accumulate(cumulative[:, ::-1], axis=1)[:, ::-1]
    return np.diff(kept, axis=1, prepend=0.0)


def outlier_bounds(demand: np.ndarray, chunk_rows: int = CHUNK_ROWS) -> np.ndarray:
    """Per-row outlier bound m + K * max(1.4826 MAD, m/2, 1) over the demand days (inf if too few).

    demand must hold no negative days (net_returns first). Row chunks keep the sorted
    copies in cache and the extra memory at a chunk.
    """
    n_rows, n_days = demand.shape
    bound = np.full(n_rows, np.inf)
    for begin in range(0, n_rows, chunk_rows):
        block = demand[begin : begin + chunk_rows]
        count = np.count_nonzero(block > 0, axis=1)
        judged = np.flatnonzero(count >= OUTLIER_MIN_DAYS)
        if not judged.size:
            continue
        # Zero days sort first, so the demand days of a row are its last `count` sorted values.
        ordered = np.sort(block[judged], axis=1)
        k = count[judged]
        median = _sorted_median(ordered, n_days - k, k)
        deviation = np.abs(ordered - median[:, None])
        deviation[ordered <= 0] = np.inf  # zero days sort last and are not counted
        deviation.sort(axis=1)
        mad = _sorted_median(deviation, np.zeros_like(k), k)
        spread = np.maximum(np.maximum(MAD_TO_SIGMA * mad, median / 2), 1.0)
        bound[begin + judged] = median + OUTLIER_K * spread
    return bound


def _sorted_median(ordered: np.ndarray, first: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Median of ordered[r, first[r] : first[r] + count[r]] per row (each row sorted, count >= 1)."""
    rows = np.arange(ordered.shape[0])
    low = ordered[rows, first + (count - 1) // 2]
    high = ordered[rows, first + count // 2]
    return (low + high) / 2


def clean_demand(demand: np.ndarray, start=None) -> CleanDemand:
    """Apply the three rules to a (rows x days) demand matrix whose rows start at `start` (day index)."""
    n_rows, n_days = demand.shape
    start = np.zeros(n_rows, dtype=np.intp) if start is None else np.asarray(start, dtype=np.intp)
    netted = demand.min(axis=1) < 0
    if netted.any():
        demand = demand.copy()
        demand[netted] = net_returns(demand[netted])
    cap = outlier_bounds(demand)
    rows = np.flatnonzero(demand.max(axis=1) > cap)
    hit_rows, hit_days = np.nonzero(demand[rows] > cap[rows, None])
    hit_rows = rows[hit_rows]
    raw = demand[hit_rows, hit_days]
    if hit_rows.size:
        demand = demand if netted.any() else demand.copy()
        demand[hit_rows, hit_days] = cap[hit_rows]
    history = np.clip(n_days - start, 0, n_days)
    return CleanDemand(demand, history, netted, cap, hit_rows, hit_days, raw)

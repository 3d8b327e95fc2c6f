"""Demand that has moved: a level shift cuts a row's history at the change, a steady trend is carried forward.

Two tests per row, vectorised over rows (a row chunk at a time) on each row's own history:
  1. Level shift: for every split s leaving at least MIN_SEGMENT days on each side, the
     two-sample z = (mean after - mean before) / (std * sqrt(1/n1 + 1/n2)), std the row's
     sample std over its whole history. Where max |z| > SHIFT_Z the history starts at the
     best split: the days before a new customer or a lost one no longer set the level.
  2. Trend: the least-squares slope of demand against the day over the (possibly cut)
     history, kept where |slope / its standard error| > TREND_Z, otherwise 0.
With SHIFT_Z = 5 and TREND_Z = 3, steady demand is cut or given a trend in well under 1 %
of rows (tests/unit/test_service_level_simulation.py holds the stationary families to their
targets with both tests on).
"""

from __future__ import annotations

import numpy as np

SHIFT_Z = 5.0
TREND_Z = 3.0
MIN_SEGMENT = 21
CHUNK_ROWS = 2048


def shifted_history(demand: np.ndarray, history_days) -> np.ndarray:
    """Per-row history length after cutting at a significant level shift (unchanged where there is none)."""
    n_rows = demand.shape[0]
    own = np.asarray(history_days, dtype=np.intp).copy()
    for begin in range(0, n_rows, CHUNK_ROWS):
        part = slice(begin, min(begin + CHUNK_ROWS, n_rows))
        own[part] = _cut(demand[part], own[part])
    return own


def _cut(block: np.ndarray, own: np.ndarray) -> np.ndarray:
    k, n_days = block.shape
    start = (n_days - own)[:, None]
    cumulative = np.zeros((k, n_days + 1))
    np.cumsum(block, axis=1, out=cumulative[:, 1:])
    split = np.arange(n_days + 1)[None, :]
    before, after = split - start, n_days - split
    valid = (before >= MIN_SEGMENT) & (after >= MIN_SEGMENT)
    if not valid.any():
        return own
    rows = np.arange(k)
    c_start = cumulative[rows, start[:, 0]][:, None]
    total = cumulative[:, -1:] - c_start
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_before = (cumulative - c_start) / before
        mean_after = (total - (cumulative - c_start)) / after
        n = np.maximum(own, 2)[:, None]
        squares = np.einsum("ij,ij->i", block, block)[:, None]
        std = np.sqrt(np.maximum(squares - total * total / n, 0.0) / (n - 1))
        z = np.abs(mean_after - mean_before) / (std * np.sqrt(1 / before + 1 / after))
    z[~valid | ~np.isfinite(z)] = 0.0
    best = z.argmax(axis=1)
    shifted = z[rows, best] > SHIFT_Z
    return np.where(shifted, n_days - best, own)


def trend_per_day(demand: np.ndarray, history_days) -> np.ndarray:
    """Least-squares slope (units/day per day) over each row's own last history_days days; 0 where not significant."""
    n_rows, n_days = demand.shape
    own = np.asarray(history_days, dtype=np.float64)
    day = np.arange(n_days, dtype=np.float64)
    inside = day[None, :] >= (n_days - own)[:, None]
    slope = np.zeros(n_rows)
    for begin in range(0, n_rows, CHUNK_ROWS):
        part = slice(begin, min(begin + CHUNK_ROWS, n_rows))
        y, mask, n = demand[part] * inside[part], inside[part], np.maximum(own[part], 3)
        t_mean = (mask @ day) / n
        y_mean = y.sum(axis=1) / n
        t_centered = (day[None, :] - t_mean[:, None]) * mask
        sxx = np.einsum("ij,ij->i", t_centered, t_centered)
        sxy = np.einsum("ij,ij->i", t_centered, y)
        with np.errstate(divide="ignore", invalid="ignore"):
            b = sxy / sxx
            residual = (y - y_mean[:, None] - b[:, None] * t_centered) * mask
            s2 = np.einsum("ij,ij->i", residual, residual) / (n - 2)
            t_stat = b / np.sqrt(s2 / sxx)
        slope[part] = np.where(np.isfinite(t_stat) & (np.abs(t_stat) > TREND_Z), b, 0.0)
    return slope


def adapted_history(demand: np.ndarray, history_days) -> tuple[np.ndarray, np.ndarray]:
    """History length after a level shift, and the significant trend over what remains (both per row)."""
    own = shifted_history(demand, history_days)
    return own, trend_per_day(demand, own)

"""Weekly rhythm in the spread of lead-time demand: weekend peaks are predictable, not risk.

The daily standard deviation of a shop that sells twice as much on Saturdays counts the
weekday pattern as noise, and sigma^2 * L overstates the spread of L-day demand once L
spans whole weeks (full weeks carry the same pattern every time). Split instead: the
within-weekday variance (days around their own weekday's mean) grows with L as usual,
and the pattern adds only what the L mod 7 leftover days of a window bring, averaged over
the weekday the window starts on. Weekdays are the day index mod 7 of the history matrix
(its last column is today), which is all the alignment this needs.
"""

from __future__ import annotations

import numpy as np

# 512 rows x 365 days x 8 bytes = 1.5 MB: the seven strided passes read a chunk from cache.
CHUNK_ROWS = 512


def _class_counts(first: np.ndarray, n_days: int) -> np.ndarray:
    """(rows x 7) number of days j in [first, n_days) with j % 7 == k."""
    k = np.arange(7)[None, :]
    upto = lambda m: np.maximum((m[:, None] - k + 6) // 7, 0)  # noqa: E731
    return upto(np.full(first.shape, n_days)) - upto(first)


def weekday_sums(history: np.ndarray, chunk_rows: int = CHUNK_ROWS) -> np.ndarray:
    """(rows x 7) demand summed per day index mod 7; a row chunk at a time, so each stays in cache."""
    n_rows = history.shape[0]
    sums = np.empty((n_rows, 7))
    for begin in range(0, n_rows, chunk_rows):
        block = history[begin : begin + chunk_rows]
        for k in range(7):
            block[:, k::7].sum(axis=1, out=sums[begin : begin + chunk_rows, k])
    return sums


def lead_time_variance(history: np.ndarray, own, lead) -> np.ndarray:
    """Per-row variance of L-day demand, within-weekday variance x L plus the weekday pattern's leftover.

    own: days of history per row (at least 14, else NaN is returned for the row); lead: L in
    days, rounded up. The uncertainty of the mean is not included (the caller adds it).
    """
    n_rows, n_days = history.shape
    own = np.asarray(own, dtype=np.intp)
    lead = np.broadcast_to(np.ceil(np.asarray(lead, dtype=np.float64)), (n_rows,)).astype(np.intp)
    sums = weekday_sums(history)  # days before a row's start hold zeros
    counts = _class_counts(n_days - own, n_days).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / counts
        total = sums.sum(axis=1)
        squares = np.einsum("ij,ij->i", history, history)
        within = (squares - (counts * means * means).sum(axis=1)) / (own - 7)
        profile = means - (total / own)[:, None]
    # Leftover days of a window starting on weekday s: the sum of the profile over L mod 7 days.
    twice = np.concatenate([profile, profile], axis=1)
    running = np.concatenate([np.zeros((n_rows, 1)), np.cumsum(twice, axis=1)], axis=1)
    rest = (lead % 7)[:, None]
    start = np.arange(7)[None, :]
    leftover = np.take_along_axis(running, start + rest, axis=1) - running[:, :7]
    variance = np.maximum(within, 0.0) * lead + np.mean(leftover * leftover, axis=1)
    return np.where(own >= 14, variance, np.nan)

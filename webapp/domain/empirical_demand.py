"""Reorder points from an item's own demand history, for intermittent and lumpy items.

The normal approximation breaks down when most days have no demand and a sale takes many
units at once. Here the reorder point is the `level` quantile of D(L) + U taken straight
from history: D(L) from every L-day window of the history (sliding sums of a cumulative
sum), and U, the undershoot at an R-day review, from its renewal-theory distribution
F_U(u) = E[min(D_R, u)] / E[D_R] over the R-day windows. The quantile is taken over
`samples` outcomes of a stratified bootstrap: U is read at STRATA evenly spaced
probabilities (s + 0.5) / STRATA, and each of these is paired with samples / STRATA windows
picked by a fixed permutation, so every window and every stratum of U is used evenly (no
tail is cut off, as small equal-probability grids do) and recomputing never moves the
numbers.
"""

from __future__ import annotations

import numpy as np

DEFAULT_SAMPLES = 1024
# U quantiles per row; 256 keeps the top stratum at the 99.8th percentile, 4x cheaper than one per sample.
STRATA = 256
# Rows per block: 32 rows x 1024 outcomes x 8 bytes = 256 KB per temporary; measured fastest.
DEFAULT_CHUNK_ROWS = 32


def window_sums(cumulative: np.ndarray, length: int) -> np.ndarray:
    """Sums over every `length`-day window, from a (rows x days+1) cumulative sum starting at 0."""
    return cumulative[:, length:] - cumulative[:, : cumulative.shape[1] - length]


def undershoot_quantiles(review_sums: np.ndarray, points: int) -> np.ndarray:
    """(rows x points) undershoot quantiles at probabilities (b + 0.5) / points, from R-day demand samples.

    F_U is piecewise linear between the sorted samples s_(i), with slope (n - i) / total
    after s_(i), so each quantile is an exact interpolation. Rows whose samples are all 0
    get an undershoot of 0.
    """
    s = np.sort(np.maximum(review_sums, 0.0), axis=1)
    k, n = s.shape
    below = n - np.arange(n)  # samples above u on segment i, from s_(i-1) to s_(i) (s_(-1) = 0)
    # G_i = sum over samples of min(sample, s_(i)): the unnormalised F_U at each sorted sample.
    g = np.cumsum(s, axis=1)
    g[:, :-1] += below[1:] * s[:, :-1]
    total = g[:, -1:].copy()
    empty = total[:, 0] <= 0
    total[empty] = 1.0
    start = np.concatenate([np.zeros((k, 1)), g[:, :-1] / total], axis=1)  # F_U where each segment starts
    origin = np.concatenate([np.zeros((k, 1)), s[:, :-1]], axis=1)
    # On a segment, u = origin + (p - start) * slope. Point b lies on the last segment
    # starting at or before it; counting segment starts (row-major, so rows line up one
    # after another) and a cumulative sum finds it for every point of every row at once.
    slope = total / below
    intercept = origin - start * slope
    first = np.clip(np.ceil(start * points - 0.5), 0, points).astype(np.intp)
    first += np.arange(k)[:, None] * points
    segment = np.cumsum(np.bincount(first.ravel(), minlength=k * points + 1)[: k * points]) - 1
    p = (np.arange(points) + 0.5) / points
    u = intercept.ravel()[segment].reshape(k, points)
    u += p * slope.ravel()[segment].reshape(k, points)
    u[empty] = 0.0
    return u


def _quantiles(outcomes: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Per-row quantile at that row's own level (numpy's default 'linear' method); reorders outcomes in place."""
    position = level * (outcomes.shape[1] - 1)
    low = np.floor(position).astype(np.intp)
    high = np.minimum(low + 1, outcomes.shape[1] - 1)
    result = np.empty(level.shape)
    for rank in np.unique(high):
        mine = high == rank
        part = outcomes if mine.all() else outcomes[mine]
        # One kth, then the max below it: numpy's multi-kth partition is several times slower.
        part.partition(rank, axis=1)
        above = part[:, rank]
        below = np.where(low[mine] == rank, above, part[:, : max(rank, 1)].max(axis=1))
        result[mine] = below + (position[mine] - low[mine]) * (above - below)
    return result


def _pairing(samples: int) -> np.ndarray:
    """Window positions in [0, 1) to pair with the U strata, a fixed permutation for a given sample count."""
    return (np.random.default_rng(samples).permutation(samples) + 0.5) / samples


def empirical_reorder_point(
    demand: np.ndarray,
    rows,
    lead_time,
    review,
    level,
    samples: int = DEFAULT_SAMPLES,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    start=0,
) -> np.ndarray:
    """ROP (units) for demand[rows]: the `level` quantile of L-day demand plus the R-day review undershoot.

    samples must be a multiple of STRATA (or smaller than it).
    lead_time and review (days) are rounded up to whole days; level is the cycle service
    level. All of lead_time, review, level are aligned with rows (scalars broadcast).
    Returns NaN where the history is shorter than L + 1 days (too few windows to trust).
    Negative daily values (returns booked as demand) count as 0. start (aligned with rows)
    is the day each row's history begins: its L-day windows are taken from there on (the
    undershoot needs no start, since zero days change neither side of F_U).
    """
    if samples > STRATA and samples % STRATA:
        raise ValueError(f"samples must be a multiple of {STRATA}")
    rows = np.asarray(rows, dtype=np.intp)
    n_days = demand.shape[1]
    lead = np.broadcast_to(np.ceil(lead_time), rows.shape).astype(np.intp)
    rev = np.broadcast_to(np.ceil(review), rows.shape).astype(np.intp)
    level = np.broadcast_to(np.asarray(level, dtype=np.float64), rows.shape)
    first = np.broadcast_to(np.asarray(start, dtype=np.intp), rows.shape)
    windows = _pairing(samples)
    rop = np.full(rows.shape, np.nan)
    usable = (lead >= 0) & (lead < n_days - first) & (rev < n_days)
    # Rows sharing (L, R) have equally many windows, so one array holds them all.
    key = np.where(usable, lead * (n_days + 1) + np.maximum(rev, 0), -1)
    for group_key in np.unique(key[usable]):
        members = np.flatnonzero(key == group_key)
        length, period = divmod(int(group_key), n_days + 1)
        for begin in range(0, members.size, chunk_rows):
            part = members[begin : begin + chunk_rows]
            cumulative = np.zeros((part.size, n_days + 1))
            np.cumsum(np.maximum(demand[rows[part]], 0.0), axis=1, out=cumulative[:, 1:])
            # Each row's windows start at its own first day: a new item is not diluted by the shop's past.
            count = (n_days + 1 - length - first[part])[:, None]
            picks = first[part, None] + (windows[None, :] * count).astype(np.intp)
            outcomes = np.take_along_axis(window_sums(cumulative, length), picks, axis=1)
            if period > 0:
                under = undershoot_quantiles(window_sums(cumulative, period), min(STRATA, samples))
                outcomes.reshape(part.size, under.shape[1], -1)[...] += under[:, :, None]
            rop[part] = _quantiles(outcomes, level[part])
    return rop

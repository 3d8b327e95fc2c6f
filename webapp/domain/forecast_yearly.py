"""A yearly profile for rows with two years of their own history: the level scaled by the time of year.

The seasonal index of a day d is the mean demand of the 28 days around the same day one and two
years before (YEAR = 364 days, 52 weeks, so weekdays line up) over the row's mean before the cut.
The level of simple exponential smoothing stands for the last weeks, so the forecast for d is
level x index(d) / index(last 14 days): the last weeks scaled to d's time of year. Where either
year is not in the row's own history the index is NaN (the family is not offered).
"""

from __future__ import annotations

import numpy as np

YEAR = 364
HALF_WINDOW = 14
RECENT_DAYS = 14


def _window_means(cs: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """(rows x len(centres)) mean of the 28 days around each centre, from the row cumsums cs (NaN outside)."""
    t = cs.shape[1] - 1
    lo, hi = centres - HALF_WINDOW, centres + HALF_WINDOW
    inside = (lo >= 0) & (hi <= t)
    lo_c, hi_c = lo.clip(0, t), hi.clip(0, t)
    means = (cs[:, hi_c] - cs[:, lo_c]) / (2 * HALF_WINDOW)
    return np.where(inside[None, :], means, np.nan)


def yearly_index(y: np.ndarray, start: np.ndarray, cut: int, days: np.ndarray) -> np.ndarray:
    """(rows x len(days)) seasonal index of the given day indices from the two years before each, using days before the cut."""
    n = y.shape[0]
    seen = y[:, :cut]
    cs = np.concatenate([np.zeros((n, 1)), np.cumsum(seen, axis=1)], axis=1)
    own = np.maximum(cut - start, 1)
    mean = cs[:, -1] / own
    years = [_window_means(cs, days - k * YEAR) for k in (1, 2)]
    # Both windows must lie in the row's own history.
    first_ok = [(days - k * YEAR - HALF_WINDOW)[None, :] >= start[:, None] for k in (1, 2)]
    ok = first_ok[0] & first_ok[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        index = (years[0] + years[1]) / 2 / mean[:, None]
    return np.where(ok & np.isfinite(index), index, np.nan)


def yearly_scaling(y: np.ndarray, start: np.ndarray, cut: int, days: np.ndarray) -> np.ndarray:
    """(rows x len(days)) index(d) / index(the RECENT_DAYS before the cut): what turns the level into d's forecast."""
    target = yearly_index(y, start, cut, days)
    recent = yearly_index(y, start, cut, np.arange(cut - RECENT_DAYS, cut)).mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        scaling = target / recent[:, None]
    return np.where(np.isfinite(scaling), scaling, np.nan)

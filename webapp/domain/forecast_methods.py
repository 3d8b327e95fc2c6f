"""Forecast methods over (rows x days) demand: one pass over the days serves every row and every method.

Each row's history starts at its own first movement (start[r]); nothing before it is learned.
Families, each run for a small grid of smoothing constants at once (the columns of its state):
  level    simple exponential smoothing, flat forecast l;
  damped   Holt's damped trend (phi 0.9 or 0.98), forecast l + b (phi + ... + phi^h);
  both again on demand divided by the row's weekday profile (multiplicative, from the days
           before the holdout), the forecast multiplied back by the profile of the forecast day;
  sba      Croston's sizes z and intervals p, forecast (1 - alpha/2) z / p (Syntetos-Boylan);
  tsb      sizes z and the chance of a demand day pr, updated every day, forecast pr z;
  level_yearly  the level scaled to the forecast day's time of year (forecast_yearly), NaN where
           a row has not two years of its own history.
Per row and family, the constants with the smallest one-step squared error before the holdout
cut are kept; the cut's state gives the holdout forecast, the last state the forecast ahead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .forecast_yearly import yearly_scaling

LEVEL_ALPHAS = np.array([0.05, 0.1, 0.2, 0.4])
# (alpha, beta, phi): phi 0.9 forgets a trend within about ten days, 0.98 carries it a month.
DAMPED_GRID = np.array([(a, b, p) for a in (0.05, 0.1, 0.2, 0.4) for b in (0.01, 0.05) for p in (0.9, 0.98)])
SBA_ALPHAS = np.array([0.05, 0.1, 0.2])
TSB_BETAS = np.array([0.02, 0.05, 0.1, 0.2])
TSB_ALPHA = 0.1
WARMUP_DAYS = 7  # one-step errors of a row's first week judge the start values, not the constants
FAMILIES = ("level", "damped", "level_weekday", "damped_weekday", "sba", "tsb", "level_yearly")


@dataclass(frozen=True)
class FamilyForecasts:
    """Per family (FAMILIES order): holdout forecasts (rows x holdout) and forecasts ahead (rows x horizon)."""

    holdout: dict[str, np.ndarray]
    ahead: dict[str, np.ndarray]


def weekday_profile(y: np.ndarray, start: np.ndarray, cut: int) -> np.ndarray:
    """(rows x 7) demand per day index mod 7 over the row's days before the cut, divided by its mean (1 if none).

    Shrunk towards 1 by the number of weeks seen (k / (k + 2)) so that a few weeks of noise do not
    pass for a rhythm; a weekday never sold on gets a small floor so demand divided by it stays finite.
    """
    n, _ = y.shape
    days = np.arange(cut)
    seen = days[None, :] >= start[:, None]
    sums = np.zeros((n, 7))
    counts = np.zeros((n, 7))
    for k in range(7):
        sums[:, k] = (y[:, k:cut:7] * seen[:, k::7]).sum(axis=1)
        counts[:, k] = seen[:, k::7].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / counts
        overall = sums.sum(axis=1) / counts.sum(axis=1)
        ratio = means / overall[:, None]
    weeks = counts.min(axis=1, keepdims=True)
    shrink = weeks / (weeks + 2.0)
    profile = 1.0 + shrink * (np.nan_to_num(ratio, nan=1.0, posinf=1.0) - 1.0)
    profile = np.where(np.isfinite(profile), profile, 1.0)
    return np.maximum(profile, 0.05)


def _initial(y: np.ndarray, start: np.ndarray, days: int) -> np.ndarray:
    """Mean of each row's first `days` days of its own history (a gather of those days, not a cumsum of all)."""
    n, t = y.shape
    rows = np.arange(n)
    total, count = np.zeros(n), np.zeros(n)
    for k in range(days):
        at = start + k
        inside = at < t
        total += np.where(inside, y[rows, np.minimum(at, t - 1)], 0.0)
        count += inside
    return total / np.maximum(count, 1)


def _damp_sums(phi: np.ndarray, horizon: int) -> np.ndarray:
    """(rows x horizon) phi + phi^2 + ... + phi^h for h = 1..horizon, per row's phi."""
    return np.cumsum(phi[:, None] ** np.arange(1, horizon + 1)[None, :], axis=1)


def _smooth(y, start, cut, holdout, horizon):
    """Level and damped trend on one (rows x days) series: forecasts at the cut and at the end, per row's best constants."""
    n, t = y.shape
    a = LEVEL_ALPHAS[None, :]
    da, db_, phi = (DAMPED_GRID[:, k][None, :] for k in range(3))
    init = _initial(y, start, WARMUP_DAYS)[:, None]
    level = np.repeat(init, LEVEL_ALPHAS.size, axis=1)
    dl = np.repeat(init, len(DAMPED_GRID), axis=1)
    dt = np.zeros_like(dl)
    sse_l, sse_d = np.zeros_like(level), np.zeros_like(dl)
    snap = None
    for day in range(t):
        if day == cut:
            snap = (level.copy(), dl.copy(), dt.copy())
        act = (day >= start)[:, None]
        yt = y[:, day : day + 1]
        e = (yt - level) * act
        f = dl + phi * dt
        ed = (yt - f) * act
        if day < cut:
            judged = (day >= start + WARMUP_DAYS)[:, None]
            sse_l += e * e * judged
            sse_d += ed * ed * judged
        level += a * e
        dl = np.where(act, f + da * ed, dl)
        dt = np.where(act, phi * dt + db_ * ed, dt)
    if snap is None:
        snap = (level.copy(), dl.copy(), dt.copy())
    rows = np.arange(n)
    bl, bd = sse_l.argmin(axis=1), sse_d.argmin(axis=1)
    phis = DAMPED_GRID[bd, 2]
    sums_h, sums_f = _damp_sums(phis, holdout), _damp_sums(phis, horizon)

    def pick(state, best):
        return state[rows, best][:, None]

    out_h = {
        "level": np.repeat(pick(snap[0], bl), holdout, axis=1),
        "damped": pick(snap[1], bd) + pick(snap[2], bd) * sums_h,
    }
    out_f = {
        "level": np.repeat(pick(level, bl), horizon, axis=1),
        "damped": pick(dl, bd) + pick(dt, bd) * sums_f,
    }
    return out_h, out_f


def _intermittent(y, start, cut, holdout, horizon):
    """SBA and TSB: forecasts at the cut and at the end, per row's best constants."""
    n, t = y.shape
    seen = (np.arange(cut)[None, :] >= start[:, None]) & (y[:, :cut] > 0)
    demand_days = seen.sum(axis=1)
    own = np.maximum(cut - start, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        size0 = np.where(demand_days > 0, (y[:, :cut] * seen).sum(axis=1) / demand_days, 0.0)
    gap0 = np.where(demand_days > 0, own / np.maximum(demand_days, 1), float(own.max(initial=1)))
    sa = SBA_ALPHAS[None, :]
    z = np.repeat(size0[:, None], SBA_ALPHAS.size, axis=1)
    p = np.repeat(gap0[:, None], SBA_ALPHAS.size, axis=1)
    q = np.ones((n, 1))
    tb = TSB_BETAS[None, :]
    tz = np.repeat(size0[:, None], TSB_BETAS.size, axis=1)
    pr = np.repeat((1.0 / gap0)[:, None], TSB_BETAS.size, axis=1)
    sse_s, sse_t = np.zeros_like(z), np.zeros_like(tz)
    snap = None
    for day in range(t):
        if day == cut:
            snap = (z.copy(), p.copy(), tz.copy(), pr.copy())
        act = (day >= start)[:, None]
        yt = y[:, day : day + 1]
        if day < cut:
            judged = (day >= start + WARMUP_DAYS)[:, None]
            es = (yt - (1 - sa / 2) * z / p) * judged
            et = (yt - pr * tz) * judged
            sse_s += es * es
            sse_t += et * et
        hit = act & (yt > 0)
        z = np.where(hit, z + sa * (yt - z), z)
        p = np.where(hit, p + sa * (q - p), p)
        tz = np.where(hit, tz + TSB_ALPHA * (yt - tz), tz)
        pr = np.where(act, pr + tb * (hit - pr), pr)
        q = np.where(hit, 1.0, q + act)
    if snap is None:
        snap = (z.copy(), p.copy(), tz.copy(), pr.copy())
    rows = np.arange(n)
    bs, bt = sse_s.argmin(axis=1), sse_t.argmin(axis=1)
    factor = 1 - SBA_ALPHAS[bs] / 2

    def sba(zz, pp):
        return (factor * zz[rows, bs] / pp[rows, bs])[:, None]

    def tsb(zz, pp):
        return (zz[rows, bt] * pp[rows, bt])[:, None]

    out_h = {"sba": np.repeat(sba(snap[0], snap[1]), holdout, 1), "tsb": np.repeat(tsb(snap[2], snap[3]), holdout, 1)}
    out_f = {"sba": np.repeat(sba(z, p), horizon, 1), "tsb": np.repeat(tsb(tz, pr), horizon, 1)}
    return out_h, out_f


def family_forecasts(y: np.ndarray, start: np.ndarray, holdout: int, horizon: int) -> FamilyForecasts:
    """Every family's forecasts for the last `holdout` days (fitted before them) and the `horizon` days after."""
    y = np.asarray(y, dtype=np.float64)
    start = np.asarray(start, dtype=np.intp)
    t = y.shape[1]
    cut = t - holdout
    hold, ahead = _smooth(y, start, cut, holdout, horizon)
    profile = weekday_profile(y, start, cut)
    weekday = np.arange(t) % 7
    h_h, h_f = _smooth(y / profile[:, weekday], start, cut, holdout, horizon)
    prof_h = profile[:, weekday[cut:]]
    prof_f = profile[:, (t + np.arange(horizon)) % 7]
    for name in ("level", "damped"):
        hold[name + "_weekday"] = h_h[name] * prof_h
        ahead[name + "_weekday"] = h_f[name] * prof_f
    i_h, i_f = _intermittent(y, start, cut, holdout, horizon)
    hold.update(i_h)
    ahead.update(i_f)
    # The yearly scaling of the forecast ahead is judged from the days before the end, as the holdout's before the cut.
    hold["level_yearly"] = hold["level"] * yearly_scaling(y, start, cut, np.arange(cut, t))
    ahead["level_yearly"] = ahead["level"] * yearly_scaling(y, start, t, t + np.arange(horizon))
    # A damped trend pointing down must not forecast negative demand.
    return FamilyForecasts(
        {k: np.maximum(hold[k], 0.0) for k in FAMILIES}, {k: np.maximum(ahead[k], 0.0) for k in FAMILIES}
    )

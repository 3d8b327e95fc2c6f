"""The nightly forecast: each row's method chosen on its holdout, its days ahead stored, past days scored against actual.

Bounded storage: one row per (item, site, day) in `forecasts`, the HORIZON_DAYS ahead from this
run and the past ACCURACY_DAYS (a past day keeps the forecast of the last run before it, so the
accuracy is that of the day-ahead forecast); older days are deleted by every run. Rows with no
demand in their whole history (method none) store nothing ahead: their forecast is 0.
"""

from datetime import date, timedelta

import numpy as np
from sqlalchemy import bindparam, delete, insert, select, update

from ...domain.demand_hygiene import history_start
from ...domain.forecast_accuracy import accuracy, naive_scale
from ...domain.forecast_choice import HORIZON_DAYS, NAMES, ForecastMethod, choose_forecasts
from ...extensions import db
from ...models import Forecast, ForecastFit
from ...models.types import utcnow
from .matrices import LedgerMatrices, _row_indices

ACCURACY_DAYS = 56


def _starts(m: LedgerMatrices, window: int) -> np.ndarray:
    """Each row's first day of own history in the window (as history.py counts it)."""
    view = slice(m.days - window, m.days)
    active = (m.net[:, view] != 0) | (m.demand[:, view] != 0)
    moved_before = m.opening != 0
    if window < m.days:
        moved_before |= (m.net[:, : view.start] != 0).any(axis=1)
    return history_start(active, moved_before)


def _past(m: LedgerMatrices, today: date) -> tuple[np.ndarray, np.ndarray]:
    """(rows x ACCURACY_DAYS) stored forecasts of the complete days before today, and the actual demand of those days.

    The actual column of each stored day is set (or corrected, after a late undo) on the way.
    """
    first = today - timedelta(days=ACCURACY_DAYS)
    fc = np.full((len(m.pairs), ACCURACY_DAYS), np.nan)
    actual = np.full_like(fc, np.nan)
    stored = db.session.execute(
        select(Forecast.id, Forecast.item_id, Forecast.site_id, Forecast.day, Forecast.quantity, Forecast.actual).where(
            Forecast.day >= first, Forecast.day < today
        )
    ).all()
    if not stored or not m.pairs:
        return fc, actual
    fid, item, site, day, quantity, was = (np.array(c) for c in zip(*stored, strict=True))
    width = int(max(site.max(), max(s for _, s in m.pairs))) + 1
    row, found = _row_indices(item.astype(np.int64) * width + site.astype(np.int64), m.pairs, width)
    day = day.astype("datetime64[D]")
    col = (day - np.datetime64(m.first_day, "D")).astype(np.int64)
    pos = (day - np.datetime64(first, "D")).astype(np.int64)
    keep = found & (col >= 0) & (col < m.days)
    row, col, pos = row[keep], col[keep], pos[keep]
    got = m.demand[row, col].astype(np.float64)
    fc[row, pos] = quantity[keep].astype(np.float64)
    actual[row, pos] = got
    before = np.array([np.nan if w is None else w for w in was[keep]], dtype=np.float64)
    changed = np.isnan(before) | (np.abs(before - got) > 1e-9)
    if changed.any():
        changes = [{"fid": int(i), "got": float(g)} for i, g in zip(fid[keep][changed], got[changed], strict=True)]
        stmt = update(Forecast.__table__).where(Forecast.__table__.c.id == bindparam("fid"))
        db.session.execute(stmt.values(actual=bindparam("got")), changes)
    return fc, actual


def store_forecasts(m: LedgerMatrices, demand: np.ndarray, today: date) -> dict:
    """Choose and store every row's forecast from its cleaned demand (the last demand.shape[1] days); score the past."""
    window = demand.shape[1]
    start = _starts(m, window)
    chosen = choose_forecasts(demand, start)
    fc, actual = _past(m, today)
    scale = naive_scale(demand, start)
    acc = accuracy(fc, actual, scale)
    db.session.execute(
        delete(Forecast).where((Forecast.day > today) | (Forecast.day < today - timedelta(days=ACCURACY_DAYS)))
    )
    db.session.execute(delete(ForecastFit))
    now = utcnow()
    names = [NAMES[ForecastMethod(c)] for c in range(len(ForecastMethod))]
    ahead, fits = [], []
    days = [today + timedelta(days=h + 1) for h in range(HORIZON_DAYS)]
    for r, (item_id, site_id) in enumerate(m.pairs):
        method = names[int(chosen.method[r])]
        if chosen.method[r] != ForecastMethod.NONE:
            values = chosen.forecast[r].tolist()
            ahead.extend(
                {"item_id": item_id, "site_id": site_id, "day": d, "made_on": today, "method": method, "quantity": q}
                for d, q in zip(days, values, strict=True)
            )
        fits.append(
            {
                "item_id": item_id,
                "site_id": site_id,
                "computed_at": now,
                "method": method,
                "history_days": int(chosen.history_days[r]),
                "holdout_mae": _opt(chosen.holdout_mae[r]),
                "runner_up": names[int(chosen.runner_up[r])] if chosen.runner_up[r] >= 0 else None,
                "runner_up_mae": _opt(chosen.runner_up_mae[r]),
                "next_days_total": float(chosen.forecast[r].sum()),
                "scale": _opt(scale[r]),
                "accuracy_days": int(acc.days[r]),
                "mae": _opt(acc.mae[r]),
                "bias": _opt(acc.bias[r]),
                "mase": _opt(acc.mase[r]),
                "tracking_signal": _opt(acc.tracking_signal[r]),
                "drifted": bool(acc.drifted[r]),
            }
        )
    if ahead:
        db.session.execute(insert(Forecast.__table__), ahead)
    if fits:
        db.session.execute(insert(ForecastFit.__table__), fits)
    return {"forecast_rows": len(ahead), "drifted": int(acc.drifted.sum())}


def _opt(x) -> float | None:
    """A float for storage, None for NaN or infinity."""
    x = float(x)
    return x if np.isfinite(x) else None

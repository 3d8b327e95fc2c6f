"""Reorder numbers for every item x site row: the articles' figures beside the recommendation.

plan_reorders() is the one call the service layer makes. It computes the demand
statistics once, the articles' numbers (SS, cycle stock, ROP, proper stock, alert, order
quantity) as written, and a recommendation that keeps the promised cycle service level:
  - PERIODIC: smooth/erratic demand, normal approximation with the review undershoot
    (periodic_review.py);
  - EMPIRICAL: intermittent/lumpy demand, quantile of lead-time demand + undershoot from
    the row's own history (empirical_demand.py);
  - NO_DEMAND: no demand in the window, nothing to protect;
  - MANUAL: an owner's safety-stock or reorder-point override.
Each row's statistics cover its own history (history_days, from its first movement). A row
with fewer than MIN_HISTORY_DAYS days is flagged short_history ("not enough history") and
planned by PERIODIC; EMPIRICAL needs EMPIRICAL_MIN_WINDOWS separate (L + R)-day windows of
history and falls back to PERIODIC below that.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum

import numpy as np

from webapp.domain import replenishment as rp
from webapp.domain.demand import (
    ADI_CUTOFF,
    CV2_CUTOFF,
    DemandStats,
    Pattern,
    demand_pattern,
    demand_stats,
)
from webapp.domain.empirical_demand import empirical_reorder_point
from webapp.domain.periodic_review import periodic_reorder_point
from webapp.domain.weekday_profile import lead_time_variance

MIN_HISTORY_DAYS = 28
EMPIRICAL_MIN_WINDOWS = 20


class Method(IntEnum):
    """How the recommended reorder point was obtained."""

    NO_DEMAND = 0
    PERIODIC = 1
    EMPIRICAL = 2
    MANUAL = 3


METHOD_REASONS = {
    Method.NO_DEMAND: "No demand in the history window, so no stock is held back for it.",
    Method.PERIODIC: "Steady demand: lead-time demand plus the shortfall that builds up "
    "between stock checks, with a safety margin for the service level.",
    Method.EMPIRICAL: "Irregular demand: taken from this item's own history of demand over the "
    "lead time, at the service level, because averages mislead for rare, large orders.",
    Method.MANUAL: "Set by hand for this item and site.",
}


_METHOD_BY_PATTERN = np.array(
    [Method.NO_DEMAND, Method.PERIODIC, Method.PERIODIC, Method.EMPIRICAL, Method.EMPIRICAL], dtype=np.int8
)  # indexed by Pattern
_PERIODIC_BY_PATTERN = np.minimum(_METHOD_BY_PATTERN, Method.PERIODIC)


@dataclass(frozen=True)
class ReorderPlan:
    """Per-row results; every field is a numpy array of shape (rows,), in the row order of the demand matrix.

    Units: quantities in stock units, mean_daily/std_daily in units per day (std is the
    sample std), z dimensionless. article_*: the articles' formulas as written
    (SS = z*sigma*sqrt(L+R), ROP = d*L + SS, proper stock by method 1 or 2, alert when
    position <= ROP, order up to the proper stock). The unprefixed reorder fields are the
    recommendation: safety_stock = reorder_point - d*L (all protection above mean
    lead-time demand), order_up_to = the proper stock the order refills to.
    dtypes: pattern and method are int8 (Pattern and Method codes), article_reorder,
    reorder and short_history are bool, everything else float64. history_days: the days
    the statistics of the row cover.
    """

    mean_daily: np.ndarray
    std_daily: np.ndarray
    pattern: np.ndarray
    z: np.ndarray
    cycle_stock: np.ndarray
    position: np.ndarray
    article_safety_stock: np.ndarray
    article_reorder_point: np.ndarray
    article_proper_stock: np.ndarray
    article_reorder: np.ndarray
    article_order_qty: np.ndarray
    method: np.ndarray
    safety_stock: np.ndarray
    reorder_point: np.ndarray
    order_up_to: np.ndarray
    reorder: np.ndarray
    order_qty: np.ndarray
    history_days: np.ndarray
    short_history: np.ndarray

    def row(self, i: int) -> dict:
        """Plain Python values of row i, keyed by field name (for storing per item and site)."""
        return {f.name: getattr(self, f.name)[i].item() for f in fields(self)}


def _per_row(value, n: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(value, dtype=np.float64), (n,))


def plan_reorders(
    demand: np.ndarray,
    *,
    lead_time,
    service_level,
    on_hand,
    on_order=0.0,
    review=1.0,
    coverage=np.nan,
    order_multiple=1.0,
    min_order=0.0,
    ss_override=np.nan,
    rop_override=np.nan,
    window: int | None = None,
    adi_cutoff: float = ADI_CUTOFF,
    cv2_cutoff: float = CV2_CUTOFF,
    empirical: bool = True,
    history_days=None,
    trend=0.0,
    weekly: bool = True,
    lead_time_std=0.0,
) -> ReorderPlan:
    """Articles' numbers and the recommended reorder policy for each row of a (rows x days) demand matrix.

    Per-row arguments are scalars or arrays of shape (rows,): lead_time L and review R in
    days (R = 1 for a daily check), service_level as a cycle service level in (0, 1),
    on_hand/on_order in units, coverage T in days for proper-stock method 2 (NaN: method 1),
    order_multiple (> 0) and min_order in units, ss_override/rop_override in units
    (NaN: none; a ROP override wins over an SS override). The recommendation refills to
    ROP + d*max(T - L, R), i.e. the article's proper stock shifted by the same extra
    protection as the ROP, and never less than one review interval of demand above it.
    empirical=False skips the history quantile (about 20-40 us per intermittent row), so
    intermittent rows use the periodic method and say so in `method`. history_days (per
    row, NaN or None: all of the window) is each row's own history, from its first movement;
    trend (units/day per day, demand_shift.trend_per_day) moves the PERIODIC rows' demand to
    the middle of the lead time, d + trend * (n + L) / 2. The articles' numbers keep d.
    weekly=False skips splitting the weekly rhythm out of the lead-time spread (about 2-4x a
    bare pass over the matrix; weekday_profile.py). lead_time_std (days, per row; 0: the lead
    time is fixed) is the spread of a lead time learned from receipts (lead_times.py): the
    PERIODIC rows' safety stock then covers d^2 sigma_L^2 too; EMPIRICAL rows use L alone.
    """
    history = demand if window is None else demand[:, demand.shape[1] - window :]
    n = demand.shape[0]
    own = np.full(n, history.shape[1], dtype=np.float64) if history_days is None else _per_row(history_days, n)
    own = np.clip(np.nan_to_num(own, nan=history.shape[1]), 0, history.shape[1])
    stats = demand_stats(demand, window, history_days=own)
    inputs = dict(
        lead=lead_time,
        level=service_level,
        on_hand=on_hand,
        on_order=on_order,
        review=review,
        coverage=coverage,
        multiple=order_multiple,
        minimum=min_order,
        ss_override=ss_override,
        rop_override=rop_override,
    )
    inputs = {name: _per_row(value, n) for name, value in inputs.items()}
    inputs["own"] = own
    inputs["trend"] = _per_row(trend, n)
    inputs["lead_std"] = np.nan_to_num(_per_row(lead_time_std, n))
    inputs["weekly"] = weekly
    return _plan(stats, inputs, history, (adi_cutoff, cv2_cutoff), empirical)


def _plan(
    stats: DemandStats, given: dict, history: np.ndarray, cutoffs: tuple[float, float], empirical: bool
) -> ReorderPlan:
    """plan_reorders once the statistics are known and every input is an array of shape (rows,)."""
    lead, review, level, coverage = given["lead"], given["review"], given["level"], given["coverage"]
    d, sigma = stats.mean, stats.std
    z = rp.service_factor(level)

    cycle = rp.cycle_stock(d, lead)
    art_ss = rp.safety_stock(z, sigma, lead, review)
    art_rop = rp.reorder_point(d, lead, art_ss)
    by_cycle = np.isnan(coverage)  # no coverage period: proper stock method 1 (T = L)
    art_proper = rp.proper_stock_period(art_ss, d, np.where(by_cycle, lead, coverage))
    position = rp.inventory_position(given["on_hand"], given["on_order"])
    art_reorder = rp.needs_reorder(position, art_rop)
    art_qty = rp.order_quantity(position, art_proper, art_reorder, given["multiple"], given["minimum"])

    pattern = demand_pattern(stats, *cutoffs)
    method = (_METHOD_BY_PATTERN if empirical else _PERIODIC_BY_PATTERN)[pattern]
    own = given["own"]
    too_short = own < MIN_HISTORY_DAYS
    few_windows = own < EMPIRICAL_MIN_WINDOWS * (np.ceil(lead) + np.ceil(review))
    method[(too_short | few_windows) & (method == Method.EMPIRICAL)] = Method.PERIODIC
    ahead = d
    if np.any(given["trend"]):  # demand at the middle of the lead time, not the history's average
        ahead = np.maximum(d + given["trend"] * (own + lead) / 2, 0.0)
    weekly = None
    if given["weekly"] and history.shape[1] >= 14:
        weekly = lead_time_variance(history, np.where(too_short, 0, own), lead)
    rop = periodic_reorder_point(ahead, sigma, lead, review, z, stats.n_days, weekly, given["lead_std"])
    sparse = np.flatnonzero(method == Method.EMPIRICAL)
    if sparse.size:
        start = (history.shape[1] - own[sparse]).astype(np.intp)
        found = empirical_reorder_point(history, sparse, lead[sparse], review[sparse], level[sparse], start=start)
        # Too little history for an L-day window: keep the normal approximation.
        short = np.isnan(found)
        rop[sparse] = np.where(short, rop[sparse], found)
        method[sparse[short]] = Method.PERIODIC
    idle = pattern == Pattern.NONE
    rop[idle] = 0.0
    safety = rop - cycle

    ss_override, rop_override = given["ss_override"], given["rop_override"]
    if not (np.isnan(ss_override).all() and np.isnan(rop_override).all()):
        ss_set, rop_set = ~np.isnan(ss_override), ~np.isnan(rop_override)
        safety = np.where(ss_set, ss_override, safety)
        rop = np.where(rop_set, rop_override, np.where(ss_set, cycle + safety, rop))
        safety = np.where(rop_set & ~ss_set, rop - cycle, safety)
        method[ss_set | rop_set] = Method.MANUAL
        idle &= method == Method.NO_DEMAND

    cover_days = np.maximum(np.where(by_cycle, review, coverage - lead), review)
    order_up_to = np.where(method == Method.EMPIRICAL, d, ahead) * cover_days
    order_up_to += rop
    reorder = rp.needs_reorder(position, rop)
    # Without demand, an alert only makes sense once something is owed (position below 0).
    reorder[idle] = position[idle] < 0
    qty = rp.order_quantity(position, order_up_to, reorder, given["multiple"], given["minimum"])
    return ReorderPlan(
        d,
        sigma,
        pattern,
        z,
        cycle,
        position,
        art_ss,
        art_rop,
        art_proper,
        art_reorder,
        art_qty,
        method,
        safety,
        rop,
        order_up_to,
        reorder,
        qty,
        own,
        too_short & (pattern != Pattern.NONE),
    )

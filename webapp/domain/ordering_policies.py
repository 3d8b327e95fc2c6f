"""The articles' ordering policies and the economic order quantity, vectorised over item x site rows.

Policies (s = reorder point, S = order-up-to level, Q = order size, R = review interval):
  - s_S   (s, S): whenever the inventory position is at or below s, order up to S (the app's default);
  - s_Q   (s, Q): whenever the position is at or below s, order Q, or the smallest multiple of Q that
          lifts the position above s again (one Q may not be enough after a large order);
  - R_S   (R, S): every R days, order up to S whatever the position (unless it is at S already);
  - R_s_S (R, s, S): every R days, order up to S if the position is at or below s.
Every quantity then obeys the item's minimum order and is rounded up to its order multiple.
"""

from __future__ import annotations

import numpy as np

from .replenishment import inventory_position, order_quantity

POLICIES = ("s_S", "s_Q", "R_S", "R_s_S")
PERIODIC = ("R_S", "R_s_S")
DAYS_PER_YEAR = 365.0


def economic_order_quantity(daily_demand, ordering_cost, holding_rate, unit_cost) -> np.ndarray:
    """EOQ = sqrt(2 D K / (h c)) in units, with D = 365 x daily demand; NaN where any input is 0 or missing.

    K is yen per order, h the yearly holding cost as a fraction of the stock's value, c yen per unit.
    """
    d, k, h, c = (np.asarray(x, dtype=np.float64) for x in (daily_demand, ordering_cost, holding_rate, unit_cost))
    d, k, h, c = np.broadcast_arrays(d, k, h, c)
    defined = (d > 0) & (k > 0) & (h > 0) & (c > 0)
    out = np.full(d.shape, np.nan)
    out[defined] = np.sqrt(2 * DAYS_PER_YEAR * d[defined] * k[defined] / (h[defined] * c[defined]))
    return out


def order_size(use_eoq, eoq, fixed_qty, reorder_point, order_up_to) -> np.ndarray:
    """Q for (s, Q) rows: the EOQ (whole units, at least 1) where chosen and defined, else the fixed Q,
    else S - s (the engine's cover between two orders), at least 1."""
    eoq = np.asarray(eoq, dtype=np.float64)
    fixed = np.asarray(fixed_qty, dtype=np.float64)
    cover = np.asarray(order_up_to, dtype=np.float64) - np.asarray(reorder_point, dtype=np.float64)
    q = np.where(np.isfinite(fixed) & (fixed > 0), fixed, cover)
    q = np.where(np.asarray(use_eoq, bool) & np.isfinite(eoq), np.round(eoq), q)
    return np.maximum(q, 1.0)


def review_due(days_since_order, review) -> np.ndarray:
    """True where a periodic row's review has come: R days (at least 1) since its last order, or never ordered."""
    since = np.asarray(days_since_order, dtype=np.float64)
    return np.isnan(since) | (since >= np.maximum(np.asarray(review, dtype=np.float64), 1.0))


def policy_orders(
    policy, on_hand, on_order, reorder_point, order_up_to, order_qty, due, multiple=1, minimum=0
) -> tuple[np.ndarray, np.ndarray]:
    """(order now, units to order) per row under each row's policy code (POLICIES), packs and minimum respected.

    order_up_to below s + 1 is lifted to s + 1, so an order always clears the reorder alert; a row
    with s <= 0 (no demand to protect) orders only once something is owed (position below 0).
    `due` says where a periodic row's review has come (review_due); continuous rows ignore it.
    """
    policy = np.asarray(policy, dtype=str)
    unknown = ~np.isin(policy, POLICIES)
    if unknown.any():
        raise ValueError(f"unknown ordering policy {policy[unknown][0]!r}")
    position = inventory_position(np.asarray(on_hand, float), np.asarray(on_order, float))
    s = np.asarray(reorder_point, float)
    target = np.maximum(np.asarray(order_up_to, float), s + 1)
    at_s = position <= s
    flag = np.where(np.isin(policy, PERIODIC), np.asarray(due, bool), True)
    flag &= np.where(policy == "R_S", position < target, at_s)
    flag &= ~((s <= 0) & (position >= 0))
    q = np.maximum(np.asarray(order_qty, float), 1.0)
    # (s, Q): enough whole Qs to lift the position above s; the rest order up to S.
    lots = np.maximum(np.floor((s - position) / q) + 1, 1.0) * q
    wanted = np.where(policy == "s_Q", position + lots, target)
    multiple = np.maximum(np.asarray(multiple, float), 1.0)
    qty = order_quantity(position, wanted, flag, multiple, np.asarray(minimum, float))
    return flag, qty.astype(np.int64)

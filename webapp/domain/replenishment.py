"""The articles' replenishment formulas, vectorised: service factor, safety stock, reorder point, order size.

Quantities are in stock units, demand in units per day, times (lead time L, review
interval R, coverage period T) in days. Every function broadcasts over numpy arrays
(one entry per item x site row) and also accepts plain numbers.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

# A shortage of 24.000000000001 units must not become one more case of 12.
_ROUNDING_SLACK = 1e-9


def service_factor(level) -> np.ndarray:
    """z such that P(N(0,1) <= z) = level (0 < level < 1); 0.95 -> 1.645."""
    levels = np.asarray(level, dtype=np.float64)
    normal = NormalDist()
    if levels.size and levels.min() == levels.max():  # one level for every row: skip the sort
        return np.full(levels.shape, normal.inv_cdf(_checked_level(levels.flat[0])))
    distinct, where = np.unique(levels, return_inverse=True)
    z = np.array([normal.inv_cdf(_checked_level(p)) for p in distinct])
    return z[where].reshape(levels.shape)


def _checked_level(level) -> float:
    if not 0 < level < 1:  # also refuses NaN
        raise ValueError("a service level must be strictly between 0 and 1")
    return float(level)


def safety_stock(z, sigma, lead_time, review=0.0) -> np.ndarray:
    """SS = z * sigma * sqrt(L + R) (units); R = 0 under continuous review."""
    return np.asarray(z) * np.asarray(sigma) * np.sqrt(np.add(lead_time, review))


def cycle_stock(daily_demand, lead_time) -> np.ndarray:
    """Cycle stock = d * L (units): average demand during the lead time."""
    return np.multiply(daily_demand, lead_time)


def reorder_point(daily_demand, lead_time, safety) -> np.ndarray:
    """ROP = d * L + SS (units)."""
    return np.multiply(daily_demand, lead_time) + safety


def proper_stock_cycle(safety, daily_demand, lead_time) -> np.ndarray:
    """Proper stock, method 1 (cycle-stock method): SS + d * L (units)."""
    return np.add(safety, np.multiply(daily_demand, lead_time))


def proper_stock_period(safety, daily_demand, coverage) -> np.ndarray:
    """Proper stock, method 2 (fixed-period demand): SS + d * T for a coverage period T (units)."""
    return np.add(safety, np.multiply(daily_demand, coverage))


def inventory_position(on_hand, on_order) -> np.ndarray:
    """Inventory position = on hand + on order (open purchase orders not yet received), units."""
    return np.add(on_hand, on_order)


def needs_reorder(position, reorder_level) -> np.ndarray:
    """Reorder alert: inventory position <= reorder point (bool per row)."""
    return np.less_equal(position, reorder_level)


def order_quantity(position, target, reorder, multiple=1.0, minimum=0.0) -> np.ndarray:
    """Units to order: target - position, at least `minimum`, rounded UP to `multiple`; 0 where reorder is False.

    multiple must be > 0 (1 orders whole units) and minimum >= 0. A row that needs a
    reorder while already at its target orders the minimum (rounded up to the multiple),
    which may be 0.
    """
    if np.size(multiple) and not np.min(multiple) > 0:  # also refuses NaN
        raise ValueError("an order multiple must be greater than 0")
    if np.size(minimum) and not np.min(minimum) >= 0:
        raise ValueError("a minimum order cannot be negative")
    packs = np.maximum(np.subtract(target, position), minimum)
    packs /= multiple
    packs -= _ROUNDING_SLACK
    packs = np.ceil(packs)
    packs *= multiple
    return np.where(reorder, packs, 0.0)

"""Service level against stock value: what each cycle service level costs in safety stock, per stock class.

For every row (item x site) and every level p at once (a rows x levels matrix), the safety stock of
the normal approximation z(p) x sigma_P, with the spread of demand over the protection period
P = L + R (lead time plus review interval) including the lead time's own spread where it is known:
    sigma_P^2 = (L + R) sigma_d^2 + d^2 sigma_L^2.
Times the unit cost and summed per class, it gives the yen of safety stock each level needs. The cycle
stock (half of what one order brings in, on average on the shelf) does not depend on the level; it is
summed beside it so the total stock value can be read too.
"""

from __future__ import annotations

import numpy as np

from .replenishment import service_factor

SERVICE_LEVELS = (0.80, 0.85, 0.875, 0.90, 0.92, 0.94, 0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99, 0.9925, 0.995)


def protection_spread(std_daily, mean_daily, lead_time, review, lead_time_std=0.0) -> np.ndarray:
    """sigma_P = sqrt((L + R) sigma_d^2 + d^2 sigma_L^2) in units, per row (R = 0 under continuous review)."""
    sd, d = np.asarray(std_daily, dtype=np.float64), np.asarray(mean_daily, dtype=np.float64)
    period = np.add(lead_time, review, dtype=np.float64)
    return np.sqrt(period * sd**2 + d**2 * np.square(np.asarray(lead_time_std, dtype=np.float64)))


def safety_stock_values(spread, unit_cost, levels=SERVICE_LEVELS) -> np.ndarray:
    """Yen of safety stock per row and level: z(p) x sigma_P x cost, a (rows x levels) matrix."""
    z = service_factor(np.asarray(levels, dtype=np.float64))
    value = np.asarray(spread, dtype=np.float64) * np.asarray(unit_cost, dtype=np.float64)
    return np.maximum(value[:, None] * z[None, :], 0.0)


def value_by_class(values: np.ndarray, classes, order=("A", "B", "C")) -> dict[str, np.ndarray]:
    """The (rows x levels) values summed over the rows of each class, in `order` (classes without rows left out)."""
    classes = np.asarray(classes, dtype=str)
    out = {}
    for name in order:
        rows = classes == name
        if rows.any():
            out[name] = values[rows].sum(axis=0)
    out["*"] = values.sum(axis=0)
    return out

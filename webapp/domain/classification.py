"""Item classes for the dashboard: ABC by consumption value, dead stock, days-of-stock bands."""

from __future__ import annotations

import numpy as np

# Cumulative shares of annual consumption value that close class A and class B (A 80%, B 15%, C 5%).
ABC_SHARES = (0.80, 0.95)

# Reference days-of-stock bands per stock category (SPEC), (low, high) in days, inclusive.
DEFAULT_BANDS: dict[str, tuple[float, float]] = {
    "fresh_food": (2, 7),
    "apparel": (30, 60),
    "manufacturing_parts": (30, 90),
    "semiconductors_heavy_industry": (90, 180),
    "supermarket": (10, 60),
}

RISK, OK, OVERSTOCK, UNBANDED = "risk", "ok", "overstock", "none"


def abc_classes(consumption_value, shares: tuple[float, float] = ABC_SHARES) -> np.ndarray:
    """'A', 'B' or 'C' per row by its share of total consumption value (units sold x unit cost).

    Rows are ranked by value; a row belongs to A while the value ranked above it is below
    shares[0] of the total (so the top item is always A), to B below shares[1], else C.
    Rows with no consumption are C; ties keep their input order.
    """
    value = np.asarray(consumption_value, dtype=np.float64)
    order = np.argsort(-value, kind="stable")
    ranked = value[order]
    total = ranked.sum()
    before = (np.cumsum(ranked) - ranked) / total if total > 0 else np.ones_like(ranked)
    ranked_class = np.where(before < shares[0], "A", np.where(before < shares[1], "B", "C"))
    ranked_class = np.where(ranked > 0, ranked_class, "C")
    classes = np.empty(value.shape, dtype="<U1")
    classes[order] = ranked_class
    return classes


def days_since_last_demand(demand: np.ndarray, chunk_rows: int = 4096) -> np.ndarray:
    """Days since the last day with demand > 0, counted back from the matrix's last day (0 = today).

    inf for rows without demand in the whole matrix (none within its days).
    """
    n_rows = demand.shape[0]
    out = np.empty(n_rows)
    for start in range(0, n_rows, chunk_rows):
        seen = demand[start : start + chunk_rows, ::-1] > 0
        first = np.argmax(seen, axis=1).astype(np.float64)
        first[~seen.any(axis=1)] = np.inf
        out[start : start + seen.shape[0]] = first
    return out


def dead_stock(days_since_demand, on_hand, idle_days: int) -> np.ndarray:
    """Dead stock: stock on hand > 0 with no outbound movement in the last `idle_days` days."""
    return (np.asarray(days_since_demand) >= idle_days) & (np.asarray(on_hand) > 0)


def days_of_stock_flags(days_of_stock, category, bands: dict[str, tuple[float, float]] | None = None) -> np.ndarray:
    """'risk' below the category's band, 'overstock' above, 'ok' within, 'none' when unbanded or nan."""
    bands = DEFAULT_BANDS if bands is None else bands
    days = np.asarray(days_of_stock, dtype=np.float64)
    category = np.broadcast_to(np.asarray(category, dtype=str), days.shape)
    names, where = np.unique(category, return_inverse=True)
    low = np.array([bands.get(str(n), (np.nan, np.nan))[0] for n in names], dtype=np.float64)[where]
    high = np.array([bands.get(str(n), (np.nan, np.nan))[1] for n in names], dtype=np.float64)[where]
    low, high = low.reshape(days.shape), high.reshape(days.shape)
    flags = np.where(days < low, RISK, np.where(days > high, OVERSTOCK, OK))
    return np.where(np.isnan(days) | np.isnan(low), UNBANDED, flags)

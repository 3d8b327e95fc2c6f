"""Read side: the stock value each service level needs, per ABC class, from the engine's stored rows."""

import numpy as np
from sqlalchemy import select

from ...domain.service_value import SERVICE_LEVELS, protection_spread, safety_stock_values, value_by_class
from ...extensions import db
from ...models import Item, ReplenishmentResult


def _array(values) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


def service_value_curves(site_id: int | None = None) -> dict:
    """For classes A, B, C and all: yen of safety stock at each level 0.80-0.995, cycle stock and today's."""
    stmt = select(
        ReplenishmentResult.std_daily,
        ReplenishmentResult.mean_daily,
        ReplenishmentResult.lead_time_days,
        ReplenishmentResult.learned_lead_days,
        ReplenishmentResult.learned_lead_std,
        ReplenishmentResult.review_interval_days,
        ReplenishmentResult.safety_stock,
        ReplenishmentResult.reorder_point,
        ReplenishmentResult.order_up_to,
        ReplenishmentResult.abc_class,
        Item.unit_cost,
    ).join(Item, ReplenishmentResult.item_id == Item.id)
    if site_id:
        stmt = stmt.where(ReplenishmentResult.site_id == site_id)
    rows = db.session.execute(stmt).all()
    if not rows:
        return {"levels": list(SERVICE_LEVELS), "classes": []}
    cols = list(zip(*rows, strict=True))
    std, mean, lead, learned, learned_std, review, ss, rop, target = (_array(c) for c in cols[:9])
    abc, cost = np.array(cols[9], dtype=str), _array(cols[10])
    # The learned lead time replaces the configured one where there were enough receipts, as in the engine.
    lead = np.where(np.isnan(learned), lead, learned)
    spread = protection_spread(std, mean, lead, review, np.nan_to_num(learned_std))
    curves = value_by_class(safety_stock_values(spread, cost), abc)
    cycle = value_by_class(((target - rop) / 2 * cost)[:, None], abc)
    today = value_by_class((ss * cost)[:, None], abc)
    at = {p: k for k, p in enumerate(SERVICE_LEVELS)}
    return {
        "levels": list(SERVICE_LEVELS),
        "classes": [
            {
                "abc": name,
                "safety": curve.tolist(),
                "cycle": float(cycle[name][0]),
                "today": float(today[name][0]),
                "extra_99_over_95": float(curve[at[0.99]] - curve[at[0.95]]),
            }
            for name, curve in curves.items()
        ],
    }

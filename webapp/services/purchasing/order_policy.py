"""Each item's ordering policy applied to live positions: the EOQ's inputs and each periodic row's last order."""

from datetime import datetime
from decimal import Decimal, InvalidOperation

import numpy as np
from sqlalchemy import func, select

from ...domain.ordering_policies import economic_order_quantity, order_size, policy_orders, review_due
from ...errors import InvalidInput
from ...extensions import db
from ...models import CompanyProfile, ReplenishmentResult, Supplier, Task, TaskLine
from ...models.types import utcnow
from ..core import record_change, transactional


def eoq_costs() -> tuple[float, float, dict[int, float]]:
    """The shop's default ordering cost (yen per order), its holding rate (per year) and each supplier's own cost."""
    row = db.session.get(CompanyProfile, 1)
    default_k = float(row.ordering_cost) if row else 0.0
    rate = float(row.holding_rate) if row else 0.0
    own = db.session.execute(select(Supplier.id, Supplier.ordering_cost).where(Supplier.ordering_cost.is_not(None)))
    return default_k, rate, {k: float(v) for k, v in own.all()}


def item_eoq(mean_daily, unit_cost, supplier_ids) -> np.ndarray:
    """EOQ per row from the engine's mean daily demand and each row's supplier cost (NaN where not set)."""
    default_k, rate, own = eoq_costs()
    k = np.array([own.get(s, default_k) if s else default_k for s in supplier_ids], dtype=np.float64)
    return economic_order_quantity(np.asarray(mean_daily, float), k, rate, np.asarray(unit_cost, float))


def days_since_last_order(pairs, now: datetime | None = None) -> dict[tuple[int, int], float]:
    """(item, site) -> whole days since its latest purchase order that was not cancelled (drafts count)."""
    now = now or utcnow()
    rows = db.session.execute(
        select(TaskLine.item_id, Task.site_id, func.max(Task.created_at))
        .join(Task, TaskLine.task_id == Task.id)
        .where(Task.kind == "purchase_order", Task.status != "cancelled")
        .group_by(TaskLine.item_id, Task.site_id)
    )
    return {(i, s): float((now - at).days) for i, s, at in rows if (i, s) in pairs and at is not None}


def policy_quantities(found, on_hand, on_order, rop, steps) -> dict[str, np.ndarray]:
    """For (result, item, site) rows: order flag, units, EOQ and the Q used, under each item's policy.

    steps: the pieces each row's order goes up in (whole packs of its order level and multiple).
    """
    results, items = [r for r, _, _ in found], [i for _, i, _ in found]
    keys = [(r.item_id, r.site_id) for r in results]
    order_up_to = np.array([r.order_up_to for r in results], dtype=np.float64)
    eoq = item_eoq([r.mean_daily for r in results], [i.unit_cost for i in items], [i.supplier_id for i in items])
    fixed = np.array([np.nan if i.fixed_order_qty is None else i.fixed_order_qty for i in items], dtype=np.float64)
    q = order_size([i.use_eoq for i in items], eoq, fixed, rop, order_up_to)
    policy = np.array([i.order_policy for i in items], dtype=str)
    since = {}
    if np.isin(policy, ("R_S", "R_s_S")).any():
        since = days_since_last_order(set(keys))
    due = review_due([since.get(k, np.nan) for k in keys], [i.review_interval_days for i in items])
    flag, qty = policy_orders(
        policy,
        on_hand,
        on_order,
        rop,
        order_up_to,
        q,
        due,
        steps,
        [i.min_order_qty for i in items],
    )
    return {"flag": flag, "qty": qty, "eoq": eoq, "order_size": q, "policy": policy}


MAX_ORDERING_COST = Decimal(1_000_000)


def _bounded(raw, high: Decimal) -> Decimal | None:
    """A typed amount from 0 to `high` (commas allowed), or None when it is not one."""
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip().replace(",", "") or "0")
    except InvalidOperation:
        return None
    return value if value.is_finite() and 0 <= value <= high else None


def eoq_settings() -> dict:
    """The shop's default cost of one order (yen) and its holding rate as a percent a year, for the form."""
    row = db.session.get(CompanyProfile, 1)
    cost, rate = (row.ordering_cost, row.holding_rate) if row else (Decimal(0), Decimal(0))
    return {"ordering_cost": cost.normalize(), "holding_rate_percent": (rate * 100).normalize()}


@transactional
def save_eoq_settings(ordering_cost, holding_rate_percent, user_id: int | None = None) -> None:
    """Set the shop's default cost of one order (0 to 1,000,000 yen) and holding rate (0 to 100 % a year)."""
    cost = _bounded(ordering_cost, MAX_ORDERING_COST)
    percent = _bounded(holding_rate_percent, Decimal(100))
    problems = {
        k: ["out of range"] for k, v in (("ordering_cost", cost), ("holding_rate_percent", percent)) if v is None
    }
    if problems:
        raise InvalidInput("The EOQ costs do not fit.", code="bad_eoq_costs", fields=problems)
    row = db.session.get(CompanyProfile, 1) or CompanyProfile(id=1)
    db.session.add(row)
    new = {
        "ordering_cost": cost.quantize(Decimal("0.0001")),
        "holding_rate": (percent / 100).quantize(Decimal("0.0001")),
    }
    old = {"ordering_cost": row.ordering_cost or Decimal(0), "holding_rate": row.holding_rate or Decimal(0)}
    changes = {k: (old[k], v) for k, v in new.items() if old[k] != v}
    row.ordering_cost, row.holding_rate = new["ordering_cost"], new["holding_rate"]
    record_change(user_id, "company", 1, "EOQ", changes)


def item_eoq_by_site(item) -> dict[int, float | None]:
    """Site id -> the item's EOQ from the engine's stored mean daily demand there (None where it is not set)."""
    found = db.session.execute(
        select(ReplenishmentResult.site_id, ReplenishmentResult.mean_daily).where(
            ReplenishmentResult.item_id == item.id
        )
    ).all()
    eoq = item_eoq([d for _, d in found], [item.unit_cost] * len(found), [item.supplier_id] * len(found))
    return {site: (float(q) if np.isfinite(q) else None) for (site, _), q in zip(found, eoq, strict=True)}

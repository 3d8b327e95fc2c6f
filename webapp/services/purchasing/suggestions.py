"""Order suggestions grouped by supplier, and drafting the purchase orders from them in one go."""

from collections import defaultdict

import numpy as np
from sqlalchemy import func, select

from ...domain.purchase_orders import round_to_pack
from ...errors import InvalidInput
from ...extensions import db
from ...models import Item, ReplenishmentResult, Site, Supplier, Task, TaskLine
from ..core import on_hand_by_site, on_order_by_site, reorder_points, transactional
from .drafts import order_step_of
from .order_policy import policy_quantities
from .orders import add_purchase_order


def _drafted(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> quantity already on draft purchase orders (not sent, so not on order yet)."""
    rows = db.session.execute(
        select(TaskLine.item_id, Task.site_id, func.sum(TaskLine.quantity))
        .join(Task, TaskLine.task_id == Task.id)
        .where(Task.kind == "purchase_order", Task.status == "draft")
        .group_by(TaskLine.item_id, Task.site_id)
    )
    return {(i, s): int(q) for i, s, q in rows if (i, s) in pairs}


def _finite(x) -> float | None:
    return float(x) if np.isfinite(x) else None


def suggestion_rows(site_id: int | None = None) -> list[dict]:
    """Every item and site at or below its reorder point now, with the quantity to order and the numbers why."""
    stmt = (
        select(ReplenishmentResult, Item, Site)
        .join(Item, ReplenishmentResult.item_id == Item.id)
        .join(Site, ReplenishmentResult.site_id == Site.id)
        .where(Item.active)
    )
    if site_id:
        stmt = stmt.where(ReplenishmentResult.site_id == site_id)
    found = db.session.execute(stmt).all()
    if not found:
        return []
    pairs = {(r.item_id, r.site_id) for r, _, _ in found}
    levels, open_po, points, drafted = (
        on_hand_by_site(pairs),
        on_order_by_site(pairs),
        reorder_points(pairs),
        _drafted(pairs),
    )
    keys = [(r.item_id, r.site_id) for r, _, _ in found]
    on_hand = np.array([levels.get(k, (0, 0))[0] for k in keys])
    on_order = np.array([open_po.get(k, 0) for k in keys])
    rop = np.array([points[k] for k in keys])
    steps = [order_step_of(i) for _, i, _ in found]  # whole packs of the level each supplier sells in
    # Each item's ordering policy (domain.ordering_policies): (s, S) unless the owner chose another.
    decided = policy_quantities(found, on_hand, on_order, rop, steps)
    flag, qty = decided["flag"], decided["qty"]
    rows = []
    for n, (result, item, site) in enumerate(found):
        if flag[n]:
            qty[n] = round_to_pack(int(qty[n]), steps[n], item.min_order_qty)  # kept exact in integers
            rows.append(
                {
                    "item_id": item.id,
                    "item_code": item.code,
                    "item_name": item.name,
                    "unit": item.unit,
                    "site_id": site.id,
                    "site_code": site.code,
                    "supplier_id": item.supplier_id,
                    "on_hand": int(on_hand[n]),
                    "on_order": int(on_order[n]),
                    "position": int(on_hand[n] + on_order[n]),
                    "reorder_point": int(rop[n]),
                    "order_up_to": max(result.order_up_to, int(rop[n]) + 1),
                    "quantity": int(qty[n]),
                    "method": result.method,
                    "mean_daily": float(result.mean_daily),
                    "lead_time_days": result.lead_time_days,
                    "order_multiple": item.order_multiple,
                    "min_order_qty": item.min_order_qty,
                    "inner_qty": item.inner_qty,
                    "case_qty": item.case_qty,
                    "order_in": item.order_in,
                    "order_step": steps[n],
                    "unit_cost": item.unit_cost,
                    "value": item.unit_cost * int(qty[n]),
                    "drafted": drafted.get(keys[n], 0),
                    "order_policy": item.order_policy,
                    "order_size": int(decided["order_size"][n]) if item.order_policy == "s_Q" else None,
                    "eoq": _finite(decided["eoq"][n]),
                }
            )
    return rows


def suggestions_by_supplier(site_id: int | None = None) -> list[dict]:
    """Suggestion rows grouped by supplier (no supplier last), each group with its total value."""
    groups = defaultdict(list)
    for row in suggestion_rows(site_id):
        groups[row["supplier_id"]].append(row)
    suppliers = {s.id: s for s in db.session.scalars(select(Supplier).where(Supplier.id.in_([k for k in groups if k])))}
    out = [
        {
            "supplier": suppliers.get(k),
            "rows": sorted(v, key=lambda r: (r["site_code"], r["item_code"])),
            "total": sum(r["value"] for r in v),
        }
        for k, v in groups.items()
    ]
    return sorted(out, key=lambda g: (g["supplier"] is None, g["supplier"].code if g["supplier"] else ""))


@transactional
def draft_purchase_orders(user_id: int, site_id: int | None = None, only=None) -> list[int]:
    """Draft one purchase order per supplier and site from the current suggestions; all of them or none.

    `only` limits it to a set of (item, site) pairs. Rows already on a draft are left out, so
    pressing the button twice does not order twice.
    """
    rows = [
        r
        for r in suggestion_rows(site_id)
        if not r["drafted"] and (only is None or (r["item_id"], r["site_id"]) in only)
    ]
    if not rows:
        raise InvalidInput(
            "Nothing to order: every suggestion is already drafted or none is due.", code="nothing_to_order"
        )
    groups = defaultdict(list)
    for row in rows:
        groups[(row["supplier_id"], row["site_code"])].append(row)
    suppliers = {s.id: s.code for s in db.session.scalars(select(Supplier))}
    ids = []
    for (supplier_id, site_code), lines in sorted(groups.items(), key=lambda g: (g[0][0] or 0, g[0][1])):
        task = add_purchase_order(
            site_code,
            suppliers.get(supplier_id),
            [(r["item_code"], r["quantity"]) for r in lines],
            user_id,
            status="draft",
            note="発注提案から作成 Drafted from order suggestions",
        )
        ids.append(task.id)
    return ids

"""Read side of the stored engine results: the dashboard's KPIs and lists, an item's "why" and stock chart."""

from collections import defaultdict
from datetime import date

import numpy as np
from sqlalchemy import func, select

from ...domain.kpis import closing_balances
from ...domain.reorder_plan import MIN_HISTORY_DAYS, Method
from ...extensions import db
from ...models import Alert, Item, ReplenishmentOverride, ReplenishmentResult, Site
from .kpis import totals
from .matrices import ledger_matrices


def _f(x) -> float:
    return float(x) if x is not None else float("nan")


def dashboard(site_id: int | None = None, limit: int = 8) -> dict:
    """KPIs for the business and per stock class, open alerts by kind, and the worst items by each measure."""
    stmt = (
        select(ReplenishmentResult, Item, Site)
        .join(Item, ReplenishmentResult.item_id == Item.id)
        .join(Site, ReplenishmentResult.site_id == Site.id)
    )
    if site_id:
        stmt = stmt.where(ReplenishmentResult.site_id == site_id)
    rows = db.session.execute(stmt).all()
    alerts = dict(
        db.session.execute(
            select(Alert.kind, func.count()).where(Alert.open_key.is_not(None)).group_by(Alert.kind)
        ).all()
    )
    if not rows:
        return {
            "computed_at": None,
            "alerts": alerts,
            "total": None,
            "by_class": [],
            "overstock": [],
            "stockouts": [],
            "slow": [],
            "short_history": [],
            "outliers": [],
        }
    days = rows[0][0].period_days
    sums = defaultdict(lambda: np.zeros(4))
    for r, item, _site in rows:
        cost, price = float(item.unit_cost), float(item.unit_price)
        v = np.array([r.issued_qty * cost, float(r.average_inventory) * cost, r.issued_qty * price, r.on_hand * cost])
        sums[item.stock_class] += v
        sums["*"] += v
    by_class = [
        {"stock_class": k, **totals(*sums[k], days=days), "stock_value": sums[k][3]}
        for k in ("material", "wip", "product")
        if k in sums
    ]

    def entry(r, i, s, value) -> dict:
        return {
            "item_id": i.id,
            "item_code": i.code,
            "item_name": i.name,
            "site_code": s.code,
            "value": value,
            "on_hand": r.on_hand,
        }

    over = sorted(
        (
            x
            for x in rows
            if x[0].band_flag == "overstock" or (x[1].max_stock is not None and x[0].on_hand > x[1].max_stock)
        ),
        key=lambda x: -(_f(x[0].days_of_stock_cost) if x[0].days_of_stock_cost is not None else 1e9),
    )
    out = [x for x in rows if x[0].on_hand <= 0]
    slow = sorted(
        (x for x in rows if x[0].on_hand > 0),
        key=lambda x: -(x[0].days_since_demand if x[0].days_since_demand is not None else 1e9),
    )
    return {
        "computed_at": max(r.computed_at for r, _, _ in rows),
        "period_days": days,
        "alerts": alerts,
        "total": {**totals(*sums["*"], days=days), "stock_value": sums["*"][3]},
        "by_class": by_class,
        "overstock": [entry(r, i, s, _f(r.days_of_stock_cost)) for r, i, s in over[:limit]],
        "stockouts": [entry(r, i, s, r.issued_qty / days) for r, i, s in out[:limit]],
        "slow": [entry(r, i, s, r.days_since_demand) for r, i, s in slow[:limit]],
        "dead_count": sum(1 for r, _, _ in rows if r.dead_stock),
        "min_history_days": MIN_HISTORY_DAYS,
        "short_history": [entry(r, i, s, r.history_days) for r, i, s in rows if _short(r)][:limit],
        "outliers": [
            entry(r, i, s, r.outlier_count)
            for r, i, s in sorted((x for x in rows if x[0].outlier_count), key=lambda x: -x[0].outlier_count)
        ][:limit],
    }


def _short(r: ReplenishmentResult) -> bool:
    """Too little history for a firm reorder point (a row without demand has nothing to firm up)."""
    return r.history_days < MIN_HISTORY_DAYS and r.method != Method.NO_DEMAND


def item_policy(item_id: int) -> list[dict]:
    """Per site: the stored result with its override, for the item page's "why this reorder point"."""
    rows = db.session.execute(
        select(ReplenishmentResult, Site)
        .join(Site, ReplenishmentResult.site_id == Site.id)
        .where(ReplenishmentResult.item_id == item_id)
        .order_by(Site.code)
    ).all()
    overrides = {
        o.site_id: o
        for o in db.session.scalars(select(ReplenishmentOverride).where(ReplenishmentOverride.item_id == item_id))
    }
    return [
        {
            "result": r,
            "site": s,
            "override": overrides.get(s.id),
            "short_history": _short(r),
            "min_history_days": MIN_HISTORY_DAYS,
        }
        for r, s in rows
    ]


def stock_history(item_id: int, today: date, days: int = 60, tz: str = "Asia/Tokyo") -> dict[int, list[float]]:
    """Site id -> daily closing balance of the item over the last `days` days, rebuilt from the ledger."""
    m = ledger_matrices(today, days, tz, item_ids=[item_id])
    balances = closing_balances(m.opening, m.net)
    return {site: balances[r].tolist() for r, (_item, site) in enumerate(m.pairs)}

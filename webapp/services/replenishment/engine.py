"""Recompute the replenishment engine over every item and site and store its results."""

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import delete, insert, select

from ...domain.reorder_plan import plan_reorders
from ...errors import InvalidInput
from ...extensions import db
from ...models import Alert, Item, ReplenishmentOverride, ReplenishmentResult
from ...models.types import utcnow
from ..core import on_order_by_site, transactional
from ..notifications import alert_key, check_stock_alerts, clear_alert, raise_alert
from .bands import category_bands
from .forecasts import store_forecasts
from .history import row_histories
from .kpis import row_kpis
from .lead_times import learned_lead_times
from .matrices import ledger_matrices
from .override_audit import record_override

PERIOD_DAYS = 90
ITEM_FIELDS = (
    "lead_time_days",
    "review_interval_days",
    "service_level",
    "min_order_qty",
    "order_multiple",
    "unit_cost",
    "unit_price",
    "category",
    "max_stock",
)


def _item_arrays(item_ids) -> dict[str, np.ndarray]:
    """The engine's per-item settings, aligned with item_ids."""
    cols = [getattr(Item, f) for f in ITEM_FIELDS]
    found = {r[0]: r[1:] for r in db.session.execute(select(Item.id, *cols).where(Item.id.in_(set(item_ids))))}
    rows = [found[i] for i in item_ids]
    out = {}
    for k, name in enumerate(ITEM_FIELDS):
        values = [r[k] for r in rows]
        if name == "category":
            out[name] = np.array(values, dtype=str)
        elif name == "max_stock":
            out[name] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        else:
            out[name] = np.array([float(v) for v in values], dtype=np.float64)
    return out


def _overrides(pairs) -> tuple[np.ndarray, np.ndarray]:
    """Safety-stock and reorder-point overrides per row (NaN where none)."""
    row = {p: r for r, p in enumerate(pairs)}
    ss, rop = np.full(len(pairs), np.nan), np.full(len(pairs), np.nan)
    for o in db.session.scalars(select(ReplenishmentOverride)):
        r = row.get((o.item_id, o.site_id))
        if r is not None:
            ss[r] = np.nan if o.safety_stock is None else o.safety_stock
            rop[r] = np.nan if o.reorder_point is None else o.reorder_point
    return ss, rop


def _finite(x):
    """A float for storage, None for NaN or infinity."""
    x = float(x)
    return x if math.isfinite(x) else None


def _units(x) -> int:
    """Whole units, rounded up: a reorder point of 12.2 must trigger at 12."""
    return math.ceil(float(x) - 1e-9) if math.isfinite(float(x)) else 0


@transactional
def recompute(
    today: date | None = None,
    period_days: int = PERIOD_DAYS,
    window_days: int | None = None,
    tz: str = "Asia/Tokyo",
    bands=None,
) -> dict:
    """Run the engine for every stocked item and site; replace the stored results; refresh the alerts."""
    if not 2 <= period_days <= 3660 or (window_days is not None and not 2 <= window_days <= period_days):
        raise InvalidInput(
            "The window must be 2 days or more and fit in the period.", fields={"window_days": ["out of range"]}
        )
    today = today or datetime.now(ZoneInfo(tz)).date()
    m = ledger_matrices(today, period_days, tz)
    db.session.execute(delete(ReplenishmentResult))
    if not m.pairs:
        return {"rows": 0, "reorder": 0, "period_days": period_days}
    item_ids = [i for i, _ in m.pairs]
    it = _item_arrays(item_ids)
    on_hand = m.opening + m.net.sum(axis=1)
    open_po = on_order_by_site(m.pairs)
    on_order = np.array([open_po.get(p, 0) for p in m.pairs], dtype=np.float64)
    ss_over, rop_over = _overrides(m.pairs)
    # A young ledger: days before its first movement are not days without demand.
    window_days = window_days or max(2, min(period_days, m.history_days()))
    clean = row_histories(m, window_days)
    # Enough receipts (lead_times.MIN_RECEIPTS) replace the configured lead time and add its spread.
    learned = learned_lead_times(m.pairs, tz)
    plan = plan_reorders(
        clean.demand,
        lead_time=np.where(np.isnan(learned.mean), it["lead_time_days"], learned.mean),
        lead_time_std=learned.std,
        service_level=it["service_level"],
        on_hand=on_hand,
        on_order=on_order,
        review=it["review_interval_days"],
        order_multiple=it["order_multiple"],
        min_order=it["min_order_qty"],
        ss_override=ss_over,
        rop_override=rop_over,
        history_days=clean.history_days,
        trend=clean.trend,
    )
    bands = category_bands() if bands is None else bands
    k = row_kpis(m.demand, m.net, m.opening, on_hand, it["unit_cost"], it["unit_price"], it["category"], bands=bands)
    now = utcnow()
    window = window_days
    rows = []
    for r, (item_id, site_id) in enumerate(m.pairs):
        rows.append(
            {
                "item_id": item_id,
                "site_id": site_id,
                "computed_at": now,
                "period_days": period_days,
                "window_days": window,
                "lead_time_days": int(it["lead_time_days"][r]),
                "review_interval_days": int(it["review_interval_days"][r]),
                "service_level": it["service_level"][r],
                "mean_daily": plan.mean_daily[r],
                "std_daily": plan.std_daily[r],
                "z": plan.z[r],
                "pattern": int(plan.pattern[r]),
                "cycle_stock": plan.cycle_stock[r],
                "article_safety_stock": plan.article_safety_stock[r],
                "article_reorder_point": plan.article_reorder_point[r],
                "article_proper_stock": plan.article_proper_stock[r],
                "article_order_qty": int(plan.article_order_qty[r]),
                "method": int(plan.method[r]),
                "safety_stock": _units(plan.safety_stock[r]),
                "reorder_point": _units(plan.reorder_point[r]),
                "order_up_to": _units(plan.order_up_to[r]),
                "order_qty": int(plan.order_qty[r]),
                "on_hand": int(on_hand[r]),
                "on_order": int(on_order[r]),
                "issued_qty": int(k["issued"][r]),
                "average_inventory": k["average_inventory"][r],
                "turnover": _finite(k["turnover"][r]),
                "turnover_days": _finite(k["turnover_days"][r]),
                "cross_ratio": _finite(k["cross_ratio"][r]),
                "days_of_stock_cost": _finite(k["days_of_stock_cost"][r]),
                "days_of_stock_sales": _finite(k["days_of_stock_sales"][r]),
                "days_since_demand": None if math.isinf(k["days_since_demand"][r]) else int(k["days_since_demand"][r]),
                "abc_class": str(k["abc"][r]),
                "dead_stock": bool(k["dead"][r]),
                "band_flag": str(k["band"][r]),
                "history_days": int(clean.history_days[r]),
                "outlier_count": int(clean.outlier_count[r]),
                "outlier_days": clean.outlier_dates[r],
                "learned_lead_days": _finite(learned.mean[r]),
                "learned_lead_std": _finite(learned.std[r]),
                "lead_time_receipts": int(learned.receipts[r]),
            }
        )
    db.session.execute(insert(ReplenishmentResult.__table__), rows)
    over = (k["band"] == "overstock") | (on_hand > it["max_stock"])
    _overstock_alerts(m.pairs, over, on_hand, it["max_stock"], k["days_of_stock_cost"])
    check_stock_alerts(m.pairs)
    forecasts = store_forecasts(m, clean.demand, today)
    return {
        **forecasts,
        "rows": len(rows),
        "reorder": int(plan.reorder.sum()),
        "period_days": period_days,
        "overstock": int(over.sum()),
        "dead_stock": int(k["dead"].sum()),
        "learned_lead_times": int(np.isfinite(learned.mean).sum()),
    }


def _overstock_alerts(pairs, over, on_hand, max_stock, days_of_stock) -> None:
    """Raise overstock where the band or the maximum is exceeded; resolve the ones that no longer are."""
    open_keys = set(
        db.session.scalars(select(Alert.open_key).where(Alert.kind == "overstock", Alert.open_key.is_not(None)))
    )
    for r, (item_id, site_id) in enumerate(pairs):
        if over[r]:
            raise_alert(
                "overstock",
                item_id=item_id,
                site_id=site_id,
                message="above the days-of-stock band or maximum",
                details={
                    "on_hand": int(on_hand[r]),
                    "max_stock": _finite(max_stock[r]),
                    "days_of_stock": _finite(days_of_stock[r]),
                },
            )
        elif alert_key("overstock", item_id, site_id) in open_keys:
            clear_alert("overstock", item_id=item_id, site_id=site_id)


@transactional
def set_override(
    item_id: int,
    site_id: int,
    *,
    safety_stock: int | None,
    reorder_point: int | None,
    note: str = "",
    user_id: int | None = None,
) -> None:
    """Set (or, with both None, remove) the hand-set numbers of an item at a site; the check uses them at once."""
    for name, value in (("safety_stock", safety_stock), ("reorder_point", reorder_point)):
        if value is not None and value < 0:
            raise InvalidInput("Must be 0 or more.", fields={name: ["negative"]})
    found = db.session.scalar(
        select(ReplenishmentOverride).where(
            ReplenishmentOverride.item_id == item_id, ReplenishmentOverride.site_id == site_id
        )
    )
    record_override(user_id, item_id, site_id, found, safety_stock, reorder_point, note)
    if safety_stock is None and reorder_point is None:
        if found:
            db.session.delete(found)
    else:
        found = found or ReplenishmentOverride(item_id=item_id, site_id=site_id)
        found.safety_stock, found.reorder_point, found.note = safety_stock, reorder_point, note
        found.updated_by, found.updated_at = user_id, utcnow()
        db.session.add(found)
    db.session.flush()
    check_stock_alerts({(item_id, site_id)})

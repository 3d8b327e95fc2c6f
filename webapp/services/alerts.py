"""Alerts: one open alert per item, site and kind, raised and cleared by the conditions behind it."""
from sqlalchemy import bindparam, func, select, update

from ..errors import NotFound
from ..extensions import db
from ..models import Alert, Location, StockLevel, Task, TaskLine
from ..models.types import utcnow
from .ledger import _insert_ignore
from .reorder import reorder_points
from .tx import transactional


def alert_key(kind: str, item_id: int | None = None, site_id: int | None = None, code: str | None = None) -> str:
    """The key that makes an alert unique while it is open."""
    return f"{kind}:{item_id or ''}:{site_id or ''}:{code or ''}"


def raise_alert(kind: str, *, item_id=None, site_id=None, code=None, message: str = "", details=None) -> None:
    """Open the alert, or refresh the open one, in the caller's transaction."""
    key = alert_key(kind, item_id, site_id, code)
    now = utcnow()
    result = db.session.execute(
        update(Alert).where(Alert.open_key == key)
        .values(message=message, details=details or {}, updated_at=now)
    )
    if result.rowcount == 0:
        db.session.execute(_insert_ignore(Alert.__table__), [{
            "kind": kind, "item_id": item_id, "site_id": site_id, "code": code, "open_key": key,
            "status": "open", "message": message, "details": details or {},
            "created_at": now, "updated_at": now,
        }])


def clear_alert(kind: str, *, item_id=None, site_id=None, code=None) -> None:
    """Resolve the open alert of this kind, if any: its condition no longer holds."""
    db.session.execute(
        update(Alert).where(Alert.open_key == alert_key(kind, item_id, site_id, code))
        .values(status="resolved", open_key=None, resolved_at=utcnow(), updated_at=utcnow())
    )


def _in(name: str):
    return bindparam(name, expanding=True)


def _items_and_sites(pairs) -> dict:
    return {"items": list({i for i, _ in pairs}), "sites": list({s for _, s in pairs})}


# Built once: every scan runs the stock-alert check, and building statements costs more than running them.
_LV, _LOC, _TL, _T, _A = (StockLevel.__table__.c, Location.__table__.c, TaskLine.__table__.c, Task.__table__.c,
                          Alert.__table__.c)
_ON_HAND = (select(_LV.item_id, _LOC.site_id, func.sum(_LV.quantity), func.min(_LV.quantity))
            .join_from(StockLevel.__table__, Location.__table__, _LV.location_id == _LOC.id)
            .where(_LV.item_id.in_(_in("items")), _LOC.site_id.in_(_in("sites")))
            .group_by(_LV.item_id, _LOC.site_id))
_ON_ORDER = (select(_TL.item_id, _T.site_id, func.sum(_TL.quantity - _TL.done_quantity))
             .join_from(TaskLine.__table__, Task.__table__, _TL.task_id == _T.id)
             .where(_T.kind == "purchase_order", _T.status.in_(("open", "in_progress")),
                    _TL.item_id.in_(_in("items")), _T.site_id.in_(_in("sites")), _TL.quantity > _TL.done_quantity)
             .group_by(_TL.item_id, _T.site_id))
STOCK_KINDS = ("negative_stock", "stockout", "reorder")
_OPEN_STOCK_ALERTS = (select(_A.open_key, _A.details)
                      .where(_A.open_key.is_not(None), _A.kind.in_(STOCK_KINDS),
                             _A.item_id.in_(_in("items")), _A.site_id.in_(_in("sites"))))


def on_hand_by_site(pairs) -> dict[tuple[int, int], tuple[int, int]]:
    """(item, site) -> (total on hand, lowest single level) for the given pairs."""
    rows = db.session.execute(_ON_HAND, _items_and_sites(pairs))
    return {(i, s): (int(total or 0), int(low or 0)) for i, s, total, low in rows}


def on_order_by_site(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> quantity on open purchase orders not yet received (発注残)."""
    rows = db.session.execute(_ON_ORDER, _items_and_sites(pairs))
    return {(i, s): int(q or 0) for i, s, q in rows}


def _open_stock_alerts(pairs) -> dict[str, dict]:
    """open_key -> details of the open stock alerts of these pairs (one query)."""
    return dict(db.session.execute(_OPEN_STOCK_ALERTS, _items_and_sites(pairs)).all())


def check_stock_alerts(pairs) -> None:
    """Raise, refresh or clear reorder, stockout and negative-stock alerts for the touched item/site pairs."""
    pairs = set(pairs)
    if not pairs:
        return
    levels = on_hand_by_site(pairs)
    on_order = on_order_by_site(pairs)
    points = reorder_points(pairs)
    already_open = _open_stock_alerts(pairs)
    for pair in sorted(pairs):
        item_id, site_id = pair
        on_hand, lowest = levels.get(pair, (0, 0))
        position = on_hand + on_order.get(pair, 0)
        rop = points.get(pair)
        details = {"on_hand": on_hand, "on_order": on_order.get(pair, 0), "position": position,
                   "reorder_point": rop}
        wanted = {
            "negative_stock": ("stock below zero", details | {"lowest": lowest}) if lowest < 0 else None,
            "stockout": ("out of stock", details) if on_hand <= 0 else None,
            "reorder": ("at or below reorder point", details) if rop and position <= rop else None,
        }
        for kind, want in wanted.items():
            key = alert_key(kind, item_id, site_id)
            # Write only on a change: a steady state costs no writes on the hot scan path.
            if want and already_open.get(key) != want[1]:
                raise_alert(kind, item_id=item_id, site_id=site_id, message=want[0], details=want[1])
            elif not want and key in already_open:
                clear_alert(kind, item_id=item_id, site_id=site_id)


@transactional
def acknowledge(alert_id: int, user_id: int) -> None:
    """Mark an alert as seen; it stays open until its condition clears."""
    alert = db.session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(f"no alert {alert_id}")
    if alert.status == "open":
        alert.status = "acknowledged"
        alert.acknowledged_by = user_id
        alert.acknowledged_at = utcnow()

"""Alerts: one open alert per item, site and kind, raised and cleared by the conditions behind it."""
from sqlalchemy import bindparam, func, select, update

from ..errors import NotFound
from ..extensions import db
from ..models import Alert, Location, StockLevel, Task, TaskLine
from ..models.types import utcnow
from .ledger import _insert_ignore
from .reorder import pair_params, policy_columns, reorder_point
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


# Built once: every scan runs the stock-alert check, and building statements costs more than running them.
_LV, _LOC, _TL, _T, _A = (StockLevel.__table__.c, Location.__table__.c, TaskLine.__table__.c, Task.__table__.c,
                          Alert.__table__.c)
_STOCK_AT_SITES = StockLevel.__table__.join(Location.__table__, _LV.location_id == _LOC.id)
_PO_LINES = TaskLine.__table__.join(Task.__table__, _TL.task_id == _T.id)
_OUTSTANDING = func.sum(_TL.quantity - _TL.done_quantity)  # 発注残: ordered, not yet received
_OPEN_PO_LINE = (_T.kind == "purchase_order", _T.status.in_(("open", "in_progress")), _TL.quantity > _TL.done_quantity)
_ON_HAND = (select(_LV.item_id, _LOC.site_id, func.sum(_LV.quantity), func.min(_LV.quantity)).select_from(_STOCK_AT_SITES)
            .where(_LV.item_id.in_(_in("items")), _LOC.site_id.in_(_in("sites")))
            .group_by(_LV.item_id, _LOC.site_id))
_ON_ORDER = (select(_TL.item_id, _T.site_id, _OUTSTANDING).select_from(_PO_LINES)
             .where(*_OPEN_PO_LINE, _TL.item_id.in_(_in("items")), _T.site_id.in_(_in("sites")))
             .group_by(_TL.item_id, _T.site_id))
STOCK_KINDS = ("negative_stock", "stockout", "reorder")
_OPEN_STOCK_ALERTS = (select(_A.open_key, _A.details)
                      .where(_A.open_key.is_not(None), _A.kind.in_(STOCK_KINDS),
                             _A.item_id.in_(_in("items")), _A.site_id.in_(_in("sites"))))


def on_hand_by_site(pairs) -> dict[tuple[int, int], tuple[int, int]]:
    """(item, site) -> (total on hand, lowest single level) for the given pairs."""
    rows = db.session.execute(_ON_HAND, pair_params(pairs))
    return {(i, s): (int(total or 0), int(low or 0)) for i, s, total, low in rows}


def on_order_by_site(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> quantity on open purchase orders not yet received (発注残)."""
    rows = db.session.execute(_ON_ORDER, pair_params(pairs))
    return {(i, s): int(q or 0) for i, s, q in rows}


def _open_stock_alerts(pairs) -> dict[str, dict]:
    """open_key -> details of the open stock alerts of these pairs (one query)."""
    return dict(db.session.execute(_OPEN_STOCK_ALERTS, pair_params(pairs)).all())


def _positions_statement():
    """Per (item, site): the reorder policy with on hand, lowest level and on order, in one query."""
    columns, joined, wanted = policy_columns()
    item_id, site_id = columns[0], columns[1]
    at_site = (_LV.item_id == item_id) & (_LOC.site_id == site_id)
    on_hand = select(func.sum(_LV.quantity)).select_from(_STOCK_AT_SITES).where(at_site).scalar_subquery()
    lowest = select(func.min(_LV.quantity)).select_from(_STOCK_AT_SITES).where(at_site).scalar_subquery()
    on_order = (select(_OUTSTANDING).select_from(_PO_LINES)
                .where(*_OPEN_PO_LINE, _TL.item_id == item_id, _T.site_id == site_id).scalar_subquery())
    return select(*columns, on_hand, lowest, on_order).select_from(joined).where(wanted)


# One query instead of three on the hot scan path (each statement costs more in Python than in SQL).
_POSITIONS = _positions_statement()


def check_stock_alerts(pairs) -> None:
    """Raise, refresh or clear reorder, stockout and negative-stock alerts for the touched item/site pairs."""
    pairs = set(pairs)
    if not pairs:
        return
    already_open = _open_stock_alerts(pairs)
    rows = sorted((row for row in db.session.execute(_POSITIONS, pair_params(pairs)) if (row[0], row[1]) in pairs),
                  key=lambda row: (row[0], row[1]))
    for item_id, site_id, *policy, on_hand, lowest, on_order in rows:
        on_hand, lowest, on_order = int(on_hand or 0), int(lowest or 0), int(on_order or 0)
        position = on_hand + on_order
        rop = reorder_point(*policy)
        details = {"on_hand": on_hand, "on_order": on_order, "position": position, "reorder_point": rop}
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

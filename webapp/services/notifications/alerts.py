"""Alerts: one open alert per item, site and kind, raised and cleared by the conditions behind it."""

from sqlalchemy import select, update

from ...extensions import db
from ...models import Alert
from ...models.types import utcnow
from ..core import expanding, insert_ignore, pair_params, policy_columns, position_columns, reorder_point


def alert_key(kind: str, item_id: int | None = None, site_id: int | None = None, code: str | None = None) -> str:
    """The key that makes an alert unique while it is open."""
    return f"{kind}:{item_id or ''}:{site_id or ''}:{code or ''}"


def raise_alert(kind: str, *, item_id=None, site_id=None, code=None, message: str = "", details=None) -> None:
    """Open the alert, or refresh the open one, in the caller's transaction."""
    key = alert_key(kind, item_id, site_id, code)
    now = utcnow()
    result = db.session.execute(
        update(Alert).where(Alert.open_key == key).values(message=message, details=details or {}, updated_at=now)
    )
    if result.rowcount == 0:
        db.session.execute(
            insert_ignore(Alert.__table__),
            [
                {
                    "kind": kind,
                    "item_id": item_id,
                    "site_id": site_id,
                    "code": code,
                    "open_key": key,
                    "status": "open",
                    "message": message,
                    "details": details or {},
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )


def clear_alert(kind: str, *, item_id=None, site_id=None, code=None) -> None:
    """Resolve the open alert of this kind, if any: its condition no longer holds."""
    db.session.execute(
        update(Alert)
        .where(Alert.open_key == alert_key(kind, item_id, site_id, code))
        .values(status="resolved", open_key=None, resolved_at=utcnow(), updated_at=utcnow())
    )


_A = Alert.__table__.c
STOCK_KINDS = ("negative_stock", "stockout", "reorder")
_OPEN_STOCK_ALERTS = select(_A.open_key, _A.details).where(
    _A.open_key.is_not(None),
    _A.kind.in_(STOCK_KINDS),
    _A.item_id.in_(expanding("items")),
    _A.site_id.in_(expanding("sites")),
)


def _open_stock_alerts(pairs) -> dict[str, dict]:
    """open_key -> details of the open stock alerts of these pairs (one query)."""
    return dict(db.session.execute(_OPEN_STOCK_ALERTS, pair_params(pairs)).all())


def _positions_statement():
    """Per (item, site): the reorder policy with on hand, lowest level and on order, in one query."""
    columns, joined, wanted = policy_columns()
    return select(*columns, *position_columns(columns[0], columns[1])).select_from(joined).where(wanted)


# One query instead of three on the hot scan path (each statement costs more in Python than in SQL).
_POSITIONS = _positions_statement()


def check_stock_alerts(pairs) -> None:
    """Raise, refresh or clear reorder, stockout and negative-stock alerts for the touched item/site pairs."""
    pairs = set(pairs)
    if not pairs:
        return
    already_open = _open_stock_alerts(pairs)
    rows = sorted(
        (row for row in db.session.execute(_POSITIONS, pair_params(pairs)) if (row[0], row[1]) in pairs),
        key=lambda row: (row[0], row[1]),
    )
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

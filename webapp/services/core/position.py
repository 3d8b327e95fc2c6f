"""The stock position of an item at a site: on hand, lowest single level and open purchase-order lines (発注残)."""

from sqlalchemy import bindparam, func, select

from ...extensions import db
from ...models import Location, StockLevel, Task, TaskLine
from .reorder_policy import pair_params

# Built once: the scan path reads the position on every scan, and building statements costs more than running them.
_LV, _LOC, _TL, _T = StockLevel.__table__.c, Location.__table__.c, TaskLine.__table__.c, Task.__table__.c
_STOCK_AT_SITES = StockLevel.__table__.join(Location.__table__, _LV.location_id == _LOC.id)
_PO_LINES = TaskLine.__table__.join(Task.__table__, _TL.task_id == _T.id)
_OUTSTANDING = func.sum(_TL.quantity - _TL.done_quantity)  # 発注残: ordered, not yet received
_OPEN_PO_LINE = (_T.kind == "purchase_order", _T.status.in_(("open", "in_progress")), _TL.quantity > _TL.done_quantity)


def expanding(name: str):
    """A bound list parameter, so one statement serves any number of ids."""
    return bindparam(name, expanding=True)


_ON_HAND = (
    select(_LV.item_id, _LOC.site_id, func.sum(_LV.quantity), func.min(_LV.quantity))
    .select_from(_STOCK_AT_SITES)
    .where(_LV.item_id.in_(expanding("items")), _LOC.site_id.in_(expanding("sites")))
    .group_by(_LV.item_id, _LOC.site_id)
)
_ON_ORDER = (
    select(_TL.item_id, _T.site_id, _OUTSTANDING)
    .select_from(_PO_LINES)
    .where(*_OPEN_PO_LINE, _TL.item_id.in_(expanding("items")), _T.site_id.in_(expanding("sites")))
    .group_by(_TL.item_id, _T.site_id)
)


def on_hand_by_site(pairs) -> dict[tuple[int, int], tuple[int, int]]:
    """(item, site) -> (total on hand, lowest single level) for the given pairs."""
    rows = db.session.execute(_ON_HAND, pair_params(pairs))
    return {(i, s): (int(total or 0), int(low or 0)) for i, s, total, low in rows}


def on_order_by_site(pairs) -> dict[tuple[int, int], int]:
    """(item, site) -> quantity on open purchase orders not yet received (発注残)."""
    rows = db.session.execute(_ON_ORDER, pair_params(pairs))
    return {(i, s): int(q or 0) for i, s, q in rows}


def position_columns(item_id, site_id) -> tuple:
    """Correlated (on hand, lowest level, on order) columns for a query that selects item and site ids."""
    at_site = (_LV.item_id == item_id) & (_LOC.site_id == site_id)
    on_hand = select(func.sum(_LV.quantity)).select_from(_STOCK_AT_SITES).where(at_site).scalar_subquery()
    lowest = select(func.min(_LV.quantity)).select_from(_STOCK_AT_SITES).where(at_site).scalar_subquery()
    on_order = (
        select(_OUTSTANDING)
        .select_from(_PO_LINES)
        .where(*_OPEN_PO_LINE, _TL.item_id == item_id, _T.site_id == site_id)
        .scalar_subquery()
    )
    return on_hand, lowest, on_order

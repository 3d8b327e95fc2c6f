"""The manager's stock list (the articles' table) for a period, per item and site, with CSV export."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, or_, select

from ...domain.pack_levels import levels_of, order_step
from ...domain.returns import DEMAND_TYPES, RECEIPT_TYPES
from ...domain.spreadsheet_cells import neutralised_row
from ...domain.suggestions import suggest
from ...domain.text_encoding import encode_csv
from ...extensions import db
from ...models import Barcode, Item, Location, Movement, ReplenishmentResult, Site
from ..core import on_order_by_site, reorder_points, safety_stocks
from ..replenishment import period_start, return_demand_totals

SORTS = (
    "item_code",
    "item_name",
    "stock_class",
    "site_code",
    "opening",
    "received",
    "issued",
    "adjusted",
    "current",
    "safety_stock",
    "reorder_point",
    "order_qty",
)
COLUMNS = (
    "item_code",
    "item_name",
    "stock_class",
    "site_code",
    "opening",
    "received",
    "issued",
    "adjusted",
    "current",
    "safety_stock",
    "reorder_point",
    "order_qty",
    "note",
)


@dataclass(frozen=True)
class StockFilter:
    first: date
    last: date
    site_id: int | None = None
    stock_class: str | None = None
    q: str = ""
    below_rop: bool = False
    overstock: bool = False
    sort: str = "item_code"
    descending: bool = False


def stock_table(f: StockFilter, tz: str = "Asia/Tokyo") -> list[dict]:
    """Every matching item and site: opening, received, issued, other changes, current, SS, ROP, order qty."""
    start = period_start(f.first, 1, tz)
    end = period_start(f.last, 0, tz)  # local midnight after the last day
    inside = (Movement.occurred_at >= start) & (Movement.occurred_at < end)
    q = lambda cond: func.coalesce(func.sum(case((cond, Movement.quantity), else_=0)), 0)  # noqa: E731
    stmt = (
        select(
            Item,
            Site,
            q(Movement.occurred_at < start),
            q(inside & Movement.type.in_(RECEIPT_TYPES)),
            q(inside & Movement.type.in_(DEMAND_TYPES)),
            q(Movement.occurred_at < end),
        )
        .join(Movement, Movement.item_id == Item.id)
        .join(Location, Movement.location_id == Location.id)
        .join(Site, Location.site_id == Site.id)
        .where(Item.active)
        .group_by(Item.id, Site.id)
    )
    if f.site_id:
        stmt = stmt.where(Site.id == f.site_id)
    if f.stock_class:
        stmt = stmt.where(Item.stock_class == f.stock_class)
    if f.q.strip():
        like = f"%{f.q.strip().replace('%', '').replace('_', '')}%"
        stmt = stmt.where(
            or_(
                Item.code.ilike(like),
                Item.name.ilike(like),
                Item.name_en.ilike(like),
                Item.id.in_(select(Barcode.item_id).where(Barcode.raw.ilike(like))),
            )
        )
    found = db.session.execute(stmt).all()
    pairs = {(i.id, s.id) for i, s, *_ in found}
    rop, ss, on_order = reorder_points(pairs), safety_stocks(pairs), on_order_by_site(pairs)
    results = {(r.item_id, r.site_id): r for r in db.session.scalars(select(ReplenishmentResult))} if pairs else {}
    # Customer returns take back demand as the engine counts it: on their pick's day, if it is in the period.
    returned = return_demand_totals(start, end) if pairs else {}
    rows = []
    for item, site, opening, received, out, closing in found:
        key = (item.id, site.id)
        issued = int(out) - returned.get(key, 0)  # signed, as a movement: picks out, less what came back
        result = results.get(key)
        up_to = result.order_up_to if result else item.reorder_point + item.min_order_qty
        step = order_step(levels_of(item), item.order_in or "each", item.order_multiple)  # whole packs it is sold in
        flag, qty = suggest([closing], [on_order.get(key, 0)], [rop.get(key, 0)], [up_to], [step], [item.min_order_qty])
        over = (item.max_stock is not None and closing > item.max_stock) or (
            result is not None and result.band_flag == "overstock" and closing > 0
        )
        rows.append(
            {
                "item_id": item.id,
                "item_code": item.code,
                "item_name": item.name,
                "item_name_en": item.name_en,
                "stock_class": item.stock_class,
                "site_id": site.id,
                "site_code": site.code,
                "opening": int(opening),
                "received": int(received),
                "issued": -int(issued),
                "adjusted": int(closing) - int(opening) - int(received) - int(issued),
                "current": int(closing),
                "on_order": on_order.get(key, 0),
                "safety_stock": ss.get(key, 0),
                "reorder_point": rop.get(key, 0),
                "order_qty": int(qty[0]),
                "below_rop": bool(flag[0]),
                "overstock": bool(over),
                "note": item.note,
                "unit": item.unit,
                "inner_qty": item.inner_qty,
                "case_qty": item.case_qty,
                "order_in": item.order_in,
            }
        )
    if f.below_rop:
        rows = [r for r in rows if r["below_rop"]]
    if f.overstock:
        rows = [r for r in rows if r["overstock"]]
    sort = f.sort if f.sort in SORTS else "item_code"
    rows.sort(key=lambda r: (r[sort], r["item_code"], r["site_code"]), reverse=f.descending)
    return rows


def stock_csv(rows: list[dict], headers: list[str], encoding: str = "utf-8-sig") -> bytes:
    """CSV in UTF-8 with a BOM (Excel opens Japanese names right) or Shift_JIS (〓 for what it lacks); no formulas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(neutralised_row(headers))
    for row in rows:
        writer.writerow(neutralised_row(row[c] for c in COLUMNS))
    return encode_csv(out.getvalue(), encoding)[0]

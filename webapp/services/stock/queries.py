"""Read side of stock: levels by item, site and bin; the movement history; lookups by scanned code."""

import contextlib
from datetime import datetime

from sqlalchemy import func, or_, select

from ...domain.barcodes import MalformedCode, parse_code
from ...domain.expiry import alert_days, expiry_state
from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Barcode, Item, Location, Movement, Site, StockLevel
from ..core import on_order_by_site, reorder_points
from ..expiry import shop_today
from .serials import items_with_serial, serial_history, serials_in_stock


def item_for_code(code: str) -> tuple[Item, int] | None:
    """The item a scanned or typed code stands for, with the pack size of that code."""
    try:
        parsed = parse_code(code)
    except MalformedCode as exc:
        raise InvalidInput(str(exc), code=exc.code, fields={"code": [str(exc)]}) from None
    if parsed.candidates:
        row = db.session.execute(
            select(Barcode.item_id, Barcode.pack_qty).where(Barcode.code.in_(parsed.candidates))
        ).first()
        if row:
            return db.session.get(Item, row.item_id), row.pack_qty
    item = db.session.scalar(select(Item).where(Item.code == parsed.candidates[0]))
    return (item, 1) if item else None


def stock_rows(
    item_id: int | None = None, site_id: int | None = None, location_id: int | None = None, include_zero: bool = False
) -> list[dict]:
    """Stock levels with item, bin and site, filtered."""
    stmt = (
        select(StockLevel, Item, Location, Site)
        .join(Item, StockLevel.item_id == Item.id)
        .join(Location, StockLevel.location_id == Location.id)
        .join(Site, Location.site_id == Site.id)
        .order_by(Site.code, Location.walk_seq, Location.code, Item.code, StockLevel.lot)
    )
    if item_id is not None:
        stmt = stmt.where(StockLevel.item_id == item_id)
    if site_id is not None:
        stmt = stmt.where(Location.site_id == site_id)
    if location_id is not None:
        stmt = stmt.where(StockLevel.location_id == location_id)
    if not include_zero:
        stmt = stmt.where(StockLevel.quantity != 0)
    today = shop_today()
    return [
        {
            "item_id": i.id,
            "item_code": i.code,
            "item_name": i.name,
            "item_name_en": i.name_en,
            "location": loc.code,
            "location_id": loc.id,
            "site": s.code,
            "site_id": s.id,
            "lot": sl.lot,
            "expiry": sl.expiry.isoformat() if sl.expiry else None,
            # ok, soon (within the item's alert days) or expired: the pages say it in words, not colour only
            "expiry_state": expiry_state(sl.expiry, today, alert_days(i.expiry_alert_days, i.category)),
            "location_kind": loc.kind,
            "quantity": sl.quantity,
        }
        for sl, i, loc, s in db.session.execute(stmt)
    ]


def dated_lots(item_ids, site_id: int | None = None) -> list[dict]:
    """Stock rows of lots with an expiry date for these items, earliest expiry first."""
    if not item_ids:
        return []
    rows = [r for item_id in sorted(set(item_ids)) for r in stock_rows(item_id=item_id, site_id=site_id)]
    return sorted(
        (r for r in rows if r["expiry"]), key=lambda r: (r["expiry"], r["item_code"], r["location"], r["lot"])
    )


def item_stock_summary(item: Item) -> dict:
    """An item with its stock by bin and its reorder status per site."""
    rows = stock_rows(item_id=item.id)
    sites = {r["site_id"] for r in rows} or set(db.session.scalars(select(Site.id).where(Site.active)))
    pairs = {(item.id, s) for s in sites}
    on_order = on_order_by_site(pairs)
    rop = reorder_points(pairs)
    per_site = []
    for site_id in sorted(sites):
        on_hand = sum(r["quantity"] for r in rows if r["site_id"] == site_id)
        position = on_hand + on_order.get((item.id, site_id), 0)
        point = rop.get((item.id, site_id), 0)
        per_site.append(
            {
                "site_id": site_id,
                "on_hand": on_hand,
                "on_order": on_order.get((item.id, site_id), 0),
                "reorder_point": point,
                "below_reorder_point": point > 0 and position <= point,
            }
        )
    return {
        "id": item.id,
        "code": item.code,
        "name": item.name,
        "name_en": item.name_en,
        "unit": item.unit,
        "stock": rows,
        "on_hand": sum(r["quantity"] for r in rows),
        "safety_stock": item.safety_stock,
        "reorder_point": item.reorder_point,
        "sites": per_site,
        "below_reorder_point": any(s["below_reorder_point"] for s in per_site),
        "serial_tracked": item.serial_tracked,
        "serials": serials_in_stock(item.id) if item.serial_tracked else [],
    }


def lookup(code: str) -> dict:
    """What a scanned code is: an item (with stock), a bin (with its contents), or unknown."""
    found = item_for_code(code)
    parsed = parse_code(code)
    if found:
        item, pack = found
        result = {"kind": "item", "pack_qty": pack, "item": item_stock_summary(item)}
        if item.serial_tracked and parsed.serial:
            result["serial"] = serial_history(item.id, parsed.serial) or {"serial": parsed.serial, "history": []}
        return result
    location = db.session.scalar(select(Location).where(Location.code == parsed.candidates[0]))
    if location:
        return {
            "kind": "location",
            "location": {
                "id": location.id,
                "code": location.code,
                "name": location.name,
                "site_id": location.site_id,
                "kind": location.kind,
                "stock": stock_rows(location_id=location.id),
            },
        }
    serial_items = items_with_serial(code)
    if serial_items:
        item = serial_items[0]
        return {"kind": "serial", "item": item_stock_summary(item), "serial": serial_history(item.id, code)}
    return {"kind": "unknown", "code": code}


def movements_page(
    *,
    item_id=None,
    location_id=None,
    type_=None,
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> list[Movement]:
    """Ledger rows, newest first, keyset-paged by id."""
    stmt = select(Movement).order_by(Movement.id.desc()).limit(limit)
    if item_id is not None:
        stmt = stmt.where(Movement.item_id == item_id)
    if location_id is not None:
        stmt = stmt.where(Movement.location_id == location_id)
    if type_:
        stmt = stmt.where(Movement.type == type_)
    if since:
        stmt = stmt.where(Movement.occurred_at >= since)
    if until:
        stmt = stmt.where(Movement.occurred_at < until)
    if before_id:
        stmt = stmt.where(Movement.id < before_id)
    return list(db.session.scalars(stmt))


def search_items(q: str = "", *, active_only=True, limit: int = 50, offset: int = 0) -> list[Item]:
    """Items whose code, name or any barcode matches `q`."""
    stmt = select(Item).order_by(Item.code).limit(limit).offset(offset)
    if active_only:
        stmt = stmt.where(Item.active)
    q = q.strip()
    if q:
        like = f"%{q.replace('%', '').replace('_', '')}%"
        keys = {q}
        with contextlib.suppress(MalformedCode):  # a search term need not be a valid barcode
            keys.update(parse_code(q).candidates)
        by_barcode = select(Barcode.item_id).where(or_(Barcode.code.in_(keys), Barcode.raw == q))
        stmt = stmt.where(
            or_(Item.code.ilike(like), Item.name.ilike(like), Item.name_en.ilike(like), Item.id.in_(by_barcode))
        )
    return list(db.session.scalars(stmt))


def get_item(item_id: int) -> Item:
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.")
    return item


def ledger_mismatches() -> list[dict]:
    """Stock keys whose level differs from the sum of their ledger rows (should be none)."""
    ledger = (
        select(Movement.item_id, Movement.location_id, Movement.lot, func.sum(Movement.quantity).label("q"))
        .group_by(Movement.item_id, Movement.location_id, Movement.lot)
        .subquery()
    )
    sums = {(r.item_id, r.location_id, r.lot): int(r.q) for r in db.session.execute(select(ledger))}
    levels = {
        (r.item_id, r.location_id, r.lot): int(r.quantity)
        for r in db.session.execute(
            select(StockLevel.item_id, StockLevel.location_id, StockLevel.lot, StockLevel.quantity)
        )
    }
    return [
        {"item_id": k[0], "location_id": k[1], "lot": k[2], "ledger": sums.get(k, 0), "level": levels.get(k, 0)}
        for k in sorted(set(sums) | set(levels))
        if sums.get(k, 0) != levels.get(k, 0)
    ]

"""CSV import of items, barcodes, locations and opening stock: checked row by row, written all or not at all."""

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from ...domain.barcodes import MalformedCode, barcode_key
from ...extensions import db
from ...models import Barcode, Item, Location, Site, Supplier
from ...models.catalog import STOCK_CLASSES
from ...models.locations import LOCATION_KINDS
from ..core import post_movements, transactional
from ..notifications import check_stock_alerts

MAX_ROWS = 20000
COLUMNS = {
    "items": (
        "code",
        "name",
        "name_en",
        "stock_class",
        "category",
        "unit",
        "unit_cost",
        "unit_price",
        "lead_time_days",
        "min_order_qty",
        "order_multiple",
        "supplier_code",
    ),
    "barcodes": ("item_code", "barcode", "pack_qty"),
    "locations": ("site_code", "code", "name", "zone", "kind", "walk_seq"),
    "opening_stock": ("location_code", "item_code", "quantity", "lot"),
}
REQUIRED = {
    "items": ("code", "name"),
    "barcodes": ("item_code", "barcode"),
    "locations": ("site_code", "code"),
    "opening_stock": ("location_code", "item_code", "quantity"),
}


class RowError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


class _Rollback(Exception):
    """Carries the report out of the transaction so that nothing of it is kept."""

    def __init__(self, report):
        super().__init__("rolled back")
        self.report = report


def _int(row, name, default=None, low=0):
    value = (row.get(name) or "").strip()
    if not value:
        if default is None:
            raise RowError(name, "required")
        return default
    try:
        number = int(value.replace(",", ""))
    except ValueError:
        raise RowError(name, "not a whole number") from None
    if number < low:
        raise RowError(name, f"must be {low} or more")
    return number


def _money(row, name):
    try:
        value = Decimal((row.get(name) or "0").replace(",", "").strip() or "0")
    except InvalidOperation:
        raise RowError(name, "not a number") from None
    if value < 0:
        raise RowError(name, "must be 0 or more")
    return value


def _one(model, **where):
    return db.session.scalar(select(model).filter_by(**where))


def _item_row(row, state):
    klass = (row.get("stock_class") or "product").strip()
    if klass not in STOCK_CLASSES:
        raise RowError("stock_class", "material, wip or product")
    supplier = None
    if (row.get("supplier_code") or "").strip():
        supplier = _one(Supplier, code=row["supplier_code"].strip())
        if supplier is None:
            raise RowError("supplier_code", "unknown supplier")
    item = _one(Item, code=row["code"].strip()) or Item(code=row["code"].strip())
    state["updated" if item.id else "created"] += 1
    item.name, item.name_en = row["name"].strip(), (row.get("name_en") or item.name_en or "").strip()
    item.stock_class, item.category = klass, (row.get("category") or item.category or "general").strip()
    item.unit = (row.get("unit") or item.unit or "pcs").strip()
    item.unit_cost, item.unit_price = _money(row, "unit_cost"), _money(row, "unit_price")
    item.lead_time_days = _int(row, "lead_time_days", item.lead_time_days or 7)
    item.min_order_qty = _int(row, "min_order_qty", item.min_order_qty or 1, low=1)
    item.order_multiple = _int(row, "order_multiple", item.order_multiple or 1, low=1)
    item.supplier_id = supplier.id if supplier else item.supplier_id
    db.session.add(item)


def _barcode_row(row, state):
    item = _one(Item, code=row["item_code"].strip())
    if item is None:
        raise RowError("item_code", "unknown item")
    try:
        key = barcode_key(row["barcode"].strip())
    except MalformedCode as exc:
        raise RowError("barcode", str(exc)) from None
    found = _one(Barcode, code=key)
    if found and found.item_id != item.id:
        raise RowError("barcode", "already belongs to another item")
    found = found or Barcode(code=key, raw=row["barcode"].strip(), item_id=item.id)
    found.pack_qty = _int(row, "pack_qty", 1, low=1)
    state["created"] += 1
    db.session.add(found)


def _location_row(row, state):
    site = _one(Site, code=row["site_code"].strip())
    if site is None:
        raise RowError("site_code", "unknown site")
    kind = (row.get("kind") or "bin").strip()
    if kind not in LOCATION_KINDS:
        raise RowError("kind", "bin, receiving, shipping or staging")
    loc = _one(Location, code=row["code"].strip())
    if loc and loc.site_id != site.id:
        raise RowError("code", "already used at another site")
    loc = loc or Location(code=row["code"].strip(), site_id=site.id)
    loc.name, loc.zone, loc.kind = (row.get("name") or "").strip(), (row.get("zone") or "").strip(), kind
    loc.walk_seq = _int(row, "walk_seq", 0)
    state["created"] += 1
    db.session.add(loc)


def _opening_row(row, state):
    loc = _one(Location, code=row["location_code"].strip())
    item = _one(Item, code=row["item_code"].strip())
    if loc is None:
        raise RowError("location_code", "unknown location")
    if item is None:
        raise RowError("item_code", "unknown item")
    state["moves"].append(
        {
            "type": "adjust",
            "item_id": item.id,
            "location_id": loc.id,
            "site_id": loc.site_id,
            "quantity": _int(row, "quantity", low=1),
            "lot": (row.get("lot") or "").strip(),
            "unit_cost": item.unit_cost,
            "note": "opening stock 期首在庫",
            "occurred_at": state["now"],
        }
    )
    state["created"] += 1


HANDLERS = {"items": _item_row, "barcodes": _barcode_row, "locations": _location_row, "opening_stock": _opening_row}


@transactional
def _apply(kind: str, rows: list[dict], dry_run: bool) -> dict:
    state = {"created": 0, "updated": 0, "moves": [], "now": datetime.now(UTC)}
    errors = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            missing = [c for c in REQUIRED[kind] if not (row.get(c) or "").strip()]
            if missing:
                raise RowError(missing[0], "required")
            HANDLERS[kind](row, state)
        except RowError as exc:
            errors.append({"row": number, "field": exc.field, "message": exc.message})
    if state["moves"] and not errors:
        sites = {(m["item_id"], m.pop("site_id")) for m in state["moves"]}
        post_movements(state["moves"])
        check_stock_alerts(sites)
    report = {
        "kind": kind,
        "count": len(rows),
        "created": state["created"],
        "updated": state["updated"],
        "errors": errors,
        "dry_run": dry_run,
        "preview": rows[:20],
    }
    if dry_run or errors:
        raise _Rollback(report)
    return report


def import_csv(kind: str, text: str, dry_run: bool = False) -> dict:
    """Check every row; write them all unless a row is wrong or this is a dry run. Returns the report."""
    if kind not in HANDLERS:
        raise ValueError(f"unknown import {kind!r}")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        return {
            "kind": kind,
            "count": 0,
            "created": 0,
            "updated": 0,
            "dry_run": dry_run,
            "preview": [],
            "errors": [{"row": 1, "field": c, "message": "missing column"} for c in missing],
        }
    rows = [{(k or "").strip(): v for k, v in r.items()} for r in reader]
    if len(rows) > MAX_ROWS:
        return {
            "kind": kind,
            "count": len(rows),
            "created": 0,
            "updated": 0,
            "dry_run": dry_run,
            "preview": [],
            "errors": [{"row": 0, "field": "", "message": f"at most {MAX_ROWS} rows per file"}],
        }
    try:
        return _apply(kind, rows, dry_run)
    except _Rollback as rollback:
        return rollback.report

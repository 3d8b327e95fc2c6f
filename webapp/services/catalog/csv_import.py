"""CSV import of items, barcodes, locations and opening stock: checked row by row, written all or not at all."""

import csv
import io
from datetime import UTC, datetime

from sqlalchemy import select

from ...domain.barcodes import MalformedCode, barcode_key
from ...domain.pack_levels import levels_of
from ...extensions import db
from ...models import Barcode, Item, Location, Site, Supplier
from ...models.catalog import STOCK_CLASSES
from ...models.locations import LOCATION_KINDS
from ..core import post_movements, transactional
from ..notifications import check_stock_alerts
from .csv_fields import Fields, problem

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


class _Rollback(Exception):
    """Carries the report out of the transaction so that nothing of it is kept."""

    def __init__(self, report):
        super().__init__("rolled back")
        self.report = report


def _one(model, **where):
    return db.session.scalar(select(model).filter_by(**where))


def _item_row(f: Fields, state):
    klass = f.text("stock_class", 16, "product")
    if klass not in STOCK_CLASSES:
        f.note("stock_class", "bad_stock_class")
    supplier = None
    if f.text("supplier_code", 40):
        supplier = _one(Supplier, code=f.text("supplier_code", 40))
        if supplier is None:
            f.note("supplier_code", "unknown_supplier")
    code = f.text("code", 64)
    item = _one(Item, code=code) or Item(code=code)
    values = {
        "name": f.text("name", 200),
        "name_en": f.text("name_en", 200, item.name_en or ""),
        "stock_class": klass,
        "category": f.text("category", 40, item.category or "general"),
        "unit": f.text("unit", 16, item.unit or "pcs"),
        "unit_cost": f.money("unit_cost"),
        "unit_price": f.money("unit_price"),
        "lead_time_days": f.whole("lead_time_days", item.lead_time_days or 7),
        "min_order_qty": f.whole("min_order_qty", item.min_order_qty or 1, low=1),
        "order_multiple": f.whole("order_multiple", item.order_multiple or 1, low=1),
        "supplier_id": supplier.id if supplier else item.supplier_id,
    }
    if f.problems:
        return
    state["updated" if item.id else "created"] += 1
    for name, value in values.items():
        setattr(item, name, value)
    db.session.add(item)


def _barcode_row(f: Fields, state):
    item = _one(Item, code=f.text("item_code", 64))
    if item is None:
        f.note("item_code", "unknown_item")
    raw = f.text("barcode", 200)
    pack_qty = f.whole("pack_qty", 1, low=1)
    try:
        key = barcode_key(raw)
    except MalformedCode as exc:
        f.note("barcode", "bad_barcode", reason=str(exc))
        return
    found = _one(Barcode, code=key)
    if found and item and found.item_id != item.id:
        f.note("barcode", "barcode_taken")
    levels = levels_of(item) if item else None
    if levels and levels.any and pack_qty not in (1, levels.inner, levels.case):  # as pack_rules: each, inner or case
        f.note("pack_qty", "pack_not_a_level", sizes=", ".join(str(q) for q in (1, levels.inner, levels.case) if q))
    if f.problems:
        return
    found = found or Barcode(code=key, raw=raw, item_id=item.id)
    found.pack_qty = pack_qty
    state["created"] += 1
    db.session.add(found)


def _location_row(f: Fields, state):
    site = _one(Site, code=f.text("site_code", 40))
    if site is None:
        f.note("site_code", "unknown_site")
    kind = f.text("kind", 16, "bin")
    if kind not in LOCATION_KINDS:
        f.note("kind", "bad_location_kind")
    code = f.text("code", 64)
    loc = _one(Location, code=code)
    if loc and site and loc.site_id != site.id:
        f.note("code", "location_at_other_site")
    name, zone, walk_seq = f.text("name", 200), f.text("zone", 40), f.whole("walk_seq", 0)
    if f.problems:
        return
    loc = loc or Location(code=code, site_id=site.id)
    loc.name, loc.zone, loc.kind, loc.walk_seq = name, zone, kind, walk_seq
    state["created"] += 1
    db.session.add(loc)


def _opening_row(f: Fields, state):
    loc = _one(Location, code=f.text("location_code", 64))
    item = _one(Item, code=f.text("item_code", 64))
    if loc is None:
        f.note("location_code", "unknown_location")
    if item is None:
        f.note("item_code", "unknown_item")
    quantity, lot = f.whole("quantity", low=1), f.text("lot", 40)
    if f.problems:
        return
    state["moves"].append(
        {
            "type": "adjust",
            "item_id": item.id,
            "location_id": loc.id,
            "site_id": loc.site_id,
            "quantity": quantity,
            "lot": lot,
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
        fields = Fields(number, row)
        for column in REQUIRED[kind]:
            if not (row.get(column) or "").strip():
                fields.note(column, "required")
        HANDLERS[kind](fields, state)
        seen = set()  # a required column left empty is one problem, however many checks notice it
        for found in fields.problems:
            if (found["field"], found["code"]) not in seen:
                seen.add((found["field"], found["code"]))
                errors.append(found)
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
            "errors": [problem(1, c, "missing_column") for c in missing],
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
            "errors": [problem(0, "", "too_many_rows", rows=MAX_ROWS)],
        }
    try:
        return _apply(kind, rows, dry_run)
    except _Rollback as rollback:
        return rollback.report

"""Items, barcodes and suppliers."""

from flask import jsonify
from flask_login import current_user, login_required
from sqlalchemy import select

from ...auth.roles import require_role
from ...errors import Forbidden
from ...extensions import db
from ...models import Supplier
from ...services import catalog
from ...services.stock import get_item, item_stock_summary, search_items
from ..blueprint import api_bp
from ..bounded import Flag, QueryInt, Text
from ..params import json_body, with_query
from .schemas import (
    barcode_in_schema,
    barcode_schema,
    item_patch_schema,
    item_schema,
    items_schema,
    supplier_schema,
    suppliers_schema,
)


@api_bp.get("/items")
@login_required
@with_query(
    q=Text(200, load_default=""), all=Flag(), limit=QueryInt(1, 500, load_default=50), offset=QueryInt(load_default=0)
)
def list_items(query):
    """Search items by code, name or barcode."""
    items = search_items(query["q"], active_only=not query["all"], limit=query["limit"], offset=query["offset"])
    return jsonify({"items": items_schema.dump(items)})


@api_bp.post("/items")
@require_role("manager")
def create_item():
    """Create an item (optionally with barcodes)."""
    data = item_schema.load(json_body())
    barcodes = data.pop("new_barcodes", [])
    item_id = catalog.create_item(data, barcodes, user_id=current_user.id)
    return jsonify(item_schema.dump(get_item(item_id))), 201


@api_bp.get("/items/<int:item_id>")
@login_required
def show_item(item_id: int):
    """An item with its barcodes."""
    return jsonify(item_schema.dump(get_item(item_id)))


@api_bp.patch("/items/<int:item_id>")
@require_role("manager")
def update_item(item_id: int):
    """Change an item; send `version` to be refused (409) if someone else changed it first."""
    data = item_patch_schema.load(json_body())
    expected = data.pop("expected_version", None)
    data.pop("new_barcodes", None)
    if "active" in data and not current_user.has_role("owner"):  # as on the office's item page
        raise Forbidden("Only the owner deactivates or reactivates an item.", code="owner_only")
    catalog.update_item(item_id, data, expected, user_id=current_user.id)
    return jsonify(item_schema.dump(get_item(item_id)))


@api_bp.get("/items/<int:item_id>/stock")
@login_required
def item_stock(item_id: int):
    """Stock of one item by bin, with reorder status per site."""
    return jsonify(item_stock_summary(get_item(item_id)))


@api_bp.post("/items/<int:item_id>/barcodes")
@require_role("manager")
def add_barcode(item_id: int):
    """Add a barcode to an item (a case barcode carries pack_qty)."""
    data = barcode_in_schema.load(json_body())
    catalog.add_barcode(item_id, data["code"], data["pack_qty"], current_user.id)
    return jsonify({"barcodes": [barcode_schema.dump(b) for b in get_item(item_id).barcodes]}), 201


@api_bp.delete("/items/<int:item_id>/barcodes/<path:code>")
@require_role("manager")
def remove_barcode(item_id: int, code: str):
    """Take a barcode off an item; phones forget it on their next reference sync."""
    catalog.remove_barcode(item_id, code, current_user.id)
    return "", 204


@api_bp.get("/suppliers")
@login_required
def list_suppliers():
    """All suppliers."""
    return jsonify({"suppliers": suppliers_schema.dump(db.session.scalars(select(Supplier).order_by(Supplier.code)))})


@api_bp.post("/suppliers")
@require_role("manager")
def create_supplier():
    """Create a supplier."""
    supplier_id = catalog.create_supplier(supplier_schema.load(json_body()), user_id=current_user.id)
    return jsonify(supplier_schema.dump(db.session.get(Supplier, supplier_id))), 201

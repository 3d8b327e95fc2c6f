"""Stock levels, movement history, lookups and device reference data."""

from flask import jsonify
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from ..errors import InvalidInput
from ..services.scanning import reference_data
from ..services.stock import lookup, movements_page, stock_rows
from .blueprint import api_bp
from .bounded import Cursor, Flag, QueryInt, QueryTime, Text
from .catalog.schemas import movements_schema
from .params import with_query


@api_bp.get("/session")
@login_required
def session_info():
    """Who is logged in, and the CSRF token for cookie-authenticated writes."""
    return jsonify(
        {
            "user": {
                "id": current_user.id,
                "username": current_user.username,
                "display_name": current_user.display_name,
                "role": current_user.role,
                "default_site_id": current_user.default_site_id,
            },
            "csrf_token": generate_csrf(),
        }
    )


@api_bp.get("/stock")
@login_required
@with_query(item_id=QueryInt(1), site_id=QueryInt(1), location_id=QueryInt(1), zero=Flag())
def stock(query):
    """Stock levels, filtered by item, site or bin."""
    rows = stock_rows(
        item_id=query.get("item_id"),
        site_id=query.get("site_id"),
        location_id=query.get("location_id"),
        include_zero=query["zero"],
    )
    return jsonify({"stock": rows})


@api_bp.get("/movements")
@login_required
@with_query(
    item_id=QueryInt(1),
    location_id=QueryInt(1),
    type=Text(16, load_default=None),
    since=QueryTime(load_default=None),
    until=QueryTime(load_default=None),
    before_id=QueryInt(1),
    limit=QueryInt(1, 500, load_default=50),
)
def movements(query):
    """The ledger, newest first; page with `before_id` = the last id of the previous page."""
    limit = query["limit"]
    rows = movements_page(
        item_id=query.get("item_id"),
        location_id=query.get("location_id"),
        type_=query["type"] or None,
        since=query["since"],
        until=query["until"],
        before_id=query.get("before_id"),
        limit=limit,
    )
    next_before = rows[-1].id if len(rows) == limit else None
    return jsonify({"movements": movements_schema.dump(rows), "next_before_id": next_before})


@api_bp.get("/lookup")
@login_required
@with_query(code=Text(2000, load_default=""))
def lookup_code(query):
    """What a scanned code is: item with stock, bin with contents, or unknown."""
    code = query["code"]
    if not code.strip():
        raise InvalidInput("code is required.", fields={"code": ["required"]})
    return jsonify(lookup(code))


@api_bp.get("/reference")
@login_required
@with_query(since=Cursor(load_default=None))
def reference(query):
    """Items, barcodes, bins and sites for the device's offline cache; delta with `since`."""
    return jsonify(reference_data(query["since"]))

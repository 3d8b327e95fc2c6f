"""Stock levels, movement history, lookups and device reference data."""

from flask import jsonify, request
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from ..errors import InvalidInput
from ..services.scanning import reference_data
from ..services.stock import lookup, movements_page, stock_rows
from .blueprint import api_bp
from .catalog.schemas import movements_schema
from .params import int_arg, time_arg


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
def stock():
    """Stock levels, filtered by item, site or bin."""
    rows = stock_rows(
        item_id=int_arg("item_id", lo=1),
        site_id=int_arg("site_id", lo=1),
        location_id=int_arg("location_id", lo=1),
        include_zero=request.args.get("zero") == "1",
    )
    return jsonify({"stock": rows})


@api_bp.get("/movements")
@login_required
def movements():
    """The ledger, newest first; page with `before_id` = the last id of the previous page."""
    type_ = request.args.get("type")
    if type_ and len(type_) > 16:
        raise InvalidInput("Unknown movement type.", fields={"type": ["unknown"]})
    limit = int_arg("limit", 50, lo=1, hi=500)
    rows = movements_page(
        item_id=int_arg("item_id", lo=1),
        location_id=int_arg("location_id", lo=1),
        type_=type_,
        since=time_arg("since"),
        until=time_arg("until"),
        before_id=int_arg("before_id", lo=1),
        limit=limit,
    )
    next_before = rows[-1].id if len(rows) == limit else None
    return jsonify({"movements": movements_schema.dump(rows), "next_before_id": next_before})


@api_bp.get("/lookup")
@login_required
def lookup_code():
    """What a scanned code is: item with stock, bin with contents, or unknown."""
    code = request.args.get("code", "")
    if not code.strip():
        raise InvalidInput("code is required.", fields={"code": ["required"]})
    return jsonify(lookup(code))


@api_bp.get("/reference")
@login_required
def reference():
    """Items, barcodes, bins and sites for the device's offline cache; delta with `since`."""
    return jsonify(reference_data(request.args.get("since")))

"""Office numbers over the JSON API: the stock list, stored engine results, suggestions, recompute."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, jsonify, request
from marshmallow import Schema, validate
from sqlalchemy import select

from ..auth.roles import require_role
from ..extensions import db
from ..models import ReplenishmentResult
from ..services.purchasing import suggestion_rows
from ..services.replenishment import recompute
from ..services.stock import SORTS, StockFilter, stock_table
from .blueprint import api_bp
from .bounded import Day, Flag, Id, Int, QueryInt, Text
from .params import json_body, with_query

RESULT_FIELDS = [c.name for c in ReplenishmentResult.__table__.columns if c.name not in ("id",)]


def _plain(value):
    return (
        value
        if value is None or isinstance(value, (int, str, bool, float, list))
        else value.isoformat()
        if hasattr(value, "isoformat")
        else float(value)
    )


@api_bp.get("/reports/stock")
@require_role("manager")
@with_query(
    **{day: Day(load_default=None, error_messages={"invalid": "not a date"}) for day in ("from", "to")},
    site_id=Id(strict=False, load_default=None),
    stock_class=Text(16, load_default=None),
    q=Text(100, load_default=""),
    below_reorder_point=Flag(),
    overstock=Flag(),
    sort=Text(40, load_default="item_code", validate=validate.OneOf(SORTS)),
    desc=Flag(),
)
def stock_report(query):
    """The stock list of a period (from, to), per item and site, with the same filters as the office page."""
    today = datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
    last = query["to"] or today
    f = StockFilter(
        first=query["from"] or last.replace(day=1),
        last=last,
        site_id=query["site_id"],
        stock_class=query["stock_class"] or None,
        q=query["q"],
        below_rop=query["below_reorder_point"],
        overstock=query["overstock"],
        sort=query["sort"],
        descending=query["desc"],
    )
    return jsonify(
        {
            "from": f.first.isoformat(),
            "to": f.last.isoformat(),
            "rows": stock_table(f, current_app.config["BABEL_DEFAULT_TIMEZONE"]),
        }
    )


@api_bp.get("/replenishment/results")
@require_role("manager")
@with_query(item_id=QueryInt(1), site_id=QueryInt(1), limit=QueryInt(1, 10000, load_default=1000))
def replenishment_results(query):
    """The stored engine results (articles' numbers, recommendation, method, KPIs), by item or site."""
    stmt = select(ReplenishmentResult).order_by(ReplenishmentResult.item_id, ReplenishmentResult.site_id)
    if (item_id := query.get("item_id")) is not None:
        stmt = stmt.where(ReplenishmentResult.item_id == item_id)
    if (site_id := query.get("site_id")) is not None:
        stmt = stmt.where(ReplenishmentResult.site_id == site_id)
    rows = db.session.scalars(stmt.limit(query["limit"]))
    return jsonify({"results": [{k: _plain(getattr(r, k)) for k in RESULT_FIELDS} for r in rows]})


@api_bp.get("/replenishment/suggestions")
@require_role("manager")
@with_query(site_id=QueryInt(1))
def replenishment_suggestions(query):
    """What to order now, per item and site, with the numbers behind each quantity."""
    rows = suggestion_rows(query.get("site_id"))
    return jsonify({"suggestions": [{k: _plain(v) for k, v in r.items()} for r in rows]})


@api_bp.post("/replenishment/recompute")
@require_role("manager")
def replenishment_recompute():
    """Run the engine now over every item and site."""
    days = recompute_in.load(json_body() if request.get_data() else {})["period_days"]
    return jsonify(recompute(period_days=days, tz=current_app.config["BABEL_DEFAULT_TIMEZONE"]))


class RecomputeIn(Schema):
    period_days = Int(7, 3660, load_default=90)


recompute_in = RecomputeIn()

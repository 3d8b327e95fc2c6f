"""Office numbers over the JSON API: the stock list, stored engine results, suggestions, recompute."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, jsonify, request
from sqlalchemy import select

from ..auth.roles import require_role
from ..errors import InvalidInput
from ..extensions import db
from ..models import ReplenishmentResult
from ..services.purchasing import suggestion_rows
from ..services.replenishment import recompute
from ..services.stock import SORTS, StockFilter, stock_table
from .blueprint import api_bp
from .params import int_arg

RESULT_FIELDS = [c.name for c in ReplenishmentResult.__table__.columns if c.name not in ("id",)]


def _date(name: str, default: date) -> date:
    raw = request.args.get(name)
    try:
        return date.fromisoformat(raw) if raw else default
    except ValueError:
        raise InvalidInput(f"{name} must be a date (YYYY-MM-DD).", fields={name: ["not a date"]}) from None


def _plain(value):
    return (
        value
        if value is None or isinstance(value, (int, str, bool, float))
        else value.isoformat()
        if hasattr(value, "isoformat")
        else float(value)
    )


@api_bp.get("/reports/stock")
@require_role("manager")
def stock_report():
    """The stock list of a period (from, to), per item and site, with the same filters as the office page."""
    today = datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
    last = _date("to", today)
    sort = request.args.get("sort", "item_code")
    if sort not in SORTS:
        raise InvalidInput("Unknown sort column.", fields={"sort": list(SORTS)})
    f = StockFilter(
        first=_date("from", last.replace(day=1)),
        last=last,
        site_id=int_arg("site_id", lo=1),
        stock_class=request.args.get("stock_class") or None,
        q=request.args.get("q", "")[:100],
        below_rop=request.args.get("below_reorder_point") == "1",
        overstock=request.args.get("overstock") == "1",
        sort=sort,
        descending=request.args.get("desc") == "1",
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
def replenishment_results():
    """The stored engine results (articles' numbers, recommendation, method, KPIs), by item or site."""
    stmt = select(ReplenishmentResult).order_by(ReplenishmentResult.item_id, ReplenishmentResult.site_id)
    if (item_id := int_arg("item_id", lo=1)) is not None:
        stmt = stmt.where(ReplenishmentResult.item_id == item_id)
    if (site_id := int_arg("site_id", lo=1)) is not None:
        stmt = stmt.where(ReplenishmentResult.site_id == site_id)
    rows = db.session.scalars(stmt.limit(int_arg("limit", 1000, lo=1, hi=10000)))
    return jsonify({"results": [{k: _plain(getattr(r, k)) for k in RESULT_FIELDS} for r in rows]})


@api_bp.get("/replenishment/suggestions")
@require_role("manager")
def replenishment_suggestions():
    """What to order now, per item and site, with the numbers behind each quantity."""
    rows = suggestion_rows(int_arg("site_id", lo=1))
    return jsonify({"suggestions": [{k: _plain(v) for k, v in r.items()} for r in rows]})


@api_bp.post("/replenishment/recompute")
@require_role("manager")
def replenishment_recompute():
    """Run the engine now over every item and site."""
    body = request.get_json(silent=True) or {}
    days = body.get("period_days", 90)
    if not isinstance(days, int):
        raise InvalidInput("period_days must be a whole number.", fields={"period_days": ["not an integer"]})
    return jsonify(recompute(period_days=days, tz=current_app.config["BABEL_DEFAULT_TIMEZONE"]))

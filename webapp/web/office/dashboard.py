"""The office on a tablet: dashboard, stock list with CSV export, recompute."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from ...auth.roles import require_role
from ...domain.charts import Frame, bar_chart
from ...domain.redirects import same_site_path
from ...errors import AppError
from ...extensions import db
from ...input_limits import EARLIEST_DATE, LATEST_DATE, query_id
from ...models import Alert, Site
from ...models.catalog import STOCK_CLASSES
from ...models.types import utcnow
from ...services.replenishment import dashboard as dashboard_numbers
from ...services.replenishment import forecast_dashboard, recompute, service_value_curves
from ...services.stock import SORTS, StockFilter, dated_lots, stock_csv, stock_table
from ..blueprint import web_bp
from ..pages import render_fragment
from ..strings import server_message
from .forecast_labels import FORECAST_LABELS
from .labels import CSV_HEADERS, STOCK_CLASS_LABELS

PAGE_SIZE = 50


def today() -> date:
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def office_context(**extra) -> dict:
    """What every office page shows: sites for the filters, the open-alert badge (snoozed ones left out), class labels."""
    awake = or_(Alert.snoozed_until.is_(None), Alert.snoozed_until <= utcnow())
    return {
        "sites": list(db.session.scalars(select(Site).where(Site.active).order_by(Site.code))),
        "open_alerts": db.session.scalar(
            select(func.count()).select_from(Alert).where(Alert.open_key.is_not(None), awake)
        ),
        "class_labels": STOCK_CLASS_LABELS,
        "page": "office",
    } | extra


def _date_arg(name: str, default: date) -> date:
    try:
        value = date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return default
    return value if EARLIEST_DATE <= value <= LATEST_DATE else default


def _int_arg(name: str) -> int | None:
    return query_id(request.args.get(name))


def stock_filter() -> StockFilter:
    """The stock list's filter from the query string; bad values fall back to the defaults."""
    last = _date_arg("to", today())
    first = min(_date_arg("from", last.replace(day=1)), last)
    sort = request.args.get("sort", "item_code")
    klass = request.args.get("class")
    return StockFilter(
        first=first,
        last=last,
        site_id=_int_arg("site"),
        q=request.args.get("q", "")[:100],
        stock_class=klass if klass in STOCK_CLASSES else None,
        below_rop=request.args.get("below") == "1",
        overstock=request.args.get("over") == "1",
        sort=sort if sort in SORTS else "item_code",
        descending=request.args.get("desc") == "1",
    )


@web_bp.route("/office/")
@require_role("manager")
def office_dashboard():
    """KPIs, open alerts, overstock, stockouts, slow movers, turnover by stock class."""
    numbers = dashboard_numbers(_int_arg("site"))
    charts = {
        key: bar_chart(
            [row["value"] for row in numbers[key]],
            Frame(width=520, height=36 * max(len(numbers[key]), 1) + 16, left=8, right=56, top=8, bottom=8),
        )
        for key in ("overstock", "slow")
    }
    turns = bar_chart(
        [row["turnover"] for row in numbers["by_class"]],
        Frame(width=520, height=40 * max(len(numbers["by_class"]), 1) + 16, left=8, right=56, top=8, bottom=8),
    )
    return render_template(
        "office/dashboard.html",
        **office_context(
            n=numbers,
            charts=charts,
            turns=turns,
            site_id=_int_arg("site"),
            fc=forecast_dashboard(_int_arg("site")),
            forecast_labels=FORECAST_LABELS,
            curves=service_value_curves(_int_arg("site")),
        ),
    )


@web_bp.route("/office/stock")
@require_role("manager")
def office_stock():
    """The stock list: the articles' columns for a period, filtered, sorted, paged; refreshes itself."""
    f = stock_filter()
    rows = stock_table(f, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page_no = min(max(_int_arg("page") or 1, 1), pages)
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_fragment(
        "office/stock.html",
        "office/_stock_table.html",
        **office_context(
            f=f,
            rows=rows[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE],
            lots=dated_lots({r["item_id"] for r in rows[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE]}, f.site_id),
            total=len(rows),
            page_no=page_no,
            pages=pages,
            args=args,
        ),
    )


@web_bp.route("/office/stock.csv")
@require_role("manager")
def office_stock_csv():
    """The filtered stock list as CSV: UTF-8 with BOM by default, Shift_JIS (〓 for what it lacks) on ?encoding=sjis."""
    f = stock_filter()
    rows = stock_table(f, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    sjis = request.args.get("encoding") == "sjis"
    body = stock_csv(rows, [str(h) for h in CSV_HEADERS], "cp932" if sjis else "utf-8-sig")
    response = make_response(body)
    response.headers["Content-Type"] = f"text/csv; charset={'shift_jis' if sjis else 'utf-8'}"
    response.headers["Content-Disposition"] = f'attachment; filename="stock-{f.first}-{f.last}.csv"'
    return response


@web_bp.route("/office/recompute", methods=["POST"])
@require_role("manager")
def office_recompute():
    """Run the engine now, from the dashboard."""
    try:
        result = recompute(tz=current_app.config["BABEL_DEFAULT_TIMEZONE"])
        flash(
            _(
                "Recomputed %(rows)d items and sites; %(reorder)d to reorder.",
                rows=result["rows"],
                reorder=result["reorder"],
            ),
            "ok",
        )
    except AppError as exc:
        flash(server_message(exc), "error")
    target = request.form.get("next")  # the page the button was on; never another site (an open redirect)
    return redirect(target if same_site_path(target) else url_for("web.office_dashboard"), code=303)

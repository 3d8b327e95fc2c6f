"""The office's item page (stock by bin, history, chart, why this reorder point), suggestions and alerts."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ...auth.roles import require_role
from ...domain.charts import line_chart
from ...domain.forecast_accuracy import DRIFT_LIMIT
from ...domain.lead_times import MIN_RECEIPTS
from ...errors import AppError
from ...extensions import db
from ...input_limits import form_int
from ...models import Site
from ...services.labels import list_printers
from ...services.purchasing import draft_purchase_orders, item_eoq_by_site, suggestions_by_supplier
from ...services.replenishment import item_forecasts, item_policy, set_override, stock_history
from ...services.stock import get_item, movements_page, stock_rows
from ...services.stocktake import last_counted
from ..blueprint import web_bp
from ..strings import server_message
from .dashboard import _int_arg, office_context, today
from .forecast_labels import FORECAST_LABELS, FORECAST_REASONS
from .item_activity import item_activity
from .labels import BAND_LABELS, METHOD_LABELS, METHOD_REASONS, MOVEMENT_LABELS
from .setup_messages import POLICY_LABELS

CHART_DAYS = 60


@web_bp.route("/office/items/<int:item_id>")
@require_role("manager")
def office_item(item_id: int):
    """Stock by location, movement history, the stock chart with SS and ROP, and why the ROP is what it is."""
    item = get_item(item_id)
    policies = item_policy(item.id)
    history = stock_history(item.id, today(), CHART_DAYS, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    sites = {s.id: s for s in db.session.scalars(select(Site))}
    charts = []
    for site_id, values in sorted(history.items()):
        policy = next((p for p in policies if p["site"].id == site_id), None)
        levels = (
            {"ss": policy["result"].safety_stock, "rop": policy["result"].reorder_point}
            if policy
            else {"ss": item.safety_stock, "rop": item.reorder_point}
        )
        charts.append(
            {
                "site": sites[site_id],
                "chart": line_chart(values, levels),
                "levels": levels,
                "last": values[-1] if values else 0,
            }
        )
    moves = movements_page(item_id=item.id, limit=30)
    return render_template(
        "office/item.html",
        **office_context(
            item=item,
            stock=stock_rows(item_id=item.id),
            last_counted=last_counted(current_app.config["BABEL_DEFAULT_TIMEZONE"], item_id=item.id),
            moves=moves,
            **item_activity(item.id, moves, current_app.config["BABEL_DEFAULT_TIMEZONE"]),
            policies=policies,
            charts=charts,
            chart_days=CHART_DAYS,
            removing=request.args.get("remove", ""),
            method_labels=METHOD_LABELS,
            method_reasons=METHOD_REASONS,
            forecasts=item_forecasts(item.id),
            forecast_labels=FORECAST_LABELS,
            forecast_reasons=FORECAST_REASONS,
            drift_limit=DRIFT_LIMIT,
            band_labels=BAND_LABELS,
            movement_labels=MOVEMENT_LABELS,
            can_override=current_user.has_role("owner"),
            label_printers=list_printers(active_only=True),
            eoq_by_site=item_eoq_by_site(item),
            policy_labels=POLICY_LABELS,
            min_receipts=MIN_RECEIPTS,
        ),
    )


@web_bp.route("/office/items/<int:item_id>/override", methods=["POST"])
@require_role("owner")
def office_override(item_id: int):
    """Set or clear the hand-set safety stock / reorder point of an item at a site."""

    def number(name):
        return form_int(request.form.get(name))

    try:
        set_override(
            item_id,
            form_int(request.form.get("site_id"), 1) or 0,
            safety_stock=number("safety_stock"),
            reorder_point=number("reorder_point"),
            note=request.form.get("note", "")[:200],
            user_id=current_user.id,
        )
        flash(_("Saved. The reorder check uses it from now on."), "ok")
    except AppError as exc:
        flash(server_message(exc), "error")
    except ValueError:
        flash(_("Some of what was entered is not valid. Check it and try again."), "error")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)


@web_bp.route("/office/suggestions")
@require_role("manager")
def office_suggestions():
    """What to order, grouped by supplier, with the quantities and the reason."""
    return render_template(
        "office/suggestions.html",
        **office_context(
            groups=suggestions_by_supplier(_int_arg("site")), site_id=_int_arg("site"), method_labels=METHOD_LABELS
        ),
    )


@web_bp.route("/office/suggestions/draft", methods=["POST"])
@require_role("manager")
def office_draft_orders():
    """Draft the purchase orders of every suggestion (or the ticked ones) in one go."""
    picked = {
        tuple(int(x) for x in v.split(":"))
        for v in request.form.getlist("pick")
        if v.count(":") == 1 and v.replace(":", "").isdigit()
    }
    try:
        ids = draft_purchase_orders(current_user.id, _int_arg("site"), only=picked or None)
    except AppError as exc:
        flash(server_message(exc), "error")
        return redirect(url_for("web.office_suggestions"), code=303)
    flash(_("%(count)d draft purchase orders made: check, confirm and send them here.", count=len(ids)), "ok")
    return redirect(url_for("web.office_orders", stage="draft"), code=303)  # lands on the drafts just made

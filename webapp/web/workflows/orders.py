"""Office pages of purchase orders: the list by stage and supplier, one order with its steps, the PDF, the company block."""

from datetime import datetime

from flask import Response, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError, InvalidInput, NotFound
from ...input_limits import int_list
from ...models import Supplier
from ...services import purchasing
from ..blueprint import web_bp
from .order_forms import company_form, form_date, form_typed_quantity, text_field
from .order_strings import CHANNEL_LABELS, HISTORY_LABELS, STAGE_LABELS, order_refusal
from .pages import _create
from .return_panel import order_returns_panel
from .sending_panel import order_sending_panel
from .strings import office_refusal

LIST_URL = "/workflows/office/purchase-orders"


def when(iso: str | None) -> str:
    """An ISO time from the services as the shop's local date and time."""
    return format_datetime(datetime.fromisoformat(iso), "yyyy-MM-dd HH:mm") if iso else ""


def _suppliers() -> list:
    from ...extensions import db

    return list(db.session.scalars(db.select(Supplier).where(Supplier.active).order_by(Supplier.code)))


@web_bp.route(LIST_URL, methods=["GET", "POST"])
@require_role("manager")
def office_orders():
    """Drafts first (other stages and one supplier by filter), merging drafts, and the form to make an order."""
    error, status = None, 200
    if request.method == "POST":
        try:
            ids = _create("purchase_order", request.form, request.files)
            return redirect(url_for("web.office_order", task_id=ids[0]), code=303)
        except AppError as exc:
            error, status = office_refusal(exc, request.form), 422
    stage = request.args.get("stage", "draft")
    stage = stage if stage in STAGE_LABELS or stage == "all" else "draft"
    supplier_id = request.args.get("supplier", "")
    supplier_id = int(supplier_id) if supplier_id.isdigit() and len(supplier_id) < 10 else None
    orders = purchasing.orders_listing(None if stage == "all" else stage, supplier_id)
    page = render_template(
        "workflows/office_orders.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Purchase orders"),
        orders=orders,
        stage=stage,
        supplier_id=supplier_id,
        suppliers=_suppliers(),
        stage_labels=STAGE_LABELS,
        when=when,
        error=error,
        form=request.form,
    )
    return page, status


@web_bp.route(f"{LIST_URL}/<int:task_id>")
@require_role("manager")
def office_order(task_id, error=None):
    """One order: lines (editable while a draft), the steps allowed now, and its history."""
    summary = purchasing.order_summary(task_id)
    return render_template(
        "workflows/office_order.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Purchase orders"),
        doc=summary,
        stage_labels=STAGE_LABELS,
        channel_labels=CHANNEL_LABELS,
        history_labels=HISTORY_LABELS,
        when=when,
        error=error,
        sending=order_sending_panel(task_id),
        returns=order_returns_panel(task_id),
    )


def _line_step(task_id, form, action):
    line_id = int_list([form.get("line", "")], "line")[0]
    if action == "remove-line":
        return purchasing.remove_draft_line(task_id, line_id, current_user.id)
    return purchasing.update_draft_line(
        task_id, line_id, current_user.id, form_typed_quantity(form), form_date(form), text_field(form, "note", 200)
    )


STEPS = {
    "confirm": lambda tid, f: purchasing.confirm_order(tid, current_user.id),
    "sent": lambda tid, f: purchasing.mark_sent(tid, current_user.id, f.get("channel", "")),
    "cancel": lambda tid, f: purchasing.cancel_order(tid, current_user.id, text_field(f, "reason", 500)),
    "reopen": lambda tid, f: purchasing.reopen_order(tid, current_user.id),
    "close": lambda tid, f: purchasing.close_short(tid, current_user.id, text_field(f, "reason", 500)),
    "remarks": lambda tid, f: purchasing.update_draft(tid, current_user.id, text_field(f, "remarks", 2000)),
    "add-line": lambda tid, f: purchasing.add_draft_line(
        tid,
        text_field(f, "item", 200),
        form_typed_quantity(f),
        current_user.id,
        form_date(f),
        text_field(f, "note", 200),
    ),
    "line": lambda tid, f: _line_step(tid, f, "line"),
    "remove-line": lambda tid, f: _line_step(tid, f, "remove-line"),
}


@web_bp.route(f"{LIST_URL}/<int:task_id>/<action>", methods=["POST"])
@require_role("manager")
def office_order_step(task_id, action):
    """One step of the order's life, or an edit of its draft; a refusal is shown on the order page."""
    run = STEPS.get(action)
    if run is None:
        return _("Unknown action."), 404
    try:
        run(task_id, request.form)
    except NotFound:
        raise
    except AppError as exc:
        status = 422 if isinstance(exc, InvalidInput) else 409
        return office_order(task_id, error=order_refusal(exc)), status
    return redirect(url_for("web.office_order", task_id=task_id) + ("#lines" if "line" in action else ""), code=303)


@web_bp.route(f"{LIST_URL}/merge", methods=["POST"])
@require_role("manager")
def office_orders_merge():
    """Merge the ticked drafts into the oldest of them."""
    try:
        target = purchasing.merge_drafts(int_list(request.form.getlist("order"), "order"), current_user.id)
    except AppError as exc:
        return office_orders_refused(order_refusal(exc), 422 if isinstance(exc, InvalidInput) else 409)
    return redirect(url_for("web.office_order", task_id=target), code=303)


def office_orders_refused(message: str, status: int):
    page = render_template(
        "workflows/office_orders.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Purchase orders"),
        orders=purchasing.orders_listing("draft"),
        stage="draft",
        supplier_id=None,
        suppliers=_suppliers(),
        stage_labels=STAGE_LABELS,
        when=when,
        error=message,
        form={},
    )
    return page, status


@web_bp.route(f"{LIST_URL}/<int:task_id>/pdf")
@require_role("manager")
def office_order_pdf(task_id):
    """The order document to print or save (opens in the browser's PDF viewer)."""
    try:
        pdf = purchasing.order_pdf(task_id)
    except AppError as exc:
        if isinstance(exc, NotFound):
            raise
        return office_order(task_id, error=order_refusal(exc)), 409
    number = purchasing.order_summary(task_id)["number"]
    return Response(
        pdf, mimetype="application/pdf", headers={"Content-Disposition": f'inline; filename="{number}.pdf"'}
    )


@web_bp.route("/workflows/office/company", methods=["GET", "POST"])
@require_role("manager")
def office_company():
    """Our company block and tax rates for the order documents, and each supplier's document language."""
    error, status, saved = None, 200, False
    if request.method == "POST":
        try:
            if request.form.get("form") == "eoq":
                purchasing.save_eoq_settings(
                    request.form.get("ordering_cost", "")[:40],
                    request.form.get("holding_rate_percent", "")[:40],
                    user_id=current_user.id,
                )
            elif request.form.get("supplier"):
                supplier = int_list([request.form["supplier"]], "supplier")[0]
                purchasing.set_document_language(supplier, request.form.get("language", ""))
            else:
                purchasing.save_company_profile(**company_form(request.form))
            return redirect(url_for("web.office_company", saved=1), code=303)
        except AppError as exc:
            error, status = order_refusal(exc), 422
    saved = request.args.get("saved") == "1"
    page = render_template(
        "workflows/office_company.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Our company"),
        company=purchasing.company_profile() if request.method == "GET" else company_form(request.form, keep=True),
        suppliers=purchasing.document_languages(),
        eoq=purchasing.eoq_settings(),
        error=error,
        saved=saved,
    )
    return page, status

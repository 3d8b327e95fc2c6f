"""A purchase order through its life: list by stage, edit a draft, confirm, mark sent, cancel, reopen, merge, PDF."""

from flask import Response, jsonify, request
from flask_login import current_user, login_required

from ...auth.roles import require_role
from ...services import purchasing
from ...web.workflows.order_strings import order_refusal
from ..blueprint import api_bp
from ..bounded import Flag, QueryInt
from ..params import json_body, with_query
from ..refusals import said_by
from .order_schemas import cancel_in, company_in, draft_line_in, draft_line_patch, draft_patch, merge_in, sent_in

STAGES = "draft,confirmed,sent,partly_received,received,cancelled"


# Refusals of the order services carry the user's language in their message (the code stays).
in_users_language = said_by(order_refusal)


def _summary(task_id: int, status: int = 200):
    return jsonify(purchasing.order_summary(task_id)), status


@api_bp.get(f"/purchase-orders/stage/<any({STAGES}):stage>")
@login_required
@with_query(supplier_id=QueryInt(1))
def orders_at_stage(stage, query):
    """Purchase orders at one stage of their life, of one supplier or all, newest first."""
    return jsonify({"orders": purchasing.orders_listing(stage, query.get("supplier_id"))})


@api_bp.get("/purchase-orders/<int:task_id>/life")
@login_required
@in_users_language
def order_life(task_id):
    """One order: stage, the steps allowed now, lines with prices, and who did what when."""
    return _summary(task_id)


@api_bp.post("/purchase-orders/<int:task_id>/lines")
@require_role("manager")
@in_users_language
def add_order_line(task_id):
    """Add an item to a draft (quantity up to whole packs)."""
    data = draft_line_in.load(json_body())
    purchasing.add_draft_line(
        task_id, data["item"], data["quantity"], current_user.id, data["expected_date"], data["note"]
    )
    return _summary(task_id, 201)


@api_bp.patch("/purchase-orders/<int:task_id>/lines/<int:line_id>")
@require_role("manager")
@in_users_language
def update_order_line(task_id, line_id):
    """Change a draft line's quantity (up to whole packs), wished date and note."""
    data = draft_line_patch.load(json_body())
    purchasing.update_draft_line(
        task_id, line_id, current_user.id, data["quantity"], data["expected_date"], data["note"]
    )
    return _summary(task_id)


@api_bp.delete("/purchase-orders/<int:task_id>/lines/<int:line_id>")
@require_role("manager")
@in_users_language
def remove_order_line(task_id, line_id):
    purchasing.remove_draft_line(task_id, line_id, current_user.id)
    return _summary(task_id)


@api_bp.patch("/purchase-orders/<int:task_id>/draft")
@require_role("manager")
@in_users_language
def update_order_draft(task_id):
    """The remarks printed on the order document."""
    purchasing.update_draft(task_id, current_user.id, draft_patch.load(json_body())["remarks"])
    return _summary(task_id)


@api_bp.post("/purchase-orders/<int:task_id>/<any(confirm,reopen):step>")
@require_role("manager")
@in_users_language
def order_step(task_id, step):
    """Confirm a draft, or reopen a cancelled order as a draft."""
    (purchasing.confirm_order if step == "confirm" else purchasing.reopen_order)(task_id, current_user.id)
    return _summary(task_id)


@api_bp.post("/purchase-orders/<int:task_id>/sent")
@require_role("manager")
@in_users_language
def mark_order_sent(task_id):
    """The order reached the supplier by hand (phone, FAX...): record how."""
    purchasing.mark_sent(task_id, current_user.id, sent_in.load(json_body())["channel"])
    return _summary(task_id)


@api_bp.post("/purchase-orders/<int:task_id>/cancel")
@require_role("manager")
@in_users_language
def cancel_order(task_id):
    """Cancel a draft, or an order of which nothing was received."""
    purchasing.cancel_order(task_id, current_user.id, cancel_in.load(json_body())["reason"])
    return _summary(task_id)


@api_bp.post("/purchase-orders/merge")
@require_role("manager")
@in_users_language
def merge_orders():
    """Merge drafts of one supplier and site into the oldest of them."""
    return _summary(purchasing.merge_drafts(merge_in.load(json_body())["orders"], current_user.id))


@api_bp.get("/purchase-orders/<int:task_id>/pdf")
@require_role("manager")
@with_query(download=Flag())
@in_users_language
def order_pdf(task_id, query):
    """The order document (発注書) as a PDF."""
    pdf = purchasing.order_pdf(task_id)
    number = purchasing.order_summary(task_id)["number"]
    disposition = "attachment" if query["download"] else "inline"
    return Response(
        pdf, mimetype="application/pdf", headers={"Content-Disposition": f'{disposition}; filename="{number}.pdf"'}
    )


@api_bp.route("/company", methods=["GET", "PUT"])
@require_role("manager")
@in_users_language
def company():
    """The company block printed on the order documents, and the consumption tax rates."""
    if request.method == "PUT":
        purchasing.save_company_profile(**company_in.load(json_body()))
    return jsonify(purchasing.company_profile())

"""Purchase orders, pick lists and count sessions: thin handlers over the workflow services."""

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...auth.roles import require_role
from ...errors import AppError, Forbidden, NotFound
from ...input_limits import csv_text, uploaded_text
from ...services import picking, purchasing, stocktake
from ...services.workflows import KIND_OF, open_tasks_for_device, task_document, task_list, task_view_for
from ..blueprint import api_bp
from ..bounded import Flag, QueryInt
from ..params import json_body, with_query
from .schemas import approve_in, close_in, count_in, order_in, recount_in, short_in


def _csv_text() -> str:
    if request.files.get("file"):
        return uploaded_text(request.files["file"])
    if request.mimetype == "text/csv":
        return csv_text(request.get_data())
    raise AppError("Send the CSV as text/csv or as the form file 'file'.", code="csv_required")


def _kind(kind_path: str) -> str:
    if kind_path not in KIND_OF:
        raise NotFound("No such kind of task.")
    return KIND_OF[kind_path]


@api_bp.get("/tasks/open")
@login_required
@with_query(site_id=QueryInt(1))
def open_tasks(query):
    """Open orders, pick lists and counts of a site with their lines: what the phone keeps for offline work."""
    return jsonify({"tasks": open_tasks_for_device(query.get("site_id"))})


@api_bp.get("/tasks/<int:task_id>")
@login_required
def task_view(task_id):
    """One task of any kind as the phone's task screen draws it, open or closed (what it rebuilds from after a sync)."""
    return jsonify(task_view_for(task_id))


@api_bp.get("/<any('purchase-orders','pick-lists','count-sessions'):kind_path>")
@login_required
@with_query(site_id=QueryInt(1), all=Flag())
def list_tasks(kind_path, query):
    """Tasks of one kind, open ones unless all=1."""
    return jsonify({"tasks": task_list(_kind(kind_path), query.get("site_id"), not query["all"])})


@api_bp.get("/<any('purchase-orders','pick-lists','count-sessions'):kind_path>/<int:task_id>")
@login_required
def show_task(kind_path, task_id):
    """One task with its lines (a count's review only for managers)."""
    return jsonify(task_document(task_id, _kind(kind_path), manager=current_user.has_role("manager")))


@api_bp.post("/purchase-orders")
@require_role("manager")
def create_purchase_order():
    """A purchase order of {item, quantity} lines; `draft` keeps it off the on-order figures."""
    data = order_in.load(json_body())
    task_id = purchasing.create_purchase_order(
        data["site"],
        data.get("supplier"),
        data["pairs"],
        current_user.id,
        data.get("number"),
        data["draft"],
        data["note"],
    )
    return jsonify(task_document(task_id, "purchase_order")), 201


@api_bp.post("/pick-lists")
@require_role("manager")
def create_pick_list():
    """A pick list made by hand or from a sales order; stock is reserved at once."""
    data = order_in.load(json_body())
    task_id = picking.create_pick_list(
        data["site"], data["pairs"], current_user.id, data["reference"], data.get("number")
    )
    return jsonify(task_document(task_id, "pick_list")), 201


@api_bp.post("/<any('purchase-orders','pick-lists'):kind_path>/import")
@require_role("manager")
def import_orders(kind_path):
    """Purchase orders or sales orders (as pick lists) from CSV, all or none."""
    importer = purchasing.import_purchase_orders if kind_path == "purchase-orders" else picking.import_sales_orders
    ids = importer(_csv_text(), current_user.id)
    return jsonify({"tasks": [task_document(i, _kind(kind_path)) for i in ids]}), 201


@api_bp.post("/purchase-orders/<int:task_id>/release")
@require_role("manager")
def release_order(task_id):
    purchasing.release_purchase_order(task_id, current_user.id)
    return jsonify(task_document(task_id, "purchase_order"))


@api_bp.post("/purchase-orders/<int:task_id>/close")
@require_role("manager")
def close_order_short(task_id):
    """Close an order that will not arrive in full; the shortfall is recorded."""
    purchasing.close_short(task_id, current_user.id, close_in.load(json_body())["reason"])
    return jsonify(task_document(task_id, "purchase_order"))


@api_bp.post("/pick-lists/<int:task_id>/lines/<int:line_id>/short")
@login_required
def short_line(task_id, line_id):
    """Close a pick line short, with a reason."""
    data = short_in.load(json_body())
    picking.short_pick(task_id, line_id, data["reason"], current_user.id, data["note"])
    return jsonify(task_document(task_id, "pick_list"))


@api_bp.post("/pick-lists/<int:task_id>/<any('complete','cancel'):action>")
@login_required
def finish_pick_list(task_id, action):
    """Complete a list (every line picked or shorted), or cancel it (managers)."""
    if action == "cancel" and not current_user.has_role("manager"):
        raise Forbidden("This needs the manager role.")
    (picking.complete_pick_list if action == "complete" else picking.cancel_pick_list)(task_id, current_user.id)
    return jsonify(task_document(task_id, "pick_list"))


@api_bp.post("/count-sessions")
@require_role("manager")
def start_count():
    """Open a count session by site, zone, bins or items; expected quantities are snapshotted now."""
    data = count_in.load(json_body())
    task_id = stocktake.start_count(data.pop("site"), current_user.id, **data)
    return jsonify(task_document(task_id, "count_session", manager=True)), 201


@api_bp.post("/count-sessions/<int:task_id>/recount")
@require_role("manager")
def recount(task_id):
    stocktake.request_recount(task_id, recount_in.load(json_body())["lines"], current_user.id)
    return jsonify(task_document(task_id, "count_session", manager=True))


@api_bp.post("/count-sessions/<int:task_id>/approve")
@login_required
def approve_count(task_id):
    """Post the variances as adjustment movements, in one transaction: its creator, its assignee or a manager."""
    zero_uncounted = approve_in.load(json_body())["zero_uncounted"]
    try:
        result = stocktake.approve(task_id, current_user.id, zero_uncounted)
    except Forbidden as exc:
        said = _("Only the person counting %(session)s or a manager may approve it.", session=exc.fields["session"])
        raise Forbidden(str(said), code=exc.code, fields=exc.fields) from None
    manager = current_user.has_role("manager")
    return jsonify(task_document(task_id, "count_session", manager=manager) | {"posted": result})

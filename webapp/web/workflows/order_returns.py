"""Returning goods to the supplier from the purchase order's page: one line, a bin holding it, a reason."""

from flask import redirect, request, url_for
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError, InvalidInput, NotFound
from ...input_limits import form_int
from ...services import returns
from ..blueprint import web_bp
from ..office.return_labels import return_refusal
from ..office.returns import form_quantity, request_id
from .order_forms import text_field
from .orders import LIST_URL, office_order


def _supplier_return(task_id: int, form) -> returns.SupplierReturnIn:
    """The form as a return: its line, and the bin and lot of the stock level chosen among those of the line."""
    line_id = form_int(form.get("line"), 1) or 0
    level_id = form_int(form.get("source"), 1)
    source = next((s for s in returns.return_sources(task_id).get(line_id, []) if s["level_id"] == level_id), None)
    if source is None:
        raise InvalidInput("Choose a bin that holds the item.", code="no_stock_to_return")
    return returns.SupplierReturnIn(
        request_id=request_id(form),
        order_id=task_id,
        line_id=line_id,
        quantity=form_quantity(form),
        bin=source["bin"],
        lot=source["lot"],
        reason=text_field(form, "reason", 24),
        note=text_field(form, "note", 200),
        serial=text_field(form, "serial", 40),
    )


@web_bp.route(f"{LIST_URL}/<int:task_id>/return", methods=["POST"])
@require_role("manager")
def office_order_return(task_id: int):
    """Send units of a received line back to the supplier; a refusal is shown on the order page."""
    try:
        returns.record_supplier_return(_supplier_return(task_id, request.form), current_user.id)
    except NotFound:
        raise
    except AppError as exc:
        return office_order(task_id, error=return_refusal(exc)), 422 if isinstance(exc, InvalidInput) else 409
    return redirect(url_for("web.office_order", task_id=task_id) + "#returns", code=303)

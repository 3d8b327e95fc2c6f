"""Returns: the list, a customer return, a return to the supplier against a purchase order line."""

from flask import jsonify
from flask_login import current_user, login_required

from ..auth.roles import require_role
from ..services import returns
from ..web.office.return_labels import return_refusal
from .blueprint import api_bp
from .params import json_body, with_query
from .refusals import said_by
from .return_schemas import RETURNS_QUERY, customer_return_in, supplier_return_in

# Refusals of the returns services carry the user's language in their message (the code stays).
in_users_language = said_by(return_refusal)


def _answer(outcome: returns.ReturnOutcome):
    """201 for a return just posted, 200 for a replay of one already recorded under the same request id."""
    body = {"return_id": outcome.return_id, "duplicate": outcome.duplicate}
    return jsonify(body), 200 if outcome.duplicate else 201


@api_bp.get("/returns")
@login_required
@with_query(**RETURNS_QUERY)
def list_returns(query):
    """The latest returns first, of one kind, supplier or order when asked."""
    rows = returns.returns_listing(query.get("kind"), query.get("supplier_id"), query.get("task_id"))
    return jsonify({"returns": rows})


@api_bp.post("/returns/customer")
@login_required
@in_users_language
def post_customer_return():
    """Goods a customer brought back, into a bin; checked against the pick list when one is named."""
    data = customer_return_in.load(json_body())
    return _answer(returns.record_customer_return(returns.CustomerReturnIn(**data), current_user.id))


@api_bp.post("/purchase-orders/<int:task_id>/returns")
@require_role("manager")
@in_users_language
def post_supplier_return(task_id):
    """Units of a received line sent back to the supplier from a bin holding them."""
    data = supplier_return_in.load(json_body())
    line_id = data.pop("line_id")
    r = returns.SupplierReturnIn(order_id=task_id, line_id=line_id, **data)
    return _answer(returns.record_supplier_return(r, current_user.id))

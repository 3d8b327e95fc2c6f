"""The office's returns: every return listed (from customers, to suppliers) and a customer return recorded."""

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError, InvalidInput
from ...services import returns
from ..blueprint import web_bp
from ..workflows.order_forms import form_date, text_field
from ..workflows.orders import when
from .dashboard import office_context
from .return_labels import REASON_LABELS, RETURN_KIND_LABELS, return_refusal

RETURNS_URL = "/office/returns"


def request_id(form) -> uuid.UUID:
    """The form's idempotency key, made when the form was shown: a resent form posts nothing twice."""
    try:
        return uuid.UUID(str(form.get("request_id", ""))[:40])
    except ValueError:
        raise InvalidInput("The form has no valid request id.", code="bad_request_id") from None


def form_quantity(form) -> int:
    """The quantity as typed, left to the service's bounds (a clear refusal by code either way)."""
    raw = str(form.get("quantity", "")).strip()
    return int(raw) if raw.isdigit() and len(raw) <= 9 else 0


def _kept_request_id(form) -> str:
    """A refused form keeps its key (nothing was posted under it); a new form, or one without a valid key, gets one."""
    try:
        return str(request_id(form))
    except InvalidInput:
        return str(uuid.uuid4())


def _customer_return(form) -> returns.CustomerReturnIn:
    return returns.CustomerReturnIn(
        request_id=request_id(form),
        item=text_field(form, "item", 200),
        quantity=form_quantity(form),
        bin=text_field(form, "bin", 64),
        reason=text_field(form, "reason", 24),
        note=text_field(form, "note", 200),
        lot=text_field(form, "lot", 40),
        expiry=form_date(form, "expiry"),
        pick_list=text_field(form, "pick_list", 40),
        serial=text_field(form, "serial", 40),
    )


@web_bp.route(RETURNS_URL, methods=["GET", "POST"])
@require_role("manager")
def office_returns():
    """The latest returns (one kind by filter) and the form that records a customer return."""
    error, status, form = None, 200, {}
    if request.method == "POST":
        try:
            returns.record_customer_return(_customer_return(request.form), current_user.id)
            flash(_("Return recorded: the goods are back in stock."), "ok")
            return redirect(url_for("web.office_returns"), code=303)
        except AppError as exc:
            error, status, form = return_refusal(exc), 422 if isinstance(exc, InvalidInput) else 409, request.form
    kind = request.args.get("kind", "")
    kind = kind if kind in RETURN_KIND_LABELS else ""
    page = render_template(
        "office/returns.html",
        **office_context(
            rows=returns.returns_listing(kind or None),
            kind=kind,
            bins=returns.active_bins(),
            kind_labels=RETURN_KIND_LABELS,
            reason_labels=REASON_LABELS,
            when=when,
            error=error,
            form=form,
            new_request_id=_kept_request_id(form),
        ),
    )
    return page, status

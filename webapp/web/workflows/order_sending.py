"""Office pages of order sending: a supplier's sending and automatic-ordering settings, Send on an order, the auto-order log."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError, InvalidInput, NotFound
from ...services import purchasing
from ..blueprint import web_bp
from .orders import office_order, when
from .sending_strings import AUTO_MODES, OUTCOMES, PLACEHOLDER_LABELS, SENDING_CHANNELS, field_problem, send_refusal

FIELDS = ("channel", "subject_template", "body_template", "auto_mode", "auto_times")
LIMITS = {"subject_template": 400, "body_template": 8000, "auto_times": 200}


def _form_values(form) -> dict:
    """The posted settings, each bounded (a longer text is refused by the service, not cut)."""
    return {k: (form.get(k) or "")[: LIMITS.get(k, 20) + 1] for k in FIELDS}


@web_bp.route("/workflows/office/suppliers/<int:supplier_id>/sending", methods=["GET", "POST"])
@require_role("manager")
def office_supplier_sending(supplier_id):
    """How this supplier's orders are sent (channel, addresses, wording) and whether they are ordered automatically."""
    settings = purchasing.supplier_sending(supplier_id)
    errors, status = {}, 200
    if request.method == "POST":
        values = _form_values(request.form)
        try:
            purchasing.save_supplier_sending(supplier_id, by=current_user.id, **values)
            return redirect(url_for("web.office_supplier_sending", supplier_id=supplier_id, saved=1), code=303)
        except AppError as exc:
            if isinstance(exc, NotFound):
                raise
            errors = {k: field_problem(v[0]) for k, v in exc.fields.items()}
            settings, status = settings | values, 422
    page = render_template(
        "workflows/office_supplier_sending.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Sending and automatic ordering"),
        s=settings,
        errors=errors,
        error=_("Check the highlighted settings.") if errors else None,
        saved=request.args.get("saved") == "1",
        channels=SENDING_CHANNELS,
        modes=AUTO_MODES,
        placeholders=PLACEHOLDER_LABELS,
    )
    return page, status


@web_bp.route("/workflows/office/purchase-orders/<int:task_id>/send", methods=["POST"])
@require_role("manager")
def office_order_send(task_id):
    """Send (or resend) the order by the supplier's channels; the outcome is in the order's delivery log."""
    try:
        purchasing.send_order(task_id, current_user.id)
    except NotFound:
        raise
    except AppError as exc:
        status = 422 if isinstance(exc, InvalidInput) else 409
        return office_order(task_id, error=send_refusal(exc)), status
    return redirect(url_for("web.office_order", task_id=task_id) + "#sending", code=303)


@web_bp.route("/workflows/office/auto-orders")
@require_role("manager")
def office_auto_orders():
    """What the automatic runs ordered, and what they left waiting, with the numbers behind each line."""
    return render_template(
        "workflows/office_auto_orders.html",
        page="office",
        kind_path="purchase-orders",
        label=_("Automatic orders"),
        rows=purchasing.auto_order_log(),
        suppliers=purchasing.sending_overview(),
        modes=AUTO_MODES,
        outcomes=OUTCOMES,
        when=when,
    )

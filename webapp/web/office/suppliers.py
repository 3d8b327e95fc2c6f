"""The office's suppliers: the list, a new supplier, its details edited."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...services import catalog, returns
from ..blueprint import web_bp
from ..workflows.orders import when
from .dashboard import office_context
from .return_labels import REASON_LABELS, RETURN_KIND_LABELS
from .setup_messages import SUPPLIER_LABELS, field_errors

FIELDS = (
    "code",
    "name",
    "contact",
    "email",
    "phone",
    "fax",
    "lead_time_days",
    "min_order_amount",
    "ordering_cost",
    "language",
    "note",
)


def _form_fields() -> dict:
    """The supplier form as the service's fields: text as typed, only the fields the form sent."""
    return {name: request.form[name] for name in FIELDS if name in request.form}


def _values(supplier) -> dict:
    """What the form starts with: the supplier's details, or a new one's defaults."""
    if supplier is None:
        return {"lead_time_days": 7, "min_order_amount": "0", "language": "ja"}
    values = {name: getattr(supplier, name) for name in FIELDS}
    amount = supplier.min_order_amount
    cost = supplier.ordering_cost
    return values | {
        "min_order_amount": format(amount.normalize(), "f") if amount == int(amount) else str(amount),
        "ordering_cost": "" if cost is None else format(cost.normalize(), "f"),
    }


def _form_page(supplier, status: int = 200, errors: dict | None = None):
    values = _values(supplier) | (request.form.to_dict() if errors else {})
    return (
        render_template(
            "office/supplier_form.html",
            **office_context(supplier=supplier, values=values, errors=errors or {}, labels=SUPPLIER_LABELS),
            # The supplier's record lists what was sent back to it.
            rows=returns.returns_listing(supplier_id=supplier.id) if supplier else [],
            kind_labels=RETURN_KIND_LABELS,
            reason_labels=REASON_LABELS,
            when=when,
        ),
        status,
    )


def _refused(supplier, exc: AppError):
    return _form_page(supplier, 409 if exc.code == "conflict" else 422, field_errors(exc) or {"_": exc.message})


@web_bp.route("/office/suppliers")
@require_role("manager")
def office_suppliers():
    """Every supplier with how to reach them."""
    return render_template("office/suppliers.html", **office_context(suppliers=catalog.list_suppliers()))


@web_bp.route("/office/suppliers/new", methods=["GET", "POST"])
@require_role("manager")
def office_new_supplier():
    """A new supplier; refused fields come back marked, nothing saved."""
    if request.method == "GET":
        return _form_page(None)
    try:
        catalog.create_supplier(_form_fields(), user_id=current_user.id)
    except AppError as exc:
        return _refused(None, exc)
    flash(_("Supplier saved."), "ok")
    return redirect(url_for("web.office_suppliers"), code=303)


@web_bp.route("/office/suppliers/<int:supplier_id>", methods=["GET", "POST"])
@require_role("manager")
def office_edit_supplier(supplier_id: int):
    """A supplier's details; orders already sent keep what they said."""
    supplier = catalog.get_supplier(supplier_id)
    if request.method == "GET":
        return _form_page(supplier)
    try:
        catalog.update_supplier(supplier_id, _form_fields(), user_id=current_user.id)
    except AppError as exc:
        return _refused(supplier, exc)
    flash(_("Supplier saved."), "ok")
    return redirect(url_for("web.office_suppliers"), code=303)

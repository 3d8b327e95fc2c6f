"""The office's item set-up: the item list with search, a new item, every field edited, deactivation."""

from decimal import Decimal, InvalidOperation

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...input_limits import query_id
from ...models.catalog import STOCK_CLASSES
from ...services import catalog, replenishment
from ...services.stock import get_item, search_items
from ..blueprint import web_bp
from ..pages import render_fragment
from ..strings import error_message
from .dashboard import office_context
from .setup_messages import CATEGORY_LABELS, ITEM_LABELS, POLICY_LABELS, field_errors, pack_level_words

PAGE_SIZE = 25
TEXT_FIELDS = ("code", "name", "name_en", "stock_class", "category", "unit", "order_in", "note")
NUMBER_FIELDS = (
    "unit_cost",
    "unit_price",
    "lead_time_days",
    "review_interval_days",
    "safety_stock",
    "reorder_point",
    "max_stock",
    "expiry_alert_days",
    "min_order_qty",
    "order_multiple",
    "inner_qty",
    "case_qty",
    "fixed_order_qty",
)


def _percent(raw: str):
    """A service level typed as a percentage (95) as the fraction the item holds (0.95)."""
    try:
        return (Decimal(raw.strip()) / 100) if raw.strip() else raw
    except InvalidOperation:
        return raw  # the service names it "not a number"


def _form_fields() -> dict:
    """The item form as the service's fields (text as typed; the service bounds and reads it)."""
    form = request.form
    fields = {name: form.get(name, "") for name in TEXT_FIELDS + NUMBER_FIELDS if name in form}
    if "service_level" in form:
        fields["service_level"] = _percent(form["service_level"])
    if "supplier_id" in form:
        fields["supplier_id"] = form["supplier_id"]
    if "order_policy" in form:
        fields["order_policy"] = form["order_policy"]
        fields["use_eoq"] = form.get("use_eoq") == "1"
    fields["reduced_tax"] = form.get("reduced_tax") == "1"
    fields["serial_tracked"] = form.get("serial_tracked") == "1"
    return fields


def _shown(value):
    """A stored value as the form shows it (a whole amount without its four decimal places)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value.normalize())
    return value


def _values(item) -> dict:
    """What the form starts with: the item's values, or the defaults of a new item."""
    if item is None:
        return {"stock_class": "product", "category": "general", "unit": "pcs", "unit_cost": "0", "unit_price": "0",
                "lead_time_days": 7, "review_interval_days": 1, "service_level": "95", "safety_stock": 0,
                "reorder_point": 0, "min_order_qty": 1, "order_multiple": 1, "order_in": "each",
                "order_policy": "s_S"}  # fmt: skip
    values = {name: _shown(getattr(item, name)) for name in TEXT_FIELDS + NUMBER_FIELDS}
    values |= {"service_level": _shown(item.service_level * 100), "supplier_id": item.supplier_id}
    values |= {"order_policy": item.order_policy, "use_eoq": item.use_eoq}
    return values | {"reduced_tax": item.reduced_tax, "serial_tracked": item.serial_tracked, "version": item.version}


def _form_page(item, status: int = 200, errors: dict | None = None):
    """The item form: empty for a new item, the item's values to edit, or what was typed when refused."""
    values = _values(item)
    if errors:
        values |= request.form.to_dict() | {
            "reduced_tax": request.form.get("reduced_tax") == "1",
            "serial_tracked": request.form.get("serial_tracked") == "1",
            "use_eoq": request.form.get("use_eoq") == "1",
        }
    return (
        render_template(
            "office/item_form.html",
            **office_context(
                item=item,
                values=values,
                errors=errors or {},
                labels=ITEM_LABELS,
                stock_classes=STOCK_CLASSES,
                categories=CATEGORY_LABELS,
                policies=POLICY_LABELS,
                bands=replenishment.category_bands(),
                suppliers=catalog.list_suppliers(),
                can_deactivate=current_user.has_role("owner"),
                pack_words=pack_level_words(),
            ),
        ),
        status,
    )


@web_bp.route("/office/items")
@require_role("manager")
def office_items():
    """Items by code, searched by code, JAN, or name in either language; 25 a page."""
    q = request.args.get("q", "")[:200]
    shown = request.args.get("show", "active")
    page_no = max(1, min(query_id(request.args.get("p")) or 1, 10_000))
    found = search_items(q, active_only=shown == "active", limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)
    return render_fragment(
        "office/items.html",
        "office/_items_table.html",
        **office_context(
            items=found[:PAGE_SIZE],
            more=len(found) > PAGE_SIZE,
            q=q,
            show=shown,
            page_no=page_no,
            photos=catalog.photo_etags(i.id for i in found[:PAGE_SIZE]),
        ),
    )


@web_bp.route("/office/items/new", methods=["GET", "POST"])
@require_role("manager")
def office_new_item():
    """A new item: every field on one form; refused fields come back marked, nothing saved."""
    if request.method == "GET":
        return _form_page(None)
    jan = request.form.get("jan", "").strip()[:200]
    try:
        item_id = catalog.create_item(_form_fields(), [{"code": jan}] if jan else [], user_id=current_user.id)
    except AppError as exc:
        errors = field_errors(exc)
        if "barcodes_in" in errors:  # the JAN typed with the new item: its own words (check digit, taken)
            errors = {"jan": error_message(exc, conflict=_("That code already belongs to another item."))}
        return _form_page(None, 409 if exc.code == "conflict" else 422, errors or {"_": exc.message})
    flash(_("Item saved. Add its barcodes and photo below."), "ok")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)


@web_bp.route("/office/items/<int:item_id>/edit", methods=["GET", "POST"])
@require_role("manager")
def office_edit_item(item_id: int):
    """Every setting of an item; the version on the form refuses a save over someone else's change."""
    item = get_item(item_id)
    if request.method == "GET":
        return _form_page(item)
    version = query_id(request.form.get("version"))
    try:
        catalog.update_item(item_id, _form_fields(), version, user_id=current_user.id)
    except AppError as exc:
        errors = field_errors(exc)
        if "version" in errors:
            errors = {"_": _("Someone else changed this item while you were editing. Reload it and try again.")}
        return _form_page(item, 409 if exc.code == "conflict" else 422, errors or {"_": exc.message})
    flash(_("Item saved."), "ok")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)


@web_bp.route("/office/items/<int:item_id>/active", methods=["POST"])
@require_role("owner")
def office_item_active(item_id: int):
    """Deactivate an item (the owner only; its history stays) or bring it back."""
    active = request.form.get("active") == "1"
    catalog.set_item_active(item_id, active, user_id=current_user.id)
    flash(_("Item reactivated.") if active else _("Item deactivated: it is no longer listed or ordered."), "ok")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)

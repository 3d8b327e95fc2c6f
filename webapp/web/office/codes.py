"""The office's barcode pages: unknown codes waiting for an item, and an item's own barcodes."""

from datetime import datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ...auth.roles import require_role
from ...errors import AppError, NotFound
from ...extensions import db
from ...models import Item
from ...services.catalog import add_barcode, remove_barcode
from ...services.scanning import map_code, unresolved_codes
from ..blueprint import web_bp
from ..strings import error_message
from .dashboard import office_context


def _pack_qty() -> int:
    value = request.form.get("pack_qty", "1").strip()
    return int(value) if value.isdigit() else 0  # 0 is refused by the service with its own message


def _item_by_code(code: str) -> Item:
    item = db.session.scalar(select(Item).where(Item.code == code.strip(), Item.active))
    if item is None:
        raise NotFound(_("No item has the code %(code)s.", code=code.strip()))
    return item


@web_bp.route("/office/unknown-codes")
@require_role("manager")
def office_unknown_codes():
    """Codes scanned before anyone knew them, with the scans waiting on each, to map to an item."""
    items = db.session.execute(select(Item.code, Item.name, Item.name_en).where(Item.active).order_by(Item.code)).all()
    codes = [
        c | {"first_seen": datetime.fromisoformat(c["first_seen"]), "last_seen": datetime.fromisoformat(c["last_seen"])}
        for c in unresolved_codes()
    ]
    return render_template("office/unknown_codes.html", **office_context(codes=codes, items=items))


@web_bp.route("/office/unknown-codes/map", methods=["POST"])
@require_role("manager")
def office_map_code():
    """Give an unknown code to an item; every scan that waited on it is applied at once."""
    code = request.form.get("code", "")
    try:
        item = _item_by_code(request.form.get("item_code", ""))
        result = map_code(code, item.id, _pack_qty())
        flash(
            _(
                "%(code)s is now a barcode of %(item)s: %(count)d waiting scans applied.",
                code=code,
                item=item.name,
                count=result["applied"],
            ),
            "ok",
        )
    except AppError as exc:
        flash(error_message(exc, conflict=_("That code already belongs to another item.")), "error")
    return redirect(url_for("web.office_unknown_codes"), code=303)


@web_bp.route("/office/items/<int:item_id>/barcodes", methods=["POST"])
@require_role("manager")
def office_add_barcode(item_id: int):
    """Give the item another barcode (a case code carries how many units one scan stands for)."""
    code = request.form.get("code", "").strip()
    try:
        add_barcode(item_id, code, _pack_qty(), current_user.id)
        flash(_("Barcode %(code)s added.", code=code), "ok")
    except AppError as exc:
        flash(error_message(exc, conflict=_("That code already belongs to another item.")), "error")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)


@web_bp.route("/office/items/<int:item_id>/barcodes/remove", methods=["POST"])
@require_role("manager")
def office_remove_barcode(item_id: int):
    """Take a barcode off the item once confirmed; later scans of it wait as unknown codes until mapped again."""
    code = request.form.get("code", "")
    if request.form.get("confirmed") != "1":
        # One tap on "Remove" only asks: the item page shows what removing it does, with the button that does it.
        return redirect(url_for("web.office_item", item_id=item_id, remove=code, _anchor="barcodes"), code=303)
    try:
        remove_barcode(item_id, code, current_user.id)
        flash(_("Barcode %(code)s removed. Scans of it now wait under Unknown codes.", code=code), "ok")
    except AppError as exc:
        flash(error_message(exc, not_found=_("This item has no such barcode.")), "error")
    return redirect(url_for("web.office_item", item_id=item_id), code=303)

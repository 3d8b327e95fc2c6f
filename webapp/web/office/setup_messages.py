"""The words of the item and supplier set-up pages: field labels, and why a field was refused."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...errors import AppError

ITEM_LABELS = {
    "code": _l("Item code"),
    "name": _l("Name (Japanese)"),
    "name_en": _l("Name (English)"),
    "stock_class": _l("Stock class"),
    "category": _l("Category"),
    "unit": _l("Unit"),
    "unit_cost": _l("Unit cost (yen)"),
    "unit_price": _l("Selling price (yen)"),
    "lead_time_days": _l("Lead time (days)"),
    "review_interval_days": _l("Review interval (days)"),
    "service_level": _l("Service level (%)"),
    "safety_stock": _l("Safety stock"),
    "reorder_point": _l("Reorder point"),
    "max_stock": _l("Maximum stock"),
    "expiry_alert_days": _l("Alert days before expiry"),
    "min_order_qty": _l("Minimum order"),
    "order_multiple": _l("Order in multiples of"),
    "inner_qty": _l("Pieces in an inner"),
    "case_qty": _l("Pieces in a case"),
    "order_in": _l("Ordered from the supplier in"),
    "supplier_id": _l("Supplier"),
    "reduced_tax": _l("Food or drink (reduced tax rate)"),
    "serial_tracked": _l("A serial number on each unit"),
    "order_policy": _l("Ordering policy"),
    "fixed_order_qty": _l("Order quantity Q"),
    "use_eoq": _l("Order the economic order quantity (EOQ) as Q"),
    "note": _l("Note"),
}

# The article's ordering policies (domain.ordering_policies), as the item form offers them.
POLICY_LABELS = {
    "s_S": _l("(s, S): at the reorder point, order up to the target"),
    "s_Q": _l("(s, Q): at the reorder point, order a fixed quantity Q"),
    "R_S": _l("(R, S): every review interval, order up to the target"),
    "R_s_S": _l("(R, s, S): every review interval, order up to the target if at the reorder point"),
}

SUPPLIER_LABELS = {
    "code": _l("Supplier code"),
    "name": _l("Company name"),
    "contact": _l("Contact person"),
    "email": _l("E-mail"),
    "phone": _l("Telephone"),
    "fax": _l("FAX"),
    "lead_time_days": _l("Usual lead time (days)"),
    "min_order_amount": _l("Minimum order amount (yen)"),
    "language": _l("Order document language"),
    "ordering_cost": _l("Cost of one order (yen, for the EOQ)"),
    "note": _l("Note"),
}


CATEGORY_LABELS = {
    "general": _l("General (no days-of-stock band)"),
    "fresh_food": _l("Fresh food"),
    "apparel": _l("Apparel"),
    "manufacturing_parts": _l("Manufacturing parts"),
    "semiconductors_heavy_industry": _l("Semiconductors, heavy industry"),
    "supermarket": _l("Supermarket goods"),
}


def field_problems() -> dict:
    """A field's problem code (as the service and the API name it) in the page's language."""
    return {
        "required": _("Required."),
        "too long": _("Too long."),
        "out of range": _("Out of the allowed range."),
        "not a number": _("Not a number."),
        "not a whole number": _("Must be a whole number."),
        "unknown choice": _("Not one of the choices."),
        "not an e-mail address": _("Not an e-mail address."),
        "already used": _("Already used by another one."),
        "unknown supplier": _("No such supplier."),
        "stock without serials": _("Units are on hand without serial numbers: count this item to zero first."),
        "not a multiple of the inner": _("A case must hold a whole number of inners (2 or more)."),
        "no such pack": _("The item has no such pack: set its size first."),
        "a barcode holds another pack": _("A barcode of this item stands for another pack size; remove it first."),
        "not one of the packs": _("A barcode stands for one piece, one inner or one case of this item."),
    }


def pack_level_words() -> dict:
    """The pack levels an item is ordered in, in the page's language."""
    return {"each": _("Pieces"), "inner": _("Inners"), "case": _("Cases")}


def field_errors(exc: AppError) -> dict[str, str]:
    """The refused fields of an error, each with its reason in the page's language."""
    words = field_problems()
    return {name: words.get(problems[0], problems[0]) for name, problems in exc.fields.items() if problems}


def photo_problems() -> dict:
    """Why a photo was refused, in the page's language."""
    return {
        "not_an_image": _("That file is not a photo. Choose a JPEG, PNG or WebP picture."),
        "too_many_pixels": _("The picture has too many pixels (at most 50 megapixels)."),
        "photo_too_large": _("The photo is too large (at most 4 MB)."),
        "no_photo": _("Choose a photo first."),
    }

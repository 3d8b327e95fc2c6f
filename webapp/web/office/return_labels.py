"""Translatable words of the returns screens: kinds, reasons, and each refusal by its code."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..strings import server_message

RETURN_KIND_LABELS = {"customer": _l("From a customer"), "supplier": _l("To a supplier")}
REASON_LABELS = {
    "damaged": _l("Damaged"),
    "wrong_item": _l("Wrong item"),
    "expired": _l("Past its expiry date"),
    "quality": _l("Quality problem"),
    "over_delivery": _l("Delivered too many"),
    "unwanted": _l("No longer wanted"),
    "other": _l("Other"),
}


def return_refusal(exc) -> str:
    """A refused return in the user's language, from the error's code (the service's words are English)."""
    fields = exc.fields or {}
    left = (fields.get("quantity") or ["0"])[0]
    by_code = {
        "over_return": lambda: _("Only %(n)s of this can be returned here.", n=left),
        "unknown_pick_list": lambda: _("No pick list has this number."),
        "unknown_bin": lambda: _("Choose an active bin."),
        "unknown_item": lambda: _("No item has this code or JAN."),
        "bad_return_quantity": lambda: _("Enter a quantity from 1 to 1,000,000."),
        "bad_return_reason": lambda: _("Choose the reason for the return."),
        "return_text_too_long": lambda: _("The note (200 characters) or the lot (40) is too long."),
        "no_stock_to_return": lambda: _("There is not that much of the item in this bin to send back."),
        "bin_not_at_site": lambda: _("The bin must be at the order's site."),
        "order_not_receiving": lambda: _("Nothing was received against this order."),
        "unknown_order_line": lambda: _("That line is not on this order."),
        "serial_required": lambda: _(
            "This item is serial-tracked: enter the unit's serial number (one unit per return)."
        ),
        "serial_one_unit": lambda: _("A serial number stands for one unit: return each unit with its serial."),
        "serial_in_stock": lambda: _("This serial number is still in stock, so it cannot come back."),
        "serial_not_in_bin": lambda: _("This serial number is not in the chosen bin."),
        "bad_request_id": lambda: _("This form is out of date. Reload the page and enter the return again."),
    }
    return str(by_code[exc.code]()) if exc.code in by_code else server_message(exc)

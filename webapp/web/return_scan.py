"""The phone's customer-return screen: scan the bin and the item, say why, book it once (the API's request id)."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from .blueprint import web_bp
from .office.return_labels import REASON_LABELS


def return_strings() -> dict:
    """What the return screen says, in the worker's language."""
    return {
        "scan_bin": _("Scan the bin the goods go back into."),
        "scan_item": _("Now scan the item that came back."),
        "bin_set": _("Into {code}"),
        "choose_reason": _("Choose why it came back."),
        "sending": _("Booking the return…"),
        "booked": _("Returned: {name} × {n} into {code}"),
        "offline": _("No connection: nothing was booked. Press again when online; it will not count twice."),
        "refused": _("Not booked: {reason}"),
        "unknown_item": _("This code is not a registered item."),
    }


@web_bp.route("/returns/scan")
@login_required
def return_scan():
    """Goods a customer brought back, scanned into a bin at the counter."""
    return render_template(
        "return_scan.html",
        page="return",
        reasons=REASON_LABELS,
        strings=return_strings(),
        api=url_for("api.post_customer_return"),
    )

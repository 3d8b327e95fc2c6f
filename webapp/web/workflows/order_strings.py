"""Words of the purchase-order screens and API: stages, steps, history entries and refusals in the user's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..strings import pack_problems

STAGE_LABELS = {
    "draft": _l("Draft"),
    "confirmed": _l("Confirmed"),
    "sent": _l("Sent"),
    "partly_received": _l("Partly received"),
    "received": _l("Received"),
    "cancelled": _l("Cancelled"),
}
CHANNEL_LABELS = {"email": _l("E-mail"), "fax": _l("FAX"), "phone": _l("Telephone"), "other": _l("Other")}
HISTORY_LABELS = {
    "created": _l("Order created"),
    "confirmed": _l("Confirmed"),
    "sent": _l("Sent"),
    "edited": _l("Edited"),
    "merged": _l("Merged"),
    "cancelled": _l("Cancelled"),
    "reopened": _l("Reopened as a draft"),
    "received": _l("Received in full"),
    "over_receipt": _l("Received more than ordered"),
    "not_on_order": _l("Received an item not on the order"),
    "closed_short": _l("Closed short"),
    "returned": _l("Returned to the supplier"),
}


def order_refusal(exc) -> str:
    """A refused purchase-order step in the user's language, from the error's code (the service's words are English)."""
    by_code = {
        "not_draft": lambda: _("Only a draft can be changed or confirmed."),
        "bad_eoq_costs": lambda: _(
            "The cost of one order must be 0 to 1,000,000 yen and the holding rate 0 to 100 percent."
        ),
        "supplier_required": lambda: _("Choose the supplier before confirming."),
        "no_lines": lambda: _("At least one line is needed."),
        "not_confirmed": lambda: _("Only a confirmed order can be marked as sent."),
        "bad_channel": lambda: _("Say how the order was sent."),
        "not_cancellable": lambda: _("Only a draft or an order not yet received can be cancelled."),
        "received_already": lambda: _("Goods were received against this order: close it short instead."),
        "not_cancelled": lambda: _("Only a cancelled order can be reopened."),
        "merged_away": lambda: _("This draft was merged into another order, so it cannot be reopened."),
        "merge_needs_two": lambda: _("Choose at least two drafts to merge."),
        "merge_mismatch": lambda: _("Only drafts of one supplier and one receiving site can be merged."),
        "bad_quantity": lambda: _("The quantity must be a whole number from 1 to 1,000,000."),
        "unknown_item": lambda: _("No item has this code or JAN."),
        "too_long": lambda: _("The remarks are too long (at most 2,000 characters)."),
        "no_document": lambda: _("A draft or cancelled order has no order document."),
        "bad_stage": lambda: _("Unknown order stage."),
        "bad_company": lambda: _("Some company fields are too long, or a tax rate is not from 0 to 100."),
        "not_found": lambda: _("That purchase order or line does not exist."),
        "reason_required": lambda: _("Say why the order is closed short."),
        "task_closed": lambda: _("This task is already closed."),
    }
    if exc.code in by_code:
        return by_code[exc.code]()
    return str(pack_problems().get(exc.code, exc.message))

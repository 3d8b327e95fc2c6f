"""Translated strings of the workflow screens, handed to their scripts as one JSON dict."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "cancelled": _l("Cancelled"),
}
KIND_LABELS = {
    "purchase_order": _l("Purchase orders"),
    "pick_list": _l("Pick lists"),
    "count_session": _l("Stocktakes"),
}


def wf_strings() -> dict:
    """Strings of static/js/workflows, in the request's language ({n}-style placeholders filled in JS)."""
    return {
        "receive": _("Receive"),
        "pick": _("Pick"),
        "count": _("Count"),
        "transfer": _("Transfer"),
        "no_tasks": _("Nothing open."),
        "offline_list": _("Offline: showing the tasks saved on this phone."),
        "refreshed": _("Tasks updated"),
        "not_saved": _("This task is not saved on this phone. Open it once online."),
        "expected": _("Expected {n}"),
        "received": _("Received {n}"),
        "over": _("Over by {n}"),
        "under": _("{n} still to come"),
        "complete": _("Complete"),
        "scan_bin_then_item": _("Scan the put-away bin (optional), then each item."),
        "go_to_bin": _("Go to bin {code}"),
        "take": _("Take {n}"),
        "scan_bin": _("Scan the bin label"),
        "scan_item": _("Now scan the item"),
        "wrong_bin": _("Wrong bin: go to {code}"),
        "wrong_item": _("Wrong item: this is not {name}"),
        "not_on_order": _("Not on this order: recorded as over"),
        "picked": _("Picked {n} of {m}"),
        "all_picked": _("Every line is done. Complete the list."),
        "short": _("Short pick"),
        "short_reason": _("Why is it short?"),
        "reasons": {
            "not_found": _("Not found in the bin"),
            "damaged": _("Damaged"),
            "not_enough": _("Not enough in the bin"),
            "other": _("Other"),
        },
        "complete_list": _("Complete the list"),
        "lines_open": _("Pick or short every line first."),
        "short_queued": _("Short {n} × {name}: saved, sending…"),
        "completed": _("List completed: saved, sending…"),
        "unavailable": _("No stock reserved: short it"),
        "done": _("Done"),
        "count_bin": _("Scan a bin of this count"),
        "not_in_count": _("{code} is not part of this count"),
        "counted_here": _("Counted here {n}"),
        "bins_to_count": _("Bins to count"),
        "recount": _("Recount"),
        "from_bin": _("From bin: scan a bin label"),
        "to_bin": _("To bin: scan a bin label"),
        "from_set": _("From {code}"),
        "to_set": _("To {code}"),
        "scan_to_bin": _("Scan the destination bin"),
        "moved": _("Moved {n} × {name} to {code}"),
        "same_bin": _("The destination must be another bin."),
        "item_set": _("{name}: set the quantity, then scan the destination bin"),
        "rejected": _("Not accepted"),
        "sent": _("Saved, sending…"),
        "lot": _("Lot"),
        "expiry": _("Expiry"),
        "quantity": _("Quantity per scan"),
        "bin": _("Bin {code}"),
        "unknown": _("Unknown code"),
    }

"""Translated strings of the workflow screens, handed to their scripts as one JSON dict."""

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...domain.units import UNIT_WORDS, unit_word

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
        "bin_total": _("Bin total {n}"),
        "counted_item": _("Counted so far of this item"),
        "scan_item_to_count": _("Scan each item; for many, set the quantity and scan once."),
        "over_by": _("Over by {n} ({m} ordered)"),
        "received_all": _("All {m} received"),
        "closed": _("{number} is closed."),
        "closed_cancelled": _("{number} was cancelled."),
        "receive_more": _("If more has arrived, receive it without an order."),
        "ask_manager": _("If more has arrived, ask a manager to receive it without an order."),
        "cannot_undo": _("This scan cannot be undone here. See Recent scans."),
        "undone_last": _("Undone: {name} −{n}"),
        "choose_reason": _("First choose why it is short."),
        "reason_placeholder": _("Choose a reason…"),
        "short_confirm": _("Record {n} × {name} as short ({reason})?"),
        "lot_expiry": _("Lot {lot}, expiry {expiry}"),
        "lot_only": _("Lot {lot}"),
        "expired": _("Expired"),
        "later_lot_ask": _("Lot {lot} expires after lot {proposed} ({expiry}). Why take it?"),
        "choose_lot_reason": _("First choose why you take this lot."),
        "lot_reasons": {
            "damaged_packaging": _("Damaged packaging"),
            "customer_asked": _("The customer asked for it"),
            "earlier_not_found": _("Earlier lot not found"),
            "other": _("Other"),
        },
        "over_by_packs": _("{n} over ({m} ordered)"),
        "received_all_packs": _("All received: {m}"),
        "take_packs": _("Take: {n}"),
        "case_one": _("{n} case"),
        "case_many": _("{n} cases"),
        "inner_one": _("{n} inner"),
        "inner_many": _("{n} inners"),
        "unit_words": {
            code: unit_word(code, "en" if str(get_locale() or "ja") == "en" else "ja") for code in UNIT_WORDS
        },
    }


def task_refusals() -> dict:
    """Why the server refused a task scan or action (ScanOutcome.reason), filled on the phone with its params."""
    return {
        "task_closed": _("This task is closed: nothing more can be scanned into it."),
        "undo_task_closed": _("This task is closed, so the scan can no longer be undone. Ask a manager."),
        "undo_of_undo": _("An undo cannot be undone: scan the item again instead."),
        "nothing_to_undo": _("This scan is no longer on the task: there is nothing to undo."),
        "line_closed": _("This line was closed short, so its picks can no longer be undone."),
        "wrong_mode": _("This scan does not belong to {number}."),
        "wrong_site": _("{code} is not at the site of {number}."),
        "wrong_item": _("{name} is not on this task."),
        "wrong_bin": _("Take {name} from {bins}, not {code}."),
        "wrong_lot": _("Lot {lot} is not the lot to take at {code}."),
        "expired_lot": _("Lot {lot} expired on {expiry}: it cannot be picked. Move it to quarantine."),
        "later_lot": _("Lot {lot} expires after lot {proposed} ({expiry}), which is here: choose why you take it."),
        "lot_held": _("Lot {lot} at {code} is held for other picks."),
        "scan_bin_first": _("Scan the bin label first, then the items in it."),
        "not_in_count": _("{code} is not part of this count."),
        "unknown_code": _("This code is not a registered item, so it is not on this task."),
        "already_picked": _("Nothing left to pick on this line: another picker took it."),
        "too_many": _("Only {n} left to pick here."),
        "line_finished": _("This line is already finished."),
        "lines_open": _("Pick or short every line first."),
        "short_reason": _("Choose a reason for the short pick."),
        "not_found": _("That is not on this task any more."),
        "location_not_item": _("{code} is a bin label, not an item."),
        "unknown_location": _("No bin has the code {code}."),
    }


def _line_problem(key: str, problems: list) -> str:
    """Every problem of one CSV line, each in the manager's language."""
    return "; ".join(_one_problem(key, str(p)) for p in problems or [""])


def _one_problem(key: str, text: str) -> str:
    number = "".join(ch for ch in key if ch.isdigit())
    if text.startswith("unknown item"):
        return _("line %(n)s: unknown item %(code)s", n=number, code=text.removeprefix("unknown item ").strip("'\""))
    if "quantity" in text:
        return _("line %(n)s: the quantity must be a whole number of 1 or more", n=number)
    return _("line %(n)s: order, site and item are needed", n=number)


def office_refusal(exc, form=None) -> str:
    """A refused office action in the manager's language, from the error's code (the service's words are English)."""
    form, fields = form or {}, exc.fields or {}
    lines = "; ".join(_line_problem(k, v) for k, v in fields.items())
    by_code = {
        "uncounted": lambda: _(
            "%(n)s lines are not counted yet: have them counted, or tick “Lines not counted are empty”.",
            n=len(fields.get("lines", [])),
        ),
        "task_closed": lambda: _("This task is already closed."),
        "lines_open": lambda: _("Pick or short every line first."),
        "line_finished": lambda: _("This line is already finished."),
        "not_draft": lambda: _("Only a draft can be released."),
        "reason_required": lambda: _("Say why the order is closed short."),
        "number_taken": lambda: _("That number is already used by another task."),
        "unknown_site": lambda: _("No site has the code %(code)s.", code=form.get("site", "")),
        "unknown_supplier": lambda: _("No supplier has the code %(code)s.", code=form.get("party", "")),
        "unknown_bins": lambda: _("Unknown bins at this site: %(bins)s.", bins=", ".join(fields.get("bins", []))),
        "bad_lines": lambda: _("Some lines are not valid: %(lines)s.", lines=lines),
        "bad_csv_lines": lambda: _("Some CSV lines are not valid: %(lines)s.", lines=lines),
        "no_lines": lambda: _("At least one line is needed."),
        "empty_csv": lambda: _("The CSV has no orders."),
        "zone_required": lambda: _("Name the zone to count."),
        "bins_required": lambda: _("Choose the bins to count."),
        "bad_scope": lambda: _("Choose what to count: the whole site, a zone, bins or items."),
        "not_found": lambda: _("That task does not exist."),
        "scope_locked": lambda: _(
            "%(what)s is already being counted in %(session)s: approve that count first, or count something else.",
            what=f"{fields.get('item')} / {fields.get('bin')}" if fields.get("item") else fields.get("bin", ""),
            session=fields.get("session", ""),
        ),
        "not_count_owner": lambda: _(
            "Only the person counting %(session)s or a manager may approve it.", session=fields.get("session", "")
        ),
        "unknown_assignee": lambda: _("Choose someone who can sign in to count it."),
        "bad_cycle_settings": lambda: _(
            "Check the numbers: days between counts 1 to 730, items and bins per session 1 to 500, "
            "sessions a day 1 to 50."
        ),
        "csv_columns": lambda: _(
            "The CSV needs a first row naming its columns: order, supplier or customer, site, item, quantity."
        ),
    }
    return by_code[exc.code]() if exc.code in by_code else exc.message

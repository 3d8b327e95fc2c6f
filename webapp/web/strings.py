"""Translated strings the browser scripts need, handed over as one JSON dict per page."""

import re

from flask_babel import get_locale
from flask_babel import gettext as _

from ..errors import AppError, Conflict, Expired, Forbidden, InvalidInput, Locked, NotFound, Unauthorized
from .blueprint import web_bp
from .workflows.strings import task_refusals

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def js_strings() -> dict:
    """The strings of static/js, in the request's language ({n}-style placeholders filled in JS)."""
    return {
        "online": _("Online"),
        "offline": _("Offline"),
        "pending": _("Unsent {n}"),
        "all_sent": _("All sent"),
        "attention": _("Needs attention {n}"),
        "last_sync": _("Last sync {time}"),
        "never_synced": _("Not synced yet"),
        "login_again": _("Your session has ended. Log in again: your {n} unsent scans stay on this phone."),
        "login_again_link": _("Log in again"),
        "device_removed": _(
            "This phone was removed; ask a manager. Its {n} unsent scans stay on it and are sent once it is paired again."
        ),
        "new_version": _("A new version is available."),
        "reload": _("Update now"),
        "camera_denied": _("The camera could not be opened. Allow camera access, or type the code."),
        "camera_none": _("This device has no camera. Use a scanner or type the code."),
        "camera_insecure": _(
            "The camera needs the secure address. Open the link on this screen, or use a scanner or type the code."
        ),
        "bad_check_digit": _("Wrong check digit (expected {expected}): scan again."),
        "bad_code": _("This code cannot be read: {reason}"),
        "unknown_code": _("Unknown code: it is saved and waits to be registered."),
        "unknown_offline": _("Not in this phone's list; the server will check it."),
        "bin_set": _("Bin {code}"),
        "to_bin_set": _("To bin {code}"),
        "need_to_bin": _("Scan the destination bin first."),
        "scan_serial": _("Now scan or type the serial number of this unit."),
        "serial_of": _("Serial {serial}"),
        "serial_too_long": _("A serial number has at most 40 characters."),
        "same_bin": _("The destination must be another bin."),
        "bin_not_item": _("{code} is a bin label, not an item."),
        "queued": _("Saved, sending…"),
        "applied": _("Recorded"),
        "duplicate": _("Already recorded"),
        "unresolved": _("Waiting for registration"),
        "rejected": _("Rejected"),
        "pending_state": _("Not sent yet"),
        "undone": _("Undone"),
        "undo": _("Undo"),
        "undo_of": _("Undo of {code}"),
        "undo_confirm": _("Undo this scan? A compensating scan will be recorded."),
        "stock_here": _("Stock here: {n}"),
        "negative_stock": _("Stock went below zero: please check."),
        "total": _("Total {n}"),
        "looking_up": _("Checking live stock…"),
        "lookup_offline": _("Offline: showing this phone's copy, without stock."),
        "logout_pending": _(
            "{n} scans are not sent yet. They stay on this phone and are sent after you log in again. Log out?"
        ),
        "torch_on": _("Light on"),
        "torch_off": _("Light off"),
        "kind_item": _("Item"),
        "kind_location": _("Bin"),
        "kind_unknown": _("Unknown code"),
        "kind_invalid": _("Cannot be read"),
        "reasons": rejection_reasons() | task_refusals(),
        "refused_other": _("The server refused this ({reason}). Ask a manager."),
        "code_problems": code_problems(),
        "mode_receive": _("Receive"),
        "mode_pick": _("Pick"),
        "mode_count": _("Count"),
        "mode_move": _("Move"),
        "mode_adjust": _("Adjust"),
        "mode_lookup": _("Lookup"),
        "mode_undo": _("Undo"),
        "mode_short": _("Short pick"),
        "mode_complete": _("Complete the list"),
    }


def rejection_reasons() -> dict:
    """The server's rejection reasons (ScanOutcome.reason) in the worker's language."""
    return {
        "unknown_location": _("That bin code is not known. Scan a bin label that is registered."),
        "location_not_item": _("That is a bin label, not an item."),
        "same_location": _("The destination must be another bin."),
        "unknown_site": _("That site is not known."),
        "no_site": _("No site is set up yet. Ask a manager."),
        "no_location": _("This site has no receiving bin: scan a bin first."),
        "unknown_scan": _("Nothing to undo: the original scan is not on the server."),
        "already_undone": _("This scan was already undone."),
        "undo_not_own": _("You can undo only your own scans. Ask a manager to undo this one."),
        "forbidden": _("Your role may not do this."),
        "unknown_task": _("That task does not exist any more."),
        "bad_check_digit": _("Wrong check digit: scan again."),
        "gs1_count_zero": _("The code counts 0 units, so nothing was booked. Scan the item's own barcode instead."),
        "quantity_too_large": _("Too many units for one scan ({units}); at most {maximum}. Check the quantity."),
        "validation_error": _("The scan was incomplete or malformed."),
        "unknown_worker": _("The worker who made this scan has not signed in on this phone. Ask a manager."),
        "serial_required": _("{item} has a serial number on each unit: scan the serial too."),
        "serial_one_unit": _("A serial number stands for one unit: scan each unit with its own serial."),
        "serial_in_stock": _("Serial {serial} is already in stock in {code}: it cannot come in twice."),
        "serial_not_in_stock": _("Serial {serial} is not in stock."),
        "serial_elsewhere": _("Serial {serial} is in {code}, not here."),
        "serial_counted": _("Serial {serial} is already counted."),
    }


def code_problems() -> dict:
    """Why a typed or scanned code was refused (MalformedCode.code), for office pages."""
    return {
        "bad_check_digit": _("Wrong check digit: the code was mistyped or misread."),
        "empty": _("The code is empty."),
        "too_long": _("The code is too long for a barcode."),
        "bad_characters": _("The code has characters a barcode cannot hold."),
        "bad_gs1": _("Not a valid GS1 code."),
        "bad_gtin": _("Not a JAN/EAN code: those have 8, 12, 13 or 14 digits."),
        "bad_upce": _("Not a valid UPC-E code."),
        "bad_pack_qty": _("Units per scan must be 1 or more."),
        "pack_qty_not_a_level": _("This item has packs: a barcode stands for one piece, one inner or one case."),
    }


def pack_problems() -> dict:
    """Why a typed mixed quantity (「2 ケース 3 ボール 5」) was refused (PackRefused.reason), for office pages."""
    return {
        "empty_quantity": _("Enter the quantity."),
        "not_a_quantity": _("Type a quantity such as 2 cases 3 inners 5, 2c 3i 5 or just 17."),
        "not_whole_packs": _("Type whole cases, inners and pieces, without fractions or separators."),
        "negative_quantity": _("A quantity cannot be negative."),
        "unknown_pack_word": _("Only cases (c), inners (i) and pieces (p) can be typed."),
        "repeated_level": _("Each pack level may be typed only once."),
        "no_case_level": _("This item has no case size: set it on the item first, or type pieces."),
        "no_inner_level": _("This item has no inner size: set it on the item first, or type pieces."),
        "quantity_too_large": _("The quantity is too large (at most 1,000,000 pieces)."),
    }


def error_message(exc, **by_code) -> str:
    """A refused request in the page's language: known codes translated, else the server's own words."""
    return str((code_problems() | by_code).get(exc.code, exc.message))


def csv_problem(found: dict) -> str:
    """One problem of an imported CSV row (csv_fields.PROBLEMS by code) in the page's language."""
    params = found.get("params") or {}
    said = {
        "required": lambda: _("required"),
        "not_whole_number": lambda: _("not a whole number"),
        "below_minimum": lambda: _("must be %(low)s or more", low=params.get("low")),
        "above_maximum": lambda: _("must be %(high)s or less", high=params.get("high")),
        "not_number": lambda: _("not a number"),
        "too_long": lambda: _("at most %(length)s characters", length=params.get("length")),
        "bad_stock_class": lambda: _("write material, wip or product"),
        "unknown_supplier": lambda: _("no supplier has this code"),
        "unknown_item": lambda: _("no item has this code"),
        "bad_barcode": lambda: _("not a barcode: %(reason)s", reason=params.get("reason")),
        "barcode_taken": lambda: _("already belongs to another item"),
        "pack_not_a_level": lambda: _("not one of the item's packs: %(sizes)s", sizes=params.get("sizes")),
        "unknown_site": lambda: _("no site has this code"),
        "bad_location_kind": lambda: _("write bin, receiving, shipping, staging or quarantine"),
        "location_at_other_site": lambda: _("this bin code is already used at another site"),
        "unknown_location": lambda: _("no bin has this code"),
        "missing_column": lambda: _("the column is missing from the first row"),
        "too_many_rows": lambda: _("at most %(rows)s rows per file", rows=params.get("rows")),
    }
    return str(said[found["code"]]()) if found.get("code") in said else str(found.get("message", ""))


def server_message(exc) -> str:
    """A refusal a page shows: in English its own words; in Japanese by its code, else the general words of its kind."""
    if str(get_locale() or "ja") == "en" or _JAPANESE.search(exc.message or ""):
        return exc.message  # English already, or said in Japanese where it was raised
    known = code_problems() | {
        "invalid": _("Some of what was entered is not valid. Check it and try again."),
        "not_found": _("That does not exist (any more)."),
        "conflict": _("Someone else changed this at the same time. Reload and try again."),
        "forbidden": _("Your role may not do this."),
        "unauthorized": _("Log in first."),
        "expired": _("This link or code has expired."),
        "locked": _("Too many wrong tries. Wait a little, then try again."),
    }
    if exc.code in known:
        return str(known[exc.code])
    kinds = [("invalid", InvalidInput), ("not_found", NotFound), ("conflict", Conflict), ("forbidden", Forbidden)]
    general = next((code for code, kind in kinds if isinstance(exc, kind)), None)
    return str(known[general]) if general else _("This could not be done. Check what was entered and try again.")


@web_bp.errorhandler(AppError)
def refused_page(exc: AppError):
    """A refusal no page handled itself: the mapped status, the words in the page's language."""
    statuses = [(InvalidInput, 422), (NotFound, 404), (Conflict, 409), (Forbidden, 403), (Unauthorized, 401)]
    statuses += [(Expired, 410), (Locked, 429)]
    return server_message(exc), next((s for kind, s in statuses if isinstance(exc, kind)), 400)

"""Translatable labels of the office pages: stock classes, CSV headers, methods and why they were chosen."""

from flask_babel import lazy_gettext as _l

from ...domain.reorder_plan import Method

MOVEMENT_LABELS = {
    "receive": _l("Receive"),
    "pick": _l("Pick"),
    "count": _l("Count"),
    "move": _l("Move"),
    "adjust": _l("Adjust"),
    "customer_return": _l("Customer return"),
    "supplier_return": _l("Return to supplier"),
}
STOCK_CLASS_LABELS = {"material": _l("Material"), "wip": _l("Work in process"), "product": _l("Product")}

CSV_HEADERS = (
    _l("Item code"),
    _l("Item name"),
    _l("Stock class"),
    _l("Site"),
    _l("Opening stock"),
    _l("Received"),
    _l("Issued"),
    _l("Adjusted"),
    _l("Current stock"),
    _l("Safety stock"),
    _l("Reorder point"),
    _l("Order quantity"),
    _l("Note"),
)

METHOD_LABELS = {
    Method.NO_DEMAND: _l("No demand"),
    Method.PERIODIC: _l("Daily review with undershoot"),
    Method.EMPIRICAL: _l("From this item's own demand history"),
    Method.MANUAL: _l("Set by hand"),
}

METHOD_REASONS = {
    Method.NO_DEMAND: _l("No demand in the history window, so no stock is held back for it."),
    Method.PERIODIC: _l(
        "Steady demand: the demand over the lead time, plus the shortfall that builds up "
        "between two stock checks, plus a safety margin for the service level."
    ),
    Method.EMPIRICAL: _l(
        "Irregular demand: taken from this item's own history of demand over the lead time, "
        "at the service level, because averages mislead for rare, large orders."
    ),
    Method.MANUAL: _l("Set by hand for this item and site."),
}

ALERT_LABELS = {
    "reorder": _l("Reorder"),
    "stockout": _l("Stockout"),
    "negative_stock": _l("Negative stock"),
    "overstock": _l("Overstock"),
    "unresolved_barcode": _l("Unknown barcode"),
    "expiry": _l("Expiry"),
}

BAND_LABELS = {"risk": _l("Below band"), "ok": _l("In band"), "overstock": _l("Above band"), "none": _l("No band")}

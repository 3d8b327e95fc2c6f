"""Expiry rules with no database in them: first expiry first out, expired stock, and when to warn before expiry."""

from datetime import date

# Days before expiry an item's lots are alerted when the item sets no days of its own, by the item
# categories of domain.classification: fresh food is sold within days, parts are used over months.
CATEGORY_ALERT_DAYS = {
    "fresh_food": 3,
    "supermarket": 14,
    "apparel": 30,
    "manufacturing_parts": 90,
    "semiconductors_heavy_industry": 90,
}
DEFAULT_ALERT_DAYS = 30
MAX_ALERT_DAYS = 3650

# Why a picker took a later lot although an earlier one was there (the phone offers these four).
LATER_LOT_REASONS = ("damaged_packaging", "customer_asked", "earlier_not_found", "other")


def is_expired(expiry: date | None, today: date) -> bool:
    """A lot is expired from the day after its expiry date; a lot with no expiry never is."""
    return expiry is not None and expiry < today


def fefo_key(expiry: date | None, walk_seq: int, code: str, lot: str) -> tuple:
    """Sort key of a candidate: earliest expiry first, no expiry last, then the nearest bin in walk order."""
    return (expiry is None, expiry or date.max, walk_seq, code, lot)


def is_later(scanned: date | None, proposed: date | None) -> bool:
    """True when the scanned lot expires after the proposed one (no expiry counts as the latest)."""
    if proposed is None:
        return False
    return scanned is None or scanned > proposed


def alert_days(item_days: int | None, category: str) -> int:
    """Days before expiry to alert: the item's own setting, else its category's, else the shop default."""
    if item_days is not None:
        return item_days
    return CATEGORY_ALERT_DAYS.get((category or "").strip().lower(), DEFAULT_ALERT_DAYS)


def expiry_state(expiry: date | None, today: date, days: int) -> str:
    """'expired', 'soon' (within `days` of expiry) or 'ok'; lots without expiry are 'ok'."""
    if expiry is None:
        return "ok"
    if expiry < today:
        return "expired"
    return "soon" if (expiry - today).days <= days else "ok"

"""Returns as pure rules: the kinds, their movement types, the fixed reasons, and the day a customer return's demand is on."""

from datetime import datetime

KINDS = ("customer", "supplier")
# The ledger's types (Movement.type is String(16)): a customer return adds stock, a supplier return takes it.
MOVEMENT_TYPES = {"customer": "customer_return", "supplier": "supplier_return"}
# What each movement type is to the figures (the engine, the KPIs, the stock list): outbound demand and
# receipts; a customer return is negative demand (on its pick's day), a supplier return a negative receipt.
DEMAND_TYPES = ("pick", "ship", "issue")
RECEIPT_TYPES = ("receive", MOVEMENT_TYPES["supplier"])
REASONS = ("damaged", "wrong_item", "expired", "quality", "over_delivery", "unwanted", "other")
NOTE_MAX = 200


def demand_at(picked_at: datetime | None, returned_at: datetime) -> datetime:
    """When a customer return takes its demand back: at the original pick when known, else when it came back."""
    return picked_at if picked_at is not None and picked_at <= returned_at else returned_at


def returnable(picked: int, returned: int) -> int:
    """Units of a pick list's item that may still come back: picked minus returned already, never below 0."""
    return max(picked - returned, 0)

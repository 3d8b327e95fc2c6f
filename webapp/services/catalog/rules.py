"""The bounds every item and supplier field is held to, whoever writes it (API, office page, import).

Values may arrive typed (the API's schemas) or as a form's text; both are read the same way. A field
that does not fit is named with a short problem code ("out of range", "too long"...) that the pages
translate; nothing reaches the database until every field fits.
"""

import re
from decimal import Decimal, InvalidOperation

from ...domain.pack_levels import LEVELS, MAX_PACK, MIN_PACK
from ...errors import InvalidInput
from ...models.catalog import ORDER_POLICIES, STOCK_CLASSES

MAX_INT = 2**31 - 1
MAX_MONEY = Decimal(1_000_000_000)  # amounts are stored x10^4 in 64 bits
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# name: (kind, low, high) for numbers; (kind, min length, max length) for text.
ITEM_RULES = {
    "code": ("text", 1, 64),
    "name": ("text", 1, 200),
    "name_en": ("text", 0, 200),
    "stock_class": ("choice", STOCK_CLASSES, None),
    "category": ("text", 0, 40),
    "unit": ("text", 1, 16),
    "unit_cost": ("money", 0, MAX_MONEY),
    "unit_price": ("money", 0, MAX_MONEY),
    "lead_time_days": ("int", 0, 365),
    "review_interval_days": ("int", 0, 365),
    "service_level": ("decimal", Decimal("0.5"), Decimal("0.9999")),
    "safety_stock": ("int", 0, MAX_INT),
    "reorder_point": ("int", 0, MAX_INT),
    "max_stock": ("optional_int", 0, MAX_INT),
    "expiry_alert_days": ("optional_int", 0, 3650),  # empty: the category's days (domain.expiry)
    "min_order_qty": ("int", 1, MAX_INT),
    "order_multiple": ("int", 1, MAX_INT),
    "inner_qty": ("optional_int", MIN_PACK, MAX_PACK),
    "case_qty": ("optional_int", MIN_PACK, MAX_PACK),
    "order_in": ("choice", LEVELS, None),
    "supplier_id": ("optional_int", 1, MAX_INT),
    "reduced_tax": ("flag", None, None),
    "serial_tracked": ("flag", None, None),
    "order_policy": ("choice", ORDER_POLICIES, None),
    "fixed_order_qty": ("optional_int", 1, MAX_INT),
    "use_eoq": ("flag", None, None),
    "note": ("text", 0, 2000),
    "active": ("flag", None, None),
}

SUPPLIER_RULES = {
    "code": ("text", 1, 40),
    "name": ("text", 1, 200),
    "contact": ("text", 0, 200),
    "email": ("email", 0, 200),
    "phone": ("optional_text", 0, 40),
    "fax": ("optional_text", 0, 40),
    "lead_time_days": ("int", 0, 365),
    "min_order_amount": ("money", 0, MAX_MONEY),
    "ordering_cost": ("optional_money", 0, MAX_MONEY),
    "note": ("text", 0, 2000),
    "language": ("choice", ("ja", "en"), None),
    "active": ("flag", None, None),
}


def _number(kind: str, value, low, high):
    """The value as its number, or the problem with it."""
    if kind in ("optional_int", "optional_money") and (value is None or str(value).strip() == ""):
        return None, None
    if isinstance(value, bool):
        return None, "not a number"
    try:
        number = value if isinstance(value, (int, Decimal)) else Decimal(str(value).strip().replace(",", ""))
        number = Decimal(number)
    except (InvalidOperation, ValueError):
        return None, "not a number"
    if not number.is_finite():
        return None, "not a number"
    if kind in ("int", "optional_int") and number != number.to_integral_value():
        return None, "not a whole number"
    if number < low or number > high:
        return None, "out of range"
    return (int(number) if kind in ("int", "optional_int") else number), None


def _value(rule, value):
    """One field read by its rule: (clean value, problem or None)."""
    kind, low, high = rule
    if kind == "flag":
        return (value if isinstance(value, bool) else str(value).lower() in ("1", "true", "on", "yes")), None
    if kind == "choice":
        return value, (None if value in low else "unknown choice")
    if kind in ("text", "optional_text", "email"):
        text = "" if value is None else str(value).strip()
        if kind != "text" and text == "":
            return None, None
        if len(text) < low:
            return text, "required"
        if len(text) > high:
            return text, "too long"
        if kind == "email" and not EMAIL.match(text):
            return text, "not an e-mail address"
        return text, None
    return _number(kind, value, low, high)


def clean_fields(fields: dict, rules: dict, what: str) -> dict:
    """Every field read and bounded by its rule; InvalidInput naming each one that does not fit."""
    unknown = set(fields) - set(rules)
    if unknown:
        raise InvalidInput(f"Unknown {what} fields: {', '.join(sorted(unknown))}.")
    clean, problems = {}, {}
    for name, value in fields.items():
        clean[name], problem = _value(rules[name], value)
        if problem:
            problems[name] = [problem]
    if problems:
        raise InvalidInput(f"Some {what} fields do not fit: {', '.join(sorted(problems))}.", fields=problems)
    return clean

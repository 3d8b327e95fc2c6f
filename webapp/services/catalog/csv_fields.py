"""Reading one CSV row's fields: every problem noted with a stable code, none stopping the others."""

from decimal import Decimal, InvalidOperation

# The English words of each problem code (the API and the CLI); pages translate by the code.
PROBLEMS = {
    "required": "required",
    "not_whole_number": "not a whole number",
    "below_minimum": "must be {low} or more",
    "above_maximum": "must be {high} or less",
    "not_number": "not a number",
    "too_long": "at most {length} characters",
    "bad_stock_class": "material, wip or product",
    "unknown_supplier": "unknown supplier",
    "unknown_item": "unknown item",
    "bad_barcode": "{reason}",
    "barcode_taken": "already belongs to another item",
    "pack_not_a_level": "not one of the item's packs: {sizes}",
    "unknown_site": "unknown site",
    "bad_location_kind": "bin, receiving, shipping, staging or quarantine",
    "location_at_other_site": "already used at another site",
    "unknown_location": "unknown location",
    "missing_column": "missing column",
    "too_many_rows": "at most {rows} rows per file",
}
MAX_WHOLE = 1_000_000_000  # far beyond any real quantity or lead time, well inside a 32-bit column
MAX_MONEY = Decimal("9999999999")  # ¥10 billion per unit: the Numeric(14, 4) columns hold it


def problem(row: int, field: str, code: str, **params) -> dict:
    """One problem of one row: its number, the column, the code, the code's parameters and English words."""
    return {"row": row, "field": field, "code": code, "params": params, "message": PROBLEMS[code].format(**params)}


class Fields:
    """One row's values, read with their bounds; what is wrong is collected in `problems`."""

    def __init__(self, number: int, row: dict):
        self.number, self.row, self.problems = number, row, []

    def note(self, field: str, code: str, **params) -> None:
        self.problems.append(problem(self.number, field, code, **params))

    def text(self, name: str, length: int, default: str = "") -> str:
        value = (self.row.get(name) or "").strip() or default
        if len(value) > length:
            self.note(name, "too_long", length=length)
            return value[:length]
        return value

    def whole(self, name: str, default: int | None = None, low: int = 0) -> int:
        value = (self.row.get(name) or "").strip().replace(",", "")
        if not value:
            if default is None:
                self.note(name, "required")
                return low
            return default
        if not (value.isascii() and value.lstrip("-").isdigit()):
            self.note(name, "not_whole_number")
            return low
        number = int(value)
        if number < low:
            self.note(name, "below_minimum", low=low)
        elif number > MAX_WHOLE:
            self.note(name, "above_maximum", high=MAX_WHOLE)
        return min(max(number, low), MAX_WHOLE)

    def money(self, name: str) -> Decimal:
        raw = (self.row.get(name) or "").replace(",", "").replace("¥", "").strip() or "0"
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.note(name, "not_number")
            return Decimal(0)
        if not value.is_finite():
            self.note(name, "not_number")
            return Decimal(0)
        if value < 0:
            self.note(name, "below_minimum", low=0)
        elif value > MAX_MONEY:
            self.note(name, "above_maximum", high=MAX_MONEY)
        return min(max(value, Decimal(0)), MAX_MONEY)

"""Office form fields of the purchase-order pages, each bounded before a service sees it (a clear 422 otherwise)."""

from datetime import date

from flask_babel import gettext as _

from ...errors import InvalidInput
from ...input_limits import EARLIEST_DATE, LATEST_DATE, form_int

COMPANY_TEXT = ("name", "postal_code", "address", "phone", "fax", "email", "person_in_charge")


def form_quantity(form) -> int:
    """The quantity typed: a whole number from 1 to 1,000,000."""
    quantity = form_int(form.get("quantity"), 1, 1_000_000)
    if quantity is None:
        raise InvalidInput(_("Enter the quantity."), code="bad_quantity", fields={"quantity": ["required"]})
    return quantity


def form_date(form, name: str = "expected_date") -> date | None:
    """A date from a date input (YYYY-MM-DD), empty for none, between 2000 and 2100."""
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        day = None
    if day is None or not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InvalidInput(_("Enter a date such as 2026-12-10."), code="bad_date", fields={name: [raw[:20]]})
    return day


def text_field(form, name: str, limit: int) -> str:
    """A text field of at most `limit` characters."""
    value = form.get(name) or ""
    if len(value) > limit:
        raise InvalidInput(
            _("This text is too long (at most %(n)s characters).", n=limit),
            code="text_too_long",
            fields={name: [limit]},
        )
    return value


def company_form(form, keep: bool = False) -> dict:
    """The company block as typed; the tax rates as whole percents (refused outside 0..100 unless just kept for redisplay)."""
    values = {k: (form.get(k) or "") for k in COMPANY_TEXT}
    for key, default in (("standard_tax_percent", 10), ("reduced_tax_percent", 8)):
        if keep:
            values[key] = form.get(key, default)
            continue
        rate = form_int(form.get(key), 0, 100)
        values[key] = default if rate is None else rate
    return values

"""Office form fields of the purchase-order pages, each bounded before a service sees it (a clear 422 otherwise)."""

from datetime import date

from flask_babel import gettext as _

from ...errors import InvalidInput
from ...input_limits import EARLIEST_DATE, LATEST_DATE, form_int

COMPANY_TEXT = ("name", "postal_code", "address", "phone", "fax", "email", "person_in_charge")


def form_typed_quantity(form) -> str:
    """The quantity as typed, for the service to read exactly against the item's packs ("2ケース 3", "2c 3i 5", "17")."""
    raw = (form.get("quantity") or "").strip()
    if not raw:
        raise InvalidInput(_("Enter the quantity."), code="bad_quantity", fields={"quantity": ["required"]})
    if len(raw) > 80:
        raise InvalidInput(
            _("Type a quantity such as 2 cases 3 inners 5."), code="not_a_quantity", fields={"quantity": ["too long"]}
        )
    return raw


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

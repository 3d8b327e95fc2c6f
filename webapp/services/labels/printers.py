"""The owner's label printers: added, changed and switched off from the office, every change in the audit trail."""

import re
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from ...domain.zpl import DOTS_PER_MM, TEXT_MODES
from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import LabelPrinter
from ...models.label_printers import PRINTER_FONT_LENGTH, PRINTER_HOST_LENGTH, PRINTER_NAME_LENGTH
from ..core import field_changes, record_change, transactional

_HOST = re.compile(r"^[A-Za-z0-9.\-:]+$")  # a name or an IPv4/IPv6 address of the shop's LAN
_FONT = re.compile(r"^[REBA]:[A-Za-z0-9_\-]{1,30}\.(TTF|TTE|FNT)$", re.IGNORECASE)
# The bounds of every setting, for the page's inputs and for the checks below.
PRINTER_RULES = {
    "name": {"max_length": PRINTER_NAME_LENGTH},
    "host": {"max_length": PRINTER_HOST_LENGTH},
    "port": {"min": 1, "max": 65535, "default": 9100},
    "dpi": {"choices": tuple(DOTS_PER_MM)},
    "width_mm": {"min": 15, "max": 220},  # 4-inch desktop printers take 104 mm, 8-inch industrial ones 216 mm
    "height_mm": {"min": 10, "max": 300},
    "text_mode": {"choices": TEXT_MODES},
    "font": {"max_length": PRINTER_FONT_LENGTH},
}
FIELDS = tuple(PRINTER_RULES)


def _refuse(field: str, code: str, message: str):
    raise InvalidInput(message, code=code, fields={field: [code]})


def _number(field: str, value, *, whole: bool):
    rule = PRINTER_RULES[field]
    text = str(value).strip() if value is not None else ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        _refuse(field, "bad_number", f"{field} must be a number.")
    if not number.is_finite() or (whole and number != number.to_integral_value()) or len(text) > 12:
        _refuse(field, "bad_number", f"{field} must be a number.")
    if not rule["min"] <= number <= rule["max"]:
        _refuse(field, "out_of_range", f"{field} must be {rule['min']}-{rule['max']}.")
    return int(number) if whole else float(round(number, 1))


def clean_printer(values: dict) -> dict:
    """Every setting of a printer checked against PRINTER_RULES; the first one wrong is refused by its field."""
    name = str(values.get("name") or "").strip()
    if not name or len(name) > PRINTER_NAME_LENGTH:
        _refuse("name", "bad_printer_name", f"A printer name is 1-{PRINTER_NAME_LENGTH} characters.")
    host = str(values.get("host") or "").strip()
    if not host or len(host) > PRINTER_HOST_LENGTH or not _HOST.match(host):
        _refuse("host", "bad_host", "A printer address is a host name or an IP address.")
    dpi = values.get("dpi")
    dpi = int(dpi) if str(dpi).strip().isdigit() else dpi
    if dpi not in PRINTER_RULES["dpi"]["choices"]:
        _refuse("dpi", "bad_dpi", "A print head is 203 or 300 dpi.")
    mode = values.get("text_mode")
    if mode not in TEXT_MODES:
        _refuse("text_mode", "bad_text_mode", "Text is printed with a font or as a graphic.")
    font = str(values.get("font") or "").strip() or "E:ANMDJ.TTF"
    if not _FONT.match(font):
        _refuse("font", "bad_font", "A printer font is named like E:ANMDJ.TTF.")
    port = values.get("port")
    return {
        "name": name,
        "host": host,
        "port": PRINTER_RULES["port"]["default"] if port in (None, "") else _number("port", port, whole=True),
        "dpi": dpi,
        "width_mm": _number("width_mm", values.get("width_mm"), whole=False),
        "height_mm": _number("height_mm", values.get("height_mm"), whole=False),
        "text_mode": mode,
        "font": font.upper(),
    }


def _printer(printer_id: int) -> LabelPrinter:
    printer = db.session.get(LabelPrinter, printer_id)
    if printer is None:
        raise NotFound(f"No label printer {printer_id}.", code="unknown_printer")
    return printer


def _refuse_taken_name(name: str, own_id: int | None = None) -> None:
    taken = db.session.scalar(select(LabelPrinter.id).where(LabelPrinter.name == name))
    if taken and taken != own_id:
        raise Conflict(f"A printer is already named {name!r}.", code="duplicate_printer", fields={"name": ["taken"]})


def get_printer(printer_id: int, *, active: bool = False) -> LabelPrinter:
    """One printer (refused when unknown, or inactive if `active`)."""
    printer = _printer(printer_id)
    if active and not printer.active:
        raise Conflict(f"Printer {printer.name} is switched off here.", code="printer_inactive")
    return printer


def list_printers(*, active_only: bool = False) -> list[LabelPrinter]:
    """The printers by name."""
    stmt = select(LabelPrinter).order_by(LabelPrinter.name)
    if active_only:
        stmt = stmt.where(LabelPrinter.active)
    return list(db.session.scalars(stmt))


@transactional
def create_printer(user_id: int | None, values: dict) -> int:
    """Add a printer from its settings."""
    clean = clean_printer(values)
    _refuse_taken_name(clean["name"])
    printer = LabelPrinter(active=True, **clean)
    db.session.add(printer)
    db.session.flush()
    record_change(
        user_id, "label_printer", printer.id, printer.name, {k: (None, v) for k, v in clean.items()}, "create"
    )
    return printer.id


@transactional
def update_printer(user_id: int | None, printer_id: int, values: dict) -> None:
    """Change a printer's settings (the change, if any, recorded field by field)."""
    printer = _printer(printer_id)
    clean = clean_printer(values)
    _refuse_taken_name(clean["name"], printer.id)
    changes = field_changes(printer, clean)
    for field, (_old, new) in changes.items():
        setattr(printer, field, new)
    record_change(user_id, "label_printer", printer.id, printer.name, changes)


@transactional
def set_printer_active(user_id: int | None, printer_id: int, active: bool) -> None:
    """Switch a printer off (it leaves the print menus) or back on."""
    printer = _printer(printer_id)
    if printer.active == active:
        return
    printer.active = active
    action = "activate" if active else "deactivate"
    record_change(user_id, "label_printer", printer.id, printer.name, {"active": (not active, active)}, action)

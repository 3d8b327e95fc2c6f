"""What the office says, in the user's language, when a label printer setting or a label print is refused."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...errors import AppError

TEXT_MODE_LABELS = {
    "graphic": _l("Drawn here as a picture (works on any ZPL printer)"),
    "font": _l("The printer's Unicode font (^CI28, the font must be on the printer)"),
}
_FIELD_LABELS = {
    "port": _l("Port"),
    "width_mm": _l("Label width (mm)"),
    "height_mm": _l("Label height (mm)"),
}


def label_refusal(exc: AppError) -> str:
    """The sentence for a refused printer setting or print, chosen by the error's code."""
    fields = exc.fields or {}
    if exc.code == "printer_unreachable":
        return _(
            "The printer %(printer)s (%(address)s) did not take the labels, so nothing was printed. "
            "Check that it is switched on and on the network, then try again.",
            printer=fields.get("printer", ""),
            address=fields.get("address", ""),
        )
    if exc.code == "label_too_small":
        needed, size = fields.get("needed_mm", [0, 0]), fields.get("label_mm", [0, 0])
        width, height = (format(v, "g") for v in size)  # 50, not 50.0
        return _(
            "This label does not fit on the printer's %(width)s x %(height)s mm labels: it needs about "
            "%(need_w)s x %(need_h)s mm. Print it on a printer with larger labels.",
            width=width,
            height=height,
            need_w=needed[0],
            need_h=needed[1],
        )
    if exc.code == "not_barcodable":
        return _(
            "%(code)s cannot be printed as a barcode: Code 128 holds only ASCII letters, digits and marks.",
            code=fields.get("code", ""),
        )
    if exc.code in ("bad_number", "out_of_range"):
        field = next(iter(fields), "")
        return _("Check %(field)s: it is a number within the shown range.", field=_FIELD_LABELS.get(field, field))
    simple = {
        "bad_copies": _("Copies must be 1 to 100."),
        "unknown_printer": _("Choose a label printer from the list."),
        "printer_inactive": _("That printer is switched off here; choose another or switch it on."),
        "case_not_gtin": _("This case code is not a JAN/GTIN, so it cannot be printed as GS1-128."),
        "bad_lot": _("A lot is up to 20 letters, digits or marks such as - . /, without Japanese characters."),
        "bad_expiry": _("Enter the expiry date as a date between 2000 and 2099."),
        "bad_bin_count": _("Choose 1 to 200 bins."),
        "unknown_bin": _("There is no such bin."),
        "unknown_item": _("There is no such item."),
        "unknown_case_code": _("There is no such case code."),
        "bad_printer_name": _("A printer name is 1 to 80 characters."),
        "bad_host": _("Enter the printer's IP address (such as 192.168.1.50) or host name."),
        "bad_dpi": _("Choose 203 or 300 dpi."),
        "bad_text_mode": _("Choose how Japanese text is printed."),
        "bad_font": _("A printer font is named like E:ANMDJ.TTF."),
        "duplicate_printer": _("Another printer already has that name."),
    }
    return str(simple.get(exc.code, _("That was refused. Check what was entered and try again.")))

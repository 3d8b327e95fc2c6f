"""Words of the sending and automatic-ordering screens: channels, modes, outcomes and refusals in the user's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

SENDING_CHANNELS = {
    "email": _l("E-mail"),
    "fax": _l("FAX"),
    "both": _l("E-mail and FAX"),
    "manual": _l("By hand (telephone or our own FAX)"),
}
AUTO_MODES = {
    "off": _l("Off"),
    "draft": _l("Draft orders for approval"),
    "send": _l("Confirm and send automatically"),
}
OUTCOMES = {"sent": _l("Sent"), "failed": _l("Failed"), "ordered": _l("Ordered"), "waiting": _l("Waiting")}
PLACEHOLDER_LABELS = {
    "order_number": _l("order number"),
    "order_date": _l("order date"),
    "supplier": _l("supplier's name"),
    "delivery_date": _l("requested delivery date"),
    "total": _l("total with tax"),
    "company": _l("our company name"),
    "person": _l("our person in charge"),
    "site": _l("delivery place"),
}


def field_problem(reason: str) -> str:
    """One field's reason code from the settings service, said in the user's language."""
    if reason.startswith("unknown:"):
        return _("{%(name)s} is not a placeholder this template can use.", name=reason.split(":", 1)[1])
    by_code = {
        "channel_invalid": lambda: _("Choose how orders are sent."),
        "supplier_email_missing": lambda: _("Enter the supplier's e-mail address on the supplier page first."),
        "supplier_fax_missing": lambda: _("Enter the supplier's FAX number on the supplier page first."),
        "too_long": lambda: _("This text is too long."),
        "braces": lambda: _("Write placeholders as {name}; use {{ and }} for a brace itself."),
        "one_line": lambda: _("The subject must be one line."),
        "auto_mode_invalid": lambda: _("Choose how automatic ordering works."),
        "times_invalid": lambda: _("Enter times of day such as 09:00, 15:00 (at most 12)."),
        "times_required": lambda: _("Enter at least one time of day for automatic ordering."),
    }
    return by_code[reason]() if reason in by_code else reason


def send_refusal(exc) -> str:
    """A refused send in the user's language."""
    by_code = {
        "manual_channel": lambda: _(
            "This supplier is sent orders by hand: choose e-mail or FAX in its sending settings."
        ),
        "no_email": lambda: _("The supplier has no e-mail address: enter it on the supplier page."),
        "no_fax": lambda: _("Set the FAX gateway in the mail server settings and the supplier's FAX number."),
        "not_sendable": lambda: _("Only a confirmed order of a supplier can be sent."),
        "no_document": lambda: _("A draft or cancelled order has no order document."),
    }
    return by_code[exc.code]() if exc.code in by_code else exc.message

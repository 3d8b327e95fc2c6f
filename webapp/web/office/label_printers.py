"""The owner's label printers page: add one, change its address, dpi, label size and text mode, switch it off."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...services.labels import PRINTER_RULES, create_printer, get_printer, list_printers, set_printer_active
from ...services.labels import update_printer as save_printer
from ..blueprint import web_bp
from .dashboard import office_context
from .label_messages import TEXT_MODE_LABELS, label_refusal

_FORM_FIELDS = ("name", "host", "port", "dpi", "width_mm", "height_mm", "text_mode", "font")


def _page(status: int = 200, **extra):
    context = office_context(
        printers=list_printers(), rules=PRINTER_RULES, text_modes=TEXT_MODE_LABELS, done=request.args.get("done", "")
    )
    return render_template("office/label_printers.html", **(context | extra)), status


def _typed() -> dict:
    return {name: request.form.get(name, "")[:300] for name in _FORM_FIELDS}


@web_bp.route("/office/label-printers")
@require_role("owner")
def office_label_printers():
    """Every label printer with its settings, and a form for a new one."""
    return _page()


@web_bp.route("/office/label-printers", methods=["POST"])
@require_role("owner")
def office_create_label_printer():
    """Add a printer; a refused setting keeps what was typed and says which."""
    try:
        create_printer(current_user.id, _typed())
    except AppError as exc:
        return _page(422, error=label_refusal(exc), typed=_typed())
    return redirect(url_for("web.office_label_printers", done="saved"), code=303)


@web_bp.route("/office/label-printers/<int:printer_id>", methods=["POST"])
@require_role("owner")
def office_update_label_printer(printer_id: int):
    """Save a printer's settings, or switch it off or on."""
    try:
        get_printer(printer_id)
        if request.form.get("action") in ("deactivate", "activate"):
            set_printer_active(current_user.id, printer_id, request.form["action"] == "activate")
        else:
            save_printer(current_user.id, printer_id, _typed())
    except AppError as exc:
        status = 404 if exc.code == "unknown_printer" else 422
        return _page(status, error=label_refusal(exc), editing=printer_id)
    return redirect(url_for("web.office_label_printers", done="saved"), code=303)

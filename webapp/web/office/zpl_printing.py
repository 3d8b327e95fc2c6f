"""Thermal labels from the office: an item's label, a case label per case code, bin labels, printed or downloaded."""

from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ...auth.roles import require_role
from ...domain.zpl import MAX_COPIES
from ...errors import AppError, InvalidInput, NotFound
from ...extensions import db
from ...input_limits import form_int
from ...models import Location, Site
from ...services.labels import bin_labels, case_label, item_label, print_job
from ..blueprint import web_bp
from .dashboard import office_context
from .label_messages import label_refusal

MAX_BIN_FIELD = 20_000  # the comma-separated bin codes of one sheet page


def _printer_and_copies() -> tuple[int, int]:
    printer = form_int(request.form.get("printer"), 1)
    if printer is None:
        raise NotFound("Choose a printer.", code="unknown_printer")
    try:
        copies = form_int(request.form.get("copies") or "1", 1, MAX_COPIES)
    except InvalidInput:
        raise InvalidInput("Copies must be 1-100.", code="bad_copies") from None
    return printer, copies


def _lang() -> str:
    return "en" if str(get_locale() or "ja") == "en" else "ja"


def _expiry() -> date | None:
    raw = request.form.get("expiry", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise InvalidInput("Bad expiry date.", code="bad_expiry") from None


def _deliver(build, back: str):
    """Download the job's ZPL, or send it to its printer and go back; a refusal is said on a 4xx page."""
    try:
        job = build()
        if request.form.get("action") == "download":
            headers = {"Content-Disposition": f'attachment; filename="{job.filename}"', "Cache-Control": "no-store"}
            return Response(job.zpl, mimetype="application/zpl", headers=headers)
        print_job(current_user.id, job)
    except AppError as exc:
        status = {"unknown_printer": 404, "unknown_item": 404, "unknown_case_code": 404, "unknown_bin": 404}
        status |= {"printer_unreachable": 409, "printer_inactive": 409}
        page = render_template("office/label_refused.html", **office_context(message=label_refusal(exc), back=back))
        return page, status.get(exc.code, 422)
    flash(_("%(count)d labels sent to the printer.", count=job.labels), "ok")
    return redirect(back, code=303)


@web_bp.route("/office/items/<int:item_id>/zpl", methods=["POST"])
@require_role("manager")
def office_item_zpl(item_id: int):
    """The item's thermal label: name in the page's language, JAN as EAN-13, the price if asked."""
    back = url_for("web.office_item", item_id=item_id, _anchor="thermal-labels")

    def build():
        printer, copies = _printer_and_copies()
        return item_label(printer, item_id, copies=copies, lang=_lang(), price=request.form.get("price") == "1")

    return _deliver(build, back)


@web_bp.route("/office/items/<int:item_id>/case-zpl/<int:barcode_id>", methods=["POST"])
@require_role("manager")
def office_case_zpl(item_id: int, barcode_id: int):
    """A case label from one case code: GS1-128 with the lot and expiry typed."""
    back = url_for("web.office_item", item_id=item_id, _anchor="thermal-labels")

    def build():
        printer, copies = _printer_and_copies()
        lot = request.form.get("lot", "")[:40]
        return case_label(printer, barcode_id, copies=copies, lang=_lang(), lot=lot, expiry=_expiry())

    return _deliver(build, back)


@web_bp.route("/workflows/labels/zpl", methods=["POST"])
@require_role("manager")
def workflow_bin_zpl():
    """Bin labels for the sheet page's choice: the bins typed, else the active bins of the site."""
    site = request.form.get("site", "")[:40]
    back = url_for("web.workflow_labels", site=site or None, what="bins")

    def build():
        printer, copies = _printer_and_copies()
        codes = [c.strip() for c in request.form.get("bins", "")[:MAX_BIN_FIELD].split(",") if c.strip()]
        stmt = select(Location.id).join(Site).where(Location.active).order_by(Location.walk_seq, Location.code)
        stmt = stmt.where(Location.code.in_(codes)) if codes else stmt
        stmt = stmt.where(Site.code == site) if site else stmt
        return bin_labels(printer, list(db.session.scalars(stmt.limit(201))), copies=copies)

    return _deliver(build, back)

"""The office's sites and bins: create, rename, deactivate, and each bin's fields saved one at a time (htmx)."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...extensions import db
from ...models import Location
from ...models.locations import LOCATION_KINDS, SITE_KINDS
from ...services import catalog
from ..blueprint import web_bp
from .dashboard import office_context
from .setup_refusals import BIN_KIND_LABELS, SITE_KIND_LABELS, refusal


def form_text(form, name: str) -> str:
    """A form field as text ('' when absent); the service bounds and trims it."""
    return form.get(name, "")


def _page(status: int = 200, **extra):
    context = office_context(
        overview=catalog.site_overview(),
        site_kinds=SITE_KINDS,
        bin_kinds=[k for k in LOCATION_KINDS if k != "receiving"],
        site_kind_labels=SITE_KIND_LABELS,
        bin_kind_labels=BIN_KIND_LABELS,
        form=request.form if status != 200 else {},
    )
    return render_template("office/sites.html", **(context | extra)), status


def _done(message_code: str, anchor: str = "", **args):
    return redirect(url_for("web.office_sites", done=message_code, **args) + anchor, code=303)


@web_bp.route("/office/sites")
@require_role("manager")
def office_sites():
    """Every site with its bins in walk order, what each holds, and the forms to change them."""
    return _page(done=request.args.get("done", ""), more=request.args.get("more", ""))


@web_bp.route("/office/sites", methods=["POST"])
@require_role("manager")
def office_create_site():
    """A new site, with its receiving bin."""
    form = request.form
    try:
        site_id = catalog.add_site(
            current_user.id, form_text(form, "code"), form_text(form, "name"), form.get("kind") or "warehouse"
        )
    except AppError as exc:
        return _page(422, error=refusal(exc), failed="new-site")
    return _done("site_created", f"#site-{site_id}")


@web_bp.route("/office/sites/<int:site_id>", methods=["POST"])
@require_role("manager")
def office_rename_site(site_id: int):
    """A site's new name and kind."""
    try:
        catalog.rename_site(current_user.id, site_id, form_text(request.form, "name"), request.form.get("kind") or None)
    except AppError as exc:
        return _page(422, error=refusal(exc), failed=f"site-{site_id}")
    return _done("saved", f"#site-{site_id}")


@web_bp.route("/office/sites/<int:site_id>/active", methods=["POST"])
@require_role("manager")
def office_site_active(site_id: int):
    """Deactivate a site (refused while it holds stock or active bins) or reactivate it."""
    active = request.form.get("active") == "1"
    try:
        catalog.set_site_active(current_user.id, site_id, active)
    except AppError as exc:
        return _page(422, error=refusal(exc), failed=f"site-{site_id}")
    return _done("reactivated" if active else "deactivated", f"#site-{site_id}")


@web_bp.route("/office/sites/<int:site_id>/bins", methods=["POST"])
@require_role("manager")
def office_create_bin(site_id: int):
    """A new bin in a site."""
    form = request.form
    try:
        catalog.add_bin(
            current_user.id,
            site_id,
            form_text(form, "code"),
            name=form_text(form, "name"),
            zone=form_text(form, "zone"),
            kind=form.get("kind") or "bin",
            walk_seq=form_text(form, "walk_seq") or "0",
        )
    except AppError as exc:
        return _page(422, error=refusal(exc), failed=f"new-bin-{site_id}")
    return _done("bin_created", f"#new-bin-{site_id}", more=site_id)  # the next bin is typed straight away


def _bin_row(location_id: int, status: int = 200, error: str = ""):
    location = db.session.get(Location, location_id)
    held = sum(s.quantity for s in catalog.held_stock([location_id], limit=1000))
    context = {"b": {"bin": location, "quantity": held}, "row_error": error, "bin_kind_labels": BIN_KIND_LABELS}
    context["bin_kinds"] = [k for k in LOCATION_KINDS if k != "receiving"]
    return render_template("office/_bin_row.html", **context), status


@web_bp.route("/office/bins/<int:location_id>", methods=["POST"])
@require_role("manager")
def office_update_bin(location_id: int):
    """Save the one field of a bin that changed; answers the bin's row (the refusal shown in it)."""
    field = request.form.get("field", "")
    if db.session.get(Location, location_id) is None:
        return redirect(url_for("web.office_sites"), code=303)
    try:
        catalog.update_bin(current_user.id, location_id, field, form_text(request.form, field) if field else "")
    except AppError as exc:
        return _row_or_page(location_id, refusal(exc))
    return _bin_row(location_id) if _htmx() else _done("saved")


@web_bp.route("/office/bins/<int:location_id>/active", methods=["POST"])
@require_role("manager")
def office_bin_active(location_id: int):
    """Deactivate a bin (refused, naming the stock, while it holds any) or reactivate it."""
    active = request.form.get("active") == "1"
    if db.session.get(Location, location_id) is None:
        return redirect(url_for("web.office_sites"), code=303)
    try:
        catalog.set_bin_active(current_user.id, location_id, active)
    except AppError as exc:
        return _row_or_page(location_id, refusal(exc))
    return _bin_row(location_id) if _htmx() else _done("reactivated" if active else "deactivated")


def _htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def _row_or_page(location_id: int, message: str):
    if _htmx():
        return _bin_row(location_id, 422, message)
    return _page(422, error=message)

"""The office's badges and PINs: print new badges (name, QR and Code 128), set or clear a PIN, lift a lock."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ...auth.roles import require_role
from ...domain.labels import code128_modules, svg
from ...errors import AppError
from ...services.devices import PIN_LOCK_MINUTES, badge_roster, clear_pin, issue_badges, set_pin, unlock_badge
from ..blueprint import web_bp
from ..qr import qr_svg
from .dashboard import office_context
from .phones import ROLE_LABELS


def _refusal(exc: AppError) -> str:
    return {
        "bad_pin": _("A PIN is 4 to 6 digits."),
        "unknown_user": _("That person is not an active user."),
    }.get(exc.code, _("Only the owner may do this for a manager or the owner."))


@web_bp.route("/office/phones/badges")
@require_role("manager")
def office_badges():
    """Everyone this manager looks after, with their badge, PIN and lock."""
    return render_template(
        "office/badges.html",
        **office_context(people=badge_roster(current_user.id), role_labels=ROLE_LABELS, lock_minutes=PIN_LOCK_MINUTES),
    )


@web_bp.route("/office/phones/badges/print", methods=["POST"])
@require_role("manager")
def office_print_badges():
    """New badges for the people chosen, as a sheet to print now: the codes are not kept, and old badges stop working."""
    ids = [int(v) for v in request.form.getlist("user") if v.isdigit()]
    if not ids:
        flash(_("Choose at least one person."), "error")
        return redirect(url_for("web.office_badges"), code=303)
    try:
        issued = issue_badges(current_user.id, ids)
    except AppError as exc:
        flash(_refusal(exc), "error")
        return redirect(url_for("web.office_badges"), code=303)
    badges = [
        {
            "name": b.name,
            "username": b.username,
            "code": b.code,
            "qr": qr_svg(b.code, border=3),
            "barcode": Markup(svg(code128_modules(b.code), height=50)),
        }
        for b in issued
    ]
    response = render_template("office/badge_sheet.html", badges=badges, page="badges")
    return response, 200, {"Cache-Control": "no-store"}


@web_bp.route("/office/phones/badges/<int:user_id>/pin", methods=["POST"])
@require_role("manager")
def office_set_pin(user_id: int):
    """Set (or with `clear`, take away) someone's PIN."""
    try:
        if request.form.get("clear") == "1":
            clear_pin(current_user.id, user_id)
            flash(_("PIN cleared: the badge alone signs this person in."), "ok")
        else:
            set_pin(current_user.id, user_id, request.form.get("pin", "").strip())
            flash(_("PIN saved."), "ok")
    except AppError as exc:
        flash(_refusal(exc), "error")
    return redirect(url_for("web.office_badges"), code=303)


@web_bp.route("/office/phones/badges/<int:user_id>/unlock", methods=["POST"])
@require_role("manager")
def office_unlock_badge(user_id: int):
    """Lift a lock after too many wrong PINs."""
    try:
        unlock_badge(current_user.id, user_id)
        flash(_("Unlocked: the badge works again."), "ok")
    except AppError as exc:
        flash(_refusal(exc), "error")
    return redirect(url_for("web.office_badges"), code=303)

"""Signing in on a shared phone with gloves on: scan the badge, type the PIN on a big keypad; switch in one tap."""

from datetime import datetime

from flask import make_response, redirect, render_template, request, url_for
from flask_babel import format_time
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..errors import AppError
from ..extensions import db
from ..models import User
from ..services.accounts import end_sessions
from ..services.devices import check_badge, sign_in_with_badge
from .blueprint import auth_bp
from .devices import current_device


def refusal(exc: AppError) -> str:
    """Why a badge or PIN was refused, in the worker's language."""
    if exc.code == "badge_locked":
        until = datetime.fromisoformat(exc.fields["locked_until"])
        return _(
            "Too many wrong PINs: this badge is locked until %(time)s. Ask a manager.", time=format_time(until, "short")
        )
    if exc.code == "wrong_pin":
        return _("Wrong PIN. %(n)d tries left before the badge is locked.", n=exc.fields["tries_left"])
    if exc.code == "not_shared":
        return _("Badges sign in on shared phones only.")
    return _("This badge is not known. Ask a manager for a new one.")


def _shared_device():
    device = current_device()
    return device if device is not None and device.shared and not device.revoked else None


def _render(step: str, *, name: str = "", badge: str = "", error: str | None = None, status: int = 200):
    response = make_response(
        render_template("badge.html", page="badge", step=step, name=name, badge=badge, error=error)
    )
    if badge:
        response.headers["Cache-Control"] = "no-store"  # the keypad page holds the badge code
    return response, status


def _signed_in(user_id: int):
    login_user(db.session.get(User, user_id), remember=False)
    return redirect(url_for("web.home"), code=303)


@auth_bp.route("/badge", methods=["GET", "POST"])
def badge_sign_in():
    """Step one: the badge, from the camera or a wedge scanner."""
    device = _shared_device()
    if device is None:
        return redirect(url_for("auth.login"))
    if request.method == "GET":
        return _render("badge")
    code = request.form.get("badge", "").strip()[:64]
    try:
        holder = check_badge(code)
        if holder.locked_until or not holder.needs_pin:
            # Locked: refused with the time the lock lifts. No PIN: the badge alone signs in.
            return _signed_in(sign_in_with_badge(code, None, device_id=device.id))
    except AppError as exc:
        return _render("badge", error=refusal(exc), status=429 if exc.code == "badge_locked" else 401)
    return _render("pin", name=holder.name, badge=code)


@auth_bp.route("/badge/pin", methods=["POST"])
def badge_pin():
    """Step two: the PIN for the badge just scanned (the keypad form carries the badge back)."""
    device = _shared_device()
    code = request.form.get("badge", "").strip()[:64]
    if device is None or not code:
        return redirect(url_for("auth.badge_sign_in"), code=303)
    try:
        return _signed_in(sign_in_with_badge(code, request.form.get("pin", "")[:6], device_id=device.id))
    except AppError as exc:
        if exc.code == "wrong_pin":
            return _render("pin", name=check_badge(code).name, badge=code, error=refusal(exc), status=401)
        return _render("badge", error=refusal(exc), status=429 if exc.code == "badge_locked" else 401)


@auth_bp.route("/badge/switch", methods=["POST"])
def switch_worker():
    """Hand the shared phone to the next worker: sign out, keep the queue, back to the badge screen."""
    if current_user.is_authenticated:
        end_sessions(current_user.id)  # like a logout: no copy of this worker's session works afterwards
    logout_user()
    return redirect(url_for("auth.badge_sign_in"), code=303)

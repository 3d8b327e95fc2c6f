"""Pairing on the phone: open the link from the office's QR code, tap once, and the phone is signed in."""

from urllib.parse import urlsplit

from flask import redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user

from ..errors import AppError
from ..extensions import db
from ..models import User
from ..services.devices import pairing_offer, redeem_pairing
from .blueprint import auth_bp
from .devices import SESSION_KEY, bind_device, current_device, public_base


def refusal(exc: AppError) -> str:
    """Why a pairing link does not work, in the phone's language."""
    return {
        "pairing_used": _("This pairing link was already used. Ask a manager for a new QR code."),
        "pairing_expired": _("This pairing link has expired (links last 10 minutes). Ask a manager for a new QR code."),
    }.get(exc.code, _("This pairing link is not known. Ask a manager for a new QR code."))


def _elsewhere() -> str | None:
    """The shop's secure address for this link, when the phone opened it at another one."""
    base = public_base()
    if urlsplit(base)[:2] != urlsplit(request.host_url)[:2]:
        return base + request.full_path.rstrip("?")
    return None


@auth_bp.route("/pair/<token>", methods=["GET", "POST"])
def pair(token: str):
    """GET shows what the link will do (link previews must not use it up); POST pairs this phone."""
    other = _elsewhere()
    if other:
        # The session cookie must be set at the address the phone will use from now on.
        return redirect(other, code=307)
    try:
        if request.method == "GET":
            return render_template("pair.html", offer=pairing_offer(token), token=token, page="pair")
        previous = session.get(SESSION_KEY)
        device = redeem_pairing(token, previous_device_id=int(previous) if previous else None)
    except AppError as exc:
        status = 404 if exc.code == "pairing_unknown" else 410
        return render_template("pair.html", offer=None, error=refusal(exc), page="pair"), status
    bind_device(device)
    if device.shared:
        return redirect(url_for("auth.badge_sign_in"), code=303)
    login_user(db.session.get(User, device.user_id), remember=False)
    return redirect(url_for("web.home"), code=303)


@auth_bp.route("/device-removed")
def device_removed():
    """What a removed phone shows: ask a manager; the scans not sent yet stay on the phone."""
    device = current_device()
    if device is not None and not device.revoked:
        return redirect(url_for("web.home"))
    return render_template("device_removed.html", page="removed")

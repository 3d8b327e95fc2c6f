"""Login and logout pages for the browser."""

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from ..services.accounts import authenticate
from ..services.devices import record_sign_in
from .blueprint import auth_bp
from .devices import current_device


def safe_next(target: str | None) -> str:
    """A same-site path to go to after signing in, else home."""
    # Only same-site paths: an open redirect after login is a phishing tool.
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("web.home")


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form and sign the user in."""
    if request.method == "POST":
        user = authenticate(request.form.get("username", ""), request.form.get("password", ""))
        if user is not None:
            device = current_device()
            # A paired phone's session is already permanent; a remember cookie would outlive its device.
            login_user(user, remember=device is None)
            if device is not None:
                record_sign_in(device.id, user.id)
            return redirect(safe_next(request.args.get("next")))
        flash(_("Wrong user name or password."), "error")
        return render_template("login.html"), 401
    return render_template("login.html")


@auth_bp.route("/logout", methods=["POST"])
def logout():
    """Sign out (a paired phone stays paired: the next person signs in on it)."""
    logout_user()
    device = current_device()
    if device is not None and device.shared:
        return redirect(url_for("auth.badge_sign_in"))
    return redirect(url_for("auth.login"))

"""Login and logout pages for the browser."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from ..services.accounts import authenticate

auth_bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
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
            login_user(user, remember=True)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Wrong user name or password."), "error")
        return render_template("login.html"), 401
    return render_template("login.html")


@auth_bp.route("/logout", methods=["POST"])
def logout():
    """Sign out."""
    logout_user()
    return redirect(url_for("auth.login"))

"""Login and logout pages for the browser; "sign out everywhere" ends every session of the user."""

from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from ..domain.redirects import same_site_path
from ..errors import Locked
from ..services.accounts import end_sessions, password_login
from ..services.devices import record_sign_in
from .blueprint import auth_bp
from .devices import current_device


def safe_next(target: str | None, user=None, on_phone: bool = False) -> str:
    """A same-site path to go to after signing in, else the user's own landing page."""
    # Only same-site paths: an open redirect after login is a phishing tool.
    if same_site_path(target):
        return target
    return landing_page(user, on_phone)


def landing_page(user, on_phone: bool) -> str:
    """Managers and owners land on the office, workers (and anyone on a paired floor phone) on the scanning home."""
    if user is not None and user.has_role("manager") and not on_phone:
        return url_for("web.office_dashboard")
    return url_for("web.home")


def remember_for(user) -> timedelta:
    """How long a browser stays signed in: office roles (owner, manager) less long than floor workers."""
    key = "REMEMBER_OFFICE_DURATION" if user.has_role("manager") else "REMEMBER_COOKIE_DURATION"
    return timedelta(seconds=int(current_app.config[key]))


def throttled(exc: Locked):
    """The login form again, 429, with how long to wait in the user's language and in Retry-After."""
    minutes = max(1, (exc.fields["retry_after"] + 59) // 60)
    flash(_("Too many failed logins. Try again in %(n)d minutes.", n=minutes), "error")
    response = current_app.make_response((render_template("login.html"), 429))
    response.headers["Retry-After"] = str(exc.fields["retry_after"])
    return response


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form and sign the user in."""
    if request.method == "POST":
        try:
            user = password_login(
                request.form.get("username", ""), request.form.get("password", ""), request.remote_addr
            )
        except Locked as exc:
            return throttled(exc)
        if user is not None:
            device = current_device()
            # A paired phone's session is already permanent; a remember cookie would outlive its device.
            login_user(user, remember=device is None, duration=remember_for(user))
            if device is not None:
                record_sign_in(device.id, user.id)
            return redirect(safe_next(request.args.get("next"), user, on_phone=device is not None))
        flash(_("Wrong user name or password."), "error")
        return render_template("login.html"), 401
    return render_template("login.html")


def end_this_session(*, everywhere: bool):
    """Log out; the session version is bumped, so no copy of this session or its remember cookie works again.

    The phone's queue of unsent scans is in its IndexedDB, not in the session: it stays and is sent later.
    """
    if current_user.is_authenticated:
        end_sessions(current_user.id)
    logout_user()
    if everywhere:
        flash(_("You are signed out on every device."), "info")
    device = current_device()
    if device is not None and device.shared:
        return redirect(url_for("auth.badge_sign_in"))
    return redirect(url_for("auth.login"))


@auth_bp.route("/logout", methods=["POST"])
def logout():
    """Sign out (a paired phone stays paired: the next person signs in on it)."""
    return end_this_session(everywhere=False)


@auth_bp.route("/sign-out-everywhere", methods=["POST"])
@login_required
def sign_out_everywhere():
    """End every session of this user: other browsers, remember cookies, phones (they keep their queued scans)."""
    return end_this_session(everywhere=True)

"""A paired phone's browser session: bound to its device, refused at once when the device is removed."""

from datetime import UTC, datetime

from flask import current_app, g, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import logout_user

from ..services.devices import DeviceRef, device_ref

SESSION_KEY = "device_id"
RENEWED_KEY = "device_day"
# What a removed phone may still open: the page that says so, a new pairing link, the shell's files.
OPEN_TO_REMOVED = {
    "auth.device_removed",
    "auth.pair",
    "web.service_worker",
    "web.manifest",
    "web.set_language",
}


def current_device() -> DeviceRef | None:
    """The paired phone this request came from, if any (checked before the view ran)."""
    return g.get("device")


def bind_device(device: DeviceRef) -> None:
    """Bind this browser's session to a newly paired phone, for as long as the phone keeps using it.

    A permanent session (renewed daily while the phone is used) instead of a remember-me cookie: a
    remember cookie would sign the user back in without the device, out of reach of revoking.
    """
    logout_user()  # also clears an earlier remember-me cookie
    session[SESSION_KEY] = device.id
    session.permanent = True
    g.device = device


def check_device():
    """Before every request: a session bound to a removed phone gets 401 (API) or the 'removed' page."""
    g.device = None
    device_id = session.get(SESSION_KEY)
    if not device_id or request.endpoint == "static":
        return None
    device = device_ref(int(device_id))
    g.device = device
    if device is not None and not device.revoked:
        today = datetime.now(UTC).date().toordinal()
        if session.get(RENEWED_KEY) != today:
            session[RENEWED_KEY] = today  # a phone in use keeps its session: renewed once a day, not every request
        return None
    if request.endpoint in OPEN_TO_REMOVED:
        return None
    if "_user_id" in session:
        logout_user()  # nobody stays signed in on a removed phone
    if request.path.startswith("/api/"):
        message = _("This phone was removed. Ask a manager to pair it again; its unsent scans stay on it.")
        body = {"error": {"code": "device_revoked", "message": message, "fields": {}}}
        return jsonify(body), 401
    return redirect(url_for("auth.device_removed"))


def public_base() -> str:
    """The shop's secure address phones are sent to (PUBLIC_URL), else the address this request came to."""
    return current_app.config.get("PUBLIC_URL") or request.host_url.rstrip("/")

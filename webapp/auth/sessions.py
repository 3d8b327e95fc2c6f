"""Flask-Login wiring: session users for the browser, bearer tokens for devices and integrations."""

from flask import jsonify, redirect, request, url_for

from ..extensions import db
from ..models import User
from ..services.accounts import session_matches, user_for_token
from .devices import current_device


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer` header, if any."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def init_login(login_manager) -> None:
    login_manager.login_view = "auth.login"

    @login_manager.user_loader
    def load_user(identity: str):
        # The session's and the remember cookie's identity is "id:version" (User.get_id); one from before
        # versions existed counts as version 0. A bumped version refuses every copy of the old identity.
        user_id, _sep, version = identity.partition(":")
        user = db.session.get(User, int(user_id)) if user_id.isdigit() and len(user_id) < 19 else None
        if user is None or not user.active or not session_matches(user, version or "0"):
            return None
        return user

    @login_manager.request_loader
    def load_from_token(_request):
        token = bearer_token()
        return user_for_token(token) if token else None

    @login_manager.unauthorized_handler
    def unauthorized():
        if request.blueprint == "api" or request.path.startswith("/api/"):
            body = {"error": {"code": "unauthorized", "message": "Log in or send a valid bearer token.", "fields": {}}}
            return jsonify(body), 401
        device = current_device()
        if device is not None and device.shared:
            return redirect(url_for("auth.badge_sign_in"))  # a shared phone: the next worker scans a badge
        return redirect(url_for("auth.login", next=request.full_path))

"""The blueprint of sign-in: passwords, pairing links, badges."""

from flask import Blueprint

from .devices import check_device

auth_bp = Blueprint("auth", __name__)
# Every request of the app, not only this blueprint's: a removed phone is refused everywhere.
auth_bp.before_app_request(check_device)


@auth_bp.record_once
def remember_cookie_like_session_cookie(state) -> None:
    """The remember cookie is Secure whenever the session cookie is (also when set after the environment)."""
    config = state.app.config
    config["REMEMBER_COOKIE_SECURE"] = bool(config.get("REMEMBER_COOKIE_SECURE") or config["SESSION_COOKIE_SECURE"])

"""The /api/v1 blueprint and what every API request shares: CSRF for cookie writes, no caching, no money to workers."""

from flask import Blueprint, request
from flask_login import current_user

from ..auth.sessions import bearer_token
from ..extensions import csrf
from ..input_limits import install_int32_ids, install_request_checks
from .money import hide_money_from_workers

api_bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
# Registered first (before any route of this or a later blueprint is bound), for the whole app.
api_bp.record_once(install_int32_ids)
api_bp.record_once(install_request_checks)
api_bp.after_request(hide_money_from_workers)


@api_bp.before_request
def protect_cookie_writes():
    # Bearer-token clients are not exposed to CSRF; browser sessions are, so their writes
    # must carry the token (X-CSRFToken header).
    if request.method in ("GET", "HEAD", "OPTIONS") or bearer_token() or not current_user.is_authenticated:
        return None  # the view's login_required answers 401 for the anonymous
    csrf.protect()
    return None


@api_bp.after_request
def no_store(response):
    response.headers.setdefault("Cache-Control", "no-store")
    return response

"""POST /session/sign-out-everywhere: end every browser session and remember cookie of the caller."""

from flask import jsonify
from flask_login import current_user, login_required, logout_user

from ..services.accounts import end_sessions
from .blueprint import api_bp


@api_bp.post("/session/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    """End every session of the caller (API tokens are not sessions: they stay until revoked)."""
    end_sessions(current_user.id)
    logout_user()
    return jsonify({"signed_out": True})

"""Who may do what: users with a role (worker < manager < owner) and a default site, password login
(throttled per name and client address, as slow for unknown names as for known ones), sessions that can
be ended (a per-user session version), and API tokens for devices and integrations (shown once, stored
as SHA-256, revocable, their last use kept to the minute).
"""

from .login import password_login
from .sessions import end_sessions, session_matches, set_active
from .throttle import login_limits
from .tokens import user_for_token
from .users import create_token, create_user, hash_token, revoke_token, set_password

__all__ = [
    "create_token",
    "create_user",
    "end_sessions",
    "hash_token",
    "login_limits",
    "password_login",
    "revoke_token",
    "session_matches",
    "set_active",
    "set_password",
    "user_for_token",
]

"""Who may do what: users with a role (worker < manager < owner) and a default site, password login
(throttled per name and client address, as slow for unknown names as for known ones), sessions that can
be ended (a per-user session version), and API tokens for devices and integrations (shown once, stored
as SHA-256, revocable, their last use kept to the minute); the office's set-up of users (an owner over everyone,
a manager over workers only, the last active owner kept) and of tokens (the owner's over all, each user's own).
"""

from .login import password_login
from .people import add_user, generate_password, list_people, reset_password, set_user_active, update_user
from .sessions import end_sessions, session_matches, set_active
from .throttle import login_limits
from .token_admin import issue_token, list_tokens, revoke_token_by
from .tokens import user_for_token
from .users import create_token, create_user, hash_token, revoke_token, set_password

__all__ = [
    "add_user",
    "create_token",
    "create_user",
    "end_sessions",
    "generate_password",
    "hash_token",
    "issue_token",
    "list_people",
    "list_tokens",
    "login_limits",
    "password_login",
    "reset_password",
    "revoke_token",
    "revoke_token_by",
    "session_matches",
    "set_active",
    "set_password",
    "set_user_active",
    "update_user",
    "user_for_token",
]

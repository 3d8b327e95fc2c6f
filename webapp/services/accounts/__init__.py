"""Who may do what: users with a role (worker < manager < owner) and a default site, password login,
and API tokens for devices and integrations (shown once, stored as SHA-256, revocable).
"""

from .users import authenticate, create_token, create_user, hash_token, revoke_token, set_password, user_for_token

__all__ = [
    "authenticate",
    "create_token",
    "create_user",
    "hash_token",
    "revoke_token",
    "set_password",
    "user_for_token",
]

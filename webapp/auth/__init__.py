"""Signing in: passwords, a paired phone's session (pairing links, removed phones refused at once),
badge and PIN on a shared phone; roles, bearer tokens and CSRF live beside them.
"""

from . import badges, login, pairing  # noqa: F401  (each module registers its routes)
from .blueprint import auth_bp

__all__ = ["auth_bp"]

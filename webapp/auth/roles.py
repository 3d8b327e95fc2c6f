"""Role checks: worker < manager < owner, enforced on the server."""

import functools

from flask_login import current_user, login_required

from ..errors import Forbidden


def require_role(role: str):
    """Decorate a view so only users of `role` or above may call it."""

    def decorator(view):
        @functools.wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                raise Forbidden(f"This needs the {role} role.")
            return view(*args, **kwargs)

        return wrapped

    return decorator

"""Who may act on whom: managers look after workers (and themselves), owners after everyone."""

from ...errors import Forbidden, NotFound
from ...extensions import db
from ...models import User
from ...models.users import ROLES


def active_user(user_id: int | None) -> User:
    """The active user with this id, or NotFound."""
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active:
        raise NotFound(f"no active user {user_id}", code="unknown_user")
    return user


def manager(user_id: int) -> User:
    """The acting user, who must be a manager or the owner."""
    user = active_user(user_id)
    if not user.has_role("manager"):
        raise Forbidden("This needs the manager role.")
    return user


def may_manage(actor: User, target: User) -> bool:
    """Whether `actor` may pair phones, print badges or set PINs for `target`.

    A manager who could issue the owner's badge could sign in as the owner on a shared phone.
    """
    return actor.id == target.id or actor.role == "owner" or ROLES.index(actor.role) > ROLES.index(target.role)


def managed(actor_id: int, user_id: int) -> User:
    """The target user, when the actor may look after them; Forbidden otherwise."""
    actor = manager(actor_id)
    target = active_user(user_id)
    if not may_manage(actor, target):
        raise Forbidden("Only the owner may do this for a manager or the owner.", code="not_yours")
    return target


def display(user: User) -> str:
    return user.display_name or user.username

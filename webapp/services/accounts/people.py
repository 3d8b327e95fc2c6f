"""The office's user set-up: create, role and default site, password reset, deactivate and reactivate.

An owner manages everyone; a manager only workers. The last active owner cannot be demoted or
deactivated, so the shop can never lock itself out of its own set-up.
"""

import secrets

from sqlalchemy import func, select, update

from ...errors import Conflict, Forbidden, InvalidInput, NotFound
from ...extensions import db
from ...models import ApiToken, Site, User
from ...models.types import utcnow
from ...models.users import ROLES
from ..core import field_changes, record_change, transactional
from .users import hash_password

USERNAME_MAX, DISPLAY_NAME_MAX = 80, 120
PASSWORD_MIN, PASSWORD_MAX = 8, 200
# No 0/O, 1/l/I: a generated password is read off the screen and typed on a phone.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(length: int = 12) -> str:
    """A random password easy to read aloud and type."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def _actor(actor_id: int) -> User:
    actor = db.session.get(User, actor_id)
    if actor is None or not actor.active or not actor.has_role("manager"):
        raise Forbidden("Only a manager or the owner sets up users.", code="not_allowed")
    return actor


def _may_manage(actor: User, role: str) -> None:
    if not actor.has_role("owner") and role != "worker":
        raise Forbidden("A manager may set up workers only.", code="workers_only")


def _target(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user {user_id}.", code="unknown_user")
    return user


def _checked_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise InvalidInput("password must be 8 to 200 characters", code="bad_password", fields={"password": ["length"]})
    return password


def _checked_site(site_id: int | None) -> int | None:
    if site_id is not None and not db.session.scalar(select(Site.id).where(Site.id == site_id, Site.active)):
        raise InvalidInput(f"No active site {site_id}.", code="unknown_site", fields={"default_site_id": ["unknown"]})
    return site_id


def _checked_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(
            f"role must be one of {', '.join(ROLES)}", code="bad_role", fields={"role": ["unknown role"]}
        )
    return role


def _keep_an_owner(user: User) -> None:
    """Refuse to take away the last active owner (the owners' rows locked so two owners cannot demote each other)."""
    owners = db.session.scalars(select(User.id).where(User.role == "owner", User.active).with_for_update()).all()
    if user.id in owners and len(owners) == 1:
        raise Conflict("The last active owner must stay an active owner.", code="last_owner")


@transactional
def add_user(
    actor_id: int, username: str, role: str, *, display_name: str = "", default_site_id=None, password: str = ""
) -> tuple[int, str]:
    """Create a user; returns the id and the password (the one typed, or a generated one to show once)."""
    actor = _actor(actor_id)
    _may_manage(actor, _checked_role(role))
    username, display_name = username.strip(), display_name.strip()
    if not username or len(username) > USERNAME_MAX or any(c.isspace() for c in username):
        raise InvalidInput("A user name is 1 to 80 characters without spaces.", code="bad_username")
    if len(display_name) > DISPLAY_NAME_MAX:
        raise InvalidInput("The name is at most 120 characters.", code="bad_display_name")
    password = _checked_password(password) if password else generate_password()
    if db.session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise Conflict(f"user {username!r} already exists", code="duplicate_username")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        default_site_id=_checked_site(default_site_id),
    )
    db.session.add(user)
    db.session.flush()
    record_change(actor_id, "user", user.id, username, {"role": (None, role), "password": (None, "")}, action="create")
    return user.id, password


@transactional
def update_user(actor_id: int, user_id: int, *, role: str, default_site_id=None, display_name: str | None = None):
    """Change a user's role, default site and shown name."""
    actor, user = _actor(actor_id), _target(user_id)
    _may_manage(actor, user.role)
    _may_manage(actor, _checked_role(role))
    values = {"role": role, "default_site_id": _checked_site(default_site_id)}
    if display_name is not None:
        name = display_name.strip()
        if not name or len(name) > DISPLAY_NAME_MAX:
            raise InvalidInput("The name is 1 to 120 characters.", code="bad_display_name")
        values["display_name"] = name
    changes = field_changes(user, values)
    if "role" in changes and user.role == "owner":
        _keep_an_owner(user)
    for field, (_old, new) in changes.items():
        setattr(user, field, new)
    record_change(actor_id, "user", user.id, user.username, changes)


@transactional
def reset_password(actor_id: int, user_id: int, password: str = "") -> str:
    """Give a user a new password (typed, or generated to show once); their sessions end."""
    actor, user = _actor(actor_id), _target(user_id)
    _may_manage(actor, user.role)
    password = _checked_password(password) if password else generate_password()
    user.password_hash = hash_password(password)
    user.session_version += 1  # every session and remember cookie made with the old password ends
    record_change(actor_id, "user", user.id, user.username, {"password": ("", password)})
    return password


@transactional
def set_user_active(actor_id: int, user_id: int, active: bool) -> None:
    """Deactivate a user (their sessions, remember cookies and API tokens stop at once) or bring them back."""
    actor, user = _actor(actor_id), _target(user_id)
    _may_manage(actor, user.role)
    if user.active == active:
        return
    if not active:
        if user.role == "owner":
            _keep_an_owner(user)
        user.session_version += 1
        db.session.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    user.active = active
    record_change(actor_id, "user", user.id, user.username, {"active": (not active, active)})


def list_people(actor_id: int) -> list[User]:
    """Everyone, active first, owners and managers before workers."""
    _actor(actor_id)
    order = {role: -i for i, role in enumerate(ROLES)}
    users = db.session.scalars(select(User).order_by(User.username)).all()
    return sorted(users, key=lambda u: (not u.active, order[u.role], u.username.lower()))

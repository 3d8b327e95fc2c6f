"""Accounts: users, passwords and API tokens."""

import hashlib
import secrets

from flask import current_app
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from ...errors import Conflict, InvalidInput, NotFound
from ...extensions import db
from ...models import ApiToken, User
from ...models.types import utcnow
from ...models.users import ROLES
from ..core import transactional

TOKEN_PREFIX = "tnr_"


def hash_password(password: str) -> str:
    # Tests lower the work factor through config; production keeps werkzeug's default (scrypt).
    return generate_password_hash(password, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt"))


def hash_token(token: str) -> str:
    """The stored form of an API token."""
    return hashlib.sha256(token.encode()).hexdigest()


@transactional
def create_user(
    username: str,
    password: str,
    role: str = "worker",
    *,
    display_name: str = "",
    locale: str | None = None,
    default_site_id: int | None = None,
) -> int:
    """Create a user with a hashed password; returns the new id."""
    username = username.strip()
    if not username:
        raise InvalidInput("username is required", fields={"username": ["required"]})
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}", fields={"role": ["unknown role"]})
    if len(password) < 8:
        raise InvalidInput("password must be at least 8 characters", fields={"password": ["too short"]})
    if db.session.scalar(select(User.id).where(User.username == username)):
        raise Conflict(f"user {username!r} already exists")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        locale=locale,
        default_site_id=default_site_id,
    )
    db.session.add(user)
    db.session.flush()
    return user.id


@transactional
def set_password(username: str, password: str) -> None:
    """Replace a user's password."""
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user {username!r}")
    if len(password) < 8:
        raise InvalidInput("password must be at least 8 characters", fields={"password": ["too short"]})
    user.password_hash = hash_password(password)
    user.session_version += 1  # every session and remember cookie made with the old password ends


@transactional
def create_token(username: str, name: str) -> str:
    """Issue an API token for a user; the plain token is returned once and only its hash kept."""
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user {username!r}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, name=name or "token", token_hash=hash_token(token), prefix=token[:12]))
    return token


@transactional
def revoke_token(token_id: int) -> None:
    """Revoke a token; requests carrying it are refused from now on."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"no token {token_id}")
    token.revoked_at = token.revoked_at or utcnow()

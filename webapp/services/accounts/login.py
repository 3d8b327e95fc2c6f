"""Password login: throttled per name and address, and as slow for an unknown name as for a known one."""

from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash

from ...errors import Locked
from ...extensions import db
from ...models import User
from ...models.users import LOGIN_NAME_LENGTH
from .throttle import clear_failures, record_failure, retry_after
from .users import hash_password

# Longer than any password anyone types; refused without hashing megabytes (but after the same work).
MAX_PASSWORD_LENGTH = 1024
_dummy_hashes: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash of the configured method and cost, checked when the name is unknown, so both take as long."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _dummy_hashes:
        _dummy_hashes[method] = hash_password("not anybody's password")
    return _dummy_hashes[method]


def _user_named(username: str) -> User | None:
    name = username.strip()
    if not name or len(name) > LOGIN_NAME_LENGTH or "\x00" in name:
        return None  # no such user can exist; the database never sees it
    return db.session.scalar(select(User).where(User.username == name))


def password_login(username: str, password: str, address: str | None) -> User | None:
    """The active user with these credentials, or None; Locked (code login_throttled) while throttled.

    Throttled before the password is looked at, so the right password is refused too until the window
    passes; a wrong password is counted for the name and the address, a right one clears the name's count.
    """
    wait = retry_after(username, address)
    if wait:
        raise Locked("Too many failed logins; try again later.", code="login_throttled", fields={"retry_after": wait})
    user = _user_named(username)
    stored = user.password_hash if user is not None else _dummy_hash()
    matches = check_password_hash(stored, password[:MAX_PASSWORD_LENGTH]) and len(password) <= MAX_PASSWORD_LENGTH
    if user is None or not matches or not user.active:
        record_failure(username, address)
        return None
    clear_failures(username)
    return user

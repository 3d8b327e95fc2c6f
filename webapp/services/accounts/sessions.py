"""Ending a user's sessions: a bump of the session version refuses every session and remember cookie made before."""

from sqlalchemy import select, update

from ...errors import NotFound
from ...extensions import db
from ...models import User
from ..core import transactional


@transactional
def end_sessions(user_id: int) -> None:
    """Sign a user out everywhere: every browser session and remember cookie of theirs is refused from now on."""
    db.session.execute(update(User).where(User.id == user_id).values(session_version=User.session_version + 1))


@transactional
def set_active(username: str, active: bool) -> None:
    """Deactivate (or reactivate) a user; deactivating ends every session of theirs at once."""
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user {username!r}")
    if user.active and not active:
        user.session_version += 1
    user.active = active


def session_matches(user: User, version: str) -> bool:
    """Whether a session's or remember cookie's version is the user's current one."""
    return version.isdigit() and int(version) == user.session_version

"""API tokens in use: the owner of a live token, with the token's last use kept to the minute."""

from datetime import timedelta

from sqlalchemy import bindparam, or_, select, update

from ...extensions import db
from ...models import ApiToken, User
from ...models.types import utcnow
from ..core import transactional
from .users import hash_token

# last_used_at is rewritten at most this often per token: one UPDATE a minute, not one per scan batch.
LAST_USE_RESOLUTION = timedelta(minutes=1)

# Built once: every device request looks up its token.
_USER_FOR_TOKEN = (
    select(User, ApiToken.id, ApiToken.last_used_at)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked_at.is_(None))
)


@transactional
def _note_use(token_id: int) -> None:
    now = utcnow()
    stale = or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at <= now - LAST_USE_RESOLUTION)
    # The condition is in the UPDATE, so app processes racing on one token still write once a minute.
    db.session.execute(update(ApiToken).where(ApiToken.id == token_id, stale).values(last_used_at=now))


def user_for_token(token: str) -> User | None:
    """The active user owning a live token, or None; notes the token's use (at most once a minute)."""
    row = db.session.execute(_USER_FOR_TOKEN, {"token_hash": hash_token(token)}).first()
    if row is None:
        return None
    user, token_id, last_used_at = row
    if last_used_at is None or utcnow() - last_used_at >= LAST_USE_RESOLUTION:
        _note_use(token_id)
    return user if user.active else None

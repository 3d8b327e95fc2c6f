"""API tokens managed in the office: the owner sees and revokes everyone's, each user their own."""

import secrets

from sqlalchemy import select

from ...errors import Forbidden, InvalidInput, NotFound
from ...extensions import db
from ...models import ApiToken, User
from ...models.types import utcnow
from ..core import record_change, transactional
from .users import TOKEN_PREFIX, hash_token

TOKEN_NAME_MAX = 80


def _may_handle(actor_id: int, owner_id: int) -> User:
    actor = db.session.get(User, actor_id)
    if actor is None or not actor.active or (actor.id != owner_id and not actor.has_role("owner")):
        raise Forbidden("Only the owner manages other people's tokens.", code="own_tokens_only")
    return actor


def list_tokens(actor_id: int) -> list[tuple[ApiToken, User]]:
    """The tokens this user may see (all for the owner, else their own), live first, newest first."""
    actor = db.session.get(User, actor_id)
    stmt = select(ApiToken, User).join(User, User.id == ApiToken.user_id)
    if actor is None or not actor.has_role("owner"):
        stmt = stmt.where(ApiToken.user_id == actor_id)
    rows = db.session.execute(stmt.order_by(ApiToken.created_at.desc(), ApiToken.id.desc())).all()
    return sorted(((token, user) for token, user in rows), key=lambda row: row[0].revoked_at is not None)


@transactional
def issue_token(actor_id: int, user_id: int, name: str) -> str:
    """A new token for an active user; the plain token is returned once and only its hash kept."""
    _may_handle(actor_id, user_id)
    user = db.session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound(f"No active user {user_id}.", code="unknown_user")
    name = name.strip()
    if not name or len(name) > TOKEN_NAME_MAX:
        raise InvalidInput("A token's name is 1 to 80 characters.", code="bad_token_name", fields={"name": ["length"]})
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name, token_hash=hash_token(token), prefix=token[:12])
    db.session.add(row)
    db.session.flush()
    record_change(actor_id, "api_token", row.id, f"{user.username}: {name}", {"name": (None, name)}, action="create")
    return token


@transactional
def revoke_token_by(actor_id: int, token_id: int) -> None:
    """Revoke a token this user may handle; requests carrying it are refused from now on."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"No token {token_id}.", code="unknown_token")
    _may_handle(actor_id, token.user_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record_change(actor_id, "api_token", token.id, token.name, {"revoked": (False, True)})

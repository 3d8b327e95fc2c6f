"""Login throttling: wrong passwords counted per name and per client address, in the database every process shares."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from ...extensions import db
from ...models import LoginFailure
from ...models.types import utcnow
from ...models.users import LOGIN_ADDRESS_LENGTH, LOGIN_NAME_LENGTH
from ..core import transactional


@dataclass(frozen=True)
class LoginLimits:
    """How many wrong passwords a name and an address may have in one window before logins are refused."""

    per_name: int
    per_address: int
    window: timedelta


def login_limits() -> LoginLimits:
    """The limits set in the configuration (LOGIN_FAILURES_PER_NAME, ..._PER_ADDRESS, LOGIN_FAILURE_WINDOW)."""
    config = current_app.config
    return LoginLimits(
        per_name=int(config.get("LOGIN_FAILURES_PER_NAME", 5)),
        per_address=int(config.get("LOGIN_FAILURES_PER_ADDRESS", 20)),
        window=timedelta(seconds=int(config.get("LOGIN_FAILURE_WINDOW", 15 * 60))),
    )


def name_key(username: str) -> str:
    """The form a tried name is counted under: case and surrounding spaces do not make a new name."""
    return username.strip().casefold().replace("\x00", "")[:LOGIN_NAME_LENGTH]


def address_key(address: str | None) -> str:
    return (address or "").replace("\x00", "")[:LOGIN_ADDRESS_LENGTH]


def _wait(times: list[datetime], limit: int, window: timedelta, now: datetime) -> int:
    """Seconds until fewer than `limit` of these failures (oldest first) are inside the window; 0 if already."""
    if len(times) < limit:
        return 0
    frees_at = times[len(times) - limit] + window
    return max(1, int((frees_at - now).total_seconds() + 0.999))


def _times(column, key: str, since: datetime) -> list[datetime]:
    stmt = select(LoginFailure.at).where(column == key, LoginFailure.at > since).order_by(LoginFailure.at)
    return list(db.session.scalars(stmt))


def retry_after(username: str, address: str | None) -> int:
    """Seconds this name or address must wait before a login is tried again (0: go ahead)."""
    limits, now = login_limits(), utcnow()
    since = now - limits.window
    by_name = _wait(_times(LoginFailure.name_key, name_key(username), since), limits.per_name, limits.window, now)
    by_address = _wait(
        _times(LoginFailure.address, address_key(address), since), limits.per_address, limits.window, now
    )
    return max(by_name, by_address)


@transactional
def record_failure(username: str, address: str | None) -> None:
    """Count one wrong password, and forget the failures that fell out of the window."""
    now = utcnow()
    db.session.execute(delete(LoginFailure).where(LoginFailure.at <= now - login_limits().window))
    db.session.add(LoginFailure(name_key=name_key(username), address=address_key(address), at=now))


def clear_failures(username: str) -> None:
    """A right password: the name starts again from zero (the address keeps its count)."""
    key = name_key(username)
    if db.session.scalar(select(LoginFailure.id).where(LoginFailure.name_key == key).limit(1)) is not None:
        _delete_name(key)


@transactional
def _delete_name(key: str) -> None:
    db.session.execute(delete(LoginFailure).where(LoginFailure.name_key == key))

"""Badges and PINs: issued from the office, used on a shared phone to sign a worker in with gloves on."""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ...errors import Forbidden, InvalidInput, Locked, NotFound, Unauthorized
from ...extensions import db
from ...models import User
from ...models.types import utcnow
from ...models.users import MAX_PIN_FAILURES, ROLES
from ..core import transactional
from .people import display, managed, manager, may_manage
from .registry import device_ref, sign_in_row
from .types import BadgeHolder, IssuedBadge, RosterRow

BADGE_PREFIX = "TNB-"
# Crockford's base32 (no I, L, O, U): 12 characters carry 60 random bits, and read back unambiguously.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_BADGE_CHARS = 12
PIN_LOCK_MINUTES = 5
_PIN = re.compile(r"[0-9]{4,6}")


def _new_code() -> str:
    return BADGE_PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(_BADGE_CHARS))


def badge_hash(code: str) -> str:
    """The stored form of a badge code (a wedge scanner may send it in lower case)."""
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


@transactional
def issue_badges(actor_id: int, user_ids: list[int], *, now: datetime | None = None) -> list[IssuedBadge]:
    """New badge codes for these people, to print now: any badge they had before stops working."""
    now = now or utcnow()
    issued = []
    for user_id in dict.fromkeys(user_ids):
        user = managed(actor_id, user_id)
        code = _new_code()
        user.badge_hash = badge_hash(code)
        user.badge_issued_at = now
        user.pin_failures = 0
        user.pin_locked_until = None
        issued.append(IssuedBadge(user.id, display(user), user.username, code))
    return issued


@transactional
def set_pin(actor_id: int, user_id: int, pin: str) -> None:
    """Give someone a 4-6 digit PIN (stored hashed, like a password); a new PIN also lifts a lock."""
    user = managed(actor_id, user_id)
    if not _PIN.fullmatch(pin or ""):
        raise InvalidInput("A PIN is 4 to 6 digits.", code="bad_pin", fields={"pin": ["4 to 6 digits"]})
    user.pin_hash = generate_password_hash(pin, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt"))
    user.pin_failures = 0
    user.pin_locked_until = None


@transactional
def clear_pin(actor_id: int, user_id: int) -> None:
    """Take someone's PIN away: their badge alone signs them in."""
    user = managed(actor_id, user_id)
    user.pin_hash = None
    user.pin_failures = 0
    user.pin_locked_until = None


@transactional
def unlock_badge(actor_id: int, user_id: int) -> None:
    """Lift a lock after too many wrong PINs, before its time is up."""
    user = managed(actor_id, user_id)
    user.pin_failures = 0
    user.pin_locked_until = None


def badge_roster(actor_id: int, *, now: datetime | None = None) -> list[RosterRow]:
    """The people this manager may give badges and PINs to, with their badge state."""
    now = now or utcnow()
    actor = manager(actor_id)
    users = db.session.scalars(select(User).where(User.active).order_by(User.display_name, User.username))
    rows = [
        RosterRow(
            u.id,
            display(u),
            u.username,
            u.role,
            u.badge_issued_at,
            u.pin_hash is not None,
            u.pin_locked_until if u.pin_locked_until and u.pin_locked_until > now else None,
        )
        for u in users
        if may_manage(actor, u)
    ]
    return sorted(rows, key=lambda r: ROLES.index(r.role))


def _holder(code: str) -> User:
    user = db.session.scalar(select(User).where(User.badge_hash == badge_hash(code))) if code.strip() else None
    if user is None or not user.active:
        raise NotFound("This badge is not known.", code="unknown_badge")
    return user


def check_badge(code: str, *, now: datetime | None = None) -> BadgeHolder:
    """Whose badge this is, whether a PIN follows, and whether it is locked."""
    now = now or utcnow()
    user = _holder(code)
    locked = user.pin_locked_until if user.pin_locked_until and user.pin_locked_until > now else None
    return BadgeHolder(user.id, display(user), user.pin_hash is not None, locked)


@transactional
def _attempt(code: str, pin: str | None, device_id: int, now: datetime) -> tuple[str, object]:
    # Returns instead of raising: a wrong PIN must still commit its count.
    device = device_ref(device_id)
    if device is None or device.revoked or not device.shared:
        return "not_shared", None
    user = _holder(code)
    if user.pin_locked_until and user.pin_locked_until > now:
        return "locked", user.pin_locked_until
    if user.pin_hash is not None and not check_password_hash(user.pin_hash, pin or ""):
        user.pin_failures += 1
        if user.pin_failures >= MAX_PIN_FAILURES:
            user.pin_failures = 0
            user.pin_locked_until = now + timedelta(minutes=PIN_LOCK_MINUTES)
            return "locked", user.pin_locked_until
        return "wrong_pin", MAX_PIN_FAILURES - user.pin_failures
    user.pin_failures = 0
    user.pin_locked_until = None
    sign_in_row(device_id, user.id, now)
    return "ok", user.id


def sign_in_with_badge(code: str, pin: str | None, *, device_id: int, now: datetime | None = None) -> int:
    """The user a badge (and PIN) signs in on this shared phone; wrong PINs are counted and lock the badge."""
    outcome, value = _attempt(code, pin, device_id, now or utcnow())
    if outcome == "ok":
        return value
    if outcome == "not_shared":
        raise Forbidden("Badges sign in on shared phones only.", code="not_shared")
    if outcome == "locked":
        raise Locked(
            "Too many wrong PINs: this badge is locked for a while.",
            code="badge_locked",
            fields={"locked_until": value.isoformat()},
        )
    raise Unauthorized("Wrong PIN.", code="wrong_pin", fields={"tries_left": value})

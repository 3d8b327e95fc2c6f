"""One-time pairing links: made in the office, opened once on the phone within ten minutes."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from ...errors import Expired, InvalidInput, NotFound
from ...extensions import db
from ...models import Device, PairingCode, User
from ...models.types import utcnow
from ..core import transactional
from .people import active_user, display, managed, manager
from .registry import carry_over, sign_in_row
from .types import DeviceRef, Pairing

PAIRING_MINUTES = 10
MAX_NAME = 80


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transactional
def create_pairing(created_by: int, name: str, *, user_id: int | None = None, now: datetime | None = None) -> Pairing:
    """A pairing link's token for a worker's phone (user_id) or a shared phone (None); shown once."""
    now = now or utcnow()
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("the phone needs a name", fields={"name": ["required"]})
    if len(name) > MAX_NAME:
        raise InvalidInput(f"a phone name has at most {MAX_NAME} characters", fields={"name": ["too long"]})
    if user_id is None:
        manager(created_by)
    else:
        managed(created_by, user_id)
    token = secrets.token_urlsafe(24)
    code = PairingCode(
        token_hash=_hash(token),
        user_id=user_id,
        device_name=name,
        created_by=created_by,
        created_at=now,
        expires_at=now + timedelta(minutes=PAIRING_MINUTES),
    )
    db.session.add(code)
    db.session.flush()
    return Pairing(code.id, token, code.expires_at, user_id, name)


@dataclass(frozen=True)
class PairingOffer:
    """What the phone shows before it is paired: the phone's name, whose it is, until when."""

    device_name: str
    user_name: str | None
    expires_at: datetime


def _usable(token: str, now: datetime) -> PairingCode:
    code = db.session.scalar(select(PairingCode).where(PairingCode.token_hash == _hash(token)))
    if code is None:
        raise NotFound("This pairing link is not known.", code="pairing_unknown")
    if code.used_at is not None:
        raise Expired("This pairing link was already used.", code="pairing_used")
    if code.expires_at <= now:
        raise Expired("This pairing link has expired.", code="pairing_expired")
    return code


def pairing_offer(token: str, *, now: datetime | None = None) -> PairingOffer:
    """What a pairing link would do, without using it (link previews must not spend it)."""
    code = _usable(token, now or utcnow())
    user = db.session.get(User, code.user_id) if code.user_id else None
    return PairingOffer(code.device_name, display(user) if user else None, code.expires_at)


@transactional
def redeem_pairing(token: str, *, previous_device_id: int | None = None, now: datetime | None = None) -> DeviceRef:
    """Use a pairing link once: the new phone, carrying over the phone it replaces (same browser, paired again)."""
    now = now or utcnow()
    code = _usable(token, now)
    if code.user_id is not None:
        active_user(code.user_id)
    # Claimed by a conditional update, so two phones opening one link at once cannot both win.
    claimed = db.session.execute(
        update(PairingCode).where(PairingCode.id == code.id, PairingCode.used_at.is_(None)).values(used_at=now)
    ).rowcount
    if claimed != 1:
        raise Expired("This pairing link was already used.", code="pairing_used")
    previous = db.session.get(Device, previous_device_id) if previous_device_id else None
    device = Device(
        name=code.device_name,
        user_id=code.user_id,
        created_by=code.created_by,
        paired_at=now,
        last_seen_at=now,
        replaces_id=previous.id if previous else None,
    )
    db.session.add(device)
    db.session.flush()
    db.session.execute(update(PairingCode).where(PairingCode.id == code.id).values(device_id=device.id))
    if previous is not None:
        carry_over(previous, device, now)
    if code.user_id is not None:
        sign_in_row(device.id, code.user_id, now)
    return DeviceRef(device.id, device.name, device.user_id, False)

"""Paired phones: the per-request check, revoking, the health phones report, who signed in where."""

from datetime import datetime

from sqlalchemy import func, select, update

from ...errors import NotFound
from ...extensions import db
from ...models import Device, DeviceSignIn, User
from ...models.devices import MAX_UNSENT
from ...models.types import utcnow
from ..core import insert_ignore, transactional
from .people import manager
from .types import DeviceRef, DeviceRow, Worker

_REF = select(Device.id, Device.name, Device.user_id, Device.revoked_at)


def device_ref(device_id: int) -> DeviceRef | None:
    """The phone a session is bound to (None if it does not exist); read on every request from a paired phone."""
    row = db.session.execute(_REF.where(Device.id == device_id)).first()
    if row is None:
        return None
    return DeviceRef(row.id, row.name, row.user_id, row.revoked_at is not None)


@transactional
def revoke_device(device_id: int, revoked_by: int, *, now: datetime | None = None) -> None:
    """Remove a phone: its next request is refused, whoever is signed in on it."""
    manager(revoked_by)
    device = db.session.get(Device, device_id)
    if device is None:
        raise NotFound(f"no phone {device_id}")
    if device.revoked_at is None:
        device.revoked_at = now or utcnow()
        device.revoked_by = revoked_by


@transactional
def record_heartbeat(
    device_id: int,
    *,
    synced: bool,
    unsent: int,
    oldest_unsent_at: datetime | None,
    app_version: str,
    client_id: str | None = None,
    now: datetime | None = None,
) -> None:
    """What a phone says about itself after a sync round: seen now, synced now, its unsent queue, its version."""
    now = now or utcnow()
    values = {
        "last_seen_at": now,
        "unsent_count": max(0, min(int(unsent), MAX_UNSENT)),
        "oldest_unsent_at": oldest_unsent_at if unsent else None,
        "app_version": (app_version or "")[:40],
    }
    if synced:
        values["last_sync_at"] = now
    if client_id:
        values["client_id"] = client_id[:64]
    db.session.execute(update(Device).where(Device.id == device_id, Device.revoked_at.is_(None)).values(**values))


def sign_in_row(device_id: int, user_id: int, now: datetime) -> None:
    """Note that a user signed in on a phone, in the caller's transaction."""
    db.session.execute(
        insert_ignore(DeviceSignIn.__table__).values(device_id=device_id, user_id=user_id, first_at=now, last_at=now)
    )
    db.session.execute(
        update(DeviceSignIn)
        .where(DeviceSignIn.device_id == device_id, DeviceSignIn.user_id == user_id)
        .values(last_at=now)
    )


@transactional
def record_sign_in(device_id: int, user_id: int, *, now: datetime | None = None) -> None:
    """Note that a user signed in on a phone (by password on a paired phone)."""
    now = now or utcnow()
    db.session.execute(update(Device).where(Device.id == device_id).values(last_seen_at=now))
    sign_in_row(device_id, user_id, now)


def carry_over(previous: Device, device: Device, now: datetime) -> None:
    """A phone paired again takes over its old record's workers (their queued scans still name them)."""
    if previous.revoked_at is None:
        previous.revoked_at = now
    users = list(db.session.scalars(select(DeviceSignIn.user_id).where(DeviceSignIn.device_id == previous.id)))
    for user_id in users:
        sign_in_row(device.id, user_id, now)


def device_workers(device_id: int, user_ids) -> dict[int, Worker]:
    """Of these users, the active ones who signed in on this phone: the only people its scans may name."""
    ids = {int(u) for u in user_ids}
    if not ids:
        return {}
    rows = db.session.execute(
        select(User.id, User.role, User.default_site_id)
        .join(DeviceSignIn, DeviceSignIn.user_id == User.id)
        .where(DeviceSignIn.device_id == device_id, User.id.in_(ids), User.active)
    )
    return {r.id: Worker(r.id, r.role, r.default_site_id) for r in rows}


def list_devices() -> list[DeviceRow]:
    """Every paired phone, live ones first (newest pairing first), then the removed ones."""
    last_in = (
        select(DeviceSignIn.device_id, func.max(DeviceSignIn.last_at).label("at"))
        .group_by(DeviceSignIn.device_id)
        .subquery()
    )
    last_worker = (
        select(func.coalesce(func.nullif(User.display_name, ""), User.username))
        .join(DeviceSignIn, DeviceSignIn.user_id == User.id)
        .join(last_in, (last_in.c.device_id == DeviceSignIn.device_id) & (last_in.c.at == DeviceSignIn.last_at))
        .where(DeviceSignIn.device_id == Device.id)
        .limit(1)
        .scalar_subquery()
    )
    owner = func.coalesce(func.nullif(User.display_name, ""), User.username)
    rows = db.session.execute(
        select(Device, owner.label("owner"), last_worker.label("last_worker"))
        .outerjoin(User, User.id == Device.user_id)
        .order_by(Device.revoked_at.is_not(None), Device.paired_at.desc(), Device.id.desc())
    )
    return [
        DeviceRow(
            id=d.id,
            name=d.name,
            user_name=owner_name if d.user_id is not None else None,
            last_worker=worker,
            paired_at=d.paired_at,
            revoked_at=d.revoked_at,
            last_seen_at=d.last_seen_at,
            last_sync_at=d.last_sync_at,
            unsent_count=d.unsent_count,
            oldest_unsent_at=d.oldest_unsent_at,
            app_version=d.app_version,
        )
        for d, owner_name, worker in rows
    ]

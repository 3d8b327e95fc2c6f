"""Phones paired to the shop, the one-time codes that pair them, and who signed in on which phone."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow
from .users import User

# What a phone may report about its own queue: bounded so a broken client cannot store nonsense.
MAX_UNSENT = 10_000_000


class Device(db.Model):
    """A paired phone: one worker's, or shared (user_id NULL, workers sign in on it with badge and PIN).

    The phone's browser session carries the device id (the signed session cookie is the binding), so
    revoking the row refuses that phone's next request whoever is signed in on it.
    """

    __tablename__ = "devices"
    __table_args__ = (CheckConstraint(f"unsent_count BETWEEN 0 AND {MAX_UNSENT}", name="unsent_count"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    paired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The phone this one was paired again from (its queue and its workers carry over).
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    # The phone's own id (X-Device-Id, kept in its IndexedDB), also stamped on every scan it sends.
    client_id: Mapped[str | None] = mapped_column(String(64))
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unsent_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    oldest_unsent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    app_version: Mapped[str] = mapped_column(String(40), default="", server_default="")

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])

    @property
    def shared(self) -> bool:
        return self.user_id is None


class PairingCode(db.Model):
    """A one-time pairing link's secret, stored as SHA-256: single use, valid for ten minutes."""

    __tablename__ = "pairing_codes"
    __table_args__ = (CheckConstraint("expires_at > created_at", name="expiry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # NULL: a shared phone
    device_name: Mapped[str] = mapped_column(String(80))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class DeviceSignIn(db.Model):
    """A worker who signed in on a phone: only their queued scans may name them when the phone syncs."""

    __tablename__ = "device_sign_ins"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

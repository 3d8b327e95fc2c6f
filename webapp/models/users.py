"""People, their roles, and the API tokens devices and integrations use."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import BigId, UTCDateTime, utcnow

ROLES = ("worker", "manager", "owner")
# Wrong PINs in a row before a badge is locked for a while (the counter starts again after the lock).
MAX_PIN_FAILURES = 5


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('worker', 'manager', 'owner')", name="role"),
        CheckConstraint(f"pin_failures BETWEEN 0 AND {MAX_PIN_FAILURES}", name="pin_failures"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="worker")
    locale: Mapped[str | None] = mapped_column(String(8))
    default_site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Sign-in on a shared phone: a badge (a random code; only its SHA-256 is kept) and an optional PIN
    # (hashed like a password), with wrong PINs counted and the badge locked for a while after too many.
    badge_hash: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    badge_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    pin_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pin_locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of every session's and remember cookie's identity: bumped to end all of them at once
    # (logout, a new password, deactivation, "sign out everywhere").
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """The identity Flask-Login keeps in the session and the remember cookie: id and session version."""
        return f"{self.id}:{self.session_version}"

    def has_role(self, role: str) -> bool:
        """Whether this user's role is at least `role` (worker < manager < owner)."""
        return ROLES.index(self.role) >= ROLES.index(role)


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    # SHA-256 of a 256-bit random token: enough, as the token is not a guessable password.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


# Stored lengths of a failed login's keys: longer input is cut before it is counted.
LOGIN_NAME_LENGTH = 80
LOGIN_ADDRESS_LENGTH = 64


class LoginFailure(db.Model):
    """One wrong password, by the name tried and the client address; counted in a window by every process."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_name_key_at", "name_key", "at"),
        Index("ix_login_failures_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name_key: Mapped[str] = mapped_column(String(LOGIN_NAME_LENGTH))
    address: Mapped[str] = mapped_column(String(LOGIN_ADDRESS_LENGTH))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

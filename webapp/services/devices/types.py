"""Plain values the devices service hands out."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Pairing:
    """A new one-time pairing: the token exists only here (the database keeps its hash)."""

    id: int
    token: str
    expires_at: datetime
    user_id: int | None
    device_name: str


@dataclass(frozen=True)
class DeviceRef:
    """What a request needs to know about the phone it came from."""

    id: int
    name: str
    user_id: int | None
    revoked: bool

    @property
    def shared(self) -> bool:
        return self.user_id is None


@dataclass(frozen=True)
class DeviceRow:
    """One phone on the office's list, with the health it last reported."""

    id: int
    name: str
    user_name: str | None  # None: a shared phone
    last_worker: str | None  # who last signed in on it
    paired_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None
    last_sync_at: datetime | None
    unsent_count: int
    oldest_unsent_at: datetime | None
    app_version: str

    @property
    def shared(self) -> bool:
        return self.user_name is None


@dataclass(frozen=True)
class Worker:
    """Someone a phone may book scans to: their id, role and default site."""

    user_id: int
    role: str
    default_site_id: int | None


@dataclass(frozen=True)
class BadgeHolder:
    """Whose badge was scanned, and what the sign-in screen asks next."""

    user_id: int
    name: str
    needs_pin: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class IssuedBadge:
    """A freshly issued badge: the code is printed now and never shown again."""

    user_id: int
    name: str
    username: str
    code: str


@dataclass(frozen=True)
class RosterRow:
    """A person on the office's badge list."""

    user_id: int
    name: str
    username: str
    role: str
    badge_issued_at: datetime | None
    has_pin: bool
    locked_until: datetime | None

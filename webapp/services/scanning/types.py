"""Plain values going into and coming out of the scan service."""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ScanIn:
    """One scan as the device recorded it."""

    scan_id: uuid.UUID
    mode: str
    code: str
    quantity: int
    occurred_at: datetime
    location: str | None = None
    to_location: str | None = None
    site: str | None = None
    task_id: int | None = None
    undo_of: uuid.UUID | None = None
    symbology: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None  # a serial-tracked unit's serial, when not in the code's GS1 AI 21
    lot_reason: str | None = None  # why a later lot was picked than the one proposed (domain.expiry)


@dataclass
class ScanOutcome:
    """What the server did with one scan; a replay gets the first outcome back as `duplicate`."""

    scan_id: str
    status: str  # applied | duplicate | unresolved | rejected
    reason: str | None = None
    message: str = ""
    first_status: str | None = None
    item_id: int | None = None
    item_code: str | None = None
    item_name: str | None = None
    quantity: int | None = None
    location: str | None = None
    stock_at_location: int | None = None
    warnings: list[str] = field(default_factory=list)
    fields: dict | None = None  # field messages of a scan rejected as malformed
    params: dict | None = None  # values a rejection's translated message is filled with on the device
    task: dict | None = None  # a task scan: the task's status and its line's progress after this scan


@dataclass(frozen=True)
class Actor:
    """Who sent the scans."""

    user_id: int
    role: str
    default_site_id: int | None = None
    device_id: str | None = None

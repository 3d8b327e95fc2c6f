"""Scans exactly as devices sent them, with the outcome the server gave each one."""

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import BigId, UTCDateTime, utcnow

SCAN_MODES = ("receive", "pick", "count", "move", "adjust", "lookup", "undo")
# "cancelled": an unresolved scan undone before anyone mapped its code; it will never apply.
SCAN_STATUSES = ("applied", "unresolved", "cancelled")


class Scan(db.Model):
    __tablename__ = "scans"
    __table_args__ = (Index("ix_scans_status_code_key", "status", "code_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The device's UUID: its uniqueness is what makes every retry harmless.
    scan_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    mode: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(2000))  # domain.barcodes.MAX_LENGTH: long QR text as scanned
    # Normalised lookup key of the code (GTIN-14 for GTINs), so mapping an unknown code later
    # finds every waiting scan of it whatever form it was scanned in.
    code_key: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    # Base units the scan stood for (quantity x pack x GS1 count): what an undo takes back off a count line.
    units: Mapped[int | None] = mapped_column(BigInteger)
    location_code: Mapped[str | None] = mapped_column(String(64))
    to_location_code: Mapped[str | None] = mapped_column(String(64))
    undo_of: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    lot: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[date | None] = mapped_column(Date)
    serial: Mapped[str] = mapped_column(String(40), default="", server_default="")
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

"""Alerts raised by stock changes and the replenishment engine."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

ALERT_KINDS = ("reorder", "stockout", "negative_stock", "overstock", "unresolved_barcode", "expiry")
ALERT_STATUSES = ("open", "acknowledged", "resolved")


class Alert(db.Model):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    code: Mapped[str | None] = mapped_column(String(200))
    # Set while the alert is open, NULL once resolved: a unique key on it allows exactly
    # one open alert per item, site and kind, on SQLite and PostgreSQL alike.
    open_key: Mapped[str | None] = mapped_column(String(300), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    message: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A snoozed alert is hidden from the lists and not delivered until this time passes.
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    snoozed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    item = relationship("Item")
    site = relationship("Site")

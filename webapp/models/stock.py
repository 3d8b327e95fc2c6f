"""The append-only movement ledger and the stock levels projected from it."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import BigId, ExactDecimal, UTCDateTime, utcnow


class Movement(db.Model):
    """One signed change of stock. Never updated or deleted (database triggers refuse both)."""

    __tablename__ = "movements"
    __table_args__ = (
        Index("ix_movements_item_occurred", "item_id", "occurred_at"),
        Index("ix_movements_location_occurred", "location_id", "occurred_at"),
        Index("ix_movements_item_serial", "item_id", "serial"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    # '' rather than NULL for "no lot": NULLs never collide in a unique key.
    lot: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[date | None] = mapped_column(Date)
    serial: Mapped[str] = mapped_column(String(40), default="", server_default="")  # '' unless serial-tracked
    quantity: Mapped[int] = mapped_column(BigInteger)
    unit_cost: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(String(64))
    scan_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    item = relationship("Item")
    location = relationship("Location")


class StockLevel(db.Model):
    """Quantity on hand per item, bin and lot; only ever changed by `quantity = quantity + delta`."""

    __tablename__ = "stock_levels"
    __table_args__ = (UniqueConstraint("item_id", "location_id", "lot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), index=True)
    lot: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(BigInteger, default=0)

    item = relationship("Item")
    location = relationship("Location")


class SerialNumber(db.Model):
    """One serial of a serial-tracked item and the bin it is in now (none once it has left the stock).

    Kept in step with the ledger's movements of the serial; a receipt locks the row, so one serial
    is in stock once at most even when two phones send it at the same moment.
    """

    __tablename__ = "serial_numbers"
    __table_args__ = (UniqueConstraint("item_id", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    serial: Mapped[str] = mapped_column(String(40))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

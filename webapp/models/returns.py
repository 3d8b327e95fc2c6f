"""Returns from customers and to suppliers: one row per return, beside the ledger movement it posted."""

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.returns import KINDS, REASONS
from ..extensions import db
from .types import UTCDateTime, utcnow


def _one_of(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class StockReturn(db.Model):
    """A customer return (into a bin the user chose) or a return to a supplier (against an order line)."""

    __tablename__ = "stock_returns"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind"),
        CheckConstraint(_one_of("reason", REASONS), name="reason"),
        CheckConstraint("quantity > 0", name="quantity"),
        Index("ix_stock_returns_kind_demand_at", "kind", "demand_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # The caller's idempotency key, also the movement's scan_id: a replayed form posts nothing twice.
    request_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    # The site whose demand a customer return takes back (the pick list's), or the bin's site.
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    lot: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[date | None] = mapped_column(Date)
    serial: Mapped[str] = mapped_column(String(40), default="")  # '' unless the item is serial-tracked
    quantity: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(String(200), default="")
    # The original pick list (customer) or purchase order (supplier), and the order line returned against.
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    task_line_id: Mapped[int | None] = mapped_column(ForeignKey("task_lines.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Customer returns only: the moment whose demand they take back (domain.returns.demand_at).
    demand_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    item = relationship("Item")
    location = relationship("Location")

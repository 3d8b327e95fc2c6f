"""Work for the floor: purchase orders, pick lists, count sessions and transfers, with their lines."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import ExactDecimal, UTCDateTime, utcnow

TASK_KINDS = ("purchase_order", "pick_list", "count_session", "transfer")
TASK_STATUSES = ("draft", "open", "in_progress", "done", "cancelled")


class Task(db.Model):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    title: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A purchase order's sending: when and how it reached the supplier (NULL until it did).
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_channel: Mapped[str | None] = mapped_column(String(16))
    # The 発注書's remarks (備考) for the supplier; `note` stays the shop's own.
    remarks: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list["TaskLine"]] = relationship(back_populates="task", order_by="TaskLine.seq")


class TaskLine(db.Model):
    """A line of a task: expected quantity and how much of it is done so far."""

    __tablename__ = "task_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    lot: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[int] = mapped_column(BigInteger)
    done_quantity: Mapped[int] = mapped_column(BigInteger, default=0)
    # A purchase order line's wished delivery date, note and the unit price fixed when it was confirmed.
    expected_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
    unit_price: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))

    task: Mapped[Task] = relationship(back_populates="lines")
    item = relationship("Item")
    location = relationship("Location")

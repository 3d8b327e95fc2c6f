"""How each supplier's purchase orders are sent and ordered automatically, the delivery log, and the auto-order reasons."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class SupplierSending(db.Model):
    """One supplier's sending channel, mail templates and automatic ordering (its e-mail, FAX and minimum are on `suppliers`)."""

    __tablename__ = "supplier_sending"
    __table_args__ = (
        CheckConstraint("channel IN ('email', 'fax', 'both', 'manual')", name="channel"),
        CheckConstraint("auto_mode IN ('off', 'draft', 'send')", name="auto_mode"),
    )

    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(8), default="manual")
    # Empty: the default wording in the supplier's document language.
    subject_template: Mapped[str] = mapped_column(String(200), default="")
    body_template: Mapped[str] = mapped_column(Text, default="")
    auto_mode: Mapped[str] = mapped_column(String(8), default="off")
    auto_times: Mapped[str] = mapped_column(String(120), default="")  # "08:00,14:30" in the shop's time zone
    # The last automatic run taken for this supplier: a run is due when a set time has passed since.
    auto_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OrderDelivery(db.Model):
    """One attempt to send an order by one channel: the recipient, the outcome, the server's answer."""

    __tablename__ = "order_deliveries"
    __table_args__ = (CheckConstraint("outcome IN ('sent', 'failed')", name="outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    channel: Mapped[str] = mapped_column(String(8))  # email / fax
    recipient: Mapped[str] = mapped_column(String(254))
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    outcome: Mapped[str] = mapped_column(String(8))
    answer: Mapped[str] = mapped_column(String(500), default="")
    # Set on a failure that will be tried again, cleared when the retry claims it.
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AutoOrderLine(db.Model):
    """What one automatic run did with one item and why: ordered on `task_id`, or waiting for the minimum amount."""

    __tablename__ = "auto_order_lines"
    __table_args__ = (CheckConstraint("outcome IN ('ordered', 'waiting')", name="outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(8))
    on_hand: Mapped[int] = mapped_column(Integer)
    on_order: Mapped[int] = mapped_column(Integer)
    reorder_point: Mapped[int] = mapped_column(Integer)
    order_up_to: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(
        Integer
    )  # yen of this line; the order's total is below the minimum when waiting

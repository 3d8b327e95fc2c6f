"""Warehouse workflows beside the generic tasks: stock allocations, task events, count sessions and count lines."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

COUNT_SCOPES = ("site", "zone", "bins", "items")
# A session's scope may also be "pairs": exactly its count lines' (bin, item), made by cycle counting.
EVENT_KINDS = (
    *("over_receipt", "not_on_order", "closed_short", "short_pick", "recount", "approved", "cancelled"),
    # A purchase order's life: who confirmed, sent, edited, merged and reopened it, and when.
    *("confirmed", "sent", "edited", "merged", "reopened"),
)


class Allocation(db.Model):
    """Stock reserved for one pick line at its bin; `quantity` is what is still reserved (0 once done)."""

    __tablename__ = "allocations"
    __table_args__ = (Index("ix_allocations_key", "item_id", "location_id", "lot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    task_line_id: Mapped[int] = mapped_column(ForeignKey("task_lines.id"), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    lot: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TaskEvent(db.Model):
    """Something worth keeping about a task: over-receipt, short pick with its reason, recount, approval."""

    __tablename__ = "task_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    task_line_id: Mapped[int | None] = mapped_column(ForeignKey("task_lines.id"))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(BigInteger, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    scan_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CountSession(db.Model):
    """The scope and lifecycle of a stocktake; its Task (kind count_session) carries number and status."""

    __tablename__ = "count_sessions"

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    scope: Mapped[str] = mapped_column(String(8), default="site")
    zone: Mapped[str] = mapped_column(String(40), default="")
    location_ids: Mapped[list] = mapped_column(JSON, default=list)
    item_ids: Mapped[list] = mapped_column(JSON, default=list)
    blind: Mapped[bool] = mapped_column(Boolean, default=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Who counts it, besides its creator: either of them (or a manager) may approve it.
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    task = relationship("Task")


class CountLine(db.Model):
    """One (bin, item, lot) of a count: expected at the start, what was counted and when."""

    __tablename__ = "count_lines"
    # The second index finds when a pair was last counted (cycle counting).
    __table_args__ = (
        UniqueConstraint("task_id", "location_id", "item_id", "lot"),
        Index("ix_count_lines_pair", "location_id", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    lot: Mapped[str] = mapped_column(String(40), default="")
    snapshot_quantity: Mapped[int] = mapped_column(BigInteger, default=0)
    # NULL until counted: "not counted" is not the same as "counted zero".
    counted_quantity: Mapped[int | None] = mapped_column(BigInteger)
    counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    counted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recount: Mapped[bool] = mapped_column(Boolean, default=False)
    # Filled at approval: the expected quantity at the count's time and the posted variance.
    expected_quantity: Mapped[int | None] = mapped_column(BigInteger)
    variance: Mapped[int | None] = mapped_column(BigInteger)

    item = relationship("Item")
    location = relationship("Location")


class TaskAction(db.Model):
    """A phone's task action (short pick, complete) keyed by its client UUID: a replay finds it and changes nothing."""

    __tablename__ = "task_actions"

    action_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    task_line_id: Mapped[int | None] = mapped_column(ForeignKey("task_lines.id"))
    kind: Mapped[str] = mapped_column(String(12))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    occurred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

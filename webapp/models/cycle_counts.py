"""Cycle counting: the owner's intervals per ABC class, and the scope locks open count sessions hold."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

# A lock's item_id for "every item in the bin" (a count by site, zone or bins without items).
WHOLE_BIN = 0


class CycleCountSettings(db.Model):
    """Days between counts per ABC class and the size of generated sessions (one row; defaults until saved)."""

    __tablename__ = "cycle_count_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    interval_a: Mapped[int] = mapped_column(Integer, default=30)
    interval_b: Mapped[int] = mapped_column(Integer, default=90)
    interval_c: Mapped[int] = mapped_column(Integer, default=365)
    session_size: Mapped[int] = mapped_column(Integer, default=30)
    daily_sessions: Mapped[int] = mapped_column(Integer, default=5)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CountScopeLock(db.Model):
    """One (bin, item) an open count session counts, held until it is approved: a second session cannot take it.

    item_id is WHOLE_BIN (0, no item) when the session counts everything in the bin; the unique key
    refuses the same pair twice, and creators queue on their site's row to check whole bins against items.
    """

    __tablename__ = "count_scope_locks"
    __table_args__ = (UniqueConstraint("location_id", "item_id", name="uq_count_scope_locks_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    item_id: Mapped[int] = mapped_column(Integer)

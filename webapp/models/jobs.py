"""The scheduled jobs' locks (one row per job, shared by every process) and the record of their runs."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import BigId, UTCDateTime

JOB_NAME_LENGTH = 60
HOLDER_LENGTH = 120
RUN_MESSAGE_LENGTH = 500
RUN_OUTCOMES = ("running", "ok", "failed", "skipped-locked")
RUN_TRIGGERS = ("schedule", "catch-up", "requested")


class JobLock(db.Model):
    """A job's lock (holder and lease), its last runs, its published schedule and a queued "run now"."""

    __tablename__ = "job_locks"

    name: Mapped[str] = mapped_column(String(JOB_NAME_LENGTH), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(HOLDER_LENGTH))
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the row was first written: slots before it were never the shop's, so they are not caught up.
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Start of the last run that finished (ok or failed): a slot after it is due; a killed run never finishes.
    last_finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    run_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    requested_by: Mapped[str | None] = mapped_column(String(80))
    schedule: Mapped[str | None] = mapped_column(String(120))
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    daily_at: Mapped[str | None] = mapped_column(String(5))  # the owner's HH:MM for jobs whose time is set here


class JobRun(db.Model):
    """One run of a job: when, by which process, how it ended and what it said (bounded)."""

    __tablename__ = "job_runs"
    __table_args__ = (
        CheckConstraint("outcome IN ('running', 'ok', 'failed', 'skipped-locked')", name="outcome"),
        CheckConstraint("run_trigger IN ('schedule', 'catch-up', 'requested')", name="run_trigger"),
        Index("ix_job_runs_job_started_at", "job", "started_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    job: Mapped[str] = mapped_column(String(JOB_NAME_LENGTH))
    holder: Mapped[str] = mapped_column(String(HOLDER_LENGTH))
    run_trigger: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(String(RUN_MESSAGE_LENGTH), default="")

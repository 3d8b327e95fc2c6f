"""Forecasts per item and site: each nightly run's forecast ahead, kept for forecast against actual."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Forecast(db.Model):
    """One day's forecast for an item at a site, by the method that made it; actual filled once the day is over.

    One row per (item, site, day): a later run replaces the forecasts of days still ahead, so a
    past day keeps the forecast of the last run before it. Days older than the accuracy window
    are pruned by every run.
    """

    __tablename__ = "forecasts"
    __table_args__ = (UniqueConstraint("item_id", "site_id", "day"), Index("ix_forecasts_day", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    day: Mapped[date] = mapped_column(Date)
    made_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[float] = mapped_column(Float)
    actual: Mapped[float | None] = mapped_column(Float, nullable=True)


class ForecastFit(db.Model):
    """The last run's forecast choice for an item at a site, and how its stored forecasts compare with actual."""

    __tablename__ = "forecast_fits"
    __table_args__ = (UniqueConstraint("item_id", "site_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    method: Mapped[str] = mapped_column(String(16))
    history_days: Mapped[int] = mapped_column(Integer)
    holdout_mae: Mapped[float | None] = mapped_column(Float, nullable=True)
    runner_up: Mapped[str | None] = mapped_column(String(16), nullable=True)
    runner_up_mae: Mapped[float | None] = mapped_column(Float, nullable=True)
    next_days_total: Mapped[float] = mapped_column(Float)
    scale: Mapped[float | None] = mapped_column(Float, nullable=True)
    accuracy_days: Mapped[int] = mapped_column(Integer, default=0)
    mae: Mapped[float | None] = mapped_column(Float, nullable=True)
    bias: Mapped[float | None] = mapped_column(Float, nullable=True)
    mase: Mapped[float | None] = mapped_column(Float, nullable=True)
    tracking_signal: Mapped[float | None] = mapped_column(Float, nullable=True)
    drifted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

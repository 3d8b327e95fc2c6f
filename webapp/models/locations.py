"""Sites and the bins inside them, each bin with its own barcode and walk order."""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

SITE_KINDS = ("warehouse", "store", "factory", "external")
# A quarantine bin holds expired or held stock: shown in stock, never allocated to a pick.
LOCATION_KINDS = ("bin", "receiving", "shipping", "staging", "quarantine")


class Site(db.Model):
    __tablename__ = "sites"
    __table_args__ = (CheckConstraint("kind IN ('warehouse', 'store', 'factory', 'external')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="warehouse")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    locations: Mapped[list["Location"]] = relationship(back_populates="site", order_by="Location.walk_seq")


class Location(db.Model):
    __tablename__ = "locations"
    __table_args__ = (
        CheckConstraint("kind IN ('bin', 'receiving', 'shipping', 'staging', 'quarantine')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    # The bin's own barcode; unique across sites so a scan names exactly one bin.
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    zone: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(16), default="bin")
    walk_seq: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Devices fetch reference data changed since their last cursor.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    site: Mapped[Site] = relationship(back_populates="locations")

"""The shop's own company block, printed on its order documents (one row)."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import ExactDecimal, UTCDateTime, utcnow


class CompanyProfile(db.Model):
    """Name, address and contacts of the shop as its suppliers see them, and the consumption tax rates."""

    __tablename__ = "company_profile"
    __table_args__ = (
        CheckConstraint("standard_tax_percent BETWEEN 0 AND 100 AND reduced_tax_percent BETWEEN 0 AND 100", name="tax"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    fax: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    person_in_charge: Mapped[str] = mapped_column(String(100), default="")
    standard_tax_percent: Mapped[int] = mapped_column(Integer, default=10)
    reduced_tax_percent: Mapped[int] = mapped_column(Integer, default=8)
    # For the economic order quantity: a supplier's order costs this unless it has its own (yen per order),
    # and holding stock costs this fraction of its value a year (0.25 = 25 %); 0 means not set.
    ordering_cost: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0), server_default="0")
    holding_rate: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0), server_default="0")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

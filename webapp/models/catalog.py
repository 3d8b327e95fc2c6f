"""The catalog aggregate: suppliers, items and the barcodes that identify them."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import ExactDecimal, UTCDateTime, utcnow

STOCK_CLASSES = ("material", "wip", "product")
ORDER_POLICIES = ("s_S", "s_Q", "R_S", "R_s_S")


class Supplier(db.Model):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(200), default="")  # the person orders go to (担当者)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    fax: Mapped[str | None] = mapped_column(String(40))
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    # The smallest order (in yen, before tax) the supplier accepts or ships free (最低発注金額).
    min_order_amount: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0))
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The language of the order documents sent to this supplier: "ja" or "en".
    language: Mapped[str] = mapped_column(String(2), default="ja")
    # What one order costs the shop (yen: handling, carriage) for the EOQ; NULL: the shop's default.
    ordering_cost: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))


class Item(db.Model):
    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("stock_class IN ('material', 'wip', 'product')", name="stock_class"),
        CheckConstraint("min_order_qty >= 1 AND order_multiple >= 1", name="order_rounding"),
        CheckConstraint("lead_time_days >= 0 AND review_interval_days >= 0", name="days"),
        CheckConstraint("service_level > 0 AND service_level < 10000", name="service_level"),
        CheckConstraint(
            "(inner_qty IS NULL OR inner_qty BETWEEN 2 AND 100000) AND (case_qty IS NULL OR case_qty BETWEEN 2 AND 100000)"
            " AND (inner_qty IS NULL OR case_qty IS NULL OR (case_qty > inner_qty AND case_qty % inner_qty = 0))",
            name="pack_levels",
        ),
        CheckConstraint(
            "order_in = 'each' OR (order_in = 'inner' AND inner_qty IS NOT NULL)"
            " OR (order_in = 'case' AND case_qty IS NOT NULL)",
            name="order_in",
        ),
        CheckConstraint("expiry_alert_days IS NULL OR expiry_alert_days BETWEEN 0 AND 3650", name="expiry_alert_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    stock_class: Mapped[str] = mapped_column(String(16), default="product")
    category: Mapped[str] = mapped_column(String(40), default="general")
    unit: Mapped[str] = mapped_column(String(16), default="pcs")
    unit_cost: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0))
    unit_price: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal(0))
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    review_interval_days: Mapped[int] = mapped_column(Integer, default=1)
    service_level: Mapped[Decimal] = mapped_column(ExactDecimal(4), default=Decimal("0.95"))
    safety_stock: Mapped[int] = mapped_column(Integer, default=0)
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    max_stock: Mapped[int | None] = mapped_column(Integer)
    min_order_qty: Mapped[int] = mapped_column(Integer, default=1)
    order_multiple: Mapped[int] = mapped_column(Integer, default=1)
    # Pack levels (ボール, ケース) in eaches, the base unit every quantity is kept in; None: no such level.
    inner_qty: Mapped[int | None] = mapped_column(Integer)
    case_qty: Mapped[int | None] = mapped_column(Integer)
    # The level the supplier sells in ("each", "inner", "case"): orders go in whole packs of it.
    order_in: Mapped[str] = mapped_column(String(8), default="each")
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    # Food and drink (飲食料品) bear the reduced consumption tax rate on an order document.
    reduced_tax: Mapped[bool] = mapped_column(Boolean, default=False)
    # Each unit has its own serial number: receipts, picks, moves and counts name it.
    serial_tracked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Days before a lot's expiry to alert; NULL: the category's default (domain.expiry.CATEGORY_ALERT_DAYS).
    expiry_alert_days: Mapped[int | None] = mapped_column(Integer)
    # How suggestions order (domain.ordering_policies): s_S, s_Q, R_S or R_s_S; Q fixed or the EOQ for s_Q.
    order_policy: Mapped[str] = mapped_column(String(8), default="s_S", server_default="s_S")
    fixed_order_qty: Mapped[int | None] = mapped_column(Integer)
    use_eoq: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)
    # Optimistic lock: two people editing one item never silently overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    supplier: Mapped[Supplier | None] = relationship()
    barcodes: Mapped[list["Barcode"]] = relationship(back_populates="item", order_by="Barcode.id")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it once)


class Barcode(db.Model):
    __tablename__ = "barcodes"
    __table_args__ = (CheckConstraint("pack_qty >= 1", name="pack_qty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    # Normalised lookup key (GTIN-14 for GTINs), see domain.barcodes.barcode_key.
    code: Mapped[str] = mapped_column(String(200), unique=True)
    raw: Mapped[str] = mapped_column(String(200))
    pack_qty: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    item: Mapped[Item] = relationship(back_populates="barcodes")


class BarcodeRemoval(db.Model):
    """A barcode taken off an item: the audit record, and what tells phones to forget the code."""

    __tablename__ = "barcode_removals"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(200))  # the normalised key, as Barcode.code held it
    raw: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    pack_qty: Mapped[int] = mapped_column(Integer)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    removed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ItemPhoto(db.Model):
    """An item's photo, kept in the database so every backup carries it: a thumbnail and a larger view."""

    __tablename__ = "item_photos"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    etag: Mapped[str] = mapped_column(String(64))  # a digest of the larger view: caches revalidate by it
    media_type: Mapped[str] = mapped_column(String(20))
    thumb: Mapped[bytes] = mapped_column(LargeBinary)
    large: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)  # of the larger view
    height: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

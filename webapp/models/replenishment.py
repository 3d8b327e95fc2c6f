"""Replenishment: stored engine results and manual overrides per item and site; alert notifications."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import ExactDecimal, UTCDateTime, utcnow

DELIVERY_STATUSES = ("pending", "sent", "failed")


class ReplenishmentResult(db.Model):
    """One recompute's numbers for an item at a site: the articles' figures beside the recommendation."""

    __tablename__ = "replenishment_results"
    __table_args__ = (UniqueConstraint("item_id", "site_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    period_days: Mapped[int] = mapped_column(Integer)
    window_days: Mapped[int] = mapped_column(Integer)
    lead_time_days: Mapped[int] = mapped_column(Integer)
    review_interval_days: Mapped[int] = mapped_column(Integer)
    service_level: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    # Demand statistics and the articles' numbers, kept to show "why this reorder point".
    mean_daily: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    std_daily: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    z: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    pattern: Mapped[int] = mapped_column(SmallInteger)
    cycle_stock: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    article_safety_stock: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    article_reorder_point: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    article_proper_stock: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    article_order_qty: Mapped[int] = mapped_column(Integer)
    # The recommendation (whole units, rounded up) and how it was obtained (reorder_plan.Method).
    method: Mapped[int] = mapped_column(SmallInteger)
    safety_stock: Mapped[int] = mapped_column(Integer)
    reorder_point: Mapped[int] = mapped_column(Integer)
    order_up_to: Mapped[int] = mapped_column(Integer)
    order_qty: Mapped[int] = mapped_column(Integer)
    on_hand: Mapped[int] = mapped_column(Integer)
    on_order: Mapped[int] = mapped_column(Integer)
    # KPIs of the period; NULL where the ratio is undefined or infinite.
    issued_qty: Mapped[int] = mapped_column(Integer)
    average_inventory: Mapped[Decimal] = mapped_column(ExactDecimal(4))
    turnover: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    turnover_days: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    cross_ratio: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    days_of_stock_cost: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    days_of_stock_sales: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    days_since_demand: Mapped[int | None] = mapped_column(Integer)
    abc_class: Mapped[str] = mapped_column(String(1), default="C")
    dead_stock: Mapped[bool] = mapped_column(Boolean, default=False)
    band_flag: Mapped[str] = mapped_column(String(12), default="none")
    # Data hygiene (domain.demand_hygiene): the row's own history and the days capped as outliers.
    history_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    outlier_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    outlier_days: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # Lead time learned from past receipts (domain.lead_times): mean and spread in days, NULL below the minimum.
    learned_lead_days: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    learned_lead_std: Mapped[Decimal | None] = mapped_column(ExactDecimal(4))
    lead_time_receipts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    item = relationship("Item")
    site = relationship("Site")


class ReplenishmentOverride(db.Model):
    """An owner's hand-set safety stock and/or reorder point for an item at a site."""

    __tablename__ = "replenishment_overrides"
    __table_args__ = (UniqueConstraint("item_id", "site_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    safety_stock: Mapped[int | None] = mapped_column(Integer)
    reorder_point: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CategoryBand(db.Model):
    """The owner's days-of-stock band for a stock category, in place of the reference band (SPEC)."""

    __tablename__ = "category_bands"
    __table_args__ = (CheckConstraint("low_days >= 0 AND high_days > low_days AND high_days <= 3650", name="days"),)

    category: Mapped[str] = mapped_column(String(40), primary_key=True)
    low_days: Mapped[int] = mapped_column(Integer)
    high_days: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationSettings(db.Model):
    """How alerts leave the app by e-mail (one row); webhooks have their own endpoints."""

    __tablename__ = "notification_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    email_mode: Mapped[str] = mapped_column(String(12), default="immediate")  # immediate | digest
    recipients: Mapped[str] = mapped_column(Text, default="")
    smtp_host: Mapped[str] = mapped_column(String(200), default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=25)
    mail_from: Mapped[str] = mapped_column(String(200), default="")
    # The mail server's security (none | starttls | tls: implicit TLS, "SMTPS"), login and sender name.
    smtp_security: Mapped[str] = mapped_column(String(10), default="none", server_default="none")
    smtp_username: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Fernet token under a key derived from SECRET_KEY: a copy of the database alone does not reveal it.
    smtp_password_token: Mapped[str] = mapped_column(Text, default="", server_default="")
    mail_from_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # A CA (PEM) trusted besides the system's, for a LAN server with its own; or any certificate, by choice.
    smtp_ca_pem: Mapped[str] = mapped_column(Text, default="", server_default="")
    smtp_allow_untrusted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The shop's e-mail-to-FAX gateway address, "{fax}" standing for the number's digits.
    fax_gateway: Mapped[str] = mapped_column(String(200), default="", server_default="")
    digest_hour: Mapped[int] = mapped_column(Integer, default=8)
    kinds: Mapped[list] = mapped_column(JSON, default=list)  # empty: every kind
    # Alerts up to this id have been queued for delivery already.
    last_alert_id: Mapped[int] = mapped_column(Integer, default=0)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WebhookEndpoint(db.Model):
    """A URL that receives alerts as signed JSON."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(128))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    kinds: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationDelivery(db.Model):
    """The delivery log: one message to one channel, with its attempts."""

    __tablename__ = "notification_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(12))  # email | webhook
    endpoint_id: Mapped[int | None] = mapped_column(ForeignKey("webhook_endpoints.id"), index=True)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id"), index=True)
    event: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    response_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    endpoint = relationship("WebhookEndpoint")

"""The audit trail: who changed which setting, when, from what to what."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import BigId, UTCDateTime, utcnow

# Bounds of what one event may hold, so a settings write can never be refused for its audit row.
AUDIT_KIND_MAX = 32
AUDIT_LABEL_MAX = 200
AUDIT_ACTION_MAX = 24
AUDIT_VALUE_MAX = 500
AUDIT_FIELDS_MAX = 60


class AuditEvent(db.Model):
    """One settings change: the object, the action and each field's old and new value."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_object", "object_kind", "object_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Kept as ids and a copied name: the trail still says who when the user is renamed or gone.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    user_name: Mapped[str] = mapped_column(String(120), default="")
    device_id: Mapped[int | None] = mapped_column(Integer)
    object_kind: Mapped[str] = mapped_column(String(AUDIT_KIND_MAX))
    object_id: Mapped[int | None] = mapped_column(Integer)
    object_label: Mapped[str] = mapped_column(String(AUDIT_LABEL_MAX), default="")
    action: Mapped[str] = mapped_column(String(AUDIT_ACTION_MAX), default="update")
    # {"field": {"old": ..., "new": ...}}: values are JSON scalars, each cut to AUDIT_VALUE_MAX characters.
    changes: Mapped[dict] = mapped_column(JSON, default=dict)

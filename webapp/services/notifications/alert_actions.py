"""Acknowledging and snoozing alerts: who and when, recorded in the audit trail; a snoozed alert waits."""

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Alert, Item, NotificationDelivery
from ...models.types import utcnow
from ..core import record_change, transactional

# Longer than a quarter is not a snooze but a setting: change the item's reorder point instead.
MAX_SNOOZE = timedelta(days=90)


def _label(alert: Alert) -> str:
    item = db.session.get(Item, alert.item_id) if alert.item_id else None
    return f"{alert.kind} {item.code if item else alert.code or ''}".strip()


def _alert(alert_id: int) -> Alert:
    alert = db.session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(f"No alert {alert_id}.", code="no_alert")
    return alert


@transactional
def acknowledge(alert_id: int, user_id: int) -> None:
    """Mark an alert as seen (who and when); it stays open until its condition clears."""
    alert = _alert(alert_id)
    if alert.status == "open":
        now = utcnow()
        alert.status, alert.acknowledged_by, alert.acknowledged_at = "acknowledged", user_id, now
        record_change(user_id, "alert", alert.id, _label(alert), {"status": ("open", "acknowledged")}, "acknowledge")


@transactional
def snooze(alert_id: int, user_id: int, until: datetime | None, now: datetime | None = None) -> None:
    """Hide an alert and hold its deliveries until `until` (at most 90 days ahead); None wakes it now."""
    now = now or utcnow()
    if until is not None and (until.tzinfo is None or not now < until <= now + MAX_SNOOZE):
        raise InvalidInput(
            "Snooze until a time in the next 90 days.", code="bad_snooze", fields={"until": ["within 90 days"]}
        )
    alert = _alert(alert_id)
    if alert.open_key is None:
        raise InvalidInput("This alert is already resolved.", code="alert_resolved", fields={"until": ["resolved"]})
    changes = {"snoozed_until": (alert.snoozed_until, until)}
    alert.snoozed_until, alert.snoozed_by, alert.snoozed_at = until, user_id, now
    record_change(user_id, "alert", alert.id, _label(alert), changes, "snooze" if until else "wake")


def awake(now: datetime):
    """The condition of an alert not snoozed at `now`."""
    return or_(Alert.snoozed_until.is_(None), Alert.snoozed_until <= now)


def defer_snoozed(now: datetime) -> None:
    """Move the due deliveries of snoozed alerts to the end of their snooze, in the caller's transaction."""
    until = select(Alert.snoozed_until).where(Alert.id == NotificationDelivery.alert_id).scalar_subquery()
    snoozed = select(Alert.id).where(Alert.snoozed_until > now)
    db.session.execute(
        update(NotificationDelivery)
        .where(
            NotificationDelivery.status == "pending",
            NotificationDelivery.next_attempt_at <= now,
            NotificationDelivery.alert_id.in_(snoozed),
        )
        .values(next_attempt_at=until)
        .execution_options(synchronize_session=False)
    )

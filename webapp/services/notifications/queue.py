"""The outbox: alerts become deliveries, deliveries are claimed, sent and retried with backoff."""

import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from ...extensions import db
from ...models import Alert, Item, NotificationDelivery, Site, WebhookEndpoint
from ...models.types import utcnow
from ..core import transactional
from .alert_actions import awake, defer_snoozed
from .delivery_settings import settings, settings_row
from .mail import send_mail
from .mail_server import mail_server
from .send import DeliveryFailed, post_webhook

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
BACKOFF_SECONDS = 30  # 30 s, 1, 2, 4, 8 minutes between the six attempts
LEASE = timedelta(minutes=5)  # a claimed delivery is not picked up by another dispatcher meanwhile
KIND_LABELS = {
    "reorder": "発注点 Reorder",
    "stockout": "欠品 Stockout",
    "negative_stock": "マイナス在庫 Negative stock",
    "overstock": "過剰在庫 Overstock",
    "unresolved_barcode": "未登録コード Unknown barcode",
}


def _alert_payload(alert: Alert, item: Item | None, site: Site | None) -> dict:
    return {
        "id": alert.id,
        "kind": alert.kind,
        "message": alert.message,
        "details": alert.details or {},
        "item": {"id": item.id, "code": item.code, "name": item.name} if item else None,
        "site": {"id": site.id, "code": site.code, "name": site.name} if site else None,
        "code": alert.code,
        "created_at": alert.created_at.isoformat(),
    }


def _line(a: dict) -> str:
    what = f"{a['item']['name']} ({a['item']['code']})" if a["item"] else (a["code"] or "")
    where = f" @ {a['site']['code']}" if a["site"] else ""
    numbers = ", ".join(f"{k} {v}" for k, v in a["details"].items() if v is not None)
    return f"- {KIND_LABELS.get(a['kind'], a['kind'])}: {what}{where}" + (f" [{numbers}]" if numbers else "")


@transactional
def enqueue_new_alerts(now: datetime | None = None) -> int:
    """One delivery per channel for each alert opened since the last run and still open."""
    row = settings_row()
    now = now or utcnow()
    alerts = db.session.execute(
        select(Alert, Item, Site)
        .outerjoin(Item, Alert.item_id == Item.id)
        .outerjoin(Site, Alert.site_id == Site.id)
        .where(Alert.id > row.last_alert_id)
        .order_by(Alert.id)
    ).all()
    if not alerts:
        return 0
    row.last_alert_id = alerts[-1][0].id
    endpoints = list(db.session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.active)))
    queued = 0
    for alert, item, site in alerts:
        if alert.open_key is None:
            continue  # opened and resolved between two runs: nothing to act on any more
        body = _alert_payload(alert, item, site)
        event = {"event": "alert.opened", "alert": body}
        if row.email_enabled and row.email_mode == "immediate" and (not row.kinds or alert.kind in row.kinds):
            subject = f"[棚卸 Tanaoroshi] {KIND_LABELS.get(alert.kind, alert.kind)}: " + (
                item.name if item else alert.code or ""
            )
            db.session.add(
                NotificationDelivery(
                    channel="email",
                    alert_id=alert.id,
                    event="alert.opened",
                    next_attempt_at=now,
                    payload=event | {"subject": subject, "text": _line(body) + "\n"},
                )
            )
            queued += 1
        for endpoint in endpoints:
            if not endpoint.kinds or alert.kind in endpoint.kinds:
                db.session.add(
                    NotificationDelivery(
                        channel="webhook",
                        endpoint_id=endpoint.id,
                        alert_id=alert.id,
                        event="alert.opened",
                        payload=event,
                        next_attempt_at=now,
                    )
                )
                queued += 1
    return queued


@transactional
def queue_digest(now: datetime | None = None, tz: str = "Asia/Tokyo") -> bool:
    """Once a local day, after the digest hour: one e-mail listing every open alert."""
    row = settings_row()
    now = now or utcnow()
    local = now.astimezone(ZoneInfo(tz))
    if not (row.email_enabled and row.email_mode == "digest") or local.hour < row.digest_hour:
        return False
    if row.last_digest_at and row.last_digest_at.astimezone(ZoneInfo(tz)).date() >= local.date():
        return False
    row.last_digest_at = now
    stmt = (
        select(Alert, Item, Site)
        .outerjoin(Item, Alert.item_id == Item.id)
        .outerjoin(Site, Alert.site_id == Site.id)
        .where(Alert.open_key.is_not(None), awake(now))
        .order_by(Alert.kind, Alert.id)
    )
    alerts = [_alert_payload(*r) for r in db.session.execute(stmt) if not row.kinds or r[0].kind in row.kinds]
    if not alerts:
        return False
    text = "\n".join(_line(a) for a in alerts) + "\n"
    subject = f"[棚卸 Tanaoroshi] {local:%Y-%m-%d} 未対応アラート {len(alerts)} open alerts"
    db.session.add(
        NotificationDelivery(
            channel="email",
            event="alert.digest",
            next_attempt_at=now,
            payload={"event": "alert.digest", "subject": subject, "text": text, "alerts": alerts},
        )
    )
    return True


@transactional
def _claim(now: datetime, limit: int) -> list[int]:
    """Take up to `limit` due deliveries (a snoozed alert's wait); the lease keeps a second dispatcher off them."""
    defer_snoozed(now)
    ids = list(
        db.session.scalars(
            select(NotificationDelivery.id)
            .where(NotificationDelivery.status == "pending", NotificationDelivery.next_attempt_at <= now)
            .order_by(NotificationDelivery.id)
            .limit(limit)
        )
    )
    mine = []
    for delivery_id in ids:
        claimed = db.session.execute(
            update(NotificationDelivery)
            .where(
                NotificationDelivery.id == delivery_id,
                NotificationDelivery.status == "pending",
                NotificationDelivery.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + LEASE)
        )
        if claimed.rowcount == 1:
            mine.append(delivery_id)
    return mine


@transactional
def _record(delivery_id: int, now: datetime, error: str = "", status: int | None = None) -> bool:
    """Log one attempt; on failure, try again later with exponential backoff, up to MAX_ATTEMPTS."""
    d = db.session.get(NotificationDelivery, delivery_id)
    d.attempts += 1
    d.response_status, d.last_error = status, error[:500]
    if not error:
        d.status, d.sent_at = "sent", now
    elif d.attempts >= MAX_ATTEMPTS:
        d.status = "failed"
    else:
        d.next_attempt_at = now + timedelta(seconds=BACKOFF_SECONDS * 2 ** (d.attempts - 1))
    return not error


def send_due(now: datetime | None = None, config=None, limit: int = 200) -> tuple[int, int]:
    """Send what is due; returns (sent, failed attempts). The network is used outside any transaction.

    `config` is accepted for older callers only: the mail server is the saved one, else the app's SMTP_* settings.
    """
    now = now or utcnow()
    sent = failed = 0
    for delivery_id in _claim(now, limit):
        job = _job(delivery_id, now)
        db.session.rollback()  # end the read snapshot before waiting on the network
        try:
            status = job()
            ok = _record(delivery_id, now, status=status)
        except DeliveryFailed as exc:
            log.warning("notification delivery %s failed: %s", delivery_id, exc)
            ok = _record(delivery_id, now, error=str(exc) or "failed", status=exc.status)
        sent, failed = sent + ok, failed + (not ok)
    return sent, failed


def _job(delivery_id: int, now: datetime):
    """A no-argument call that sends the delivery, built from plain values read now."""
    d = db.session.get(NotificationDelivery, delivery_id)
    if d.channel == "webhook":
        endpoint = d.endpoint
        if endpoint is None or not endpoint.active:

            def paused():
                raise DeliveryFailed("endpoint paused or removed")

            return paused
        url, secret, body = endpoint.url, endpoint.secret, d.payload | {"delivery_id": d.id, "sent_at": now.isoformat()}
        return lambda: post_webhook(url, secret, body, delivery_id, str(int(now.timestamp())))
    recipients = [a.strip() for a in settings().recipients.split(",") if a.strip()]
    message = EmailMessage()
    message["Subject"] = d.payload.get("subject", "")
    if recipients:
        message["To"] = ", ".join(recipients)
    message.set_content(d.payload.get("text", ""))
    server = mail_server()  # read now: the job runs after this transaction has ended

    def email():
        result = send_mail(message, server)
        if not result.ok:
            raise DeliveryFailed(result.summary(), result.code)

    return email


def dispatch(now=None, tz: str = "Asia/Tokyo", app_config=None) -> dict:
    """Queue new alerts, queue the digest when due, then send every due delivery (for cron, every minute)."""
    queued = enqueue_new_alerts(now)
    digest = queue_digest(now, tz)
    sent, failed = send_due(now, app_config or {})
    return {"queued": queued, "digest": int(digest), "sent": sent, "failed": failed}

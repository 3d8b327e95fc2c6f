"""Notification settings, webhook endpoints and the delivery log."""

import secrets
from urllib.parse import urlsplit

from sqlalchemy import func, select

from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Alert, NotificationDelivery, NotificationSettings, WebhookEndpoint
from ...models.alerts import ALERT_KINDS
from ..core import field_changes, record_change, transactional

EMAIL_MODES = ("immediate", "digest")


def settings() -> NotificationSettings:
    """The one settings row (defaults until an owner saves it)."""
    found = db.session.scalar(select(NotificationSettings).order_by(NotificationSettings.id).limit(1))
    return found or NotificationSettings(
        email_enabled=False,
        email_mode="immediate",
        recipients="",
        smtp_host="",
        smtp_port=25,
        mail_from="",
        smtp_security="none",
        smtp_username="",
        smtp_password_token="",
        mail_from_name="",
        smtp_ca_pem="",
        smtp_allow_untrusted=False,
        fax_gateway="",
        digest_hour=8,
        kinds=[],
        last_alert_id=0,
    )


def settings_row() -> NotificationSettings:
    """The settings row, stored on first use so the queue remembers which alerts it has seen."""
    row = settings()
    if row.id is None:
        # Notifications start now: alerts opened before anyone asked for them are not sent.
        row.last_alert_id = db.session.scalar(select(func.max(Alert.id))) or 0
        db.session.add(row)
        db.session.flush()
    return row


def _check_kinds(kinds) -> list[str]:
    unknown = [k for k in kinds if k not in ALERT_KINDS]
    if unknown:
        raise InvalidInput("Unknown alert kind.", fields={"kinds": unknown})
    return list(kinds)


@transactional
def save_settings(
    *,
    email_enabled: bool,
    email_mode: str,
    recipients: str,
    smtp_host: str | None = None,
    smtp_port: int | None = None,
    mail_from: str | None = None,
    digest_hour: int = 8,
    kinds=(),
    user_id: int | None = None,
) -> None:
    """Save how alerts are e-mailed: immediately or as a daily digest, to whom; server fields left None are kept."""
    errors = {}
    if email_mode not in EMAIL_MODES:
        errors["email_mode"] = ["immediate or digest"]
    if not 0 <= digest_hour <= 23:
        errors["digest_hour"] = ["0 to 23"]
    if smtp_port is not None and not 1 <= smtp_port <= 65535:
        errors["smtp_port"] = ["1 to 65535"]
    addresses = [a.strip() for a in recipients.replace(";", ",").replace("\n", ",").split(",") if a.strip()]
    if any("@" not in a or " " in a for a in addresses):
        errors["recipients"] = ["e-mail addresses separated by commas"]
    if email_enabled and not addresses:
        errors["recipients"] = ["at least one address"]
    if errors:
        raise InvalidInput("Check the highlighted settings.", fields=errors)
    row = settings_row()
    values = {"email_enabled": email_enabled, "email_mode": email_mode, "recipients": ", ".join(addresses)}
    if smtp_host is not None:
        values["smtp_host"] = smtp_host.strip()
    if smtp_port is not None:
        values["smtp_port"] = smtp_port
    if mail_from is not None:
        values["mail_from"] = mail_from.strip()
    values |= {"digest_hour": digest_hour, "kinds": _check_kinds(kinds)}
    changes = field_changes(row, values)
    for name, value in values.items():
        setattr(row, name, value)
    record_change(user_id, "notification_settings", row.id, "alert e-mail", changes)


@transactional
def add_webhook(url: str, kinds=(), secret: str | None = None, user_id: int | None = None) -> tuple[int, str]:
    """Register an endpoint; returns its id and the signing secret (shown once to the owner)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput("A webhook needs an http(s) URL.", fields={"url": ["http or https URL"]})
    secret = secret or secrets.token_hex(32)
    endpoint = WebhookEndpoint(url=url.strip(), secret=secret, active=True, kinds=_check_kinds(kinds))
    db.session.add(endpoint)
    db.session.flush()
    settings_row()
    record_change(user_id, "webhook", endpoint.id, endpoint.url, {"url": (None, endpoint.url)}, "create")
    return endpoint.id, secret


@transactional
def set_webhook_active(endpoint_id: int, active: bool, user_id: int | None = None) -> None:
    """Pause or resume an endpoint; paused endpoints receive nothing new."""
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise NotFound(f"No webhook {endpoint_id}.")
    record_change(user_id, "webhook", endpoint.id, endpoint.url, field_changes(endpoint, {"active": active}))
    endpoint.active = active


def webhooks() -> list[WebhookEndpoint]:
    return list(db.session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def delivery_log(limit: int = 50, status: str | None = None) -> list[NotificationDelivery]:
    """The latest deliveries, newest first."""
    stmt = select(NotificationDelivery).order_by(NotificationDelivery.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(NotificationDelivery.status == status)
    return list(db.session.scalars(stmt))

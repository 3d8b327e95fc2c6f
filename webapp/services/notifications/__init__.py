"""Alerts and how they reach people: one open alert per item, site and kind (reorder, stockout,
negative stock, overstock, unknown barcode), raised and cleared by their conditions, acknowledged
and snoozed (deliveries held until the snooze ends); the settings;
the delivery queue (in-app, e-mail immediately or as a daily digest, signed webhooks) with retries
and a delivery log; the shop's mail server (STARTTLS or implicit TLS, login, a password sealed under
SECRET_KEY) and the one function every e-mail of the app goes through (`send_mail`), with a copy for
a supplier's e-mail-to-FAX gateway (`fax_copy`).
"""

from .alert_actions import MAX_SNOOZE, acknowledge, snooze
from .alerts import STOCK_KINDS, alert_key, check_stock_alerts, clear_alert, raise_alert
from .delivery_settings import add_webhook, delivery_log, save_settings, set_webhook_active, settings, webhooks
from .mail import SendResult, fax_copy, send_mail
from .mail_rules import DEFAULT_PORTS, SECURITY_MODES, is_address
from .mail_server import MailServer, clear_mail_password, mail_server, save_mail_server
from .queue import dispatch, enqueue_new_alerts, queue_digest, send_due
from .send import SIGNATURE_HEADER, TIMESTAMP_HEADER, DeliveryFailed, signature, verify_signature

__all__ = [
    "DEFAULT_PORTS",
    "MAX_SNOOZE",
    "SECURITY_MODES",
    "SIGNATURE_HEADER",
    "STOCK_KINDS",
    "TIMESTAMP_HEADER",
    "DeliveryFailed",
    "MailServer",
    "SendResult",
    "acknowledge",
    "add_webhook",
    "alert_key",
    "check_stock_alerts",
    "clear_alert",
    "clear_mail_password",
    "delivery_log",
    "dispatch",
    "enqueue_new_alerts",
    "fax_copy",
    "is_address",
    "mail_server",
    "queue_digest",
    "raise_alert",
    "save_mail_server",
    "save_settings",
    "send_due",
    "send_mail",
    "set_webhook_active",
    "settings",
    "signature",
    "snooze",
    "verify_signature",
    "webhooks",
]

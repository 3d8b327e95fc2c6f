"""Alerts and how they reach people: one open alert per item, site and kind (reorder, stockout,
negative stock, overstock, unknown barcode), raised and cleared by their conditions; the settings;
the delivery queue (in-app, e-mail immediately or as a daily digest, signed webhooks) with retries
and a delivery log.
"""

from .alerts import STOCK_KINDS, acknowledge, alert_key, check_stock_alerts, clear_alert, raise_alert
from .delivery_settings import add_webhook, delivery_log, save_settings, set_webhook_active, settings, webhooks
from .queue import dispatch, enqueue_new_alerts, queue_digest, send_due
from .send import SIGNATURE_HEADER, TIMESTAMP_HEADER, DeliveryFailed, signature, verify_signature

__all__ = [
    "SIGNATURE_HEADER",
    "STOCK_KINDS",
    "TIMESTAMP_HEADER",
    "DeliveryFailed",
    "acknowledge",
    "add_webhook",
    "alert_key",
    "check_stock_alerts",
    "clear_alert",
    "delivery_log",
    "dispatch",
    "enqueue_new_alerts",
    "queue_digest",
    "raise_alert",
    "save_settings",
    "send_due",
    "set_webhook_active",
    "settings",
    "signature",
    "verify_signature",
    "webhooks",
]

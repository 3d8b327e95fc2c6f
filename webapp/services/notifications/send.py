"""The wire side of webhooks: a JSON POST signed with HMAC-SHA256 (e-mail goes through mail.py)."""

import hashlib
import hmac
import json
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 10
SIGNATURE_HEADER = "X-Tanaoroshi-Signature"
TIMESTAMP_HEADER = "X-Tanaoroshi-Timestamp"
DELIVERY_HEADER = "X-Tanaoroshi-Delivery"


class DeliveryFailed(Exception):
    """The receiver could not be reached or refused the message; `status` is its HTTP status if any."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """sha256=<hex HMAC of "timestamp.body">: the timestamp is signed too, so a replay can be refused."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(secret: str, timestamp: str, body: bytes, header: str) -> bool:
    """What a receiver runs: constant-time comparison of the signature header."""
    return hmac.compare_digest(signature(secret, timestamp, body), header or "")


def post_webhook(url: str, secret: str, payload: dict, delivery_id: int, timestamp: str) -> int:
    """POST the payload as JSON; returns the HTTP status, raises DeliveryFailed unless it is 2xx."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "tanaoroshi-webhook/1",
            TIMESTAMP_HEADER: timestamp,
            DELIVERY_HEADER: str(delivery_id),
            SIGNATURE_HEADER: signature(secret, timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"HTTP {exc.code}", exc.code) from None
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryFailed(str(getattr(exc, "reason", exc))) from None

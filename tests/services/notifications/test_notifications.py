"""Alerts leave the app by e-mail (a real local SMTP server) and by signed webhook (a real local HTTP receiver)."""

import json
import socket
import threading
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tests.services.replenishment.test_replenishment_data import TODAY, TOKYO, at, bin_id, post, tea_shop
from webapp.extensions import db
from webapp.models import NotificationDelivery
from webapp.services.notifications import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    add_webhook,
    delivery_log,
    dispatch,
    save_settings,
    verify_signature,
)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks its own port after starting, so 0 will not do
        probe.bind(("127.0.0.1", 0))
        inbox.port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    yield inbox
    controller.stop()


@pytest.fixture
def receiver():
    """An HTTP receiver on 127.0.0.1 answering with the queued statuses (200 once they run out)."""
    got, statuses = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            got.append((dict(self.headers), body))
            self.send_response(statuses.pop(0) if statuses else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/hooks/stock", "got": got, "statuses": statuses}
    server.shutdown()
    server.server_close()


def sell_out(tea_id):
    """Receive 10 of the tea and sell all 10: a stockout and a reorder alert open."""
    post(
        [
            {
                "type": "receive",
                "item_id": tea_id,
                "location_id": bin_id("A-01-01"),
                "quantity": 10,
                "occurred_at": at(TODAY, 9),
            },
            {
                "type": "pick",
                "item_id": tea_id,
                "location_id": bin_id("A-01-01"),
                "quantity": -10,
                "occurred_at": at(TODAY, 11),
            },
        ]
    )


def tokyo(hour, minute=0, day=TODAY):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO)


def test_an_alert_is_emailed_immediately_once(app, smtp):
    _site, tea = tea_shop(reorder_point=5)
    save_settings(
        email_enabled=True,
        email_mode="immediate",
        recipients="kobayashi@example.jp",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        mail_from="stock@example.jp",
    )
    sell_out(tea.id)
    result = dispatch(now=tokyo(11, 1))
    assert result["sent"] == 2 and result["failed"] == 0
    subjects = sorted(m["Subject"] for m in smtp.messages)
    assert all("静岡煎茶 100g" in s for s in subjects) and any("欠品 Stockout" in s for s in subjects)
    assert smtp.messages[0]["To"] == "kobayashi@example.jp"
    assert dispatch(now=tokyo(11, 2))["sent"] == 0
    assert {d.status for d in delivery_log()} == {"sent"}


def test_the_daily_digest_goes_out_once_after_the_digest_hour(app, smtp):
    _site, tea = tea_shop(reorder_point=5)
    save_settings(
        email_enabled=True,
        email_mode="digest",
        recipients="kobayashi@example.jp, ito@example.jp",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        digest_hour=8,
    )
    sell_out(tea.id)
    assert dispatch(now=tokyo(7, 59))["sent"] == 0
    assert dispatch(now=tokyo(8, 0))["sent"] == 1
    assert dispatch(now=tokyo(17, 0))["sent"] == 0
    digest = smtp.messages[0]
    assert "2 open alerts" in digest["Subject"] and "TEA-SENCHA" in digest.get_content()
    assert dispatch(now=tokyo(8, 0, TODAY + timedelta(days=1)))["sent"] == 1


def test_a_webhook_carries_the_alert_signed_with_hmac_sha256(app, receiver):
    _site, tea = tea_shop(reorder_point=5)
    _id, secret = add_webhook(receiver["url"], kinds=["stockout"])
    sell_out(tea.id)
    assert dispatch(now=tokyo(11, 1))["sent"] == 1
    headers, body = receiver["got"][0]
    assert verify_signature(secret, headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
    assert not verify_signature("not-the-secret", headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
    payload = json.loads(body)
    assert payload["event"] == "alert.opened" and payload["alert"]["kind"] == "stockout"
    assert payload["alert"]["item"]["code"] == "TEA-SENCHA" and payload["alert"]["site"]["code"] == "TKY"


def test_a_failing_webhook_is_retried_with_backoff_and_logged(app, receiver):
    _site, tea = tea_shop(reorder_point=5)
    add_webhook(receiver["url"], kinds=["stockout"])
    receiver["statuses"].extend([503, 500])
    sell_out(tea.id)
    first = tokyo(11, 1)
    assert dispatch(now=first)["failed"] == 1
    assert dispatch(now=first + timedelta(seconds=20))["sent"] == 0  # still backing off
    assert dispatch(now=first + timedelta(seconds=31))["failed"] == 1
    assert dispatch(now=first + timedelta(seconds=60))["sent"] == 0  # second wait is 60 s
    assert dispatch(now=first + timedelta(seconds=92))["sent"] == 1
    entry = delivery_log()[0]
    assert (entry.status, entry.attempts, entry.response_status) == ("sent", 3, 200)
    assert len(receiver["got"]) == 3


def test_an_unreachable_endpoint_fails_for_good_after_six_attempts(app, receiver):
    _site, tea = tea_shop(reorder_point=5)
    add_webhook("http://127.0.0.1:9/nobody-listens", kinds=["stockout"])
    sell_out(tea.id)
    when = tokyo(11, 1)
    for _ in range(6):
        dispatch(now=when)
        when += timedelta(hours=1)
    entry = db.session.scalar(select(NotificationDelivery))
    assert (entry.status, entry.attempts) == ("failed", 6) and entry.last_error


def test_settings_refuse_a_bad_address_and_an_unknown_mode(app):
    from webapp.errors import InvalidInput

    with pytest.raises(InvalidInput) as exc:
        save_settings(email_enabled=True, email_mode="hourly", recipients="not an address")
    assert set(exc.value.fields) == {"email_mode", "recipients"}

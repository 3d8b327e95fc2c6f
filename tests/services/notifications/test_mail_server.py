"""E-mail reaches a normal mail server: STARTTLS or implicit TLS, a login, a trusted certificate, the
server's own answer when it says no (a real aiosmtpd server with a certificate from a throwaway CA)."""

import logging
import socket
from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from tests.services.notifications.secure_smtp import LOGIN, PASSWORD, free_port, mail_server, throwaway_ca
from tests.services.notifications.test_notifications import sell_out, tokyo
from tests.services.replenishment.test_replenishment_data import tea_shop
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import NotificationDelivery, NotificationSettings
from webapp.services.notifications import (
    clear_mail_password,
    dispatch,
    fax_copy,
    save_mail_server,
    save_settings,
    send_mail,
    settings,
)

PDF = b"%PDF-1.7\n% order document PO-20261203-001\n%%EOF\n"
SUPPLIER = "juchu@yamada-shoji.example.jp"


@pytest.fixture
def certs(tmp_path):
    return throwaway_ca(tmp_path)


@pytest.fixture
def server(certs):
    with mail_server(certs) as inbox:
        yield inbox


def use_server(at_port, certs=None, **fields):
    """The shop's settings: STARTTLS on this port, our login, the throwaway CA trusted unless told otherwise."""
    values = {
        "host": "127.0.0.1",
        "port": at_port,
        "security": "starttls",
        "username": LOGIN,
        "password": PASSWORD,
        "sender": LOGIN,
        "sender_name": "田中商店 発注係",
        "ca_certificate": certs.ca_pem.encode() if certs else None,
    }
    save_mail_server(**(values | fields))


def purchase_order_email() -> EmailMessage:
    message = EmailMessage()
    message["To"] = f"株式会社山田商事 御中 <{SUPPLIER}>"
    message["Subject"] = "発注書 PO-20261203-001"
    message.set_content("いつもお世話になっております。発注書を添付いたします。")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="PO-20261203-001.pdf")
    return message


def test_an_order_with_its_pdf_arrives_through_starttls_and_login(app, server, certs):
    use_server(server.port, certs)
    result = send_mail(purchase_order_email())
    assert result.ok and result.reason == "sent"
    received = server.messages[0]
    assert server.envelopes == [(LOGIN, [SUPPLIER])] and server.logins == [LOGIN]
    assert received["From"].addresses[0].display_name == "田中商店 発注係"
    assert received["From"].addresses[0].addr_spec == LOGIN
    assert received["To"].addresses[0].addr_spec == SUPPLIER
    (attachment,) = list(received.iter_attachments())
    assert attachment.get_filename() == "PO-20261203-001.pdf" and attachment.get_content() == PDF


def test_implicit_tls_from_the_first_byte_works_too(app, certs):
    with mail_server(certs, implicit_tls=True) as inbox:
        use_server(inbox.port, certs, security="tls")
        assert send_mail(purchase_order_email()).ok
    assert inbox.envelopes == [(LOGIN, [SUPPLIER])]


def test_a_wrong_password_is_an_authentication_failure_with_the_servers_answer(app, server, certs):
    use_server(server.port, certs, password="wrong-password")
    result = send_mail(purchase_order_email())
    assert (result.ok, result.reason, result.code) == (False, "auth_failed", 535)
    assert "Authentication" in result.text and "wrong-password" not in result.summary()
    assert server.messages == []


def test_an_alert_refused_for_a_wrong_password_is_logged_failed_and_sent_on_a_later_try(app, server, certs, caplog):
    caplog.set_level(logging.WARNING, logger="webapp.services.notifications")
    _site, tea = tea_shop(reorder_point=5)
    save_settings(email_enabled=True, email_mode="immediate", recipients="kobayashi@tanaka-shoten.example.jp")
    use_server(server.port, certs, password="wrong-password")
    sell_out(tea.id)
    first = tokyo(11, 1)
    assert dispatch(now=first)["failed"] == 2
    db.session.remove()
    tries = list(db.session.scalars(select(NotificationDelivery).where(NotificationDelivery.channel == "email")))
    assert {(d.status, d.attempts, d.response_status) for d in tries} == {("pending", 1, 535)}
    assert all(d.last_error.startswith("auth_failed: 535") for d in tries)
    assert "535" in caplog.text and "wrong-password" not in caplog.text
    use_server(server.port, certs)  # the owner types the right password
    assert dispatch(now=first + timedelta(seconds=20))["sent"] == 0  # still backing off
    assert dispatch(now=first + timedelta(seconds=31))["sent"] == 2
    assert len(server.messages) == 2 and server.messages[0]["To"] == "kobayashi@tanaka-shoten.example.jp"


def test_a_certificate_from_an_unknown_ca_is_refused_unless_the_owner_allows_it(app, server):
    use_server(server.port)
    result = send_mail(purchase_order_email())
    assert (result.ok, result.reason) == (False, "certificate_untrusted")
    assert "certificate" in result.text.lower() and server.messages == []
    use_server(server.port, allow_untrusted=True)
    assert send_mail(purchase_order_email()).ok


def test_a_server_without_starttls_is_refused_before_the_password_is_sent(app, certs):
    from aiosmtpd.controller import Controller

    from tests.services.notifications.secure_smtp import Inbox

    inbox = Inbox(port=free_port())
    plain = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    plain.start()
    try:
        use_server(inbox.port, certs)
        assert send_mail(purchase_order_email()).reason == "starttls_unavailable"
    finally:
        plain.stop()
    assert inbox.logins == [] and inbox.messages == []


def test_nobody_listening_and_a_silent_server_are_told_apart(app, certs):
    use_server(free_port(), certs)
    assert send_mail(purchase_order_email()).reason == "connection_refused"
    with socket.socket() as silent:  # accepts the connection (backlog) and never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        use_server(silent.getsockname()[1], certs)
        assert send_mail(purchase_order_email(), timeout=0.5).reason == "timeout"


def test_the_password_is_sealed_at_rest_kept_when_left_empty_and_cleared_on_request(app, server, certs):
    use_server(server.port, certs)
    token = db.session.scalar(select(NotificationSettings.smtp_password_token))
    assert token and PASSWORD not in token
    use_server(server.port, certs, password="")  # an empty field keeps the stored password
    assert send_mail(purchase_order_email()).ok
    app.config["SECRET_KEY"] = "another-installation"  # the database copied to a PC without instance/
    assert send_mail(purchase_order_email()).reason == "password_unreadable"
    app.config["SECRET_KEY"] = "test-secret"
    clear_mail_password()
    assert settings().smtp_password_token == ""


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("host", "mail server.example.jp", "host_invalid"),
        ("port", 70000, "port_range"),
        ("port", 0, "port_range"),
        ("security", "ssl3", "security_invalid"),
        ("sender", "hatchu@", "address_invalid"),
        ("sender", "", "address_required"),
        ("sender_name", "田中商店\r\nBcc: x@example.jp", "too_long"),
        ("password", "x" * 201, "too_long"),
        ("fax_gateway", "fax.example.jp", "fax_pattern_invalid"),
        ("fax_gateway", "{fax}@" + ".".join(["f" * 63] * 3) + ".example.jp", "fax_pattern_invalid"),  # 208 wide
        ("host", ".".join(["smtp" + "a" * 59] * 4), "host_invalid"),  # a valid name, but wider than the column
        ("sender", "hatchu@" + ".".join(["b" * 63] * 3) + ".example.jp", "address_invalid"),  # 209 wide
        ("ca_certificate", b"not a certificate", "ca_invalid"),
    ],
)
def test_a_bad_setting_is_refused_by_name_and_nothing_is_saved(app, field, value, reason):
    with pytest.raises(InvalidInput) as refused:
        use_server(2525, **{field: value})
    assert list(refused.value.fields.values()) == [[reason]]
    assert settings().smtp_host == ""


def test_a_fax_copy_goes_to_the_gateway_address_with_the_attachment(app, server, certs):
    use_server(server.port, certs, fax_gateway="{fax}@fax.tanaka-shoten.example.jp")
    order = purchase_order_email()
    order["Cc"] = "eigyo@yamada-shoji.example.jp"
    fax = fax_copy(order, "03-1234-5678")
    assert send_mail(fax).ok
    assert server.envelopes == [(LOGIN, ["0312345678@fax.tanaka-shoten.example.jp"])]
    (attachment,) = list(server.messages[0].iter_attachments())
    assert attachment.get_content() == PDF
    assert fax_copy(order, "03-12") is None and fax_copy(order, "0312345678", pattern="") is None

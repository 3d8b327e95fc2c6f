"""Sending a confirmed order to its supplier through a real mail server (aiosmtpd requiring STARTTLS and AUTH):
the e-mail in the supplier's wording with the 発注書 attached, the FAX copy through the gateway, the delivery
log, a failure retried with backoff, and the order marked sent on the first success."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_supplier, make_user
from tests.services.notifications.secure_smtp import LOGIN, mail_server, throwaway_ca
from tests.services.notifications.test_mail_server import use_server
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, OrderDelivery, Supplier, Task
from webapp.services.purchasing import (
    create_purchase_order,
    delivery_log,
    retry_fields,
    retry_order_deliveries,
    save_company_profile,
    save_supplier_sending,
    send_order,
    supplier_sending,
)

YAMADA = "juchu@yamada-shoji.example.jp"
NOON = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo


@pytest.fixture
def certs(tmp_path):
    return throwaway_ca(tmp_path)


@pytest.fixture
def server(certs):
    with mail_server(certs) as inbox:
        yield inbox


@pytest.fixture
def order(app):
    """A confirmed order of 24 レトロ置時計 to 株式会社山田商事, from 田中商店 (担当 小林)."""
    make_site()
    supplier = make_supplier("SUP-YAMADA", "株式会社山田商事")
    supplier.email, supplier.fax = YAMADA, "03-5555-0123"
    db.session.commit()
    make_item(supplier_id=supplier.id)
    save_company_profile(name="田中商店", person_in_charge="小林", phone="03-1234-5678")
    user_id, _ = make_user("kobayashi", "manager")
    task_id = create_purchase_order("TKY", "SUP-YAMADA", [("4901234567894", 24)], user_id)
    return {"task_id": task_id, "supplier_id": supplier.id, "user_id": user_id}


def sending(order, **fields):
    values = {"channel": "email"} | fields
    save_supplier_sending(order["supplier_id"], **values)


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def number(order) -> str:
    return db.session.get(Task, order["task_id"]).number


def test_the_order_email_arrives_with_its_pdf_in_the_japanese_wording(order, server, certs):
    use_server(server.port, certs)
    sending(order)
    outcomes = send_order(order["task_id"], order["user_id"], NOON)
    assert outcomes == [{"channel": "email", "recipient": YAMADA, "ok": True, "reason": "sent"}]
    (received,) = server.messages
    assert server.envelopes == [(LOGIN, [YAMADA])]
    assert received["To"].addresses[0].display_name == "株式会社山田商事"
    assert received["Subject"] == f"【発注書】{number(order)} 田中商店"
    body = text_of(received)
    assert body.startswith("株式会社山田商事 御中\n\nいつもお世話になっております。\n田中商店の小林でございます。")
    assert "合計金額（税込）：31,680円" in body  # 24 x 1,200 yen + 10 %
    (attachment,) = list(received.iter_attachments())
    assert attachment.get_filename() == f"{number(order)}.pdf"
    assert attachment.get_content().startswith(b"%PDF")
    task = db.session.get(Task, order["task_id"])
    assert (task.sent_channel, task.sent_at is not None) == ("email", True)
    assert [(d["outcome"], d["recipient"], d["attempt"]) for d in delivery_log(order["task_id"])] == [
        ("sent", YAMADA, 1)
    ]


def test_an_english_supplier_gets_its_own_template_with_the_placeholders_filled(order, server, certs):
    use_server(server.port, certs)
    db.session.get(Supplier, order["supplier_id"]).language = "en"
    db.session.commit()
    sending(
        order,
        subject_template="PO {order_number} / {company}",
        body_template="Dear {supplier},\nTotal {total}, delivery {delivery_date}.\n{person}",
    )
    send_order(order["task_id"], order["user_id"], NOON)
    (received,) = server.messages
    assert received["Subject"] == f"PO {number(order)} / 田中商店"
    body = text_of(received)
    assert body.startswith("Dear 株式会社山田商事,\nTotal JPY 31,680, delivery to be agreed.\n小林")


def test_an_unknown_placeholder_or_a_broken_brace_is_refused_when_saving(order):
    for template, problem in (("{order_no} のご注文", "unknown:order_no"), ("{supplier 御中", "braces")):
        with pytest.raises(InvalidInput) as refused:
            sending(order, body_template=template)
        assert refused.value.fields == {"body_template": [problem]}
    with pytest.raises(InvalidInput) as refused:
        sending(order, subject_template="{supplier.__class__}")
    assert refused.value.fields == {"subject_template": ["braces"]}
    assert supplier_sending(order["supplier_id"])["channel"] == "manual"  # nothing was saved


def test_a_channel_whose_address_the_supplier_lacks_is_refused(order):
    supplier = db.session.get(Supplier, order["supplier_id"])
    supplier.email, supplier.fax = None, ""
    db.session.commit()
    for channel, problem in (("email", "supplier_email_missing"), ("fax", "supplier_fax_missing")):
        with pytest.raises(InvalidInput) as refused:
            sending(order, channel=channel)
        assert refused.value.fields == {"channel": [problem]}


def test_a_saved_change_is_in_the_audit_trail_with_who_and_the_old_and_new_values(order):
    sending(order, by=order["user_id"])
    sending(order, by=order["user_id"])  # the same again changes nothing and records nothing
    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "supplier_sending"))
    assert (event.user_id, event.object_label) == (order["user_id"], "SUP-YAMADA")
    assert event.changes["channel"] == {"old": "manual", "new": "email"}
    assert set(event.changes) == {"channel"}


def test_the_default_wording_follows_the_suppliers_language(order):
    assert supplier_sending(order["supplier_id"])["body_template"].startswith("{supplier} 御中\n\nいつもお世話に")
    db.session.get(Supplier, order["supplier_id"]).language = "en"
    db.session.commit()
    assert supplier_sending(order["supplier_id"])["subject_template"] == "Purchase order {order_number} from {company}"


def test_a_wrong_password_is_logged_as_a_failure_and_retried_with_backoff(order, server, certs):
    use_server(server.port, certs, password="wrong-password")
    sending(order)
    (outcome,) = send_order(order["task_id"], order["user_id"], NOON)
    assert (outcome["ok"], outcome["reason"]) == (False, "auth_failed")
    (failed,) = delivery_log(order["task_id"])
    assert failed["outcome"] == "failed" and failed["answer"].startswith("auth_failed: 535")
    assert "wrong-password" not in failed["answer"]
    assert db.session.get(Task, order["task_id"]).sent_at is None and retry_fields() == {"minute": "*"}
    assert retry_order_deliveries(NOON + timedelta(seconds=59)) == {"sent": 0, "failed": 0, "skipped": 0}
    assert retry_order_deliveries(NOON + timedelta(minutes=1)) == {"sent": 0, "failed": 1, "skipped": 0}
    second = delivery_log(order["task_id"])[0]
    assert second["attempt"] == 2
    assert datetime.fromisoformat(second["retry_at"]) == NOON + timedelta(minutes=6)  # then 5 minutes later
    use_server(server.port, certs)  # the owner types the right password
    assert retry_order_deliveries(NOON + timedelta(minutes=6)) == {"sent": 1, "failed": 0, "skipped": 0}
    assert [d["outcome"] for d in delivery_log(order["task_id"])] == ["sent", "failed", "failed"]
    assert len(server.messages) == 1 and db.session.get(Task, order["task_id"]).sent_channel == "email"
    assert retry_order_deliveries(NOON + timedelta(hours=2)) == {"sent": 0, "failed": 0, "skipped": 0}
    assert retry_fields() is None


def test_retries_stop_after_the_fifth_attempt(order, server, certs):
    use_server(server.port, certs, password="wrong-password")
    sending(order)
    send_order(order["task_id"], order["user_id"], NOON)
    for minutes in (1, 6, 21, 81):
        retry_order_deliveries(NOON + timedelta(minutes=minutes))
    attempts = [(d["attempt"], d["retry_at"] is None) for d in delivery_log(order["task_id"])]
    assert attempts == [(5, True), (4, True), (3, True), (2, True), (1, True)]
    assert retry_order_deliveries(NOON + timedelta(days=1)) == {"sent": 0, "failed": 0, "skipped": 0}


def test_the_fax_gateway_receives_its_copy_beside_the_email(order, server, certs):
    use_server(server.port, certs, fax_gateway="{fax}@fax.tanaka-shoten.example.jp")
    sending(order, channel="both")
    outcomes = send_order(order["task_id"], order["user_id"], NOON)
    assert [(o["channel"], o["recipient"], o["ok"]) for o in outcomes] == [
        ("email", YAMADA, True),
        ("fax", "0355550123@fax.tanaka-shoten.example.jp", True),
    ]
    assert sorted(rcpt for _sender, (rcpt,) in server.envelopes) == sorted(
        [YAMADA, "0355550123@fax.tanaka-shoten.example.jp"]
    )
    fax = next(m for m in server.messages if m["To"] == "0355550123@fax.tanaka-shoten.example.jp")
    (attachment,) = list(fax.iter_attachments())
    assert attachment.get_content().startswith(b"%PDF")


def test_a_resend_goes_out_again_and_is_logged_again(order, server, certs):
    use_server(server.port, certs)
    sending(order)
    send_order(order["task_id"], order["user_id"], NOON)
    send_order(order["task_id"], order["user_id"], NOON + timedelta(hours=1))
    assert len(server.messages) == 2
    assert [d["outcome"] for d in delivery_log(order["task_id"])] == ["sent", "sent"]


def test_a_supplier_ordered_by_hand_or_a_draft_cannot_be_sent(order, server, certs):
    use_server(server.port, certs)
    with pytest.raises(InvalidInput) as refused:
        send_order(order["task_id"], order["user_id"], NOON)
    assert refused.value.code == "manual_channel"
    sending(order, channel="fax")
    with pytest.raises(InvalidInput) as refused:
        send_order(order["task_id"], order["user_id"], NOON)  # no FAX gateway set in the mail settings
    assert refused.value.code == "no_fax"
    assert server.messages == [] and db.session.scalars(select(OrderDelivery)).all() == []

"""Ordering that runs itself, end to end in real Chromium: a worker's picks on a phone take the retro clock below
its reorder point, the automatic run sends the order to 株式会社山田商事 through a real mail server, the manager
sees what was ordered and why, and the goods are received by scanning against the order; screenshots of the
sending settings, the automatic-order log and the order page (ja/en, 820x1180 and 390x844) saved for review."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import make_supplier, make_user
from tests.e2e.helpers import JAN, PASSWORD, stock_of
from tests.e2e.workflow_phone import open_task, typed
from tests.services.notifications.secure_smtp import mail_server, throwaway_ca
from tests.services.notifications.test_mail_server import use_server
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales
from webapp.extensions import db
from webapp.models import Item, Supplier, Task
from webapp.models.types import utcnow
from webapp.services.purchasing import (
    order_lines,
    run_auto_ordering,
    save_company_profile,
    save_supplier_sending,
)
from webapp.services.replenishment import recompute

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "auto-ordering"
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}
YAMADA = "juchu@yamada-shoji.example.jp"


@pytest.fixture
def shop(app, seeded, tmp_path):
    """The clock of 株式会社山田商事 selling one a day, 12 left; e-mail ordering twice a day; a real mail server."""
    yamada = make_supplier("SUP-YAMADA", "株式会社山田商事").id
    db.session.get(Item, seeded["item_id"]).supplier_id = yamada
    db.session.get(Supplier, yamada).email = YAMADA
    db.session.commit()
    daily_sales(seeded["item_id"], "A-01-01", opening=40, per_day=[1] * 28)
    recompute(today=TODAY, period_days=28)
    make_user("suzuki", "manager", PASSWORD)
    save_company_profile(name="有限会社たなおろし雑貨店", person_in_charge="鈴木", phone="03-1234-5678")
    certs = throwaway_ca(tmp_path)
    with mail_server(certs) as inbox:
        use_server(inbox.port, certs)
        save_supplier_sending(
            yamada,
            channel="email",
            auto_mode="send",
            auto_times="00:00,12:00",
            now=utcnow() - timedelta(days=2),
        )
        db.session.remove()
        yield {"supplier_id": yamada, "inbox": inbox}


def manager_page(browsers, server, locale, size):
    context = browsers().new_context(
        viewport=SIZES[size], device_scale_factor=1, locale="ja-JP" if locale == "ja" else "en-GB", base_url=server.url
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "suzuki")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/office/")
    return context, page


def test_picks_on_a_phone_lead_to_an_order_sent_seen_and_received_by_scanning(shop, phone, browsers, server):
    device = phone()
    page = device.login()
    device.open("/scan/pick")
    page.fill("#qty", "10")
    typed(page, JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    device.wait_for_queue(pending=0, attention=0)
    db.session.remove()
    assert stock_of() == 2

    result = run_auto_ordering()
    (task_id,) = result["sent"]
    order = db.session.get(Task, task_id)
    (mail,) = shop["inbox"].messages
    assert shop["inbox"].envelopes[0][1] == [YAMADA] and order.number in mail["Subject"]
    (line,) = order_lines(order)
    ordered = line["expected"]
    assert order.status == "open" and order.sent_channel == "email" and ordered >= 1

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for locale in ("ja", "en"):
        for size in SIZES:
            context, office = manager_page(browsers, server, locale, size)
            office.goto("/workflows/office/auto-orders")
            assert office.locator("#auto-orders li[data-outcome='ordered']", has_text=order.number).count() == 1
            office.screenshot(path=str(ARTIFACTS / f"auto-orders-{locale}-{size}.png"), full_page=True)
            office.goto(f"/workflows/office/purchase-orders/{task_id}")
            assert office.locator("#po-deliveries tr[data-outcome='sent']", has_text=YAMADA).count() == 1
            assert office.locator("#po-reasons li").count() == 1
            office.screenshot(path=str(ARTIFACTS / f"order-sent-{locale}-{size}.png"), full_page=True)
            office.goto(f"/workflows/office/suppliers/{shop['supplier_id']}/sending")
            office.screenshot(path=str(ARTIFACTS / f"sending-settings-{locale}-{size}.png"), full_page=True)
            context.close()

    task = open_task(device, order.number)
    task.fill("#qty", str(ordered))
    typed(task, JAN)
    # The scan is in the queue once the screen shows it; only then can an empty queue mean "sent".
    task.wait_for_function(f"document.getElementById('wf-qty').textContent === '{ordered} / {ordered}'")
    device.wait_for_queue(pending=0, attention=0)
    db.session.remove()
    assert db.session.scalar(select(Task.status).where(Task.id == task_id)) == "done"
    assert stock_of() == 2 + ordered
    assert run_auto_ordering()["sent"] == []  # the slot was taken: no second order

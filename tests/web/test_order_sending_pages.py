"""Order sending screens: a supplier's sending settings saved or refused in Japanese, Send on an order with its
delivery log from a real mail server, and the page of what the automatic runs ordered and why."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.builders import make_supplier, make_user
from tests.e2e.helpers import PASSWORD
from tests.services.notifications.secure_smtp import mail_server, throwaway_ca
from tests.services.notifications.test_mail_server import use_server
from tests.services.replenishment.test_replenishment_data import TODAY, TOKYO, daily_sales, tea_shop
from tests.web.test_purchase_order_pages import token_in
from webapp.extensions import db
from webapp.models import SupplierSending, Task
from webapp.services.purchasing import create_purchase_order, run_auto_ordering, save_supplier_sending
from webapp.services.replenishment import recompute

YAMADA = "juchu@yamada-shoji.example.jp"


@pytest.fixture
def office(app, client):
    supplier = make_supplier("SUP-YAMADA", "株式会社山田商事")
    supplier.email = YAMADA
    db.session.commit()
    _site, tea = tea_shop(supplier_id=supplier.id, order_multiple=12, min_order_qty=24)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)  # 10 left: below its reorder point
    recompute(today=TODAY, period_days=28)
    make_user("suzuki", "manager", PASSWORD)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    client.set_cookie("lang", "ja")
    client.supplier_id = supplier.id
    return client


def settings_url(office) -> str:
    return f"/workflows/office/suppliers/{office.supplier_id}/sending"


def post_settings(office, **fields):
    token = token_in(office.get(settings_url(office)).get_data(as_text=True))
    data = {"channel": "email", "auto_mode": "off"} | fields
    return office.post(settings_url(office), data={"csrf_token": token, **data})


def test_the_settings_page_shows_the_japanese_default_wording(office):
    page = office.get(settings_url(office)).get_data(as_text=True)
    assert "株式会社山田商事" in page and "いつもお世話になっております。" in page
    assert "【発注書】{order_number} {company}" in page and "自動発注" in page


def test_saving_the_settings_keeps_them(office):
    answer = post_settings(office, auto_mode="draft", auto_times="9:00, 15:30")
    assert answer.status_code == 303
    row = db.session.get(SupplierSending, office.supplier_id)
    assert (row.channel, row.auto_mode, row.auto_times) == ("email", "draft", "09:00,15:30")
    page = office.get(answer.headers["Location"]).get_data(as_text=True)
    assert "保存しました。" in page and YAMADA in page and 'value="09:00,15:30"' in page


def test_an_unknown_placeholder_and_a_bad_time_are_refused_in_japanese_and_nothing_is_saved(office):
    answer = post_settings(office, body_template="{order_no} をお願いします", auto_mode="send", auto_times="25:00")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "{order_no} はこのテンプレートで使えない差し込み項目です。" in page
    assert "09:00, 15:00 のように時刻を入力してください（12 件まで）。" in page
    assert "{order_no} をお願いします" in page  # what was typed comes back
    assert db.session.get(SupplierSending, office.supplier_id) is None


def test_fax_for_a_supplier_without_a_fax_number_is_refused_in_japanese(office):
    answer = post_settings(office, channel="fax")
    assert answer.status_code == 422
    assert "先に仕入先の画面で FAX 番号を入力してください。" in answer.get_data(as_text=True)


def test_a_channel_that_is_not_one_of_the_choices_is_a_422_not_a_500(office):
    assert post_settings(office, channel="carrier-pigeon" * 20).status_code == 422


def test_send_on_the_order_page_emails_it_and_shows_the_delivery_log(office, tmp_path):
    certs = throwaway_ca(tmp_path)
    task_id = create_purchase_order("TKY", "SUP-YAMADA", [("4912345000088", 24)], None)
    with mail_server(certs) as inbox:
        use_server(inbox.port, certs)
        post_settings(office)
        url = f"/workflows/office/purchase-orders/{task_id}"
        token = token_in(office.get(url).get_data(as_text=True))
        answer = office.post(url + "/send", data={"csrf_token": token})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("#sending")
    assert inbox.envelopes[0][1] == [YAMADA]
    page = office.get(url).get_data(as_text=True)
    assert "送信済み" in page and YAMADA in page and "再送信" in page


def test_send_for_a_supplier_ordered_by_hand_is_refused_in_japanese(office):
    task_id = create_purchase_order("TKY", "SUP-YAMADA", [("4912345000088", 24)], None)
    url = f"/workflows/office/purchase-orders/{task_id}"
    token = token_in(office.get(url).get_data(as_text=True))
    answer = office.post(url + "/send", data={"csrf_token": token})
    assert answer.status_code == 422
    assert "この仕入先には手作業で発注します" in answer.get_data(as_text=True)


def test_the_automatic_orders_page_says_why_each_line_was_ordered(office):
    save_supplier_sending(
        office.supplier_id,
        channel="manual",
        auto_mode="draft",
        auto_times="09:00",
        now=datetime(2026, 11, 20, tzinfo=UTC),
    )
    day = TODAY + timedelta(days=1)
    (task_id,) = run_auto_ordering(datetime(day.year, day.month, day.day, 9, 0, tzinfo=TOKYO))["drafted"]
    page = office.get("/workflows/office/auto-orders").get_data(as_text=True)
    number = db.session.get(Task, task_id).number
    assert number in page and "静岡煎茶 100g" in page and "発注点" in page and "発注済み" in page
    order_page = office.get(f"/workflows/office/purchase-orders/{task_id}").get_data(as_text=True)
    assert "自動で発注した理由" in order_page

"""Returns pages: a customer return and a return to the supplier recorded from the office, refusals in the
user's language changing nothing, the movements labelled on the item page, the supplier's record listing returns."""

import re
import uuid

import pytest
from sqlalchemy import select

from tests.builders import make_item
from tests.services.returns.returns_world import ledger_count, picked_world, received_order
from tests.web.helpers import log_in
from tests.web.test_both_languages import foreign_text, shop_data
from tests.workflow_fixtures import stock_at
from webapp.extensions import db
from webapp.models import StockReturn

ORDERS = "/workflows/office/purchase-orders"


@pytest.fixture
def office(app, client):
    w = picked_world()
    po, line = received_order(w)
    client.set_cookie("lang", "ja")
    token = log_in(client, "suzuki")
    return w | {"client": client, "token": token, "po": po, "line": line}


def customer_form(office, **changes) -> dict:
    form = {
        "csrf_token": office["token"],
        "request_id": str(uuid.uuid4()),
        "item": "4901234567894",
        "quantity": "1",
        "bin": "B-02-01",
        "reason": "damaged",
        "pick_list": "PL-2001",
        "note": "外箱へこみ",
    }
    return form | changes


def test_a_customer_return_is_recorded_from_the_office_and_listed(office):
    client = office["client"]
    r = client.post("/office/returns", data=customer_form(office), follow_redirects=True)
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "返品を登録しました。" in page
    assert "レトロ置時計" in page and "PL-2001" in page and "破損" in page and "外箱へこみ" in page
    assert stock_at("B-02-01") == 1


def test_a_resent_form_records_the_return_once(office):
    form = customer_form(office, quantity="2")
    office["client"].post("/office/returns", data=form)
    office["client"].post("/office/returns", data=form)
    assert stock_at("B-02-01") == 2 and ledger_count()[1] == 1


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"quantity": "5"}, "ここで返品できるのは 4 までです。"),
        ({"pick_list": "PL-9999"}, "この番号のピッキングリストはありません。"),
        ({"quantity": "-3"}, "数量は 1 から 1,000,000 までで入力してください。"),
        ({"bin": "Z-99-99"}, "使用中の棚を選んでください。"),
        ({"reason": ""}, "返品の理由を選んでください。"),
        ({"request_id": "not-a-uuid"}, "このフォームは古くなっています。"),
    ],
)
def test_a_refused_customer_return_says_why_in_japanese_and_changes_nothing(office, changes, said):
    before = ledger_count()
    r = office["client"].post("/office/returns", data=customer_form(office, **changes))
    assert r.status_code == 422 and said in r.get_data(as_text=True)
    assert ledger_count() == before


def test_the_same_refusal_reads_in_english_on_an_english_page(office):
    office["client"].set_cookie("lang", "en")
    r = office["client"].post("/office/returns", data=customer_form(office, quantity="5"))
    assert r.status_code == 422 and "Only 4 of this can be returned here." in r.get_data(as_text=True)


def source_of(office, bin_code) -> str:
    """The stock level the order page offers to send back from this bin."""
    page = office["client"].get(f"{ORDERS}/{office['po']}").get_data(as_text=True)
    [level_id] = re.findall(r'<option value="(\d+)">' + re.escape(bin_code), page)
    return level_id


def supplier_form(office, **changes) -> dict:
    page = office["client"].get(f"{ORDERS}/{office['po']}").get_data(as_text=True)
    [request_id] = re.findall(r'name="request_id" value="([^"]+)"', page)
    form = {
        "csrf_token": office["token"],
        "request_id": request_id,
        "line": str(office["line"]),
        "source": source_of(office, "A-01-02"),
        "quantity": "6",
        "reason": "quality",
    }
    return form | changes


def test_a_return_to_the_supplier_from_the_order_page_shows_received_net_and_partly_received(office):
    client = office["client"]
    r = client.post(f"{ORDERS}/{office['po']}/return", data=supplier_form(office))
    assert r.status_code == 303
    page = client.get(f"{ORDERS}/{office['po']}").get_data(as_text=True)
    assert 'data-stage="partly_received"' in page and 'data-returned="6"' in page
    assert "仕入先に返品" in page and "品質不良" in page
    assert stock_at("A-01-02", office["tea"]) == 18
    supplier_page = client.get(f"/office/suppliers/{office['supplier'].id}").get_data(as_text=True)
    assert "この仕入先への返品" in supplier_page and "PO-3001" in supplier_page and "緑茶 500ml" in supplier_page


def test_a_refused_return_to_the_supplier_says_why_in_japanese_and_changes_nothing(office):
    before = ledger_count()
    r = office["client"].post(f"{ORDERS}/{office['po']}/return", data=supplier_form(office, quantity="30"))
    assert r.status_code == 422 and "ここで返品できるのは 24 までです。" in r.get_data(as_text=True)
    r = office["client"].post(f"{ORDERS}/{office['po']}/return", data=supplier_form(office, source="999999"))
    assert r.status_code == 422 and "この棚には返品する分の在庫がありません。" in r.get_data(as_text=True)
    assert ledger_count() == before and db.session.scalar(select(StockReturn.id)) is None


def test_the_item_page_labels_both_kinds_of_return_in_its_movement_history(office):
    client = office["client"]
    client.post("/office/returns", data=customer_form(office, pick_list=""))
    page = client.get(f"/office/items/{office['clock'].id}").get_data(as_text=True)
    assert "顧客返品" in page
    client.post(f"{ORDERS}/{office['po']}/return", data=supplier_form(office))
    page = client.get(f"/office/items/{office['tea'].id}").get_data(as_text=True)
    assert "仕入先返品" in page and "supplier_return" not in page


def test_a_serial_tracked_item_needs_its_serial_said_in_japanese(office):
    reader = make_item("READER-BT", "バーコードリーダー BT-100", "4549292123456", name_en="Barcode reader BT-100")
    reader.serial_tracked = True
    db.session.commit()
    form = customer_form(office, item="4549292123456", pick_list="")
    r = office["client"].post("/office/returns", data=form)
    assert r.status_code == 422 and "シリアル番号を入力してください。" in r.get_data(as_text=True)
    r = office["client"].post("/office/returns", data=form | {"serial": "BTA-000099"}, follow_redirects=True)
    assert r.status_code == 200 and "BTA-000099" in r.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pages_with_returns_on_them_speak_one_language(office, lang):
    client = office["client"]
    client.set_cookie("lang", lang)
    assert client.post("/office/returns", data=customer_form(office)).status_code == 303
    assert client.post(f"{ORDERS}/{office['po']}/return", data=supplier_form(office)).status_code == 303
    data = shop_data(lang) + ["PL-2001", "PO-3001", "外箱へこみ"]
    for url in ("/office/returns", f"{ORDERS}/{office['po']}", f"/office/suppliers/{office['supplier'].id}"):
        page = client.get(url)
        assert page.status_code == 200
        assert foreign_text(page.get_data(as_text=True), lang, data) == [], url

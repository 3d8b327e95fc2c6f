"""Pack levels on the office pages: set on the item form in both languages, shown mixed on the item, stock and
order pages, and typed 「2ケース 3」 on an order line, refused in the user's language when it makes no sense."""

import re

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_supplier, make_user
from tests.e2e.helpers import PASSWORD
from tests.workflow_fixtures import put_stock
from webapp.extensions import db
from webapp.models import Item, Task, User
from webapp.services.catalog import add_barcode, update_item
from webapp.services.purchasing import create_purchase_order

LIST = "/workflows/office/purchase-orders"
TEA_JAN, TEA_CASE = "4987654321094", "14987654321091"


@pytest.fixture
def office(app, client):
    make_site()
    supplier = make_supplier("SUP-YAMADA", "株式会社山田商事")
    make_item(supplier_id=supplier.id)
    tea = make_item("GREEN-TEA", "緑茶 500ml", TEA_JAN, name_en="Green tea 500 ml", unit_cost="80", unit="bottle")
    add_barcode(tea.id, TEA_CASE, 24)
    update_item(tea.id, {"inner_qty": 6, "case_qty": 24, "order_in": "case", "supplier_id": supplier.id})
    make_user("suzuki", "manager", PASSWORD)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    client.set_cookie("lang", "ja")
    return client


def token_in(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def post(office, url, **data):
    token = token_in(office.get(LIST).get_data(as_text=True))
    return office.post(url, data={"csrf_token": token, **data})


def tea():
    return db.session.scalar(select(Item).where(Item.code == "GREEN-TEA"))


def edit_form(office, **changes):
    page = office.get(f"/office/items/{tea().id}/edit").get_data(as_text=True)
    fields = dict(re.findall(r'<input type="(?:text|number)" name="(\w+)" value="([^"]*)"', page))
    fields |= {"version": re.search(r'name="version" value="(\d+)"', page).group(1)}
    fields |= {"stock_class": "product", "category": "general", "order_in": "case", "csrf_token": token_in(page)}
    return fields | changes


def test_the_item_form_shows_and_keeps_the_pack_levels(office):
    page = office.get(f"/office/items/{tea().id}/edit").get_data(as_text=True)
    assert "ボール入数" in page and "ケース入数" in page and 'name="case_qty" value="24"' in page
    done = office.post(f"/office/items/{tea().id}/edit", data=edit_form(office, inner_qty="12", case_qty="24"))
    assert done.status_code == 303
    db.session.expire_all()
    assert (tea().inner_qty, tea().case_qty) == (12, 24)


@pytest.mark.parametrize(
    ("lang", "changes", "said"),
    [
        ("ja", {"inner_qty": "5"}, "1 ケースはボールの整数倍（2 ボール以上）にしてください。"),
        ("en", {"inner_qty": "5"}, "A case must hold a whole number of inners (2 or more)."),
        ("ja", {"case_qty": "", "inner_qty": ""}, "この商品にはその荷姿がありません。先に入数を設定してください。"),
        ("en", {"case_qty": "1"}, "Out of the allowed range."),
    ],
)
def test_pack_levels_that_do_not_fit_are_refused_on_the_form_in_the_users_language(office, lang, changes, said):
    office.set_cookie("lang", lang)
    refused = office.post(f"/office/items/{tea().id}/edit", data=edit_form(office, **changes))
    assert refused.status_code == 422 and said in refused.get_data(as_text=True)
    db.session.expire_all()
    assert (tea().inner_qty, tea().case_qty, tea().order_in) == (6, 24, "case")


def test_the_api_refuses_a_case_that_is_no_multiple_of_the_inner_with_the_same_field(office):
    token = token_in(office.get(LIST).get_data(as_text=True))
    r = office.patch(f"/api/v1/items/{tea().id}", json={"inner_qty": 5}, headers={"X-CSRFToken": token})
    assert r.status_code == 422 and r.json["error"]["fields"] == {"case_qty": ["not a multiple of the inner"]}
    r = office.patch(f"/api/v1/items/{tea().id}", json={"case_qty": 1}, headers={"X-CSRFToken": token})
    assert r.status_code == 422 and "case_qty" in r.json["error"]["fields"]
    shown = office.get(f"/api/v1/items/{tea().id}").json
    assert (shown["inner_qty"], shown["case_qty"], shown["order_in"]) == (6, 24, "case")


def test_the_item_page_and_stock_list_show_mixed_quantities(office):
    manager = db.session.scalar(select(User.id).where(User.username == "suzuki"))
    put_stock(actor(manager, "manager"), "A-01-01", 2, code=TEA_CASE)  # 2 cases
    put_stock(actor(manager, "manager"), "A-01-01", 9, code=TEA_JAN)  # and 9 bottles
    page = office.get(f"/office/items/{tea().id}").get_data(as_text=True)
    assert "2 ケース 1 ボール 3 本" in page and "1 ケース = 24 本" in page
    stock = office.get("/office/stock", query_string={"q": "GREEN-TEA"}).get_data(as_text=True)
    assert "57" in stock and "2 ケース 1 ボール 3 本" in stock
    office.set_cookie("lang", "en")
    assert "2 cases 1 inner 3 bottle" in office.get(f"/office/items/{tea().id}").get_data(as_text=True)


def test_an_order_line_takes_a_typed_mixed_quantity_and_shows_it_in_cases(office):
    manager = db.session.scalar(select(User.id).where(User.username == "suzuki"))
    po = create_purchase_order("TKY", "SUP-YAMADA", [("GREEN-TEA", 24)], manager, draft=True)
    line = db.session.get(Task, po).lines[0].id
    assert post(office, f"{LIST}/{po}/line", line=str(line), quantity="2ケース 3").status_code == 303
    assert db.session.get(Task, po).lines[0].quantity == 72  # 51 up to whole cases
    page = office.get(f"{LIST}/{po}").get_data(as_text=True)
    assert 'value="3 ケース"' in page and "3 ケース (72 本)" in page
    assert post(office, f"{LIST}/{po}/add-line", item=TEA_JAN, quantity="1c").status_code == 303
    assert db.session.get(Task, po).lines[0].quantity == 96


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("ja", "2 パレット", "入力できる単位はケース（c）、ボール（i）、バラ（個、p）だけです。"),
        ("en", "1.5 cases", "Type whole cases, inners and pieces, without fractions or separators."),
        ("ja", "ケース", "「2 ケース 3 ボール 5」「2c 3i 5」または「17」のように数量を入力してください。"),
        ("en", "2c 1c", "Each pack level may be typed only once."),
    ],
)
def test_a_typed_quantity_that_makes_no_sense_is_a_clear_422_and_changes_nothing(office, lang, typed, said):
    manager = db.session.scalar(select(User.id).where(User.username == "suzuki"))
    po = create_purchase_order("TKY", "SUP-YAMADA", [("GREEN-TEA", 24)], manager, draft=True)
    line = db.session.get(Task, po).lines[0].id
    office.set_cookie("lang", lang)
    refused = post(office, f"{LIST}/{po}/line", line=str(line), quantity=typed)
    assert refused.status_code == 422 and said in refused.get_data(as_text=True)
    assert db.session.get(Task, po).lines[0].quantity == 24


def test_a_case_code_is_added_on_the_item_page_as_one_of_its_packs(office):
    page = office.get(f"/office/items/{tea().id}").get_data(as_text=True)
    assert '<option value="24">1 ケース（24 入り、ITF-14 / GTIN-14）</option>' in page
    token = token_in(page)
    inner = "24987654321098"  # the inner's GTIN-14 on the same JAN
    refused = office.post(
        f"/office/items/{tea().id}/barcodes", data={"csrf_token": token, "code": inner, "pack_qty": "12"}
    )
    flashed = office.get(refused.headers["Location"]).get_data(as_text=True)
    assert "この商品には荷姿があります。バーコードはバラ 1 個・1 ボール・1 ケースのいずれかを表します。" in flashed
    office.post(f"/office/items/{tea().id}/barcodes", data={"csrf_token": token, "code": inner, "pack_qty": "6"})
    page = office.get(f"/office/items/{tea().id}").get_data(as_text=True)
    assert inner in page and "6 入りボール" in page

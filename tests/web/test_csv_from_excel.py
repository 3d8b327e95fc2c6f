"""CSV files as Japanese Excel saves them: imported on the office page and the API, exported in either encoding."""

import csv
import io

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_supplier, make_user, scan
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Item, Task
from webapp.services.scanning import apply_scans

ITEMS = (
    "code,name,name_en,unit,unit_cost,supplier_code\n"
    "TEA-SENCHA,静岡煎茶 100g,Shizuoka sencha,bag,380,SUP-YAMADA\n"
    "MUG-1,髙島屋マグカップ ①,Mug,pcs,1200,SUP-YAMADA\n"
)


@pytest.fixture
def manager(app, client):
    make_site()
    make_supplier("SUP-YAMADA", "株式会社山田商事")
    make_user("suzuki", "manager", PASSWORD)
    client.csrf = log_in(client, "suzuki")
    return client


def upload(client, data: bytes, lang="ja", confirm=False):
    client.set_cookie("lang", lang)
    form = {"csrf_token": client.csrf, "kind": "items", "file": (io.BytesIO(data), "商品.csv")}
    return client.post("/office/import", data=form | ({"confirm": "1"} if confirm else {}))


def test_a_shift_jis_file_shows_its_japanese_names_in_the_dry_run(manager):
    page = upload(manager, ITEMS.encode("cp932")).get_data(as_text=True)
    assert "静岡煎茶 100g" in page and "髙島屋マグカップ ①" in page and "\ufffd" not in page


def test_a_bom_utf8_file_is_imported_through_the_page(manager):
    page = upload(manager, ITEMS.encode("utf-8-sig"))
    assert "静岡煎茶 100g" in page.get_data(as_text=True)
    confirm = {"csrf_token": manager.csrf, "kind": "items", "confirm": "1", "text": ITEMS}
    assert manager.post("/office/import", data=confirm).status_code == 303
    assert {i.code for i in db.session.scalars(select(Item))} == {"TEA-SENCHA", "MUG-1"}


def test_an_undecodable_file_is_refused_in_the_managers_language_naming_the_line(manager):
    broken = ITEMS.encode("cp932") + b"BOX-60,\x81\x20,,pcs,55,\n"
    answer = upload(manager, broken)
    assert answer.status_code == 422 and "ファイルの 4 行目" in answer.get_data(as_text=True)
    english = upload(manager, broken, lang="en").get_data(as_text=True)
    assert "Line 4 of the file is neither UTF-8 nor Shift_JIS" in english


def test_every_problem_of_several_bad_rows_is_listed_in_japanese(manager):
    bad = ITEMS + "CLOCK,レトロ置時計,,pcs,abc,SUP-NOBODY\n,名前だけ,,pcs,-5,\n"
    page = upload(manager, bad.encode("cp932")).get_data(as_text=True)
    assert "2 行に修正が必要です" in page
    for said in ("この番号の仕入先はありません", "数値ではありません", "必須です", "0 以上にしてください"):
        assert said in page
    assert db.session.scalar(select(Item)) is None


def test_an_order_csv_in_shift_jis_is_imported_through_the_api(manager):
    make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894")
    _id, token = make_user("kobayashi", "owner", PASSWORD)
    sjis = "order,supplier,site,item,quantity\nPO-9001,SUP-YAMADA,TKY,RETRO-CLOCK,12\n".encode("cp932")
    answer = manager.post(
        "/api/v1/purchase-orders/import",
        data=sjis,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
    )
    assert answer.status_code == 201
    assert db.session.scalar(select(Task.number).where(Task.kind == "purchase_order")) == "PO-9001"


def test_the_stock_csv_in_shift_jis_decodes_with_its_japanese_names(manager):
    make_item("TEA-SENCHA", "静岡煎茶 100g", "4901234567894")
    make_item("YOSHI-1", "𠮷野の器", "4912345000088")
    worker, _token = make_user("sato", "worker", PASSWORD)
    received = [scan("receive", code=jan, quantity=6, location="A-01-01") for jan in ("4901234567894", "4912345000088")]
    apply_scans(received, actor(worker))
    response = manager.get("/office/stock.csv?encoding=sjis")
    assert response.headers["Content-Type"] == "text/csv; charset=shift_jis"
    rows = list(csv.reader(io.StringIO(response.data.decode("cp932"))))
    assert {r[1] for r in rows[1:]} == {"静岡煎茶 100g", "〓野の器"}
    assert manager.get("/office/stock.csv").data.startswith(b"\xef\xbb\xbf")

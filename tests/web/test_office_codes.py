"""Unknown codes and an item's barcodes in the office: map a code, and the scans that waited are applied."""

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_user, scan
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Barcode, BarcodeRemoval, StockLevel
from webapp.services.scanning import apply_scans

TOWEL_JAN = "4549292123456"


@pytest.fixture
def shop(app, client):
    make_site()
    towel = make_item("TENUGUI-ASA", "手ぬぐい 麻の葉", None, name_en="Tenugui towel")
    make_user("suzuki", "manager", PASSWORD)
    worker, _ = make_user("sato", "worker", PASSWORD)
    apply_scans(
        [
            scan("receive", code=TOWEL_JAN, quantity=4, location="A-01-01"),
            scan("receive", code=TOWEL_JAN, quantity=2, location="A-01-02"),
        ],
        actor(worker),
    )
    return {"towel": towel, "worker": actor(worker), "csrf": log_in(client, "suzuki"), "client": client}


def page(shop, url: str, lang: str) -> str:
    """The page as the manager sees it in a language (the language switch's cookie)."""
    shop["client"].set_cookie("lang", lang)
    return shop["client"].get(url).get_data(as_text=True)


def towel_stock(shop) -> int:
    return db.session.scalar(select(func.sum(StockLevel.quantity)).where(StockLevel.item_id == shop["towel"].id)) or 0


def test_a_manager_sees_the_waiting_scans_and_maps_the_code_in_japanese(shop):
    waiting = page(shop, "/office/unknown-codes", "ja")
    assert "未登録コード" in waiting and TOWEL_JAN in waiting and "待機中のスキャン: <strong>2</strong>" in waiting
    done = shop["client"].post(
        "/office/unknown-codes/map",
        data={"csrf_token": shop["csrf"], "code": TOWEL_JAN, "item_code": "TENUGUI-ASA", "pack_qty": "1"},
    )
    assert done.status_code == 303
    assert towel_stock(shop) == 6
    after = page(shop, "/office/unknown-codes", "ja")
    assert "手ぬぐい 麻の葉" in after and "2 件の待機スキャンを反映" in after  # the flash message
    assert "未登録コードはありません" in after


def test_mapping_to_an_item_code_nobody_has_changes_nothing(shop):
    shop["client"].set_cookie("lang", "en")  # messages are worded in the language of the request
    shop["client"].post(
        "/office/unknown-codes/map",
        data={"csrf_token": shop["csrf"], "code": TOWEL_JAN, "item_code": "NO-SUCH-ITEM", "pack_qty": "1"},
    )
    assert "No item has the code NO-SUCH-ITEM." in page(shop, "/office/unknown-codes", "en")
    assert towel_stock(shop) == 0 and db.session.scalar(select(func.count()).select_from(Barcode)) == 0


def test_mapping_without_the_csrf_token_is_refused(shop):
    response = shop["client"].post("/office/unknown-codes/map", data={"code": TOWEL_JAN, "item_code": "TENUGUI-ASA"})
    assert response.status_code == 400 and towel_stock(shop) == 0


def test_the_item_page_adds_and_removes_a_case_barcode(shop):
    url = f"/office/items/{shop['towel'].id}"
    shop["client"].set_cookie("lang", "en")
    shop["client"].post(
        f"{url}/barcodes", data={"csrf_token": shop["csrf"], "code": "14549292123453", "pack_qty": "10"}
    )
    added = page(shop, url, "en")
    assert "Barcode 14549292123453 added." in added and "<code>14549292123453</code>" in added
    assert "case of 10" in added
    asked = shop["client"].post(f"{url}/barcodes/remove", data={"csrf_token": shop["csrf"], "code": "14549292123453"})
    assert asked.status_code == 303 and db.session.scalar(select(func.count()).select_from(Barcode)) == 1
    confirm = page(shop, asked.headers["Location"], "en")  # one tap only asks, saying what removing does
    assert 'id="remove-confirm"' in confirm and "wait under Unknown codes until it is given to an item again" in confirm
    shop["client"].post(
        f"{url}/barcodes/remove", data={"csrf_token": shop["csrf"], "code": "14549292123453", "confirmed": "1"}
    )
    assert "now wait under Unknown codes" in page(shop, url, "en")
    assert db.session.scalar(select(BarcodeRemoval.pack_qty)) == 10
    assert db.session.scalar(select(func.count()).select_from(Barcode)) == 0


def test_a_bad_check_digit_is_shown_and_nothing_is_added(shop):
    url = f"/office/items/{shop['towel'].id}"
    shop["client"].set_cookie("lang", "en")
    shop["client"].post(f"{url}/barcodes", data={"csrf_token": shop["csrf"], "code": "4549292123457", "pack_qty": "1"})
    assert db.session.scalar(select(func.count()).select_from(Barcode)) == 0
    assert "check digit" in page(shop, url, "en")


def test_a_worker_may_not_map_codes(app, client):
    make_site()
    make_item()
    make_user("sato", "worker", PASSWORD)
    token = log_in(client, "sato")
    assert client.get("/office/unknown-codes").status_code == 403
    response = client.post(
        "/office/unknown-codes/map", data={"csrf_token": token, "code": TOWEL_JAN, "item_code": "RETRO-CLOCK"}
    )
    assert response.status_code == 403


def test_refusals_are_worded_in_the_managers_language(shop):
    url = f"/office/items/{shop['towel'].id}"
    shop["client"].set_cookie("lang", "ja")
    shop["client"].post(f"{url}/barcodes", data={"csrf_token": shop["csrf"], "code": "4549292123457", "pack_qty": "1"})
    assert "チェックデジット" in page(shop, url, "ja")
    shop["client"].post(f"{url}/barcodes", data={"csrf_token": shop["csrf"], "code": TOWEL_JAN, "pack_qty": "0"})
    assert "1 以上" in page(shop, url, "ja")
    assert db.session.scalar(select(func.count()).select_from(Barcode)) == 0


def test_a_code_already_on_another_item_is_refused_when_mapping(shop):
    make_item("FUROSHIKI-L", "風呂敷 大判", TOWEL_JAN)
    shop["client"].set_cookie("lang", "en")
    shop["client"].post(
        "/office/unknown-codes/map",
        data={"csrf_token": shop["csrf"], "code": TOWEL_JAN, "item_code": "TENUGUI-ASA", "pack_qty": "1"},
    )
    assert "That code already belongs to another item." in page(shop, "/office/unknown-codes", "en")
    assert towel_stock(shop) == 0


def test_the_item_history_names_movement_types_in_the_managers_language(shop):
    from webapp.services.catalog import add_barcode

    add_barcode(shop["towel"].id, "4912345000019")
    apply_scans([scan("receive", code="4912345000019", quantity=3, location="A-01-01")], shop["worker"])
    history = page(shop, f"/office/items/{shop['towel'].id}", "ja").split("入出庫履歴", 1)[1]
    assert "入荷" in history and ">receive<" not in history

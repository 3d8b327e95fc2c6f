"""The server accepts what the phone's camera accepts: codes judged by their format, long 2D text with line breaks."""

from sqlalchemy import select

from tests.builders import scan_json
from webapp.domain.barcodes import MAX_LENGTH
from webapp.extensions import db
from webapp.models import Scan

SHIPPING_LABEL = "ヤマト運輸 伝票番号 4321-8765-0987\n東京都台東区浅草2-3-1\n雑貨店たなおろし 御中\n"


def stored(code: str) -> Scan:
    db.session.remove()
    return db.session.scalar(select(Scan).where(Scan.code == code))


def test_a_code_128_of_eight_digits_is_accepted_and_waits_for_a_manager_to_map_it(as_role, shop):
    sent = as_role("worker").post("/api/v1/scans", json=scan_json(code="15182881", symbology="code_128"))
    assert sent.status_code == 202 and sent.json["status"] == "unresolved"
    mapped = as_role("manager").post("/api/v1/unresolved/map", json={"code": "15182881", "item_id": shop["clock"].id})
    assert mapped.status_code == 200 and mapped.json["applied"] == 1


def test_an_ean_8_with_a_wrong_check_digit_is_refused_and_nothing_is_stored(as_role):
    sent = as_role("worker").post("/api/v1/scans", json=scan_json(code="96385075", symbology="ean_8"))
    assert sent.status_code == 422 and sent.json["error"]["code"] == "bad_check_digit"
    assert stored("96385075") is None


def test_a_gs1_databar_expanded_records_lot_and_expiry(as_role):
    code = "(01)04901234567894(17)271231(10)LOT42A"
    sent = as_role("worker").post(
        "/api/v1/scans", json=scan_json(code=code, symbology="databar_expanded", location="A-01-01")
    )
    assert sent.status_code == 201 and sent.json["status"] == "applied"
    scan = stored(code)
    assert (scan.lot, scan.expiry.isoformat()) == ("LOT42A", "2027-12-31")


def test_a_qr_code_of_2000_characters_with_line_breaks_is_stored_whole(as_role):
    text = (SHIPPING_LABEL * 60)[:MAX_LENGTH]
    sent = as_role("worker").post("/api/v1/scans", json=scan_json(code=text, symbology="qr_code"))
    assert sent.status_code == 202 and sent.json["status"] == "unresolved"
    scan = stored(text)
    assert scan.code == text and len(scan.code_key) <= 200


def test_one_character_more_is_a_clear_refusal(as_role):
    text = (SHIPPING_LABEL * 60)[: MAX_LENGTH + 1]
    sent = as_role("worker").post("/api/v1/scans", json=scan_json(code=text, symbology="qr_code"))
    assert sent.status_code == 422 and "code" in sent.json["error"]["fields"]
    assert stored(text) is None

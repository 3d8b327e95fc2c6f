"""The purchase-order life over HTTP: drafts edited, confirmed, sent, cancelled, reopened, merged; the PDF; refusals."""

import io

import pytest
from pypdf import PdfReader

from tests.builders import make_item, make_supplier, scan_json

CLOCK = "4901234567894"


@pytest.fixture
def supplier(shop):
    s = make_supplier("SUP-YAMADA", "株式会社山田商事")
    make_item("SENCHA-100", "静岡煎茶 100g", "4912345678904", order_multiple=6, min_order_qty=12, unit_cost="540")
    return s


def new_draft(as_role, *lines):
    body = {
        "site": "TKY",
        "supplier": "SUP-YAMADA",
        "draft": True,
        "lines": [{"item": i, "quantity": q} for i, q in lines],
    }
    made = as_role("manager").post("/api/v1/purchase-orders", json=body)
    assert made.status_code == 201
    return made.json["id"]


def test_a_draft_is_edited_confirmed_marked_sent_and_received(as_role, supplier):
    po = new_draft(as_role, (CLOCK, 10))
    manager = as_role("manager")
    added = manager.post(
        f"/api/v1/purchase-orders/{po}/lines",
        json={"item": "4912345678904", "quantity": 5, "expected_date": "2026-12-10", "note": "化粧箱入り"},
    )
    assert added.status_code == 201
    sencha = next(ln for ln in added.json["lines"] if ln["item_code"] == "SENCHA-100")
    assert (sencha["expected"], sencha["expected_date"]) == (12, "2026-12-10")
    patched = manager.patch(f"/api/v1/purchase-orders/{po}/lines/{sencha['id']}", json={"quantity": 13})
    assert next(ln["expected"] for ln in patched.json["lines"] if ln["id"] == sencha["id"]) == 18
    assert manager.patch(f"/api/v1/purchase-orders/{po}/draft", json={"remarks": "午前着"}).json["remarks"] == "午前着"
    confirmed = manager.post(f"/api/v1/purchase-orders/{po}/confirm")
    assert confirmed.json["stage"] == "confirmed" and "mark_sent" in confirmed.json["steps"]
    sent = manager.post(f"/api/v1/purchase-orders/{po}/sent", json={"channel": "phone"})
    assert (sent.json["stage"], sent.json["sent_channel"]) == ("sent", "phone")
    as_role("worker").post("/api/v1/scans/batch", json={"scans": [scan_json(quantity=4, task_id=po)]})
    life = as_role("worker").get(f"/api/v1/purchase-orders/{po}/life").json
    assert life["stage"] == "partly_received"
    assert [h["kind"] for h in life["history"]][:3] == ["created", "edited", "edited"]
    assert [h["kind"] for h in life["history"]][-2:] == ["confirmed", "sent"]


def test_the_drafts_list_and_the_stage_filters(as_role, supplier):
    first, second = new_draft(as_role, (CLOCK, 1)), new_draft(as_role, (CLOCK, 2))
    listed = as_role("manager").get("/api/v1/purchase-orders/stage/draft", query_string={"supplier_id": supplier.id})
    assert [o["id"] for o in listed.json["orders"]] == [second, first]
    assert as_role("manager").get("/api/v1/purchase-orders/stage/sent").json["orders"] == []
    assert as_role("manager").get("/api/v1/purchase-orders/stage/lost").status_code == 404


def test_merging_two_drafts_and_reopening_a_cancelled_one(as_role, supplier):
    first, second = new_draft(as_role, (CLOCK, 1)), new_draft(as_role, (CLOCK, 2))
    merged = as_role("manager").post("/api/v1/purchase-orders/merge", json={"orders": [first, second]})
    assert merged.json["id"] == first and merged.json["lines"][0]["expected"] == 3
    third = new_draft(as_role, (CLOCK, 4))
    assert as_role("manager").post(f"/api/v1/purchase-orders/{third}/cancel", json={"reason": "重複"}).json[
        "stage"
    ] == ("cancelled")
    assert as_role("manager").post(f"/api/v1/purchase-orders/{third}/reopen").json["stage"] == "draft"


def test_refusals_are_409_or_422_in_the_users_language(as_role, supplier):
    po = new_draft(as_role, (CLOCK, 10))
    ja = {"Accept-Language": "ja"}
    r = as_role("manager").post(f"/api/v1/purchase-orders/{po}/sent", json={"channel": "phone"}, headers=ja)
    assert r.status_code == 409 and r.json["error"]["code"] == "not_confirmed"
    assert r.json["error"]["message"] == "確定した発注だけを送信済みにできます。"
    r = as_role("manager").post(f"/api/v1/purchase-orders/{po}/sent", json={"channel": "pigeon"})
    assert r.status_code == 422
    line = as_role("manager").get(f"/api/v1/purchase-orders/{po}/life").json["lines"][0]
    r = as_role("manager").patch(f"/api/v1/purchase-orders/{po}/lines/{line['id']}", json={"quantity": 0})
    assert r.status_code == 422
    r = as_role("manager").patch(f"/api/v1/purchase-orders/{po}/lines/{line['id']}", json={"quantity": "12"})
    assert r.status_code == 422
    r = as_role("manager").post(f"/api/v1/purchase-orders/{po}/lines", json={"item": "NOPE-1", "quantity": 1})
    assert r.status_code == 422 and r.json["error"]["code"] == "unknown_item"
    assert as_role("worker").post(f"/api/v1/purchase-orders/{po}/confirm").status_code == 403
    assert as_role("manager").get(f"/api/v1/purchase-orders/{po}/pdf").status_code == 409
    assert as_role("manager").get("/api/v1/purchase-orders/999999/life").status_code == 404
    assert as_role("manager").get(f"/api/v1/purchase-orders/{po}/life").json["lines"][0]["expected"] == 10


def test_the_pdf_of_a_confirmed_order_names_the_supplier(as_role, supplier):
    po = new_draft(as_role, (CLOCK, 10))
    as_role("manager").put("/api/v1/company", json={"name": "有限会社たなおろし雑貨店", "fax": "03-1234-5679"})
    as_role("manager").post(f"/api/v1/purchase-orders/{po}/confirm")
    r = as_role("manager").get(f"/api/v1/purchase-orders/{po}/pdf", query_string={"download": "1"})
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    assert r.headers["Content-Disposition"].startswith("attachment;")
    text = PdfReader(io.BytesIO(r.data)).pages[0].extract_text()
    assert "株式会社山田商事 御中" in text and "有限会社たなおろし雑貨店" in text and "¥13,200" in text


def test_the_company_block_refuses_a_tax_rate_beyond_100(as_role, shop):
    r = as_role("manager").put("/api/v1/company", json={"standard_tax_percent": 110})
    assert r.status_code == 422
    assert as_role("manager").get("/api/v1/company").json["standard_tax_percent"] == 10

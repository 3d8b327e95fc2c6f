"""A GS1 count (AI 30/37) reaches the ledger only within the per-scan bound, and never as a count of 0."""

from sqlalchemy import func, select

from tests.builders import scan_json
from webapp.extensions import db
from webapp.models import Movement, Scan


def stored_units() -> int:
    return db.session.scalar(select(func.coalesce(func.sum(Movement.quantity), 0)))


def test_a_count_of_24_on_a_carton_label_books_48_units_for_two_scans(as_role):
    body = scan_json(code="(01)04901234567894(30)24", quantity=2, location="A-01-01")
    sent = as_role("worker").post("/api/v1/scans", json=body)
    assert sent.status_code == 201 and sent.json["status"] == "applied" and sent.json["quantity"] == 48
    assert stored_units() == 48


def test_a_count_of_99_999_999_times_a_million_is_refused_and_books_nothing(as_role):
    body = scan_json(code="(01)04901234567894(30)99999999", quantity=1_000_000, location="A-01-01")
    sent = as_role("worker").post("/api/v1/scans", json=body)
    assert sent.status_code == 422 and sent.json["error"]["code"] == "quantity_too_large"
    assert "1,000,000" in sent.json["error"]["message"]
    assert stored_units() == 0


def test_a_count_of_0_is_refused_in_a_batch_beside_a_scan_that_applies(as_role):
    zero = scan_json(code="(01)04901234567894(30)0", location="A-01-01")
    fine = scan_json(code="4901234567894", quantity=3, location="A-01-01")
    sent = as_role("worker").post("/api/v1/scans/batch", json={"scans": [zero, fine]})
    assert sent.status_code == 200
    first, second = sent.json["results"]
    assert (first["status"], first["reason"]) == ("rejected", "gs1_count_zero")
    assert second["status"] == "applied"
    assert stored_units() == 3
    assert db.session.scalar(select(func.count()).select_from(Scan)) == 1


def test_a_count_of_0_on_an_unknown_carton_is_refused_rather_than_left_waiting(as_role):
    sent = as_role("worker").post("/api/v1/scans", json=scan_json(code="(01)04549292123456(37)0"))
    assert sent.status_code == 422 and sent.json["error"]["code"] == "gs1_count_zero"
    assert db.session.scalar(select(func.count()).select_from(Scan)) == 0


def test_a_case_barcode_of_twelve_is_bounded_as_a_product_too(as_role):
    fits = scan_json(code="14901234567891", quantity=83_333, location="A-01-01")
    beyond = scan_json(code="14901234567891", quantity=83_334, location="A-01-01")
    assert as_role("manager").post("/api/v1/scans", json=fits).json["quantity"] == 999_996
    refused = as_role("manager").post("/api/v1/scans", json=beyond)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "quantity_too_large"
    assert stored_units() == 999_996

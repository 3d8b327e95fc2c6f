"""POST /api/v1/scans and /scans/batch: statuses, replays, and a clear 4xx for every malformed input."""

import uuid

import pytest
from sqlalchemy import func, select

from tests.builders import scan_json
from webapp.extensions import db
from webapp.models import Movement, Scan


def nothing_stored():
    return (
        db.session.scalar(select(func.count()).select_from(Scan)) == 0
        and db.session.scalar(select(func.count()).select_from(Movement)) == 0
    )


def test_one_scan_is_applied_and_its_replay_answers_duplicate(as_role):
    body = scan_json(quantity=3, location="A-01-01")
    first = as_role("worker").post("/api/v1/scans", json=body)
    again = as_role("worker").post("/api/v1/scans", json=body)
    assert first.status_code == 201 and first.json["status"] == "applied"
    assert first.json["stock_at_location"] == 3
    assert again.status_code == 200 and again.json["status"] == "duplicate"
    assert again.json["first_status"] == "applied"
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 1


def test_an_unknown_code_is_accepted_as_unresolved(as_role):
    response = as_role("worker").post("/api/v1/scans", json=scan_json(code="4549292123456"))
    assert response.status_code == 202 and response.json["status"] == "unresolved"


def test_a_batch_answers_one_result_per_scan_in_order(as_role):
    known = scan_json(quantity=2, location="A-01-01")
    as_role("worker").post("/api/v1/scans", json=known)
    batch = [
        scan_json(location="A-01-01"),
        known,
        scan_json(code="4549292123456"),
        scan_json(quantity=0),
        {"mode": "receive"},
        "not an object",
        scan_json(code="4901234567890"),
    ]
    response = as_role("worker").post("/api/v1/scans/batch", json={"scans": batch})
    results = response.json["results"]
    assert response.status_code == 200
    assert [r["status"] for r in results] == [
        "applied",
        "duplicate",
        "unresolved",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert results[3]["fields"] == {"quantity": ["Quantity must not be zero."]}
    assert "scan_id" in results[4]["fields"]
    assert results[6]["reason"] == "bad_check_digit"
    assert [r["scan_id"] for r in results[:3]] == [batch[0]["scan_id"], known["scan_id"], batch[2]["scan_id"]]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"mode": "receive", "code": "4901234567894", "occurred_at": "2026-11-20T09:00:00+09:00"}, "scan_id"),
        (scan_json(quantity=0), "quantity"),
        (scan_json(quantity=1_000_001), "quantity"),
        (scan_json(quantity="5"), "quantity"),
        (scan_json(quantity=-1), "quantity"),
        (scan_json(mode="teleport"), "mode"),
        (scan_json(scan_id="not-a-uuid"), "scan_id"),
        (scan_json(occurred_at="2026-11-20T09:00:00"), "occurred_at"),
        (scan_json(occurred_at="yesterday"), "occurred_at"),
        (scan_json(code=""), "code"),
        (scan_json(code="x" * 2001), "code"),
        (scan_json(mode="move", location="A-01-01"), "to_location"),
        (scan_json(mode="undo"), "undo_of"),
        (scan_json(task_id="PO-1"), "task_id"),
        (scan_json(mode="pick", lot_reason="felt like it"), "lot_reason"),
        (scan_json(mode="pick", lot_reason="x" * 5000), "lot_reason"),
    ],
)
def test_a_malformed_scan_gets_422_naming_the_field_and_changes_nothing(as_role, body, field):
    response = as_role("worker").post("/api/v1/scans", json=body)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "validation_error"
    assert field in response.json["error"]["fields"]
    assert nothing_stored()


def test_malformed_json_gets_400(as_role):
    response = as_role("worker").post("/api/v1/scans", data="{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and response.json["error"]["code"] == "malformed_json"
    assert nothing_stored()


def test_a_task_that_does_not_exist_gets_404(as_role):
    response = as_role("worker").post("/api/v1/scans", json=scan_json(task_id=999))
    assert response.status_code == 404 and response.json["error"]["code"] == "unknown_task"
    assert nothing_stored()


def test_a_bad_check_digit_gets_422(as_role):
    response = as_role("worker").post("/api/v1/scans", json=scan_json(code="4901234567890"))
    assert response.status_code == 422 and response.json["error"]["code"] == "bad_check_digit"
    assert nothing_stored()


def test_a_batch_over_1000_scans_gets_413(as_role):
    response = as_role("worker").post("/api/v1/scans/batch", json={"scans": [scan_json() for _ in range(1001)]})
    assert response.status_code == 413 and response.json["error"]["code"] == "too_large"
    assert nothing_stored()


def test_a_body_over_the_size_limit_gets_413(as_role, app):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    response = as_role("worker").post("/api/v1/scans/batch", json={"scans": [scan_json() for _ in range(200)]})
    assert response.status_code == 413
    assert response.json["error"]["code"] == "too_large"
    assert nothing_stored()


@pytest.mark.parametrize("envelope", [{}, {"scans": []}, {"scans": "all"}, [], "scans"])
def test_a_malformed_batch_envelope_is_refused(as_role, envelope):
    response = as_role("worker").post("/api/v1/scans/batch", json=envelope)
    assert response.status_code in (400, 422)
    assert "error" in response.json
    assert nothing_stored()


def test_a_worker_may_not_adjust_stock(as_role):
    response = as_role("worker").post("/api/v1/scans", json=scan_json(mode="adjust", quantity=-1, location="A-01-01"))
    assert response.status_code == 403 and response.json["error"]["code"] == "forbidden"
    assert nothing_stored()


def test_scans_need_a_login_or_a_valid_token(client, shop):
    anonymous = client.post("/api/v1/scans", json=scan_json())
    bad_token = client.post("/api/v1/scans", json=scan_json(), headers={"Authorization": "Bearer tnr_nope"})
    assert anonymous.status_code == bad_token.status_code == 401
    assert anonymous.json["error"]["code"] == "unauthorized"
    assert nothing_stored()


def test_a_device_id_header_is_kept_on_the_ledger(as_role):
    as_role("worker").post("/api/v1/scans", json=scan_json(location="A-01-01"), headers={"X-Device-Id": "handy-07"})
    assert db.session.scalar(select(Movement.device_id)) == "handy-07"


def test_undo_through_the_api_is_a_compensating_scan(as_role):
    received = scan_json(quantity=4, location="A-01-01")
    as_role("worker").post("/api/v1/scans", json=received)
    undo = as_role("worker").post("/api/v1/scans", json=scan_json(mode="undo", code="", undo_of=received["scan_id"]))
    assert undo.status_code == 201
    assert sorted(db.session.scalars(select(Movement.quantity))) == [-4, 4]


def test_occurred_at_from_the_device_is_kept_beside_recorded_at(as_role):
    as_role("worker").post("/api/v1/scans", json=scan_json(location="A-01-01", occurred_at="2026-11-20T18:30:00+09:00"))
    move = db.session.scalar(select(Movement))
    assert move.occurred_at.isoformat() == "2026-11-20T09:30:00+00:00"
    assert move.recorded_at > move.occurred_at


def test_random_bodies_never_cause_a_server_error(as_role):
    bodies = [
        None,
        0,
        "",
        [],
        {},
        {"scan_id": None},
        {"scan_id": str(uuid.uuid4()), "mode": None},
        scan_json(quantity=1.5),
        scan_json(quantity=True),
        scan_json(location=5),
        scan_json(code=["a"]),
        scan_json(expiry="31/12/2027"),
        scan_json(undo_of="x", mode="undo"),
        scan_json(site={"a": 1}),
        scan_json(code="]d2\x1d\x1d"),
        scan_json(code="01049012345678\x1d"),
        scan_json(code="\x00\x01"),
    ]
    for body in bodies:
        for url in ("/api/v1/scans", "/api/v1/scans/batch"):
            payload = {"scans": [body]} if url.endswith("batch") else body
            response = as_role("manager").post(url, json=payload)
            assert response.status_code < 500, (url, body, response.json)
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 0


def test_undoing_a_scan_twice_is_a_conflict(as_role):
    received = scan_json(quantity=2, location="A-01-01")
    as_role("worker").post("/api/v1/scans", json=received)
    as_role("worker").post("/api/v1/scans", json=scan_json(mode="undo", code="", undo_of=received["scan_id"]))
    again = as_role("worker").post("/api/v1/scans", json=scan_json(mode="undo", code="", undo_of=received["scan_id"]))
    assert again.status_code == 409 and again.json["error"]["code"] == "already_undone"
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 2

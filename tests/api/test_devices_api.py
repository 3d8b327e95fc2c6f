"""A paired phone's API: whose queued scans a shared phone may send, the health it reports, refused when removed."""

import uuid

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site
from tests.e2e.helpers import stock_of
from tests.web.devices_helpers import PASSWORD, browser, csrf, log_in, pair_phone, pairing_link
from webapp.extensions import db
from webapp.models import Device, Scan, TaskAction
from webapp.services.accounts import create_token, create_user
from webapp.services.devices import issue_badges, list_devices

CLOCK = "4901234567894"


def scan_body(worker_id=None, **extra) -> dict:
    body = {
        "scan_id": str(uuid.uuid4()),
        "mode": "receive",
        "code": CLOCK,
        "quantity": 1,
        "occurred_at": "2026-11-20T09:00:00+09:00",
    }
    if worker_id is not None:
        body["worker_id"] = worker_id
    return body | extra


@pytest.fixture
def shared_phone(app):
    """A shared phone on which 田中 and then 佐藤 signed in with their badges (no PINs)."""
    make_site()
    make_item()
    manager = create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    tanaka = create_user("tanaka", PASSWORD, "worker", display_name="田中")
    sato = create_user("sato", PASSWORD, "worker", display_name="佐藤")
    kimura = create_user("kimura", PASSWORD, "worker", display_name="木村")
    badges = {b.user_id: b.code for b in issue_badges(manager, [tanaka, sato, kimura])}
    office = browser(app)
    token = log_in(office, "suzuki")
    phone = browser(app)
    pair_phone(phone, pairing_link(office, token, name="レジ横の共用スマホ"))

    def sign_in(user_id):
        page = phone.get("/badge").get_data(as_text=True)
        phone.post("/badge", data={"badge": badges[user_id], "csrf_token": csrf(page)})
        return csrf(phone.get("/").get_data(as_text=True))

    return {
        "phone": phone,
        "sign_in": sign_in,
        "tanaka": tanaka,
        "sato": sato,
        "kimura": kimura,
        "office": office,
        "token": token,
    }


def test_a_scan_queued_by_worker_a_and_sent_after_worker_b_signed_in_is_booked_to_a(shared_phone):
    p = shared_phone
    p["sign_in"](p["tanaka"])
    token = p["sign_in"](p["sato"])  # 田中 handed the phone over before the queue went out
    a, b = scan_body(p["tanaka"]), scan_body(p["sato"])
    response = p["phone"].post("/api/v1/scans/batch", json={"scans": [a, b]}, headers={"X-CSRFToken": token})
    assert [r["status"] for r in response.json["results"]] == ["applied", "applied"]
    booked = dict(db.session.execute(select(Scan.scan_id, Scan.user_id)).all())
    assert booked == {uuid.UUID(a["scan_id"]): p["tanaka"], uuid.UUID(b["scan_id"]): p["sato"]}
    assert stock_of("RETRO-CLOCK") == 2


def test_a_scan_naming_a_worker_who_never_signed_in_on_the_phone_is_refused_and_changes_nothing(shared_phone):
    p = shared_phone
    token = p["sign_in"](p["sato"])
    response = p["phone"].post(
        "/api/v1/scans/batch",
        json={"scans": [scan_body(p["kimura"]), scan_body(999_999)]},
        headers={"X-CSRFToken": token},
    )
    assert [(r["status"], r["reason"]) for r in response.json["results"]] == [("rejected", "unknown_worker")] * 2
    assert stock_of("RETRO-CLOCK") == 0


@pytest.mark.parametrize("worker_id", ["tanaka", 0, -3, 2**40, True])
def test_a_malformed_worker_id_is_a_validation_error_never_a_500(shared_phone, worker_id):
    p = shared_phone
    token = p["sign_in"](p["sato"])
    response = p["phone"].post(
        "/api/v1/scans/batch", json={"scans": [scan_body(worker_id)]}, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200
    assert response.json["results"][0]["reason"] == "validation_error"
    actions = p["phone"].post(
        "/api/v1/task-actions/batch",
        json={"actions": [{"action_id": str(uuid.uuid4()), "kind": "complete", "task_id": 1, "worker_id": worker_id}]},
        headers={"X-CSRFToken": token},
    )
    assert actions.status_code == 200 and actions.json["results"][0]["reason"] == "validation_error"
    assert db.session.scalar(select(TaskAction.action_id)) is None


def test_a_bearer_token_cannot_book_scans_to_someone_else(shared_phone):
    p = shared_phone
    token = create_token("sato", "ハンディ端末")
    response = p["phone"].post(
        "/api/v1/scans/batch",
        json={"scans": [scan_body(p["tanaka"])]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json["results"][0]["reason"] == "unknown_worker"


def test_a_phone_reports_its_health_for_the_office(shared_phone):
    p = shared_phone
    token = p["sign_in"](p["sato"])
    response = p["phone"].post(
        "/api/v1/device/heartbeat",
        json={
            "synced": True,
            "unsent": 3,
            "oldest_unsent_at": "2026-11-20T09:00:00+09:00",
            "app_version": "34d6f1a2bdac",
        },
        headers={"X-CSRFToken": token, "X-Device-Id": "0190c0de-0000-7000-8000-00000000abcd"},
    )
    assert response.status_code == 204
    [row] = list_devices()
    assert (row.unsent_count, row.app_version, row.last_worker) == (3, "34d6f1a2bdac", "佐藤")
    assert db.session.scalar(select(Device.client_id)) == "0190c0de-0000-7000-8000-00000000abcd"
    html = p["office"].get("/office/phones").get_data(as_text=True)
    assert "34d6f1a2bdac" in html and "最も古いもの" in html


@pytest.mark.parametrize(
    "body",
    [
        {"unsent": -1},
        {"unsent": "3"},
        {"unsent": 10**12},
        {"unsent": 1, "app_version": "x" * 41},
        {"unsent": 1, "oldest_unsent_at": "yesterday"},
        {},
    ],
)
def test_a_malformed_heartbeat_gets_422_and_changes_nothing(shared_phone, body):
    p = shared_phone
    token = p["sign_in"](p["sato"])
    response = p["phone"].post("/api/v1/device/heartbeat", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 422
    assert response.json["error"]["code"] == "validation_error"
    assert list_devices()[0].unsent_count == 0


def test_a_browser_that_is_not_a_paired_phone_has_no_heartbeat(app, shared_phone):
    laptop = browser(app)
    token = log_in(laptop, "suzuki")
    response = laptop.post("/api/v1/device/heartbeat", json={"unsent": 0}, headers={"X-CSRFToken": token})
    assert (response.status_code, response.json["error"]["code"]) == (404, "not_paired")


def test_a_revoked_shared_phone_is_refused_whoever_is_signed_in(shared_phone):
    p = shared_phone
    token = p["sign_in"](p["sato"])
    device_id = list_devices()[0].id
    p["office"].post(f"/office/phones/{device_id}/revoke", data={"csrf_token": p["token"]})
    for method, url, body in [
        ("post", "/api/v1/scans/batch", {"scans": [scan_body(p["sato"])]}),
        ("post", "/api/v1/device/heartbeat", {"unsent": 1}),
        ("get", "/api/v1/reference", None),
    ]:
        response = getattr(p["phone"], method)(url, json=body, headers={"X-CSRFToken": token})
        assert (response.status_code, response.json["error"]["code"]) == (401, "device_revoked"), url
    assert stock_of("RETRO-CLOCK") == 0

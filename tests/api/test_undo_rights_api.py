"""Undo rights through the scan API: a worker's undo of another worker's scan is refused (403, undo_not_own)."""

from tests.builders import make_user, scan_json
from webapp.web.strings import rejection_reasons


def test_a_worker_undoing_another_workers_scan_gets_403_and_a_manager_undoes_it(client, as_role, shop):
    received = as_role("worker").post("/api/v1/scans", json=scan_json(quantity=4, location="A-01-01")).json
    other = make_user("tanaka", "worker")[1]
    undo = scan_json(mode="undo", code="", undo_of=received["scan_id"])

    refused = client.post("/api/v1/scans", json=undo, headers={"Authorization": f"Bearer {other}"})
    assert refused.status_code == 403
    assert refused.json["error"]["code"] == "undo_not_own" and refused.json["scan"]["status"] == "rejected"

    applied = as_role("manager").post("/api/v1/scans", json=undo)
    assert applied.status_code == 201 and applied.json["status"] == "applied"


def test_in_a_batch_the_refused_undo_is_a_rejected_outcome_with_its_reason(client, as_role, shop):
    received = as_role("worker").post("/api/v1/scans", json=scan_json(quantity=4, location="A-01-01")).json
    other = make_user("tanaka", "worker")[1]
    batch = {"scans": [scan_json(mode="undo", code="", undo_of=received["scan_id"])]}
    answer = client.post("/api/v1/scans/batch", json=batch, headers={"Authorization": f"Bearer {other}"})
    [outcome] = answer.json["results"]
    assert (outcome["status"], outcome["reason"]) == ("rejected", "undo_not_own")


def test_the_phone_explains_the_refusal_in_japanese(app):
    with app.test_request_context(headers={"Accept-Language": "ja"}):
        assert (
            rejection_reasons()["undo_not_own"]
            == "取り消せるのは自分のスキャンだけです。このスキャンの取り消しは管理者に頼んでください。"
        )

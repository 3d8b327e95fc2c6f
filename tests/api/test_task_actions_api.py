"""POST /api/v1/task-actions/batch: queued short picks and completions, one result each, replays harmless."""

import uuid

from tests.builders import scan_json

CLOCK = "4901234567894"


def test_a_batch_of_actions_applies_in_order_and_a_replay_changes_nothing(as_role):
    worker = as_role("worker")
    assert (
        worker.post("/api/v1/scans/batch", json={"scans": [scan_json(quantity=5, location="A-01-01")]}).status_code
        == 200
    )
    pl = as_role("manager").post("/api/v1/pick-lists", json={"site": "TKY", "lines": [{"item": CLOCK, "quantity": 2}]})
    task = pl.json
    line_id = task["lines"][0]["id"]
    actions = [
        {
            "action_id": str(uuid.uuid4()),
            "kind": "short",
            "task_id": task["id"],
            "line_id": line_id,
            "reason": "damaged",
            "occurred_at": "2026-11-23T09:00:00+09:00",
        },
        {"action_id": str(uuid.uuid4()), "kind": "complete", "task_id": task["id"]},
        {"action_id": "not-a-uuid", "kind": "complete", "task_id": task["id"]},
    ]
    r = worker.post("/api/v1/task-actions/batch", json={"actions": actions})
    assert r.status_code == 200
    assert [x["status"] for x in r.json["results"]] == ["applied", "applied", "rejected"]
    again = worker.post("/api/v1/task-actions/batch", json={"actions": actions[:2]})
    assert [x["status"] for x in again.json["results"]] == ["duplicate", "duplicate"]
    shown = worker.get(f"/api/v1/pick-lists/{task['id']}").json
    assert shown["status"] == "done" and shown["lines"][0]["short"] == 2


def test_a_short_without_a_reason_is_rejected_with_a_message(as_role):
    r = as_role("worker").post(
        "/api/v1/task-actions/batch",
        json={"actions": [{"action_id": str(uuid.uuid4()), "kind": "short", "task_id": 1, "line_id": 1}]},
    )
    [result] = r.json["results"]
    assert result["status"] == "rejected" and result["message"]

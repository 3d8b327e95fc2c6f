"""What the phone's task screen rebuilds from: each scan's answer carries the task's state, and the task itself
can be fetched by id after it closed, so "7 of 6" never shows as "Received 4 · 2 still to come"."""

import uuid

from tests.builders import scan_json
from tests.workflow_fixtures import stock_at

CLOCK = "4901234567894"


def new_order(as_role, quantity=6):
    made = as_role("manager").post(
        "/api/v1/purchase-orders", json={"site": "TKY", "lines": [{"item": CLOCK, "quantity": quantity}]}
    )
    assert made.status_code == 201
    return made.json


def scans(as_role, *bodies):
    answer = as_role("worker").post("/api/v1/scans/batch", json={"scans": list(bodies)})
    assert answer.status_code == 200
    return answer.json["results"]


def test_receiving_past_the_ordered_quantity_reaches_the_phone_as_seven_of_six_and_closed(as_role):
    po = new_order(as_role)["id"]
    [first] = scans(as_role, scan_json(quantity=4, task_id=po))
    assert first["task"] == {"id": po, "status": "in_progress", "done": 4, "expected": 6}
    [last] = scans(as_role, scan_json(quantity=3, task_id=po))
    assert (last["message"], last["warnings"]) == ("received 7 of 6", ["over_receipt"])
    assert last["task"] == {"id": po, "status": "done", "done": 7, "expected": 6}
    # The open-task list no longer has it; the phone fetches the task itself and sees it closed, over by one.
    assert po not in [t["id"] for t in as_role("worker").get("/api/v1/tasks/open").json["tasks"]]
    view = as_role("worker").get(f"/api/v1/tasks/{po}").json
    assert view["status"] == "done"
    assert [(ln["received"], ln["outstanding"], ln["over"], ln["state"]) for ln in view["lines"]] == [(7, 0, 1, "over")]


def test_a_scan_on_a_closed_order_is_refused_with_a_reason_and_the_order_number(as_role):
    order = new_order(as_role)
    scans(as_role, scan_json(quantity=6, task_id=order["id"]))
    [refused] = scans(as_role, scan_json(quantity=1, task_id=order["id"]))
    assert (refused["status"], refused["reason"]) == ("rejected", "task_closed")
    assert refused["params"] == {"number": order["number"], "status": "done"}


def test_undoing_the_closing_receipt_reopens_the_order_for_the_phone(as_role):
    po = new_order(as_role)["id"]
    closing = scan_json(quantity=6, task_id=po)
    scans(as_role, closing)
    [undone] = scans(
        as_role,
        {
            "scan_id": str(uuid.uuid4()),
            "mode": "undo",
            "quantity": 1,
            "undo_of": closing["scan_id"],
            "occurred_at": closing["occurred_at"],
        },
    )
    assert undone["task"] == {"id": po, "status": "in_progress", "done": 0, "expected": 6}
    assert as_role("worker").get(f"/api/v1/tasks/{po}").json["status"] == "in_progress"


def test_a_count_scan_answers_the_running_count_of_the_item_and_the_bin_total(as_role):
    session = as_role("manager").post(
        "/api/v1/count-sessions", json={"site": "TKY", "scope": "bins", "bins": ["A-01-01"]}
    )
    task_id = session.json["id"]
    running = [
        scans(as_role, scan_json("count", quantity=1, task_id=task_id, location="A-01-01"))[0]["task"]["done"]
        for _ in range(22)
    ]
    assert running == list(range(1, 23))
    [case] = scans(as_role, scan_json("count", "14901234567891", 1, task_id=task_id, location="A-01-01"))
    assert (case["task"]["done"], case["task"]["bin_total"]) == (34, 34)


def test_an_unknown_task_id_is_a_404_in_the_one_error_shape(as_role):
    r = as_role("worker").get("/api/v1/tasks/999999")
    assert r.status_code == 404 and r.json["error"]["code"] == "not_found"


def test_an_undo_of_an_undo_answers_409_with_its_reason_and_changes_nothing(as_role):
    received = scan_json(quantity=4, location="A-01-01")
    scans(as_role, received)
    undo = {
        "scan_id": str(uuid.uuid4()),
        "mode": "undo",
        "quantity": 1,
        "undo_of": received["scan_id"],
        "occurred_at": received["occurred_at"],
    }
    scans(as_role, undo)
    again = as_role("worker").post(
        "/api/v1/scans",
        json={
            "scan_id": str(uuid.uuid4()),
            "mode": "undo",
            "quantity": 1,
            "undo_of": undo["scan_id"],
            "occurred_at": received["occurred_at"],
        },
    )
    assert again.status_code == 409 and again.json["error"]["code"] == "undo_of_undo"
    assert stock_at("A-01-01") == 0  # the undo stands; nothing was taken back twice

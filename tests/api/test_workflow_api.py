"""The workflow API: orders, pick lists and counts over HTTP, roles enforced, one error shape."""

from tests.builders import make_item, scan_json

CLOCK = "4901234567894"


def order(*lines, site="TKY"):
    """A purchase-order body of (item, quantity) lines."""
    return {"site": site, "lines": [{"item": item, "quantity": qty} for item, qty in lines]}


def receive(as_role, qty, bin_code="A-01-01"):
    r = as_role("worker").post("/api/v1/scans/batch", json={"scans": [scan_json(quantity=qty, location=bin_code)]})
    assert r.json["results"][0]["status"] == "applied"


def test_a_manager_makes_an_order_and_a_worker_receives_it_partly(as_role):
    made = as_role("manager").post(
        "/api/v1/purchase-orders", json={"site": "TKY", "number": "PO-7001", "lines": [{"item": CLOCK, "quantity": 10}]}
    )
    assert made.status_code == 201 and made.json["lines"][0]["outstanding"] == 10
    po = made.json["id"]
    batch = as_role("worker").post("/api/v1/scans/batch", json={"scans": [scan_json(quantity=4, task_id=po)]})
    assert batch.json["results"][0]["message"] == "received 4 of 10"
    shown = as_role("worker").get(f"/api/v1/purchase-orders/{po}").json
    assert (shown["status"], shown["lines"][0]["received"], shown["lines"][0]["state"]) == ("in_progress", 4, "partial")


def test_a_worker_may_not_make_orders(as_role):
    r = as_role("worker").post("/api/v1/purchase-orders", json=order((CLOCK, 1)))
    assert r.status_code == 403 and r.json["error"]["code"] == "forbidden"


def test_bad_order_lines_answer_422_with_fields(as_role):
    r = as_role("manager").post("/api/v1/purchase-orders", json=order(("NOPE", 1)))
    assert r.status_code == 422 and r.json["error"]["fields"] == {"lines[1]": ["unknown item 'NOPE'"]}
    r = as_role("manager").post("/api/v1/purchase-orders", json=order((CLOCK, 0)))
    assert r.status_code == 422 and "lines" in r.json["error"]["fields"]


def test_closing_short_needs_a_reason_and_a_second_close_conflicts(as_role):
    po = as_role("manager").post("/api/v1/purchase-orders", json=order((CLOCK, 5))).json["id"]
    assert as_role("manager").post(f"/api/v1/purchase-orders/{po}/close", json={}).status_code == 422
    closed = as_role("manager").post(f"/api/v1/purchase-orders/{po}/close", json={"reason": "欠品"})
    assert closed.json["status"] == "done"
    again = as_role("manager").post(f"/api/v1/purchase-orders/{po}/close", json={"reason": "欠品"})
    assert again.status_code == 409 and again.json["error"]["code"] == "task_closed"


def test_purchase_orders_import_from_a_csv_body(as_role):
    body = "order,supplier,site,item,quantity\nPO-9001,,TKY,RETRO-CLOCK,12\n"
    r = as_role("manager").post("/api/v1/purchase-orders/import", data=body, headers={"Content-Type": "text/csv"})
    assert r.status_code == 201 and r.json["tasks"][0]["number"] == "PO-9001"


def test_a_pick_list_is_picked_shorted_and_completed(as_role):
    receive(as_role, 2)
    pl = (
        as_role("manager")
        .post(
            "/api/v1/pick-lists",
            json={"site": "TKY", "reference": "SO-55 山田商店", "lines": [{"item": "RETRO-CLOCK", "quantity": 3}]},
        )
        .json
    )
    lines = pl["lines"]
    assert [(ln["bin"], ln["quantity"], ln["unavailable"]) for ln in lines] == [("A-01-01", 2, False), (None, 1, True)]
    wrong = (
        as_role("worker")
        .post(
            "/api/v1/scans/batch",
            json={"scans": [scan_json(mode="pick", quantity=1, location="A-01-02", task_id=pl["id"])]},
        )
        .json["results"][0]
    )
    assert (wrong["status"], wrong["reason"]) == ("rejected", "wrong_bin")
    ok = (
        as_role("worker")
        .post(
            "/api/v1/scans/batch",
            json={"scans": [scan_json(mode="pick", quantity=2, location="A-01-01", task_id=pl["id"])]},
        )
        .json["results"][0]
    )
    assert ok["status"] == "applied"
    assert as_role("worker").post(f"/api/v1/pick-lists/{pl['id']}/complete", json={}).status_code == 409
    bad = as_role("worker").post(f"/api/v1/pick-lists/{pl['id']}/lines/{lines[1]['id']}/short", json={"reason": "lazy"})
    assert bad.status_code == 422
    as_role("worker").post(f"/api/v1/pick-lists/{pl['id']}/lines/{lines[1]['id']}/short", json={"reason": "not_enough"})
    done = as_role("worker").post(f"/api/v1/pick-lists/{pl['id']}/complete", json={})
    assert done.status_code == 200 and done.json["status"] == "done"


def test_a_worker_sees_a_blind_count_and_a_manager_approves_it(as_role):
    receive(as_role, 10)
    made = as_role("manager").post("/api/v1/count-sessions", json={"site": "TKY", "scope": "bins", "bins": ["A-01-01"]})
    session = made.json["id"]
    worker_view = as_role("worker").get(f"/api/v1/count-sessions/{session}").json
    assert worker_view["blind"] and "review" not in worker_view and "expected" not in worker_view["lines"][0]
    as_role("worker").post(
        "/api/v1/scans/batch",
        json={"scans": [scan_json(mode="count", quantity=9, location="A-01-01", task_id=session)]},
    )
    review = as_role("manager").get(f"/api/v1/count-sessions/{session}").json["review"]
    assert (review[0]["expected"], review[0]["counted"], review[0]["variance"], review[0]["value"]) == (
        10,
        9,
        -1,
        "-1200.0000",
    )
    assert as_role("worker").post(f"/api/v1/count-sessions/{session}/approve", json={}).status_code == 403
    approved = as_role("manager").post(f"/api/v1/count-sessions/{session}/approve", json={})
    assert approved.json["posted"] == {"adjustments": 1, "units": -1} and approved.json["status"] == "done"


def test_open_tasks_come_down_with_their_lines_for_offline_work(as_role, shop):
    make_item("GREEN-TEA", "緑茶 500ml", "4987654321094")
    receive(as_role, 5)
    as_role("manager").post("/api/v1/purchase-orders", json=order(("GREEN-TEA", 24)))
    as_role("manager").post("/api/v1/pick-lists", json=order((CLOCK, 1)))
    as_role("manager").post("/api/v1/count-sessions", json={"site": "TKY", "scope": "zone", "zone": "B"})
    tasks = as_role("worker").get(f"/api/v1/tasks/open?site_id={shop['site'].id}").json["tasks"]
    assert sorted(t["kind"] for t in tasks) == ["count_session", "pick_list", "purchase_order"]
    assert all(t["lines"] is not None for t in tasks)
    count = next(t for t in tasks if t["kind"] == "count_session")
    assert count["bins"] == ["B-02-01"]


def test_an_unknown_task_answers_404(as_role):
    r = as_role("worker").get("/api/v1/pick-lists/999")
    assert r.status_code == 404 and r.json["error"]["code"] == "not_found"

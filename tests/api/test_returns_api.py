"""Returns over HTTP: a customer return and a return to the supplier recorded once, refusals as a 4xx in
the caller's language that change nothing, the list by kind and supplier."""

import uuid

import pytest

from tests.builders import make_user
from tests.services.returns.returns_world import ledger_count, picked_world, received_order
from tests.workflow_fixtures import stock_at


@pytest.fixture
def api(app, client):
    w = picked_world()
    po, line = received_order(w)
    tokens = {role: make_user(f"{role}-kimura", role)[1] for role in ("worker", "manager")}

    def call(role, method, url, lang="ja", **kw):
        headers = {"Authorization": f"Bearer {tokens[role]}", "Accept-Language": lang}
        return getattr(client, method)(url, headers=headers, **kw)

    return w | {"call": call, "po": po, "line": line}


def customer(**changes) -> dict:
    body = {"request_id": str(uuid.uuid4()), "item": "4901234567894", "quantity": 1, "bin": "B-02-01"}
    return body | {"reason": "unwanted", "pick_list": "PL-2001"} | changes


def to_supplier(api, **changes) -> dict:
    body = {"request_id": str(uuid.uuid4()), "line_id": api["line"], "quantity": 6, "bin": "A-01-02"}
    return body | {"reason": "damaged", "note": "外箱破損"} | changes


def test_a_worker_records_a_customer_return_once_and_a_replay_says_so(api):
    body = customer(quantity=2)
    first = api["call"]("worker", "post", "/api/v1/returns/customer", json=body)
    again = api["call"]("worker", "post", "/api/v1/returns/customer", json=body)
    assert (first.status_code, first.json["duplicate"]) == (201, False)
    assert (again.status_code, again.json) == (200, {"return_id": first.json["return_id"], "duplicate": True})
    assert stock_at("B-02-01") == 2


def test_over_returning_a_pick_list_is_a_422_in_japanese_and_changes_nothing(api):
    before = ledger_count()
    r = api["call"]("worker", "post", "/api/v1/returns/customer", json=customer(quantity=5))
    assert r.status_code == 422 and r.json["error"]["code"] == "over_return"
    assert r.json["error"]["message"] == "ここで返品できるのは 4 までです。"
    assert ledger_count() == before


def test_an_unknown_pick_list_is_refused_in_english_for_an_english_caller(api):
    r = api["call"]("worker", "post", "/api/v1/returns/customer", json=customer(pick_list="PL-9999"), lang="en")
    assert r.status_code == 422 and r.json["error"]["message"] == "No pick list has this number."


def test_a_manager_returns_to_the_supplier_and_the_order_shows_it_net(api):
    url = f"/api/v1/purchase-orders/{api['po']}/returns"
    r = api["call"]("manager", "post", url, json=to_supplier(api))
    assert r.status_code == 201
    life = api["call"]("manager", "get", f"/api/v1/purchase-orders/{api['po']}/life").json
    assert life["stage"] == "partly_received" and life["lines"][0]["received"] == 18
    listed = api["call"]("manager", "get", "/api/v1/returns", query_string={"supplier_id": api["supplier"].id}).json
    [row] = listed["returns"]
    assert (row["kind"], row["quantity"], row["task_number"], row["note"]) == ("supplier", 6, "PO-3001", "外箱破損")


def test_a_return_to_the_supplier_with_no_stock_in_the_bin_is_a_409_and_a_worker_may_not_send_one(api):
    url = f"/api/v1/purchase-orders/{api['po']}/returns"
    before = ledger_count()
    r = api["call"]("manager", "post", url, json=to_supplier(api, bin="C-03-01"))
    assert r.status_code == 409 and r.json["error"]["message"] == "この棚には返品する分の在庫がありません。"
    assert api["call"]("worker", "post", url, json=to_supplier(api)).status_code == 403
    assert ledger_count() == before


@pytest.mark.parametrize(
    "changes",
    [{"quantity": 0}, {"quantity": 10**7}, {"reason": "because"}, {"note": "長" * 201}, {"request_id": "x"}],
)
def test_out_of_bounds_fields_are_a_422_before_any_service_runs(api, changes):
    before = ledger_count()
    r = api["call"]("worker", "post", "/api/v1/returns/customer", json=customer(**changes))
    assert r.status_code == 422 and ledger_count() == before

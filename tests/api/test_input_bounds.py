"""Every input is bounded before the database sees it: a 404 or a clear 4xx, never a 500, nothing changed."""

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.builders import scan_json
from webapp.extensions import db
from webapp.input_limits import INT32_MAX, MAX_JSON_DEPTH
from webapp.models import Location, Movement, Scan, User

TOO_BIG = INT32_MAX + 1  # fits SQLite's 64-bit integer, not PostgreSQL's `integer`


def scans_stored() -> int:
    db.session.remove()
    return db.session.scalar(select(func.count()).select_from(Scan))


@pytest.mark.parametrize(
    "path", ["/api/v1/items/2147483648", "/api/v1/items/99999999999999999999/stock", "/api/v1/tasks/2147483648"]
)
def test_an_id_in_the_path_that_no_32_bit_key_can_hold_is_not_found(as_role, path):
    answer = as_role("owner").get(path)
    assert answer.status_code == 404
    assert answer.get_json()["error"]["code"] == "not_found"


def test_the_largest_32_bit_id_is_looked_up_and_simply_not_found(as_role):
    answer = as_role("owner").get(f"/api/v1/items/{INT32_MAX}")
    assert answer.status_code == 404


@pytest.mark.parametrize(
    "url, body, field",
    [
        ("/api/v1/locations", {"site_id": TOO_BIG, "code": "C-01-01"}, "site_id"),
        ("/api/v1/locations", {"site_id": 1, "code": "C-01-02", "walk_seq": TOO_BIG}, "walk_seq"),
        ("/api/v1/items", {"code": "KETTLE-01", "name": "電気ケトル", "supplier_id": TOO_BIG}, "supplier_id"),
        ("/api/v1/items", {"code": "KETTLE-01", "name": "電気ケトル", "reorder_point": TOO_BIG}, "reorder_point"),
        ("/api/v1/unresolved/map", {"code": "4902102072670", "item_id": TOO_BIG}, "item_id"),
        ("/api/v1/count-sessions/1/recount", {"lines": [TOO_BIG]}, "lines"),
    ],
)
def test_a_body_integer_beyond_its_column_is_refused_with_the_field_named(as_role, shop, url, body, field):
    answer = as_role("owner").post(url, json=body)
    assert answer.status_code == 422
    assert field in answer.get_json()["error"]["fields"]
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(Location).where(Location.code.like("C-%"))) == 0


def test_a_queued_short_pick_naming_a_task_beyond_any_key_is_rejected_alone(as_role, shop):
    action = {"action_id": str(uuid.uuid4()), "kind": "short", "task_id": TOO_BIG, "line_id": 1, "reason": "damaged"}
    answer = as_role("worker").post("/api/v1/task-actions/batch", json={"actions": [action]})
    assert answer.status_code == 200
    (result,) = answer.get_json()["results"]
    assert result["status"] == "rejected" and result["reason"] == "validation_error"


@pytest.mark.parametrize(
    "url, body",
    [
        ("/api/v1/items", {"code": "KETTLE-01", "name": "電気\x00ケトル"}),
        ("/api/v1/suppliers", {"code": "SUP-\x00", "name": "菊池商事"}),
        ("/api/v1/scans", scan_json(location="A-01-01\x00")),
    ],
)
def test_a_nul_in_a_json_body_is_refused_on_every_database(as_role, shop, url, body):
    answer = as_role("owner").post(url, json=body)
    assert answer.status_code == 422
    assert answer.get_json()["error"]["code"] == "nul_character"
    assert scans_stored() == 0


def test_a_nul_in_the_query_string_is_refused_before_the_search(as_role, shop):
    answer = as_role("worker").get("/api/v1/items?q=%E6%99%82%00%E8%A8%88", headers={"Accept-Language": "en"})
    assert answer.status_code == 422
    assert answer.get_json()["error"] == {
        "code": "nul_character",
        "message": "Text may not contain NUL characters.",
        "fields": {"query": ["NUL"]},
    }
    in_japanese = as_role("worker").get("/api/v1/items?q=%00", headers={"Accept-Language": "ja"}).get_json()
    assert in_japanese["error"]["message"] == "文字列に NUL 文字は使えません。"


def test_json_nested_a_thousand_deep_is_a_clear_400_not_a_crash(as_role, shop):
    deep = "[" * 1000 + "]" * 1000
    answer = as_role("worker").post(
        "/api/v1/scans/batch", data=f'{{"scans": {deep}}}', headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "too_deep"
    assert str(MAX_JSON_DEPTH) in answer.get_json()["error"]["message"]


def test_json_just_within_the_depth_limit_reaches_the_schema(as_role, shop):
    nested = "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1)
    answer = as_role("worker").post(
        "/api/v1/scans/batch", data=f'{{"scans": {nested}}}', headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 200
    assert answer.get_json()["results"][0]["reason"] == "validation_error"


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-12:00", "1970-01-01T00:00:00+00:00"])
def test_an_absurd_scan_time_is_refused_and_nothing_is_booked(as_role, shop, when):
    answer = as_role("worker").post("/api/v1/scans", json=scan_json(occurred_at=when))
    assert answer.status_code == 422
    assert "occurred_at" in answer.get_json()["error"]["fields"]
    assert scans_stored() == 0


def test_in_a_batch_a_scan_from_tomorrow_after_next_is_rejected_alone_and_the_rest_applied(as_role, shop):
    ahead = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    old = "2019-04-01T09:30:00+09:00"  # queued offline for years: still kept
    batch = [scan_json(), scan_json(occurred_at=ahead), scan_json(occurred_at=old)]
    results = as_role("worker").post("/api/v1/scans/batch", json={"scans": batch}, headers={"Accept-Language": "en"})
    results = results.get_json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "more than a day in the future" in results[1]["message"]
    assert scans_stored() == 2
    resent = as_role("worker").post("/api/v1/scans/batch", json={"scans": batch}).get_json()["results"]
    assert [r["status"] for r in resent] == ["duplicate", "rejected", "duplicate"]
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 2


def test_a_scan_a_few_hours_ahead_is_a_phone_clock_a_little_fast_and_is_applied(as_role, shop):
    ahead = (datetime.now(UTC) + timedelta(hours=5)).isoformat()
    assert as_role("worker").post("/api/v1/scans", json=scan_json(occurred_at=ahead)).status_code == 201


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/items?offset=2147483648",
        "/api/v1/items?offset=99999999999999999999999",
        "/api/v1/movements?before_id=9223372036854775808",
        "/api/v1/movements?since=9999-12-31T23:59:59-12:00",
        "/api/v1/reference?since=9999-12-31T23:59:59-12:00",
        "/api/v1/stock?item_id=2147483648",
        "/api/v1/items?limit=abc",
    ],
)
def test_paging_and_filters_beyond_their_range_are_refused(as_role, shop, query):
    answer = as_role("manager").get(query)
    assert answer.status_code == 422
    assert answer.get_json()["error"]["code"] == "validation_error"


def test_the_largest_offset_and_before_id_a_column_can_hold_answer_an_empty_page(as_role, shop):
    assert as_role("worker").get(f"/api/v1/items?offset={INT32_MAX}").get_json() == {"items": []}
    page = as_role("worker").get(f"/api/v1/movements?before_id={INT32_MAX}").get_json()
    assert page == {"movements": [], "next_before_id": None}


def test_a_csv_upload_neither_utf8_nor_shift_jis_is_refused_naming_the_line(as_role, shop):
    broken = b"order,supplier,site,item,quantity\n" + b"PO-9001,,TKY,\x81\x20\xff,12\n"
    answer = as_role("manager").post(
        "/api/v1/purchase-orders/import", data={"file": (io.BytesIO(broken), "orders.csv")}
    )
    assert answer.status_code == 422
    assert answer.get_json()["error"]["code"] == "undecodable_csv"
    assert answer.get_json()["error"]["fields"] == {"file": ["line 2"]}


def test_a_csv_body_with_a_nul_is_refused_and_no_order_made(as_role, shop):
    body = "order,supplier,site,item,quantity\nPO-9001,,TKY,RETRO-CLOCK\x00,12\n"
    answer = as_role("manager").post("/api/v1/purchase-orders/import", data=body, headers={"Content-Type": "text/csv"})
    assert answer.status_code == 422
    assert as_role("manager").get("/api/v1/purchase-orders").get_json()["tasks"] == []


def test_a_device_id_header_with_a_nul_is_refused_before_the_scan_is_stored(as_role, shop):
    answer = as_role("worker").post("/api/v1/scans", json=scan_json(), headers={"X-Device-Id": "iPhone\x00SE"})
    assert answer.status_code == 422
    assert scans_stored() == 0


def test_approving_a_count_takes_only_a_real_boolean_for_zero_uncounted(as_role, shop):
    from webapp.services.stocktake import start_count

    owner_id = db.session.scalar(select(User.id).where(User.username == "owner-user"))
    count = start_count("TKY", owner_id, scope="bins", bins=["A-01-01"])
    answer = as_role("manager").post(f"/api/v1/count-sessions/{count}/approve", json={"zero_uncounted": "yes"})
    assert answer.status_code == 422
    assert "zero_uncounted" in answer.get_json()["error"]["fields"]
    assert as_role("manager").get(f"/api/v1/count-sessions/{count}").get_json()["status"] == "open"


def test_a_recompute_period_out_of_range_or_a_body_not_json_is_refused(as_role, shop):
    assert as_role("manager").post("/api/v1/replenishment/recompute", json={"period_days": 10**12}).status_code == 422
    garbage = as_role("manager").post(
        "/api/v1/replenishment/recompute", data=b"\xff\xfe", headers={"Content-Type": "application/json"}
    )
    assert garbage.status_code == 400

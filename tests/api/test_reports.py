"""The office numbers over the API: stock report, engine results, suggestions and recompute, for managers only."""

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.services.replenishment.test_replenishment_data import daily_sales


def tokyo_today():
    return datetime.now(ZoneInfo("Asia/Tokyo")).date()


def test_a_manager_recomputes_and_reads_results_suggestions_and_the_stock_report(as_role, shop):
    daily_sales(shop["clock"].id, "A-01-01", opening=60, per_day=[2] * 28, today=tokyo_today())
    summary = as_role("manager").post("/api/v1/replenishment/recompute", json={"period_days": 28}).get_json()
    assert summary["rows"] == 1
    results = as_role("manager").get(f"/api/v1/replenishment/results?item_id={shop['clock'].id}").get_json()
    row = results["results"][0]
    assert row["mean_daily"] == 2.0 and row["reorder_point"] >= 14 and row["method"] in (1, 2)
    suggestions = as_role("manager").get("/api/v1/replenishment/suggestions").get_json()["suggestions"]
    assert [s["item_code"] for s in suggestions] == ["RETRO-CLOCK"] and suggestions[0]["position"] == 4
    report = as_role("manager").get(f"/api/v1/reports/stock?to={tokyo_today()}&below_reorder_point=1")
    assert [r["item_code"] for r in report.get_json()["rows"]] == ["RETRO-CLOCK"]


def test_workers_are_refused_and_bad_parameters_get_the_error_shape(as_role, shop):
    assert as_role("worker").get("/api/v1/reports/stock").status_code == 403
    bad = as_role("manager").get("/api/v1/reports/stock?from=yesterday")
    assert bad.status_code == 422 or bad.status_code == 400
    assert bad.get_json()["error"]["fields"] == {"from": ["not a date"]}
    assert as_role("manager").post("/api/v1/replenishment/recompute", json={"period_days": 1}).status_code in (400, 422)

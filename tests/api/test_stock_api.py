"""Stock, movements, lookups, reference data, alerts, unresolved codes and the OpenAPI document."""

from tests.builders import scan_json
from webapp.api.openapi_paths import concrete_paths


def receive(as_role, **kw):
    return as_role("worker").post("/api/v1/scans", json=scan_json(**kw))


def test_stock_is_listed_by_item_site_and_bin(as_role, shop):
    receive(as_role, quantity=5, location="A-01-01")
    receive(as_role, quantity=2, location="B-02-01")
    rows = as_role("worker").get(f"/api/v1/stock?item_id={shop['clock'].id}").json["stock"]
    assert [(r["location"], r["quantity"]) for r in rows] == [("A-01-01", 5), ("B-02-01", 2)]
    one_bin = as_role("worker").get("/api/v1/stock?location_id=2").json["stock"]
    assert [r["location"] for r in one_bin] == ["A-01-01"]


def test_movements_page_newest_first_and_filter_by_type(as_role, shop):
    for _ in range(5):
        receive(as_role, location="A-01-01")
    receive(as_role, mode="pick", location="A-01-01")
    page = as_role("manager").get("/api/v1/movements?limit=4").json
    assert len(page["movements"]) == 4 and page["movements"][0]["type"] == "pick"
    rest = as_role("manager").get(f"/api/v1/movements?limit=4&before_id={page['next_before_id']}").json
    assert len(rest["movements"]) == 2 and rest["next_before_id"] is None
    picks = as_role("manager").get("/api/v1/movements?type=pick").json["movements"]
    assert [m["quantity"] for m in picks] == [-1]


def test_bad_query_parameters_get_422(as_role):
    for url in (
        "/api/v1/movements?limit=0",
        "/api/v1/movements?since=yesterday",
        "/api/v1/stock?item_id=abc",
        "/api/v1/reference?since=garbage",
        "/api/v1/alerts?status=maybe",
        "/api/v1/lookup?code=",
    ):
        response = as_role("manager").get(url)
        assert response.status_code == 422, url
        assert response.json["error"]["code"]


def test_lookup_tells_items_bins_and_unknown_codes_apart(as_role, shop):
    receive(as_role, quantity=3, location="A-01-01")
    item = as_role("worker").get("/api/v1/lookup?code=4901234567894").json
    case = as_role("worker").get("/api/v1/lookup?code=14901234567891").json
    bin_ = as_role("worker").get("/api/v1/lookup?code=A-01-01").json
    unknown = as_role("worker").get("/api/v1/lookup?code=4549292123456").json
    assert (item["kind"], item["item"]["on_hand"]) == ("item", 3)
    assert case["pack_qty"] == 12
    assert bin_["kind"] == "location" and bin_["location"]["stock"][0]["quantity"] == 3
    assert unknown["kind"] == "unknown"


def test_reference_data_comes_in_full_then_as_deltas(as_role, shop):
    full = as_role("worker").get("/api/v1/reference").json
    assert full["full"] and [b["code"] for b in full["barcodes"]] == ["04901234567894", "14901234567891"]
    assert {loc["code"] for loc in full["locations"]} == {"TKY-RCV", "A-01-01", "A-01-02", "B-02-01"}
    as_role("manager").post("/api/v1/items", json={"code": "MUG-HASAMI", "name": "波佐見焼マグカップ"})
    delta = as_role("worker").get("/api/v1/reference", query_string={"since": full["cursor"]}).json
    assert not delta["full"]
    assert "MUG-HASAMI" in [i["code"] for i in delta["items"]]


def test_alerts_are_listed_and_acknowledged_by_managers(as_role):
    receive(as_role, mode="pick", location="A-01-01")
    alerts = as_role("worker").get("/api/v1/alerts").json["alerts"]
    assert {a["kind"] for a in alerts} == {"negative_stock", "stockout"}
    target = alerts[0]["id"]
    assert as_role("worker").post(f"/api/v1/alerts/{target}/acknowledge").status_code == 403
    acked = as_role("manager").post(f"/api/v1/alerts/{target}/acknowledge")
    assert acked.status_code == 200 and acked.json["status"] == "acknowledged"
    assert as_role("manager").post("/api/v1/alerts/999/acknowledge").status_code == 404


def test_unresolved_codes_are_mapped_through_the_api(as_role, shop):
    receive(as_role, code="4549292123456", quantity=2, location="A-01-01")
    codes = as_role("manager").get("/api/v1/unresolved").json["codes"]
    assert [c["code"] for c in codes] == ["04549292123456"]
    assert as_role("worker").get("/api/v1/unresolved").status_code == 403
    mapped = as_role("manager").post(
        "/api/v1/unresolved/map", json={"code": "4549292123456", "item_id": shop["clock"].id}
    )
    assert mapped.status_code == 200 and mapped.json["applied"] == 1
    assert as_role("manager").get("/api/v1/unresolved").json["codes"] == []
    assert (
        as_role("manager")
        .post("/api/v1/unresolved/map", json={"code": "4549292123456", "item_id": shop["clock"].id})
        .status_code
        == 409
    )


def test_the_openapi_document_describes_every_endpoint(client, app):
    spec = client.get("/api/v1/openapi.json").json
    api_rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("api.") and r.endpoint != "api.openapi"]
    assert spec["openapi"].startswith("3.")
    # Every rule but the document itself, an `any(...)` rule as one path per choice.
    assert set(spec["paths"]) == {path for rule in api_rules for path, _choice in concrete_paths(rule)}
    batch = spec["paths"]["/api/v1/scans/batch"]["post"]
    assert batch["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ScanBatch")
    assert "Scan" in spec["components"]["schemas"]


def test_unknown_api_paths_answer_in_the_error_shape(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_every_write_endpoint_with_a_body_documents_its_schema(client, app):
    spec = client.get("/api/v1/openapi.json").json
    for name in ("OrderIn", "ShortIn", "CountIn", "RecountIn", "ActionIn", "TaskActionBatch"):
        assert name in spec["components"]["schemas"]
    actions = spec["paths"]["/api/v1/task-actions/batch"]["post"]["requestBody"]["content"]["application/json"]
    assert actions["schema"]["$ref"].endswith("/TaskActionBatch")

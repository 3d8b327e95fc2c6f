"""Items, barcodes, suppliers, sites and bins through the API, with roles enforced."""

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Item

NEW_ITEM = {
    "code": "MUG-HASAMI",
    "name": "波佐見焼マグカップ",
    "name_en": "Hasami porcelain mug",
    "stock_class": "product",
    "unit_cost": "650",
    "unit_price": "1320",
    "lead_time_days": 5,
    "barcodes_in": [{"code": "4912345000026"}, {"code": "14912345000023", "pack_qty": 6}],
}


def test_a_manager_creates_an_item_with_its_barcodes(as_role):
    response = as_role("manager").post("/api/v1/items", json=NEW_ITEM)
    assert response.status_code == 201
    assert response.json["name"] == "波佐見焼マグカップ" and response.json["unit_cost"] == "650.0000"
    assert [(b["code"], b["pack_qty"]) for b in response.json["barcodes"]] == [
        ("04912345000026", 1),
        ("14912345000023", 6),
    ]


def test_a_worker_may_not_create_items(as_role):
    response = as_role("worker").post("/api/v1/items", json=NEW_ITEM)
    assert response.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1


def test_an_item_code_or_barcode_used_twice_is_a_conflict(as_role):
    as_role("manager").post("/api/v1/items", json=NEW_ITEM)
    same_code = as_role("manager").post("/api/v1/items", json=NEW_ITEM)
    same_barcode = as_role("manager").post("/api/v1/items", json=NEW_ITEM | {"code": "MUG-2"})
    assert same_code.status_code == same_barcode.status_code == 409
    assert db.session.scalar(select(func.count()).select_from(Item)) == 2


def test_a_barcode_with_a_wrong_check_digit_is_refused(as_role, shop):
    response = as_role("manager").post(f"/api/v1/items/{shop['clock'].id}/barcodes", json={"code": "4912345000027"})
    assert response.status_code == 422 and response.json["error"]["code"] == "bad_check_digit"


def test_items_are_found_by_name_code_or_barcode(as_role):
    as_role("manager").post("/api/v1/items", json=NEW_ITEM)
    for q in ("マグ", "mug-has", "4912345000026", "14912345000023", "時計"):
        codes = [i["code"] for i in as_role("worker").get("/api/v1/items", query_string={"q": q}).json["items"]]
        assert codes == (["RETRO-CLOCK"] if q == "時計" else ["MUG-HASAMI"]), q


def test_editing_a_stale_version_is_refused_so_nobody_overwrites_anyone(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    version = as_role("manager").get(url).json["version"]
    first = as_role("manager").patch(url, json={"reorder_point": 12, "version": version})
    second = as_role("manager").patch(url, json={"note": "棚替え", "version": version})
    assert first.status_code == 200 and first.json["version"] == version + 1
    assert second.status_code == 409 and second.json["error"]["code"] == "conflict"
    assert as_role("manager").get(url).json["note"] == ""


def test_an_item_that_does_not_exist_is_404(as_role):
    assert as_role("worker").get("/api/v1/items/9999").status_code == 404
    assert as_role("manager").patch("/api/v1/items/9999", json={"note": "x"}).status_code == 404


def test_invalid_item_fields_get_422(as_role):
    response = as_role("manager").post("/api/v1/items", json={"code": "", "stock_class": "gold", "unit_cost": "-1"})
    assert response.status_code == 422
    assert {"code", "name", "stock_class", "unit_cost"} <= set(response.json["error"]["fields"])


def test_suppliers_are_created_by_managers_and_listed(as_role):
    created = as_role("manager").post(
        "/api/v1/suppliers", json={"code": "SUP-YAMATO", "name": "大和食品", "email": "hacchu@yamato.example.jp"}
    )
    assert created.status_code == 201
    assert [s["name"] for s in as_role("worker").get("/api/v1/suppliers").json["suppliers"]] == ["大和食品"]
    bad = as_role("manager").post("/api/v1/suppliers", json={"code": "X", "name": "x", "email": "nope"})
    assert bad.status_code == 422


def test_only_owners_set_up_sites_and_bins(as_role, shop):
    refused = as_role("manager").post("/api/v1/sites", json={"code": "OSK", "name": "大阪店"})
    site = as_role("owner").post("/api/v1/sites", json={"code": "OSK", "name": "大阪店", "kind": "store"})
    assert refused.status_code == 403 and site.status_code == 201
    bin_ = as_role("owner").post(
        "/api/v1/locations", json={"site_id": site.json["id"], "code": "OSK-S01", "walk_seq": 10}
    )
    duplicate = as_role("owner").post("/api/v1/locations", json={"site_id": site.json["id"], "code": "OSK-S01"})
    assert bin_.status_code == 201 and duplicate.status_code == 409
    codes = [
        loc["code"] for loc in as_role("worker").get(f"/api/v1/locations?site_id={site.json['id']}").json["locations"]
    ]
    assert codes == ["OSK-RCV", "OSK-S01"]


def test_a_manager_takes_a_case_barcode_off_an_item_and_phones_are_told(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}/barcodes/14901234567891"
    removed = as_role("manager").delete(url)
    again = as_role("manager").delete(url)
    assert removed.status_code == 204 and removed.get_data() == b""
    assert again.status_code == 404 and again.json["error"]["code"] == "not_found"
    item = as_role("worker").get(f"/api/v1/items/{shop['clock'].id}").json
    assert [b["code"] for b in item["barcodes"]] == ["04901234567894"]
    delta = as_role("worker").get("/api/v1/reference", query_string={"since": "2026-01-01T00:00:00+00:00"}).json
    assert delta["removed_barcodes"] == ["14901234567891"]


def test_a_barcode_of_another_item_or_an_unknown_item_is_404_and_nothing_changes(as_role, shop):
    other = as_role("manager").post("/api/v1/items", json=NEW_ITEM).json
    assert as_role("manager").delete(f"/api/v1/items/{other['id']}/barcodes/4901234567894").status_code == 404
    assert as_role("manager").delete("/api/v1/items/9999/barcodes/4901234567894").status_code == 404
    assert len(as_role("worker").get(f"/api/v1/items/{shop['clock'].id}").json["barcodes"]) == 2

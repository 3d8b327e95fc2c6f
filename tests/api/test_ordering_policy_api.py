"""An item's ordering policy through the API: set, read back, audited; a bad one refused and nothing changed."""

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import AuditEvent


def test_a_manager_sets_the_reorder_point_and_quantity_policy_with_the_eoq(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    response = as_role("manager").patch(url, json={"order_policy": "s_Q", "use_eoq": True, "fixed_order_qty": 48})
    assert response.status_code == 200
    assert (response.json["order_policy"], response.json["use_eoq"], response.json["fixed_order_qty"]) == (
        "s_Q",
        True,
        48,
    )
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "item")).all()[-1]
    assert audit.changes["order_policy"] == {"old": "s_S", "new": "s_Q"}


def test_an_unknown_policy_or_a_zero_quantity_is_422_and_nothing_changes(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    response = as_role("manager").patch(url, json={"order_policy": "EOQ", "fixed_order_qty": 0})
    assert response.status_code == 422
    assert {"order_policy", "fixed_order_qty"} <= set(response.json["error"]["fields"])
    assert as_role("manager").get(url).json["order_policy"] == "s_S"


def test_a_worker_may_not_change_the_policy(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    assert as_role("worker").patch(url, json={"order_policy": "R_S"}).status_code == 403


def test_a_supplier_is_created_with_its_own_cost_of_one_order(as_role):
    created = as_role("manager").post(
        "/api/v1/suppliers", json={"code": "SUP-YAMATO", "name": "大和食品", "ordering_cost": "3500"}
    )
    assert created.status_code == 201 and created.json["ordering_cost"] == "3500.0000"
    refused = as_role("manager").post(
        "/api/v1/suppliers", json={"code": "SUP-AOI", "name": "葵商店", "ordering_cost": "-1"}
    )
    assert refused.status_code == 422 and "ordering_cost" in refused.json["error"]["fields"]

"""Through the API as on the office's item page: a manager edits an item, only the owner deactivates it."""

from webapp.extensions import db
from webapp.models import AuditEvent, Item


def test_a_manager_may_edit_an_item_but_not_deactivate_it(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    refused = as_role("manager").patch(url, json={"active": False, "reorder_point": 8})
    assert refused.status_code == 403 and refused.json["error"]["code"] == "owner_only"
    db.session.expire_all()
    assert db.session.get(Item, shop["clock"].id).active and db.session.get(Item, shop["clock"].id).reorder_point == 0
    assert as_role("manager").patch(url, json={"reorder_point": 8}).status_code == 200


def test_the_owner_deactivates_an_item_and_the_trail_says_who(as_role, shop):
    url = f"/api/v1/items/{shop['clock'].id}"
    assert as_role("owner").patch(url, json={"active": False}).status_code == 200
    [event] = db.session.query(AuditEvent).filter_by(object_kind="item", object_id=shop["clock"].id).all()
    assert event.changes == {"active": {"old": True, "new": False}} and event.user_name

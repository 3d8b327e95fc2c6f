"""Every settings write leaves who, when, old and new in the audit trail; a refused write leaves nothing."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.services.stocktake.test_workflow_stocktake import CLOCK, count, world  # noqa: F401  (the fixture)
from webapp.errors import AppError
from webapp.extensions import db
from webapp.models import AuditEvent, Site, Task
from webapp.services.catalog import add_barcode, remove_barcode, remove_item_photo, store_item_photo
from webapp.services.notifications import (
    add_webhook,
    clear_mail_password,
    save_mail_server,
    save_settings,
    set_webhook_active,
)
from webapp.services.replenishment import set_override
from webapp.services.stocktake import approve, request_recount, review, start_count


def _trail():
    db.session.remove()
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


@pytest.fixture
def owner_id(app):
    return make_user("kobayashi", role="owner")[0]


@pytest.fixture
def clock_id(app):
    make_site()
    return make_item().id


def _assert_recent(event):
    assert (datetime.now(UTC) - event.at).total_seconds() < 60


def test_a_barcode_added_and_removed_is_recorded_against_its_item(owner_id, clock_id):
    add_barcode(clock_id, "14901234567891", 12, owner_id)
    remove_barcode(clock_id, "14901234567891", owner_id)
    added, removed = _trail()
    assert (added.action, added.user_name, added.object_kind, added.object_id) == (
        "add",
        "kobayashi",
        "barcode",
        clock_id,
    )
    assert added.changes == {"code": {"old": None, "new": "14901234567891"}, "pack_qty": {"old": None, "new": 12}}
    assert removed.action == "remove" and removed.changes["code"] == {"old": "14901234567891", "new": None}
    _assert_recent(removed)


def test_a_photo_taken_replaced_and_removed_is_recorded_against_its_item(owner_id, clock_id):
    from tests.services.catalog.test_item_photos import camera_jpeg

    store_item_photo(clock_id, camera_jpeg(1600, 1200), owner_id)
    store_item_photo(clock_id, camera_jpeg(1200, 1600), owner_id)
    remove_item_photo(clock_id, owner_id)
    taken, replaced, removed = _trail()
    assert (taken.action, taken.user_name, taken.object_kind, taken.object_id) == (
        "add",
        "kobayashi",
        "photo",
        clock_id,
    )
    assert taken.changes == {"photo": {"old": None, "new": "800×600 px"}}
    assert replaced.action == "update" and replaced.changes["photo"] == {"old": "800×600 px", "new": "600×800 px"}
    assert removed.action == "remove" and removed.changes["photo"] == {"old": "600×800 px", "new": None}
    _assert_recent(removed)


def test_a_file_that_is_no_photo_is_refused_and_records_nothing(owner_id, clock_id):
    with pytest.raises(AppError):
        store_item_photo(clock_id, b"%PDF-1.7 not a photo", owner_id)
    assert _trail() == []


def test_a_barcode_with_a_bad_check_digit_is_refused_and_records_nothing(owner_id, clock_id):
    with pytest.raises(AppError):
        add_barcode(clock_id, "4901234567890", 1, owner_id)
    assert _trail() == []


def test_a_hand_set_reorder_point_records_old_and_new_and_its_removal(owner_id, clock_id):
    site_id = db.session.scalar(select(Site.id))
    set_override(clock_id, site_id, safety_stock=3, reorder_point=8, note="年末商戦", user_id=owner_id)
    set_override(clock_id, site_id, safety_stock=3, reorder_point=12, note="年末商戦", user_id=owner_id)
    set_override(clock_id, site_id, safety_stock=None, reorder_point=None, user_id=owner_id)
    first, second, removal = _trail()
    assert first.object_kind == "override" and first.object_id == clock_id and first.object_label == "RETRO-CLOCK @ TKY"
    assert first.changes["reorder_point"] == {"old": None, "new": 8}
    assert second.changes == {"reorder_point": {"old": 8, "new": 12}}
    assert removal.action == "delete" and removal.changes["safety_stock"] == {"old": 3, "new": None}


def test_a_negative_override_is_refused_and_records_nothing(owner_id, clock_id):
    site_id = db.session.scalar(select(Site.id))
    with pytest.raises(AppError):
        set_override(clock_id, site_id, safety_stock=-1, reorder_point=5, user_id=owner_id)
    assert _trail() == []


def test_the_alert_email_settings_record_each_changed_field(owner_id):
    save_settings(
        email_enabled=True, email_mode="digest", recipients="kobayashi@example.jp", digest_hour=7, user_id=owner_id
    )
    save_settings(
        email_enabled=True, email_mode="digest", recipients="kobayashi@example.jp", digest_hour=9, user_id=owner_id
    )
    first, second = _trail()
    assert first.object_kind == "notification_settings" and first.changes["recipients"]["new"] == "kobayashi@example.jp"
    assert second.changes == {"digest_hour": {"old": 7, "new": 9}} and second.user_id == owner_id


def test_alert_email_settings_with_a_bad_address_record_nothing(owner_id):
    with pytest.raises(AppError):
        save_settings(email_enabled=True, email_mode="digest", recipients="not an address", user_id=owner_id)
    assert _trail() == []


def test_the_mail_server_records_its_fields_and_only_that_the_password_changed(owner_id):
    save_mail_server(host="smtp.example.jp", port=587, security="starttls", username="shop", password="s3cret-pass",
                     sender="stock@example.jp", user_id=owner_id)  # fmt: skip
    clear_mail_password(owner_id)
    saved, cleared = _trail()
    assert saved.object_kind == "mail_server" and saved.object_label == "smtp.example.jp"
    assert saved.changes["host"]["new"] == "smtp.example.jp" and saved.changes["port"]["new"] == 587
    assert saved.changes["password"] == {"old": None, "new": "changed"}
    assert "s3cret-pass" not in str(saved.changes) and cleared.changes == {"password": {"old": None, "new": "changed"}}


def test_a_refused_mail_server_records_nothing(owner_id):
    with pytest.raises(AppError):
        save_mail_server(host="", port=0, security="starttls", user_id=owner_id)
    assert _trail() == []


def test_a_webhook_added_and_paused_is_recorded_without_its_secret(owner_id):
    endpoint_id, secret = add_webhook("https://hooks.example.jp/tanaoroshi", user_id=owner_id)
    set_webhook_active(endpoint_id, False, owner_id)
    added, paused = _trail()
    assert added.action == "create" and added.changes == {
        "url": {"old": None, "new": "https://hooks.example.jp/tanaoroshi"}
    }
    assert secret not in str(added.changes)
    assert paused.changes == {"active": {"old": True, "new": False}}


def test_a_stocktake_approval_and_a_recount_are_recorded_with_the_count_number(world):  # noqa: F811
    manager_id = world["manager_id"]
    session = start_count("TKY", manager_id, scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 3)
    clock_line = next(ln for ln in review(session)["lines"] if ln["item_code"] == "RETRO-CLOCK")
    request_recount(session, [clock_line["id"]], manager_id)
    count(world, session, "A-01-01", CLOCK, 9, minutes=20)
    approve(session, manager_id, zero_uncounted=True)
    recount, approval = [e for e in _trail() if e.object_kind == "stocktake"]
    assert recount.action == "recount" and recount.changes == {"lines": {"old": None, "new": 1}}
    assert approval.action == "approve" and approval.user_id == manager_id and approval.object_id == session
    assert approval.object_label == db.session.get(Task, session).number
    assert approval.changes["adjusted"]["new"] == 2 and approval.changes["units"]["new"] == -41


def test_a_stocktake_approved_while_lines_are_uncounted_is_refused_and_records_nothing(world):  # noqa: F811
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 10)
    with pytest.raises(AppError):
        approve(session, world["manager_id"])
    assert [e for e in _trail() if e.object_kind == "stocktake"] == []

"""The audit trail: a settings change records who, when, old and new, in the change's own transaction."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from webapp.extensions import db
from webapp.models import AuditEvent, Item
from webapp.services.core import field_changes, record_change, transactional


def _events():
    db.session.remove()
    return db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()


@transactional
def _rename(item_id, user_id, name, fail=False):
    item = db.session.get(Item, item_id)
    changes = field_changes(item, {"name": name})
    item.name = name
    record_change(user_id, "item", item.id, item.code, changes)
    if fail:
        raise RuntimeError("the write fails after the audit row was added")


def test_a_change_records_who_when_and_the_old_and_new_value(app):
    make_site()
    clock_id = make_item().id
    sato_id, _ = make_user("sato", role="manager")
    before = datetime.now(UTC)
    _rename(clock_id, sato_id, "レトロ置時計(木目)")
    [event] = _events()
    assert (event.user_id, event.user_name, event.object_kind, event.object_id) == (sato_id, "sato", "item", clock_id)
    assert event.object_label == "RETRO-CLOCK"
    assert event.action == "update"
    assert event.changes == {"name": {"old": "レトロ置時計", "new": "レトロ置時計(木目)"}}
    assert before <= event.at <= datetime.now(UTC)


def test_a_change_that_fails_records_nothing(app):
    make_site()
    clock_id = make_item().id
    sato_id, _ = make_user("sato", role="manager")
    with pytest.raises(RuntimeError):
        _rename(clock_id, sato_id, "壊れた名前", fail=True)
    assert _events() == []
    assert db.session.get(Item, clock_id).name == "レトロ置時計"


def test_an_update_that_changes_nothing_records_nothing(app):
    make_site()
    clock_id = make_item().id
    _rename(clock_id, None, "レトロ置時計")
    assert _events() == []


@transactional
def _record(user_id, changes, action="update"):
    record_change(user_id, "user", 7, "suzuki", changes, action=action)


def test_secrets_are_recorded_as_changed_never_as_values(app):
    owner_id, _ = make_user("yamada", role="owner")
    _record(owner_id, {"password": ("old-secret", "new-secret"), "pin_hash": ("x", "y"), "role": ("worker", "manager")})
    [event] = _events()
    assert event.changes == {
        "password": {"old": None, "new": "changed"},
        "pin_hash": {"old": None, "new": "changed"},
        "role": {"old": "worker", "new": "manager"},
    }


def test_decimals_and_long_text_are_kept_as_bounded_text(app):
    _record(None, {"unit_cost": (Decimal("1200.0000"), Decimal("1250.5000")), "note": ("", "長" * 900)})
    [event] = _events()
    assert event.changes["unit_cost"] == {"old": "1200", "new": "1250.5"}
    assert len(event.changes["note"]["new"]) == 500
    assert event.user_id is None and event.user_name == ""


def test_a_creation_is_recorded_even_without_field_changes(app):
    _record(None, {}, action="create")
    assert [e.action for e in _events()] == ["create"]

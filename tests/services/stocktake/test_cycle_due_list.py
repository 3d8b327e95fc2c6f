"""Cycle counting over a real ledger: due by ABC class and interval, last counted from approvals, sessions generated."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import NOW, scan
from tests.services.stocktake.cycle_fixtures import CLOCK, TEA, TZ, count_bins, shop_with_classes
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, CountScopeLock, Location, ReplenishmentResult, Task
from webapp.services.scanning import apply_scans
from webapp.services.stocktake import (
    approve,
    cycle_settings,
    due_list,
    generate_due_sessions,
    last_counted,
    review,
    save_cycle_settings,
    start_count,
)

COUNTED_DAY = NOW.date()  # 18:00 in Tokyo on 20 November


@pytest.fixture
def shop(app):
    return shop_with_classes()


def bin_id(code: str) -> int:
    return db.session.scalar(select(Location.id).where(Location.code == code))


def due_keys(today) -> list[tuple[str, str, str]]:
    return [(r["bin"], r["item_code"], r["abc"]) for r in due_list(today, TZ)["rows"]]


def count_and_approve_shelf_a(shop) -> int:
    session = start_count("TKY", shop["manager_id"], scope="zone", zone="A")
    count_bins(shop, session, [("A-01-01", CLOCK, 15), ("A-01-02", TEA, 50)])
    approve(session, shop["manager_id"])
    return session


def test_the_engine_classes_the_clock_a_the_tea_b_and_the_sencha_c(shop):
    classes = dict(db.session.execute(select(ReplenishmentResult.item_id, ReplenishmentResult.abc_class)).all())
    assert (classes[shop["clock"].id], classes[shop["tea"].id], classes[shop["sencha"].id]) == ("A", "B", "C")


def test_never_counted_pairs_are_all_due_in_walk_order(shop):
    assert due_keys(COUNTED_DAY) == [
        ("A-01-01", "RETRO-CLOCK", "A"),
        ("A-01-02", "GREEN-TEA", "B"),
        ("B-02-01", "RETRO-CLOCK", "A"),
        ("C-03-01", "TEA-SENCHA", "C"),
    ]
    assert all(r["last_counted"] is None for r in due_list(COUNTED_DAY, TZ)["rows"])


def test_approval_sets_last_counted_per_item_and_bin(shop):
    session = start_count("TKY", shop["manager_id"], scope="zone", zone="A")
    count_bins(shop, session, [("A-01-01", CLOCK, 15), ("A-01-02", TEA, 50)])
    assert last_counted(TZ) == {}  # counted but not approved yet: not a count the shop stands by
    approve(session, shop["manager_id"])
    assert last_counted(TZ) == {
        (shop["clock"].id, bin_id("A-01-01")): COUNTED_DAY,
        (shop["tea"].id, bin_id("A-01-02")): COUNTED_DAY,
    }
    assert last_counted(TZ, item_id=shop["clock"].id) == {(shop["clock"].id, bin_id("A-01-01")): COUNTED_DAY}


def test_a_counted_31_days_ago_is_due_b_counted_31_days_ago_is_not_never_counted_is(shop):
    count_and_approve_shelf_a(shop)
    later = COUNTED_DAY + timedelta(days=31)
    rows = {(r["bin"], r["item_code"]): r for r in due_list(later, TZ)["rows"]}
    assert set(rows) == {("A-01-01", "RETRO-CLOCK"), ("B-02-01", "RETRO-CLOCK"), ("C-03-01", "TEA-SENCHA")}
    assert (rows["A-01-01", "RETRO-CLOCK"]["last_counted"], rows["A-01-01", "RETRO-CLOCK"]["overdue_days"]) == (
        COUNTED_DAY,
        1,
    )
    # never counted first, then by how overdue
    assert due_keys(later)[-1] == ("A-01-01", "RETRO-CLOCK", "A")


def test_the_a_pair_is_not_due_until_its_thirty_days_have_passed(shop):
    count_and_approve_shelf_a(shop)
    assert ("A-01-01", "RETRO-CLOCK", "A") not in due_keys(COUNTED_DAY + timedelta(days=29))
    assert ("A-01-01", "RETRO-CLOCK", "A") in due_keys(COUNTED_DAY + timedelta(days=30))


def test_the_owners_intervals_decide_what_is_due(shop):
    count_and_approve_shelf_a(shop)
    save_cycle_settings(
        shop["manager_id"], interval_a=60, interval_b=30, interval_c=365, session_size=30, daily_sessions=5
    )
    later = {(b, code) for b, code, _ in due_keys(COUNTED_DAY + timedelta(days=31))}
    assert ("A-01-02", "GREEN-TEA") in later and ("A-01-01", "RETRO-CLOCK") not in later


def test_settings_out_of_bounds_are_refused_and_change_nothing(shop):
    for bad in (0, 731, "30", True):
        with pytest.raises(InvalidInput) as refused:
            save_cycle_settings(
                shop["manager_id"], interval_a=bad, interval_b=90, interval_c=365, session_size=30, daily_sessions=5
            )
        assert refused.value.fields == {"interval_a": ["1 to 730"]}
    assert cycle_settings().interval_a == 30 and cycle_settings().id is None


def test_a_settings_change_is_in_the_audit_trail_with_old_and_new(shop):
    save_cycle_settings(
        shop["manager_id"], interval_a=14, interval_b=90, interval_c=365, session_size=20, daily_sessions=5
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.object_kind == "cycle_count_settings"))
    assert event.user_id == shop["manager_id"]
    assert event.changes == {"interval_a": {"old": 30, "new": 14}, "session_size": {"old": 30, "new": 20}}


def test_generating_opens_sessions_of_the_due_pairs_by_zone_and_locks_them(shop):
    ids = generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"])
    scopes = [sorted((r["bin"], r["item_code"]) for r in review(i)["lines"]) for i in ids]
    assert scopes == [
        [("A-01-01", "RETRO-CLOCK"), ("A-01-02", "GREEN-TEA")],
        [("B-02-01", "RETRO-CLOCK")],
        [("C-03-01", "TEA-SENCHA")],
    ]
    rows = due_list(COUNTED_DAY, TZ)["rows"]
    assert all(r["session"] for r in rows)  # each due pair now shows the session counting it
    assert generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"]) == []  # nothing due is free any more


def test_generated_sessions_keep_to_the_session_size_and_daily_number(shop):
    save_cycle_settings(
        shop["manager_id"], interval_a=30, interval_b=90, interval_c=365, session_size=1, daily_sessions=2
    )
    ids = generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"])
    assert [[(r["bin"], r["item_code"]) for r in review(i)["lines"]] for i in ids] == [
        [("A-01-01", "RETRO-CLOCK")],
        [("A-01-02", "GREEN-TEA")],
    ]


def test_a_generated_session_counted_and_approved_leaves_the_due_list(shop):
    [zone_a, *_rest] = generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"])
    count_bins(shop, zone_a, [("A-01-01", CLOCK, 15), ("A-01-02", TEA, 50)])
    approve(zone_a, shop["manager_id"])
    assert [(b, c) for b, c, _ in due_keys(COUNTED_DAY)] == [("B-02-01", "RETRO-CLOCK"), ("C-03-01", "TEA-SENCHA")]


def test_a_generated_session_locks_and_counts_exactly_its_due_pairs(shop):
    [zone_a, *_rest] = generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"])
    locks = db.session.execute(
        select(CountScopeLock.location_id, CountScopeLock.item_id).where(CountScopeLock.task_id == zone_a)
    )
    assert sorted(locks) == sorted([(bin_id("A-01-01"), shop["clock"].id), (bin_id("A-01-02"), shop["tea"].id)])
    [stray] = apply_scans(
        [scan("count", CLOCK, 1, task_id=zone_a, location="A-01-02", occurred_at=NOW + timedelta(minutes=5))],
        shop["worker"],
    )
    assert (stray.status, stray.reason) == ("rejected", "not_in_count")  # no clock is due in the tea's bin
    count_bins(shop, zone_a, [("A-01-01", CLOCK, 15)])
    assert [(r["bin"], r["item_code"], r["counted"]) for r in review(zone_a)["lines"]][-1] == (
        "A-01-02",
        "GREEN-TEA",
        None,
    )


def test_a_stocktake_of_a_whole_bin_in_a_generated_session_is_refused_naming_it(shop):
    [zone_a, *_rest] = generate_due_sessions(COUNTED_DAY, TZ, shop["manager_id"])
    with pytest.raises(Conflict) as refused:
        start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-02"])
    assert refused.value.fields["session"] == db.session.get(Task, zone_a).number

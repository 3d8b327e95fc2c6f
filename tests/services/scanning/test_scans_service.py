"""The scan service: resolve codes, post movements, stay exactly-once, never lose a well-formed scan."""

import uuid

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.extensions import db
from webapp.models import Alert, Movement, Scan, StockLevel
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches


@pytest.fixture
def world(app):
    site = make_site()
    clock = make_item(case_jan="14901234567891", case_qty=12)
    worker, _ = make_user("sato", "worker")
    manager, _ = make_user("suzuki", "manager")
    return {"site": site, "clock": clock, "worker": actor(worker, "worker"), "manager": actor(manager, "manager")}


def stock_at(bin_code: str, lot: str | None = None) -> int:
    from webapp.models import Location

    stmt = select(func.coalesce(func.sum(StockLevel.quantity), 0)).join(Location).where(Location.code == bin_code)
    if lot is not None:
        stmt = stmt.where(StockLevel.lot == lot)
    return db.session.scalar(stmt)


def movement_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Movement))


def test_receiving_a_jan_scan_raises_stock_in_the_scanned_bin(world):
    [out] = apply_scans([scan("receive", quantity=3, location="A-01-01")], world["worker"])
    assert (out.status, out.quantity, out.location, out.stock_at_location) == ("applied", 3, "A-01-01", 3)
    assert out.item_name == "レトロ置時計"
    assert stock_at("A-01-01") == 3


def test_a_case_barcode_counts_as_twelve_units(world):
    apply_scans([scan("receive", code="14901234567891", quantity=2, location="A-01-01")], world["worker"])
    assert stock_at("A-01-01") == 24


def test_a_receipt_without_a_bin_lands_in_the_receiving_bin(world):
    apply_scans([scan("receive", quantity=5)], world["worker"])
    assert stock_at("TKY-RCV") == 5


def test_a_pick_without_a_bin_takes_from_the_bin_holding_most(world):
    apply_scans(
        [scan("receive", quantity=2, location="A-01-01"), scan("receive", quantity=9, location="B-02-01")],
        world["worker"],
    )
    [out] = apply_scans([scan("pick", quantity=4)], world["worker"])
    assert out.location == "B-02-01"
    assert (stock_at("A-01-01"), stock_at("B-02-01")) == (2, 5)


def test_a_move_takes_from_one_bin_and_puts_into_another(world):
    apply_scans([scan("receive", quantity=10, location="A-01-01")], world["worker"])
    apply_scans([scan("move", quantity=4, location="A-01-01", to_location="A-01-02")], world["worker"])
    assert (stock_at("A-01-01"), stock_at("A-01-02")) == (6, 4)


def test_a_replayed_scan_returns_the_first_outcome_and_changes_nothing(world):
    first = scan("receive", quantity=7, location="A-01-01")
    apply_scans([first], world["worker"])
    moves_before = movement_count()
    [again, again_in_batch] = apply_scans([first, first], world["worker"])
    assert again.status == again_in_batch.status == "duplicate"
    assert again.first_status == "applied" and again.quantity == 7
    assert movement_count() == moves_before
    assert stock_at("A-01-01") == 7


def test_the_same_scan_twice_in_one_batch_counts_once(world):
    twice = scan("receive", quantity=5, location="A-01-01")
    outcomes = apply_scans([twice, twice], world["worker"])
    assert [o.status for o in outcomes] == ["applied", "duplicate"]
    assert stock_at("A-01-01") == 5


def test_an_unknown_code_waits_as_unresolved_and_raises_an_alert(world):
    [out] = apply_scans([scan("receive", code="4549292123456", quantity=2, location="A-01-01")], world["worker"])
    assert out.status == "unresolved"
    assert db.session.scalar(select(Scan.status)) == "unresolved"
    assert movement_count() == 0
    alert = db.session.scalar(select(Alert).where(Alert.kind == "unresolved_barcode"))
    assert alert.status == "open" and alert.code == "04549292123456"


def test_stock_going_negative_is_applied_and_flagged(world):
    [out] = apply_scans([scan("pick", quantity=3, location="A-01-01")], world["worker"])
    assert out.status == "applied" and "negative_stock" in out.warnings
    assert stock_at("A-01-01") == -3
    kinds = set(db.session.scalars(select(Alert.kind).where(Alert.status == "open")))
    assert {"negative_stock", "stockout"} <= kinds


def test_a_misread_check_digit_is_rejected_and_stores_nothing(world):
    [out] = apply_scans([scan("receive", code="4901234567895", location="A-01-01")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "bad_check_digit")
    assert db.session.scalar(select(func.count()).select_from(Scan)) == 0


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"location": "Z-99-99"}, "unknown_location"),
        ({"task_id": 4242}, "unknown_task"),
        ({"site": "NOWHERE"}, "unknown_site"),
    ],
)
def test_references_to_things_that_do_not_exist_are_rejected(world, fields, reason):
    [out] = apply_scans([scan("receive", **fields)], world["worker"])
    assert (out.status, out.reason) == ("rejected", reason)
    assert movement_count() == 0


def test_a_bin_label_scanned_as_an_item_is_refused_but_looks_up_as_a_bin(world):
    [refused] = apply_scans([scan("receive", code="A-01-02")], world["worker"])
    [looked] = apply_scans([scan("lookup", code="A-01-02")], world["worker"])
    assert refused.reason == "location_not_item"
    assert (looked.status, looked.location) == ("applied", "A-01-02")


def test_only_managers_may_adjust(world):
    [refused] = apply_scans([scan("adjust", quantity=-2, location="A-01-01")], world["worker"])
    [done] = apply_scans([scan("adjust", quantity=-2, location="A-01-01")], world["manager"])
    assert refused.reason == "forbidden"
    assert done.status == "applied" and stock_at("A-01-01") == -2


def test_undo_posts_a_compensating_movement_and_keeps_both_rows(world):
    picked = scan("receive", quantity=6, location="A-01-01")
    apply_scans([picked], world["worker"])
    [undone] = apply_scans([scan("undo", code="", undo_of=picked.scan_id)], world["worker"])
    assert undone.status == "applied"
    assert stock_at("A-01-01") == 0
    assert sorted(db.session.scalars(select(Movement.quantity))) == [-6, 6]
    reversal = db.session.scalar(select(Movement).where(Movement.quantity == -6))
    assert reversal.type == "receive" and reversal.note == f"undo of scan {picked.scan_id}"
    [again] = apply_scans([scan("undo", code="", undo_of=picked.scan_id)], world["worker"])
    assert again.reason == "already_undone"
    assert stock_at("A-01-01") == 0


def test_undo_of_an_unknown_scan_is_rejected(world):
    [out] = apply_scans([scan("undo", code="", undo_of=uuid.uuid4())], world["worker"])
    assert out.reason == "unknown_scan"


def test_a_scan_and_its_undo_in_one_offline_batch_net_to_zero(world):
    received = scan("receive", quantity=4, location="A-01-01")
    outcomes = apply_scans([received, scan("undo", code="", undo_of=received.scan_id)], world["worker"])
    assert [o.status for o in outcomes] == ["applied", "applied"]
    assert stock_at("A-01-01") == 0


def test_gs1_datamatrix_records_lot_and_expiry(world):
    code = "]d2010490123456789410LOT-A7\x1d17271231"
    [out] = apply_scans([scan("receive", code=code, quantity=2, location="A-01-01")], world["worker"])
    move = db.session.scalar(select(Movement))
    level = db.session.scalar(select(StockLevel))
    assert out.status == "applied"
    assert (move.lot, move.expiry.isoformat()) == ("LOT-A7", "2027-12-31")
    assert (level.lot, level.quantity) == ("LOT-A7", 2)


def test_count_and_lookup_scans_are_recorded_without_moving_stock(world):
    outcomes = apply_scans([scan("count", quantity=5, location="A-01-01"), scan("lookup")], world["worker"])
    assert [o.status for o in outcomes] == ["applied", "applied"]
    assert movement_count() == 0
    assert db.session.scalar(select(func.count()).select_from(Scan)) == 2


def test_every_stock_level_equals_the_sum_of_its_ledger_rows(world):
    apply_scans(
        [
            scan("receive", quantity=9, location="A-01-01"),
            scan("pick", quantity=2, location="A-01-01"),
            scan("move", quantity=3, location="A-01-01", to_location="B-02-01"),
            scan("receive", code="14901234567891", location="A-01-02"),
        ],
        world["manager"],
    )
    assert ledger_mismatches() == []


def test_the_ledger_refuses_updates_and_deletes(world):
    apply_scans([scan("receive", quantity=1, location="A-01-01")], world["worker"])
    for statement in ("UPDATE movements SET quantity = 100", "DELETE FROM movements"):
        with pytest.raises(Exception, match="append-only"):
            db.session.execute(db.text(statement))
        db.session.rollback()
    assert db.session.scalar(select(Movement.quantity)) == 1

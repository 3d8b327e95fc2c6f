"""First expiry first out on pick lists: the earliest unexpired lot proposed, expired lots refused, a later lot only with a reason."""

import uuid

import pytest
from sqlalchemy import select

from tests.builders import scan
from tests.fefo_fixtures import CLOCK, days_from_today, gs1, receive_lot
from tests.workflow_fixtures import build_world, stock_at
from webapp.extensions import db
from webapp.models import Location, Movement, Scan, StockLevel, Task, TaskEvent
from webapp.services.picking import create_pick_list, pick_lines
from webapp.services.scanning import apply_scans


@pytest.fixture
def world(app):
    w = build_world()
    # Nearest bin holds the later lot; the earliest good lot sits further down the walk.
    w["late"], w["early"], w["old"] = days_from_today(60), days_from_today(10), days_from_today(-2)
    receive_lot(w["worker"], "A-01-01", 5, "L-LATE", w["late"])
    receive_lot(w["worker"], "B-02-01", 4, "L-EARLY", w["early"])
    receive_lot(w["worker"], "A-01-02", 6, "L-OLD", w["old"])
    return w


def lines(task_id):
    return pick_lines(db.session.get(Task, task_id))


def lot_at(bin_code: str, lot: str) -> int:
    return db.session.scalar(
        select(StockLevel.quantity).join(Location).where(Location.code == bin_code, StockLevel.lot == lot)
    )


def test_a_list_proposes_the_lot_that_expires_first_even_beyond_a_nearer_bin(world):
    pl = create_pick_list("TKY", [(CLOCK, 6)], world["manager_id"])
    assert [(r["bin"], r["lot"], r["expiry"], r["quantity"], r["expired"]) for r in lines(pl)] == [
        ("A-01-01", "L-LATE", world["late"].isoformat(), 2, False),
        ("B-02-01", "L-EARLY", world["early"].isoformat(), 4, False),
    ]


def test_an_expired_lot_is_never_allocated_so_a_list_beyond_good_stock_is_short(world):
    pl = create_pick_list("TKY", [(CLOCK, 12)], world["manager_id"])
    rows = lines(pl)
    assert "L-OLD" not in {r["lot"] for r in rows}
    assert [r["quantity"] for r in rows if r["unavailable"]] == [3]


def test_stock_in_a_quarantine_bin_is_never_allocated(world):
    db.session.execute(Location.__table__.update().where(Location.code == "B-02-01").values(kind="quarantine"))
    db.session.commit()
    pl = create_pick_list("TKY", [(CLOCK, 5)], world["manager_id"])
    assert [(r["bin"], r["lot"]) for r in lines(pl) if not r["unavailable"]] == [("A-01-01", "L-LATE")]


def test_the_expired_lot_scanned_in_its_own_bin_is_refused_as_expired_not_as_the_wrong_bin(world):
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    [out] = apply_scans([scan("pick", gs1("L-OLD", world["old"]), 1, task_id=pl, location="A-01-02")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "expired_lot")
    assert lot_at("A-01-02", "L-OLD") == 6


def test_an_expired_lot_beside_the_proposed_one_is_refused_as_expired(world):
    receive_lot(world["worker"], "B-02-01", 3, "L-OLD", world["old"])
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    assert [r["lot"] for r in lines(pl)] == ["L-EARLY"]
    [out] = apply_scans([scan("pick", gs1("L-OLD", world["old"]), 1, task_id=pl, location="B-02-01")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "expired_lot")
    assert out.params == {"lot": "L-OLD", "expiry": world["old"].isoformat()}
    assert "cannot be picked" in out.message
    assert lot_at("B-02-01", "L-OLD") == 3 and lines(pl)[0]["picked"] == 0
    assert (
        db.session.scalar(select(Scan.id).where(Scan.scan_id == uuid.UUID(out.scan_id))) is None
    )  # free to be sent again


def test_the_proposed_lot_scanned_by_its_gs1_label_is_picked(world):
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    [out] = apply_scans(
        [scan("pick", gs1("L-EARLY", world["early"]), 2, task_id=pl, location="B-02-01")], world["worker"]
    )
    assert out.status == "applied" and out.task["done"] == 2
    assert lot_at("B-02-01", "L-EARLY") == 2


def test_a_plain_jan_picks_the_proposed_lot(world):
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    [out] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert out.status == "applied"
    assert lot_at("B-02-01", "L-EARLY") == 3


def test_a_later_lot_than_proposed_is_refused_until_the_picker_says_why(world):
    receive_lot(world["worker"], "B-02-01", 5, "L-LATE", world["late"])
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    later = gs1("L-LATE", world["late"])
    [out] = apply_scans([scan("pick", later, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "later_lot")
    assert out.params == {"lot": "L-LATE", "proposed": "L-EARLY", "expiry": world["early"].isoformat()}
    assert lot_at("B-02-01", "L-LATE") == 5

    [out] = apply_scans(
        [scan("pick", later, 1, task_id=pl, location="B-02-01", lot_reason="damaged_packaging")], world["worker"]
    )
    assert out.status == "applied" and out.task["done"] == 1
    assert lot_at("B-02-01", "L-LATE") == 4 and lot_at("B-02-01", "L-EARLY") == 4
    move = db.session.scalar(select(Movement).where(Movement.scan_id == uuid.UUID(out.scan_id)))
    assert (move.lot, move.quantity) == ("L-LATE", -1)
    assert move.note == "later lot L-LATE instead of L-EARLY: damaged_packaging"
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.task_id == pl, TaskEvent.kind == "later_lot"))
    assert (event.quantity, event.reason) == (1, "damaged_packaging: lot L-LATE instead of L-EARLY")


def test_a_lot_as_early_as_the_proposed_one_needs_no_reason(world):
    receive_lot(world["worker"], "B-02-01", 2, "L-TWIN", world["early"])
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    [out] = apply_scans(
        [scan("pick", gs1("L-TWIN", world["early"]), 1, task_id=pl, location="B-02-01")], world["worker"]
    )
    assert out.status == "applied"


def test_a_later_lot_held_for_another_list_cannot_be_taken_even_with_a_reason(world):
    receive_lot(world["worker"], "B-02-01", 1, "L-LATE", world["late"])
    first = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])  # the four of L-EARLY
    second = create_pick_list("TKY", [(CLOCK, 6)], world["manager_id"])  # every unit of L-LATE
    assert ("B-02-01", "L-LATE", 1) in {(r["bin"], r["lot"], r["quantity"]) for r in lines(second)}
    [out] = apply_scans(
        [scan("pick", gs1("L-LATE", world["late"]), 1, task_id=first, location="B-02-01", lot_reason="other")],
        world["worker"],
    )
    assert (out.status, out.reason) == ("rejected", "lot_held")
    assert lot_at("B-02-01", "L-LATE") == 1


def test_a_pick_outside_a_list_of_an_expired_lot_is_refused(world):
    [out] = apply_scans([scan("pick", gs1("L-OLD", world["old"]), 1, location="A-01-02")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "expired_lot")
    assert stock_at("A-01-02") == 6


def test_expired_stock_moves_to_a_quarantine_bin(world):
    db.session.execute(Location.__table__.update().where(Location.code == "C-03-01").values(kind="quarantine"))
    db.session.commit()
    [out] = apply_scans(
        [scan("move", gs1("L-OLD", world["old"]), 6, location="A-01-02", to_location="C-03-01")], world["worker"]
    )
    assert out.status == "applied"
    assert lot_at("C-03-01", "L-OLD") == 6 and lot_at("A-01-02", "L-OLD") == 0


def test_undoing_a_later_lot_pick_puts_that_lot_back_and_the_line_can_be_picked_again(world):
    receive_lot(world["worker"], "B-02-01", 5, "L-LATE", world["late"])
    pl = create_pick_list("TKY", [(CLOCK, 1)], world["manager_id"])
    taken = scan("pick", gs1("L-LATE", world["late"]), 1, task_id=pl, location="B-02-01", lot_reason="customer_asked")
    assert apply_scans([taken], world["worker"])[0].status == "applied"
    [undone] = apply_scans([scan("undo", taken.code, 1, undo_of=taken.scan_id)], world["worker"])
    assert undone.status == "applied", undone
    assert lot_at("B-02-01", "L-LATE") == 5 and lines(pl)[0]["picked"] == 0
    [again] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert again.status == "applied" and lot_at("B-02-01", "L-EARLY") == 3


def test_a_proposed_lot_that_expired_since_the_list_was_made_is_refused_even_by_its_plain_jan(world):
    pl = create_pick_list("TKY", [(CLOCK, 2)], world["manager_id"])
    # A night passes: the lot the list reserved is now past its date.
    db.session.execute(
        StockLevel.__table__.update().where(StockLevel.lot == "L-EARLY").values(expiry=days_from_today(-1))
    )
    db.session.commit()
    assert lines(pl)[0]["expired"] is True
    [out] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "expired_lot")
    assert lot_at("B-02-01", "L-EARLY") == 4

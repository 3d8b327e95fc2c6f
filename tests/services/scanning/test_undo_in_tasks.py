"""Undo inside a task takes back the task's own record as well as the stock: the count line, the pick line
and its reservation, the order line and the order's status; an undo of an undo is refused."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import NOW, scan
from tests.workflow_fixtures import build_world, put_stock, stock_at
from webapp.extensions import db
from webapp.models import Movement, Task
from webapp.services.picking import create_pick_list, pick_lines, reserved
from webapp.services.purchasing import close_short, create_purchase_order, order_lines
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches
from webapp.services.stocktake import approve, request_recount, review, start_count

CLOCK, TEA = "4901234567894", "4987654321094"
EARLY = NOW - timedelta(hours=2)


@pytest.fixture
def world(app):
    w = build_world()
    put_stock(w["worker"], "A-01-01", 151, occurred_at=EARLY)
    return w


def at(minutes: int):
    return NOW + timedelta(minutes=minutes)


def one(world, s, who="worker"):
    [out] = apply_scans([s], world[who])
    return out


def undo_of(s, minutes=30):
    return scan("undo", s.code, 1, undo_of=s.scan_id, occurred_at=at(minutes))


def clock_line(session):
    return next(r for r in review(session)["lines"] if r["item_code"] == "RETRO-CLOCK")


def test_undoing_a_double_read_in_a_count_takes_it_off_the_review_and_the_adjustment(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    one(world, scan("count", CLOCK, 150, task_id=session, location="A-01-01", occurred_at=at(5)))
    one(world, scan("count", CLOCK, 1, task_id=session, location="A-01-01", occurred_at=at(6)))
    double = scan("count", CLOCK, 1, task_id=session, location="A-01-01", occurred_at=at(7))
    one(world, double)
    assert clock_line(session)["counted"] == 152
    undone = one(world, undo_of(double))
    line = clock_line(session)
    assert (line["counted"], line["variance"]) == (151, 0)
    assert approve(session, world["manager_id"]) == {"adjustments": 0, "units": 0}
    assert stock_at("A-01-01", world["clock"]) == 151
    assert db.session.scalar(select(Movement).where(Movement.type == "count")) is None
    assert (undone.status, undone.message, undone.task["done"]) == ("applied", "counted 151", 151)


def test_undoing_the_last_count_scan_of_a_line_makes_it_uncounted_again(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    only = scan("count", CLOCK, 3, task_id=session, location="A-01-01", occurred_at=at(5))
    one(world, only)
    one(world, undo_of(only))
    line = clock_line(session)
    assert (line["counted"], line["counted_at"]) == (None, None)
    assert review(session)["uncounted"] == 1


def test_undoing_a_count_of_an_item_not_expected_in_the_bin_removes_its_line(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    stray = scan("count", TEA, 2, task_id=session, location="A-01-01", occurred_at=at(5))
    one(world, stray)
    assert [r["item_code"] for r in review(session)["lines"]].count("GREEN-TEA") == 1
    one(world, undo_of(stray))
    assert [r["item_code"] for r in review(session)["lines"]] == ["RETRO-CLOCK"]


def test_the_count_time_goes_back_to_the_last_scan_still_standing(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    one(world, scan("count", CLOCK, 100, task_id=session, location="A-01-01", occurred_at=at(5)))
    late = scan("count", CLOCK, 51, task_id=session, location="A-01-01", occurred_at=at(40))
    one(world, late)
    one(world, undo_of(late, minutes=41))
    assert clock_line(session)["counted_at"] == at(5)


def test_a_scan_and_its_undo_sent_together_from_an_offline_phone_count_nothing(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    first = scan("count", CLOCK, 151, task_id=session, location="A-01-01", occurred_at=at(5))
    extra = scan("count", CLOCK, 1, task_id=session, location="A-01-01", occurred_at=at(6))
    outs = apply_scans([first, extra, undo_of(extra)], world["worker"])
    assert [o.status for o in outs] == ["applied"] * 3
    assert clock_line(session)["counted"] == 151


def test_an_undo_from_before_a_recount_leaves_the_new_count_alone(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    old = scan("count", CLOCK, 140, task_id=session, location="A-01-01", occurred_at=at(5))
    one(world, old)
    request_recount(session, [clock_line(session)["id"]], world["manager_id"])
    one(world, scan("count", CLOCK, 151, task_id=session, location="A-01-01", occurred_at=at(20)))
    assert one(world, undo_of(old)).status == "applied"
    assert clock_line(session)["counted"] == 151


def test_a_count_scan_cannot_be_undone_once_the_count_is_approved(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    counted = scan("count", CLOCK, 151, task_id=session, location="A-01-01", occurred_at=at(5))
    one(world, counted)
    approve(session, world["manager_id"])
    refused = one(world, undo_of(counted))
    number = db.session.get(Task, session).number
    assert (refused.status, refused.reason, refused.params) == ("rejected", "undo_task_closed", {"number": number})
    assert clock_line(session)["counted"] == 151


def test_an_undo_of_an_undo_is_refused_and_changes_nothing(world):
    received = scan("receive", CLOCK, 4, location="A-01-02")
    one(world, received)
    undo = undo_of(received)
    one(world, undo)
    again = one(world, scan("undo", CLOCK, 1, undo_of=undo.scan_id, occurred_at=at(31)))
    assert (again.status, again.reason) == ("rejected", "undo_of_undo")
    assert stock_at("A-01-02") == 0 and ledger_mismatches() == []


def test_an_undo_of_an_undo_in_the_same_batch_is_refused(world):
    received = scan("receive", CLOCK, 4, location="A-01-02")
    undo = undo_of(received)
    outs = apply_scans([received, undo, scan("undo", CLOCK, 1, undo_of=undo.scan_id)], world["worker"])
    assert [o.status for o in outs] == ["applied", "applied", "rejected"] and outs[2].reason == "undo_of_undo"


def test_undoing_a_pick_puts_the_line_and_its_reservation_back(world):
    pl = create_pick_list("TKY", [(CLOCK, 5)], world["manager_id"])
    picked = scan("pick", CLOCK, 2, task_id=pl, location="A-01-01", occurred_at=at(5))
    assert one(world, picked).task == {"id": pl, "status": "in_progress", "done": 2, "expected": 5}
    undone = one(world, undo_of(picked))
    assert undone.task["done"] == 0
    [line] = pick_lines(db.session.get(Task, pl))
    assert (line["picked"], line["left"]) == (0, 5)
    assert sum(reserved([world["clock"].id]).values()) == 5
    assert stock_at("A-01-01") == 151
    # the units are free to pick again, and exactly once
    assert one(world, scan("pick", CLOCK, 5, task_id=pl, location="A-01-01", occurred_at=at(40))).status == "applied"


def test_undoing_the_receipt_that_went_past_the_order_reopens_it(world):
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [(CLOCK, 6)], world["manager_id"])
    one(world, scan("receive", CLOCK, 4, task_id=po))
    last = scan("receive", CLOCK, 3, task_id=po)
    closing = one(world, last)
    assert (closing.message, closing.warnings) == ("received 7 of 6", ["over_receipt"])
    assert closing.task == {"id": po, "status": "done", "done": 7, "expected": 6}
    undone = one(world, undo_of(last))
    assert undone.task == {"id": po, "status": "in_progress", "done": 4, "expected": 6}
    [line] = order_lines(db.session.get(Task, po))
    assert (line["received"], line["outstanding"], line["over"]) == (4, 2, 0)
    assert stock_at("TKY-RCV") == 4


def test_a_scan_after_the_order_was_received_in_full_is_refused_naming_the_order(world):
    po = create_purchase_order("TKY", None, [(CLOCK, 6)], world["manager_id"])
    one(world, scan("receive", CLOCK, 6, task_id=po))
    refused = one(world, scan("receive", CLOCK, 1, task_id=po))
    number = db.session.get(Task, po).number
    assert (refused.status, refused.reason, refused.params) == (
        "rejected",
        "task_closed",
        {"number": number, "status": "done"},
    )
    assert order_lines(db.session.get(Task, po))[0]["received"] == 6


def test_a_receipt_on_an_order_closed_short_cannot_be_undone(world):
    po = create_purchase_order("TKY", None, [(CLOCK, 6)], world["manager_id"])
    received = scan("receive", CLOCK, 2, task_id=po)
    one(world, received)
    close_short(po, world["manager_id"], "仕入先欠品")
    refused = one(world, undo_of(received))
    assert (refused.status, refused.reason) == ("rejected", "undo_task_closed")
    assert stock_at("TKY-RCV") == 2 and order_lines(db.session.get(Task, po))[0]["received"] == 2


def test_an_undone_item_not_on_the_order_leaves_no_empty_line(world):
    po = create_purchase_order("TKY", None, [(CLOCK, 6)], world["manager_id"])
    stray = scan("receive", TEA, 2, task_id=po)
    assert one(world, stray).warnings == ["not_on_order"]
    one(world, undo_of(stray))
    assert [r["item_code"] for r in order_lines(db.session.get(Task, po))] == ["RETRO-CLOCK"]


def test_a_pick_on_a_line_closed_short_or_a_completed_list_cannot_be_undone(world):
    from webapp.services.picking import complete_pick_list, short_pick

    pl = create_pick_list("TKY", [(CLOCK, 5)], world["manager_id"])
    picked = scan("pick", CLOCK, 2, task_id=pl, location="A-01-01", occurred_at=at(5))
    one(world, picked)
    [line] = pick_lines(db.session.get(Task, pl))
    short_pick(pl, line["id"], "damaged", world["worker_id"])
    shorted = one(world, undo_of(picked))
    assert (shorted.status, shorted.reason) == ("rejected", "line_closed")
    complete_pick_list(pl, world["worker_id"])
    closed = one(world, undo_of(picked))
    assert (closed.status, closed.reason) == ("rejected", "undo_task_closed")
    assert stock_at("A-01-01") == 149 and ledger_mismatches() == []

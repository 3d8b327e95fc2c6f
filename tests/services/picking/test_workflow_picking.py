"""Pick lists: reserved stock, walk order, bin-then-item verification, short picks with a reason, completion."""

import pytest
from sqlalchemy import func, select

from tests.builders import scan
from tests.workflow_fixtures import build_world, put_stock, stock_at
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import Allocation, Movement, Task
from webapp.services.picking import (
    cancel_pick_list,
    complete_pick_list,
    create_pick_list,
    import_sales_orders,
    pick_lines,
    reserved,
    short_pick,
)
from webapp.services.scanning import apply_scans

CLOCK, TEA = "4901234567894", "4987654321094"


@pytest.fixture
def world(app):
    w = build_world()
    put_stock(w["worker"], "B-02-01", 5)
    put_stock(w["worker"], "A-01-02", 3)
    put_stock(w["worker"], "C-03-01", 20, code=TEA)
    return w


def lines(task_id):
    return pick_lines(db.session.get(Task, task_id))


def moves() -> int:
    return db.session.scalar(select(func.count()).select_from(Movement))


def test_lines_follow_the_walk_sequence_of_the_bins(world):
    pl = create_pick_list("TKY", [("GREEN-TEA", 4), (CLOCK, 6)], world["manager_id"], reference="SO-501 山田商店")
    assert [(r["bin"], r["item_code"], r["quantity"]) for r in lines(pl)] == [
        ("A-01-02", "RETRO-CLOCK", 3),
        ("B-02-01", "RETRO-CLOCK", 3),
        ("C-03-01", "GREEN-TEA", 4),
    ]


def test_stock_is_reserved_so_a_second_list_cannot_have_the_same_units(world):
    create_pick_list("TKY", [(CLOCK, 7)], world["manager_id"])
    second = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    rows = lines(second)
    assert [(r["bin"], r["quantity"], r["unavailable"]) for r in rows] == [("B-02-01", 1, False), (None, 2, True)]
    assert sum(reserved([world["clock"].id]).values()) == 8


def test_scanning_the_right_bin_and_item_picks_it(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    [out] = apply_scans([scan("pick", CLOCK, 2, task_id=pl, location="A-01-02")], world["worker"])
    assert (out.status, out.message, out.location) == ("applied", "picked 2 of 3", "A-01-02")
    assert stock_at("A-01-02") == 1 and lines(pl)[0]["left"] == 1
    assert db.session.get(Task, pl).status == "in_progress"


def test_a_wrong_item_is_refused_and_moves_nothing(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    before = moves()
    [out] = apply_scans([scan("pick", TEA, 1, task_id=pl, location="A-01-02")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "wrong_item")
    assert "緑茶" in out.message and moves() == before


def test_a_wrong_bin_is_refused_and_names_the_right_one(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    before = moves()
    [out] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert (out.status, out.reason) == ("rejected", "wrong_bin")
    assert "A-01-02" in out.message and moves() == before and stock_at("B-02-01") == 5


def test_picking_more_than_is_left_is_refused(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    [out] = apply_scans([scan("pick", CLOCK, 4, task_id=pl, location="A-01-02")], world["worker"])
    assert (out.status, out.reason, out.message) == ("rejected", "too_many", "Only 3 left to pick here.")
    assert stock_at("A-01-02") == 3


def test_a_replayed_pick_does_not_pick_twice(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    once = scan("pick", CLOCK, 1, task_id=pl, location="A-01-02")
    apply_scans([once], world["worker"])
    [again] = apply_scans([once], world["worker"])
    assert again.status == "duplicate"
    assert lines(pl)[0]["picked"] == 1 and stock_at("A-01-02") == 2


def test_a_refused_scan_can_be_sent_again_and_is_judged_again(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    too_many = scan("pick", CLOCK, 4, task_id=pl, location="A-01-02")
    apply_scans([too_many], world["worker"])
    [again] = apply_scans([too_many], world["worker"])
    assert (again.status, again.reason) == ("rejected", "too_many")


def test_a_short_pick_needs_a_reason_and_frees_the_reservation(world):
    pl = create_pick_list("TKY", [(CLOCK, 3)], world["manager_id"])
    line = lines(pl)[0]
    apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="A-01-02")], world["worker"])
    with pytest.raises(InvalidInput):
        short_pick(pl, line["id"], "", world["worker_id"])
    assert short_pick(pl, line["id"], "damaged", world["worker_id"], "箱がつぶれていた") == 2
    row = lines(pl)[0]
    assert (row["short"], row["left"], row["short_reason"]) == (2, 0, "damaged 箱がつぶれていた")
    assert reserved([world["clock"].id]) == {}
    [late] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="A-01-02")], world["worker"])
    assert late.reason == "already_picked"


def test_a_list_completes_only_when_every_line_is_picked_or_shorted(world):
    pl = create_pick_list("TKY", [(CLOCK, 4)], world["manager_id"])
    _first, second = lines(pl)
    apply_scans([scan("pick", CLOCK, 3, task_id=pl, location="A-01-02")], world["worker"])
    with pytest.raises(Conflict) as err:
        complete_pick_list(pl, world["worker_id"])
    assert err.value.fields == {"lines": [2]}
    short_pick(pl, second["id"], "not_found", world["worker_id"])
    complete_pick_list(pl, world["worker_id"])
    assert db.session.get(Task, pl).status == "done"
    [late] = apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="B-02-01")], world["worker"])
    assert late.reason == "task_closed"


def test_cancelling_a_list_frees_its_stock(world):
    pl = create_pick_list("TKY", [(CLOCK, 8)], world["manager_id"])
    cancel_pick_list(pl, world["manager_id"])
    assert db.session.scalar(select(func.sum(Allocation.quantity))) == 0
    again = create_pick_list("TKY", [(CLOCK, 8)], world["manager_id"])
    assert not any(r["unavailable"] for r in lines(again))


def test_sales_orders_import_as_one_pick_list_each(world):
    csv_text = (
        "order,customer,site,item,quantity\nSO-801,山田商店,TKY,RETRO-CLOCK,2\n"
        "SO-801,山田商店,TKY,GREEN-TEA,6\nSO-802,佐々木商会,TKY,4901234567894,1\n"
    )
    ids = import_sales_orders(csv_text, world["manager_id"])
    tasks = [db.session.get(Task, i) for i in ids]
    assert [(t.number, t.title, t.kind) for t in tasks] == [
        ("SO-801", "SO-801 山田商店", "pick_list"),
        ("SO-802", "SO-802 佐々木商会", "pick_list"),
    ]
    assert [r["item_code"] for r in lines(ids[0])] == ["RETRO-CLOCK", "GREEN-TEA"]


def test_a_pick_scan_without_a_bin_takes_the_lines_bin(world):
    pl = create_pick_list("TKY", [(CLOCK, 2)], world["manager_id"])
    [out] = apply_scans([scan("pick", CLOCK, 2, task_id=pl)], world["worker"])
    assert out.location == "A-01-02" and stock_at("A-01-02") == 1


def test_count_and_receive_scans_do_not_fit_a_pick_list(world):
    pl = create_pick_list("TKY", [(CLOCK, 2)], world["manager_id"])
    [out] = apply_scans([scan("receive", CLOCK, 2, task_id=pl)], world["worker"])
    assert out.reason == "wrong_mode"

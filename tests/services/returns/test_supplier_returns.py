"""Returns to a supplier: out of the bin, received shown net of them, the order and the supplier's record agree."""

import pytest
from sqlalchemy import select

from tests.services.returns.returns_world import ledger_count, picked_world, received_order, supplier_return
from tests.workflow_fixtures import stock_at
from webapp.errors import Conflict, InvalidInput, NotFound
from webapp.extensions import db
from webapp.models import Movement, Task, TaskEvent
from webapp.services.core import on_order_by_site
from webapp.services.purchasing import close_short, order_lines, order_summary
from webapp.services.returns import record_supplier_return, returned_by_line, returns_listing


@pytest.fixture
def world(app):
    w = picked_world()
    po, line = received_order(w)
    return w | {"po": po, "line": line}


def tea_line(po):
    [line] = order_lines(db.session.get(Task, po))
    return line


def test_a_supplier_return_is_one_ledger_row_out_of_the_bin(world):
    record_supplier_return(supplier_return(world["po"], world["line"], 6, note="外箱破損"), world["manager_id"])
    move = db.session.scalar(select(Movement).where(Movement.type == "supplier_return"))
    assert (move.quantity, move.location.code, move.task_id) == (-6, "A-01-02", world["po"])
    [listed] = returns_listing("supplier")
    assert (listed["note"], listed["reason"]) == ("外箱破損", "damaged")
    assert stock_at("A-01-02", world["tea"]) == 18


def test_the_order_shows_received_net_of_the_return_and_goes_back_to_partly_received(world):
    assert order_summary(world["po"])["stage"] == "received"
    record_supplier_return(supplier_return(world["po"], world["line"], 6), world["manager_id"])
    line = tea_line(world["po"])
    assert (line["expected"], line["received"], line["outstanding"]) == (24, 18, 6)
    assert returned_by_line(world["po"]) == {world["line"]: 6}
    assert order_summary(world["po"])["stage"] == "partly_received"
    # The supplier owes the six again: on order for replenishment until they come or the order is closed short.
    pair = (world["tea"].id, world["site"].id)
    assert on_order_by_site({pair}) == {pair: 6}
    event = db.session.scalar(select(TaskEvent).where(TaskEvent.kind == "returned"))
    assert (event.quantity, event.reason) == (6, "damaged")


def test_an_order_closed_short_stays_closed_when_units_go_back(world):
    po, line = world["po"], world["line"]
    record_supplier_return(supplier_return(po, line, 4), world["manager_id"])
    close_short(po, world["manager_id"], "代替品なし")
    record_supplier_return(supplier_return(po, line, 2), world["manager_id"])
    assert db.session.get(Task, po).status == "done" and tea_line(po)["received"] == 18


def test_the_suppliers_record_lists_its_returns(world):
    record_supplier_return(supplier_return(world["po"], world["line"], 6, reason="quality"), world["manager_id"])
    [listed] = returns_listing(supplier_id=world["supplier"].id)
    assert (listed["kind"], listed["task_number"], listed["supplier"], listed["quantity"], listed["by"]) == (
        "supplier",
        "PO-3001",
        "菊池商事",
        6,
        "suzuki",
    )


def test_more_than_received_net_of_earlier_returns_is_refused_and_changes_nothing(world):
    record_supplier_return(supplier_return(world["po"], world["line"], 20), world["manager_id"])
    before = ledger_count()
    with pytest.raises(InvalidInput) as refused:
        record_supplier_return(supplier_return(world["po"], world["line"], 5), world["manager_id"])
    assert refused.value.code == "over_return" and "Only 4" in refused.value.message
    assert ledger_count() == before and tea_line(world["po"])["received"] == 4


def test_no_stock_in_the_bin_to_send_back_is_refused_and_changes_nothing(world):
    before = ledger_count()
    with pytest.raises(Conflict) as refused:
        record_supplier_return(supplier_return(world["po"], world["line"], 6, bin="A-01-01"), world["manager_id"])
    assert refused.value.code == "no_stock_to_return"
    assert ledger_count() == before and tea_line(world["po"])["received"] == 24
    assert db.session.get(Task, world["po"]).status == "done"


def test_a_line_of_another_order_is_not_found(world):
    with pytest.raises(NotFound):
        record_supplier_return(supplier_return(world["pick_list"], world["line"], 1), world["manager_id"])


def test_the_same_request_twice_sends_the_units_back_once(world):
    again = supplier_return(world["po"], world["line"], 6)
    record_supplier_return(again, world["manager_id"])
    assert record_supplier_return(again, world["manager_id"]).duplicate
    assert stock_at("A-01-02", world["tea"]) == 18 and tea_line(world["po"])["received"] == 18

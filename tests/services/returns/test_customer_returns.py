"""Customer returns: into the bin the user chose, in the ledger, checked against the pick list, exactly once."""

import pytest
from sqlalchemy import select

from tests.services.returns.returns_world import (
    RETURNED_AT,
    TEA,
    customer_return,
    ledger_count,
    picked_world,
)
from tests.workflow_fixtures import stock_at
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Movement, StockReturn
from webapp.services.returns import record_customer_return, returns_listing


@pytest.fixture
def world(app):
    return picked_world()


def test_a_customer_return_against_its_pick_list_is_one_ledger_row_into_the_chosen_bin(world):
    out = record_customer_return(customer_return(2, lot="L-0921", note="箱つぶれ"), world["worker_id"])
    move = db.session.scalar(select(Movement).where(Movement.type == "customer_return"))
    assert (move.quantity, move.location.code, move.lot, move.task_id) == (2, "B-02-01", "L-0921", world["pick_list"])
    assert move.occurred_at == RETURNED_AT
    assert stock_at("B-02-01") == 2 and stock_at("A-01-01") == 6
    saved = db.session.get(StockReturn, out.return_id)
    assert (saved.kind, saved.reason, saved.quantity, saved.note) == ("customer", "unwanted", 2, "箱つぶれ")


def test_without_a_pick_list_any_active_bin_takes_the_return(world):
    record_customer_return(customer_return(1, pick_list="", bin="C-03-01", reason="wrong_item"), world["manager_id"])
    [listed] = returns_listing("customer")
    assert (listed["item_code"], listed["bin"], listed["task_number"], listed["reason"]) == (
        "RETRO-CLOCK",
        "C-03-01",
        None,
        "wrong_item",
    )
    assert stock_at("C-03-01") == 1


def test_the_same_request_twice_posts_the_return_once(world):
    again = customer_return(3)
    first = record_customer_return(again, world["worker_id"])
    second = record_customer_return(again, world["worker_id"])
    assert second.duplicate and second.return_id == first.return_id
    assert stock_at("B-02-01") == 3


def test_more_back_than_was_picked_on_the_list_is_refused_and_changes_nothing(world):
    record_customer_return(customer_return(3), world["worker_id"])
    before = ledger_count()
    with pytest.raises(InvalidInput) as refused:
        record_customer_return(customer_return(2), world["worker_id"])
    assert refused.value.code == "over_return" and "Only 1" in refused.value.message
    assert ledger_count() == before and stock_at("B-02-01") == 3


def test_an_item_that_was_not_picked_on_the_list_cannot_come_back_against_it(world):
    with pytest.raises(InvalidInput) as refused:
        record_customer_return(customer_return(1, item=TEA), world["worker_id"])
    assert refused.value.code == "over_return"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"pick_list": "PL-9999"}, "unknown_pick_list"),
        ({"bin": "Z-99-99"}, "unknown_bin"),
        ({"item": "4900000000000"}, "unknown_item"),
        ({"quantity": 0}, "bad_return_quantity"),
        ({"quantity": 10**12}, "bad_return_quantity"),
        ({"reason": "because"}, "bad_return_reason"),
        ({"note": "長" * 201}, "return_text_too_long"),
    ],
)
def test_a_bad_return_is_refused_by_its_code_and_changes_nothing(world, changes, code):
    before = ledger_count()
    with pytest.raises(InvalidInput) as refused:
        record_customer_return(customer_return(**({"quantity": 1} | changes)), world["worker_id"])
    assert refused.value.code == code
    assert ledger_count() == before

"""The pure rules of returns: the day a customer return's demand is on, and how many may still come back."""

from datetime import UTC, datetime

from webapp.domain.returns import DEMAND_TYPES, MOVEMENT_TYPES, RECEIPT_TYPES, demand_at, returnable

PICKED = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)
RETURNED = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def test_a_return_with_its_pick_takes_back_the_demand_of_the_pick():
    assert demand_at(PICKED, RETURNED) == PICKED


def test_a_return_without_its_pick_takes_back_demand_when_it_came_back():
    assert demand_at(None, RETURNED) == RETURNED


def test_a_return_dated_before_its_pick_is_put_on_its_own_day_not_on_a_later_one():
    assert demand_at(RETURNED, PICKED) == PICKED


def test_what_may_still_come_back_is_picked_less_returned_never_below_nothing():
    assert (returnable(4, 1), returnable(4, 4), returnable(2, 3)) == (3, 0, 0)


def test_a_customer_returns_movement_is_not_summed_as_demand_by_its_own_day_and_a_supplier_return_is_a_receipt():
    assert MOVEMENT_TYPES["customer"] not in DEMAND_TYPES and MOVEMENT_TYPES["supplier"] in RECEIPT_TYPES
    assert all(len(t) <= 16 for t in MOVEMENT_TYPES.values())  # Movement.type is String(16)

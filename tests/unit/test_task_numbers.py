"""Task numbers a worker can read aloud: prefix, the shop's date, the day's sequence."""

from datetime import date

from webapp.domain.task_numbers import next_number

DAY = date(2026, 12, 2)


def test_the_first_order_of_the_day_is_number_one():
    assert next_number("PO", DAY, []) == "PO-20261202-001"


def test_the_next_number_follows_the_highest_taken_that_day():
    taken = ["PO-20261202-001", "PO-20261202-003", "PO-20261201-007", "PL-20261202-009"]
    assert next_number("PO", DAY, taken) == "PO-20261202-004"


def test_numbers_typed_by_hand_that_do_not_end_in_a_sequence_are_ignored():
    assert next_number("PO", DAY, ["PO-20261202-A1", "PO-20261202-", "PO-20261202-００２"]) == "PO-20261202-001"


def test_past_999_the_sequence_simply_grows():
    assert next_number("CNT", DAY, ["CNT-20261202-999"]) == "CNT-20261202-1000"

"""Units booked by one scan: quantity x pack size x GS1 count, bounded as a product; a GS1 count of 0 refused."""

import pytest

from webapp.domain.barcodes import parse_code
from webapp.domain.scanning import MAX_QUANTITY, QuantityRefused, base_quantity


def test_a_case_of_twelve_scanned_three_times_is_thirty_six_units():
    assert base_quantity(3, 12) == 36


def test_a_gs1_count_multiplies_the_scanned_quantity():
    assert base_quantity(2, 1, parse_code("(01)04901234567894(30)24").count) == 48


def test_the_bound_is_the_per_scan_maximum_reached_exactly_but_not_passed():
    assert base_quantity(1_000, 1, 1_000) == MAX_QUANTITY == 1_000_000
    assert base_quantity(-1_000, 1, 1_000) == -MAX_QUANTITY  # an adjustment down, bounded the same way
    with pytest.raises(QuantityRefused) as refused:
        base_quantity(1_000, 1, 1_001)
    assert refused.value.reason == "quantity_too_large"
    assert refused.value.params == {"units": "1,001,000", "maximum": "1,000,000"}


def test_a_gs1_count_of_99_999_999_times_a_million_is_refused():
    count = parse_code("(01)04901234567894(30)99999999").count
    with pytest.raises(QuantityRefused) as refused:
        base_quantity(1_000_000, 1, count)
    assert refused.value.reason == "quantity_too_large" and "99,999,999,000,000 units" in refused.value.message


@pytest.mark.parametrize("code", ["(01)04901234567894(30)0", "(02)04901234567894(37)0", "0104901234567894300"])
def test_a_gs1_count_of_zero_is_refused_not_taken_as_one(code):
    with pytest.raises(QuantityRefused) as refused:
        base_quantity(1, 1, parse_code(code).count)
    assert refused.value.reason == "gs1_count_zero"


def test_a_code_without_a_count_counts_its_quantity():
    assert parse_code("4901234567894").count is None
    assert base_quantity(5, 1, None) == 5
    assert base_quantity(0, 1, None) == 0  # a count scan of an empty bin

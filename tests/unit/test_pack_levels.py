"""Pack levels in integers: 41 sencha bottles are 3 ケース 1 ボール 5 本 when a case holds 12 and an inner 6... exactly."""

import pytest

from webapp.domain.pack_levels import (
    PackLevels,
    PackRefused,
    check_levels,
    format_mixed,
    format_packs,
    order_step,
    parse_mixed,
    round_to_packs,
    split,
)

BOTH = PackLevels(inner=6, case=24)  # a case of 4 inners of 6 bottles
CASE_ONLY = PackLevels(case=12)
NONE = PackLevels()


@pytest.mark.parametrize(
    ("inner", "case", "reason"),
    [
        (1, None, "pack_out_of_range"),
        (None, 100_001, "pack_out_of_range"),
        (6, 20, "case_not_multiple_of_inner"),
        (12, 12, "case_not_multiple_of_inner"),
        (24, 12, "case_not_multiple_of_inner"),
        (None, 12.0, "pack_not_whole"),
        (True, None, "pack_not_whole"),
    ],
)
def test_pack_levels_that_cannot_stand_are_refused_with_their_reason(inner, case, reason):
    with pytest.raises(PackRefused) as refused:
        check_levels(inner, case)
    assert refused.value.reason == reason


def test_pack_levels_that_fit_are_kept_as_they_are():
    assert check_levels(6, 24) == BOTH
    assert check_levels(None, 12) == CASE_ONLY and check_levels(10, None) == PackLevels(inner=10)
    assert check_levels(None, None) == NONE and not NONE.any


@pytest.mark.parametrize(
    ("quantity", "levels", "parts"),
    [
        (59, BOTH, [("case", 2), ("inner", 1), ("each", 5)]),
        (48, BOTH, [("case", 2), ("inner", 0), ("each", 0)]),
        (5, BOTH, [("case", 0), ("inner", 0), ("each", 5)]),
        (0, BOTH, [("case", 0), ("inner", 0), ("each", 0)]),
        (-59, BOTH, [("case", -2), ("inner", -1), ("each", -5)]),
        (25, CASE_ONLY, [("case", 2), ("each", 1)]),
        (17, NONE, [("each", 17)]),
        (13, PackLevels(inner=10), [("inner", 1), ("each", 3)]),
    ],
)
def test_a_base_quantity_splits_into_whole_packs_largest_first(quantity, levels, parts):
    assert split(quantity, levels) == parts
    assert sum(n * (levels.qty(lv)) for lv, n in parts) == quantity


def test_every_quantity_up_to_a_few_cases_splits_and_comes_back_exactly():
    for quantity in range(24 * 5):
        text = format_mixed(quantity, BOTH, "bottle", "ja")
        assert parse_mixed(text, BOTH, "bottle") == quantity, text


@pytest.mark.parametrize(
    ("quantity", "unit", "lang", "shown"),
    [
        (59, "pcs", "ja", "2 ケース 1 ボール 5 個"),
        (59, "pcs", "en", "2 cases 1 inner 5 pcs"),
        (24, "bottle", "en", "1 case"),
        (30, "bottle", "ja", "1 ケース 1 ボール"),
        (5, "bottle", "ja", "5 本"),
        (0, "pcs", "en", "0 pcs"),
        (-7, "pcs", "ja", "-1 ボール -1 個"),
        (2_400_000, "pcs", "ja", "100,000 ケース"),
    ],
)
def test_a_quantity_is_shown_as_cases_inners_and_the_items_own_unit(quantity, unit, lang, shown):
    assert format_mixed(quantity, BOTH, unit, lang) == shown


def test_an_item_without_pack_levels_keeps_its_plain_number():
    assert format_mixed(1_234, NONE, "袋", "ja") == "1,234 袋"
    assert format_packs(36, NONE, "each", "pcs", "en") == "36 pcs"


def test_an_order_in_the_suppliers_level_shows_packs_with_the_pieces_they_hold():
    assert format_packs(36, CASE_ONLY, "case", "pcs", "ja") == "3 ケース (36 個)"
    assert format_packs(12, CASE_ONLY, "case", "pcs", "en") == "1 case (12 pcs)"
    assert format_packs(18, BOTH, "inner", "bottle", "en") == "3 inners (18 bottle)"
    assert format_packs(13, CASE_ONLY, "case", "pcs", "ja") == "1 ケース 1 個"  # not whole: the mixed split


@pytest.mark.parametrize(
    ("typed", "levels", "base"),
    [
        ("2ケース3ボール5", BOTH, 2 * 24 + 3 * 6 + 5),
        ("2 ケース 3 ボール 5 個", BOTH, 71),
        ("2c 3i 5", BOTH, 71),
        ("2C3I5P", BOTH, 71),
        ("２ケース　３ボール　５", BOTH, 71),
        ("２ｹｰｽ", BOTH, 48),
        ("2 cases 1 inner 5 pcs", BOTH, 59),
        ("3 ボール", BOTH, 18),
        ("5 バラ", BOTH, 5),
        ("17", NONE, 17),
        (17, NONE, 17),
        ("１７", NONE, 17),
        ("5 2ケース", CASE_ONLY, 29),
        ("3 本", PackLevels(case=12), 3),
        ("0", BOTH, 0),
        ("1,000 ケース 3", BOTH, 24_003),
        ("1,234", NONE, 1_234),
    ],
)
def test_typed_mixed_quantities_read_back_as_exact_base_units(typed, levels, base):
    unit = "bottle" if typed == "3 本" else "pcs"
    assert parse_mixed(typed, levels, unit) == base


@pytest.mark.parametrize(
    ("typed", "levels", "reason"),
    [
        ("", BOTH, "empty_quantity"),
        ("   ", BOTH, "empty_quantity"),
        ("abc", BOTH, "not_a_quantity"),
        ("ケース", BOTH, "not_a_quantity"),
        ("2ケース x", BOTH, "not_a_quantity"),
        ("1.5 ケース", BOTH, "not_whole_packs"),
        ("1,5", BOTH, "not_whole_packs"),
        ("1,0000", BOTH, "not_whole_packs"),
        ("1.000.000", BOTH, "not_whole_packs"),
        ("-3", BOTH, "negative_quantity"),
        ("2 pallets", BOTH, "unknown_pack_word"),
        ("2ケース 1ケース", BOTH, "repeated_level"),
        ("5 3", BOTH, "repeated_level"),
        ("2ケース", NONE, "no_case_level"),
        ("1 ボール", CASE_ONLY, "no_inner_level"),
        ("99999999 ケース", BOTH, "quantity_too_large"),
        ("1" * 81, BOTH, "not_a_quantity"),
        (True, BOTH, "not_a_quantity"),
    ],
)
def test_nonsense_is_refused_with_a_reason_code(typed, levels, reason):
    with pytest.raises(PackRefused) as refused:
        parse_mixed(typed, levels)
    assert refused.value.reason == reason


def test_what_the_pages_show_reads_back_to_the_same_pieces_however_large():
    for quantity in (2_400_000, 24_000 + 7, 1_234_567, 999_999_999):
        for lang in ("ja", "en"):
            assert parse_mixed(format_mixed(quantity, BOTH, "pcs", lang), BOTH) == quantity


def test_a_bound_below_the_column_refuses_what_multiplies_out_beyond_it():
    assert parse_mixed("41666 ケース", BOTH, maximum=1_000_000) == 999_984
    with pytest.raises(PackRefused):
        parse_mixed("41667 ケース", BOTH, maximum=1_000_000)


@pytest.mark.parametrize(
    ("quantity", "pack", "up", "rounded"),
    [
        (25, 12, True, 36),
        (24, 12, True, 24),
        (1, 12, True, 12),
        (0, 12, True, 0),
        (25, 12, False, 24),
        (11, 12, False, 0),
    ],
)
def test_an_order_rounds_to_whole_packs_up_or_down(quantity, pack, up, rounded):
    assert round_to_packs(quantity, pack, up=up) == rounded


def test_rounding_stays_exact_where_floats_would_not():
    big = 2**60 + 1  # float(2**60 + 1) == float(2**60): a float ceiling would lose the last piece
    assert round_to_packs(big, 12) == -(-big // 12) * 12 and round_to_packs(big, 12) >= big


def test_an_orders_step_is_whole_packs_of_its_level_and_of_the_order_multiple():
    assert order_step(CASE_ONLY, "case") == 12
    assert order_step(BOTH, "inner", order_multiple=4) == 12
    assert order_step(BOTH, "case", order_multiple=10) == 120
    assert order_step(NONE, "each", order_multiple=5) == 5
    with pytest.raises(PackRefused) as refused:
        order_step(NONE, "case")
    assert refused.value.reason == "no_case_level"

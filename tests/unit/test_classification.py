import numpy as np

from webapp.domain.classification import (
    abc_classes,
    days_of_stock_flags,
    days_since_last_demand,
    dead_stock,
)


def test_abc_puts_the_items_making_the_first_80_percent_of_value_in_a_then_15_percent_in_b():
    value = np.array([50, 5, 30, 4, 8, 3])  # total 100; ranked 50, 30 | 8, 5, 4 | 3

    assert abc_classes(value).tolist() == ["A", "B", "A", "B", "B", "C"]


def test_the_most_valuable_item_is_class_a_even_when_it_alone_is_over_80_percent():
    assert abc_classes([95, 3, 2]).tolist() == ["A", "C", "C"]


def test_items_with_no_consumption_are_class_c():
    assert abc_classes([0, 10, 0]).tolist() == ["C", "A", "C"]
    assert abc_classes([0, 0]).tolist() == ["C", "C"]


def test_abc_shares_are_configurable():
    value = [50, 30, 20]

    assert abc_classes(value, shares=(0.5, 0.8)).tolist() == ["A", "B", "C"]


def test_days_since_last_demand_counts_back_from_the_last_day():
    demand = np.array([[3, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 2, 0, 0]], float)

    assert days_since_last_demand(demand, chunk_rows=3).tolist() == [3, 0, np.inf, 2]


def test_dead_stock_is_stock_on_hand_with_no_outbound_for_the_idle_days():
    idle = np.array([90, 120, np.inf, 10, 200])
    on_hand = np.array([5, 5, 5, 5, 0])

    assert dead_stock(idle, on_hand, idle_days=90).tolist() == [True, True, True, False, False]


def test_days_of_stock_outside_the_fresh_food_band_of_2_to_7_days_is_flagged():
    flags = days_of_stock_flags([1, 2, 5, 7, 8], "fresh_food")

    assert flags.tolist() == ["risk", "ok", "ok", "ok", "overstock"]


def test_each_row_is_judged_against_its_own_categorys_band():
    days = [45, 45, 45, 45, 45]
    categories = ["apparel", "manufacturing_parts", "semiconductors_heavy_industry", "supermarket", "fresh_food"]

    assert days_of_stock_flags(days, categories).tolist() == ["ok", "ok", "risk", "ok", "overstock"]


def test_stock_that_never_sells_is_overstock_and_unknown_categories_or_nan_are_unbanded():
    flags = days_of_stock_flags([np.inf, 20, np.nan], ["apparel", "toys", "apparel"])

    assert flags.tolist() == ["overstock", "none", "none"]


def test_bands_are_configurable():
    flags = days_of_stock_flags([3, 3], ["fresh_food", "bread"], bands={"fresh_food": (5, 9), "bread": (1, 2)})

    assert flags.tolist() == ["risk", "overstock"]

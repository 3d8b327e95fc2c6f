import numpy as np
import pytest

from webapp.domain.kpis import (
    average_daily,
    average_inventory,
    closing_balances,
    cross_ratio,
    days_of_stock,
    gross_margin_ratio,
    turnover,
    turnover_days,
)

# --- The articles' worked examples ---------------------------------------------------


def test_turnover_is_15_million_issued_over_2_million_average_stock_equals_7_5_turns():
    assert turnover(15_000_000, 2_000_000) == 7.5


def test_turnover_days_is_365_days_over_8_turns_equals_45_625_days():
    assert turnover_days(365, 8) == 45.625


def test_cross_ratio_is_8_turns_times_25_percent_margin_equals_200_percent():
    assert cross_ratio(8, 0.25) == pytest.approx(2.0)


def test_days_of_stock_is_350_583_over_20_569_a_day_equals_17_04_days():
    assert round(float(days_of_stock(350_583, 20_569)), 2) == 17.04


def test_average_inventory_is_the_mean_of_the_daily_closing_balances():
    # RETRO-CLOCK opens the month at 10: +5 received, -3 issued, quiet day, -2 issued.
    net = np.array([[5, -3, 0, -2]])

    assert closing_balances([10], net).tolist() == [[15, 12, 12, 10]]
    assert average_inventory([10], net).tolist() == [12.25]


# --- Beyond the examples -------------------------------------------------------------


def test_average_inventory_without_a_temporary_equals_the_mean_of_rebuilt_balances():
    rng = np.random.default_rng(5)
    opening = rng.integers(0, 500, 200)
    net = rng.integers(-20, 25, (200, 90))

    np.testing.assert_allclose(average_inventory(opening, net), closing_balances(opening, net).mean(axis=1))


def test_turnover_on_quantity_uses_units_issued_over_average_units_on_hand():
    units_on_hand = average_inventory([100, 40], np.array([[-10, -10, 20], [0, 0, 0]]))  # 90, 40

    assert turnover(np.array([20, 0]), units_on_hand).tolist() == pytest.approx([20 / 90, 0.0])


def test_gross_margin_ratio_is_margin_over_sales():
    assert gross_margin_ratio(1_000, 750) == 0.25


def test_days_of_stock_on_sales_basis_uses_selling_price_and_daily_sales():
    daily_sales = average_daily(9_125_000, 365)

    assert daily_sales == 25_000
    assert days_of_stock(500_000, daily_sales) == 20.0


def test_division_by_zero_gives_inf_for_something_over_nothing_and_nan_for_nothing_over_nothing():
    with np.errstate(all="raise"):  # and no warning escapes
        turns = turnover(np.array([100.0, 0.0]), np.array([0.0, 0.0]))
        days = turnover_days(365, np.array([0.0, np.inf]))
        cover = days_of_stock(np.array([500.0, 0.0]), 0.0)
        margin = gross_margin_ratio(0.0, 0.0)
        cross = cross_ratio(np.inf, 0.0)

    assert turns[0] == np.inf and np.isnan(turns[1])
    assert days.tolist() == [np.inf, 0.0]
    assert cover[0] == np.inf and np.isnan(cover[1])
    assert np.isnan(margin)
    assert np.isnan(cross)

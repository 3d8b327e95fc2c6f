"""Expiry rules: first expiry first out, expired from the day after, alert days by item then category."""

from datetime import date

from webapp.domain.expiry import alert_days, expiry_state, is_expired, is_later
from webapp.domain.picking import BinStock, plan_takes

TODAY = date(2026, 12, 4)


def bin_stock(loc, seq, lot, expiry, qty):
    return BinStock(loc, seq, f"A-{seq:02d}", lot, expiry, qty)


def test_the_earliest_expiry_is_taken_first_and_no_expiry_last_then_the_nearest_bin():
    stock = [
        bin_stock(1, 10, "NONE", None, 5),
        bin_stock(2, 20, "LATE", date(2027, 3, 1), 5),
        bin_stock(3, 30, "EARLY", date(2026, 12, 20), 2),
        bin_stock(4, 5, "EARLY", date(2026, 12, 20), 1),
    ]
    takes, short = plan_takes(9, stock, TODAY)
    assert [(t.location_id, t.lot, t.quantity) for t in takes] == [
        (4, "EARLY", 1),
        (3, "EARLY", 2),
        (2, "LATE", 5),
        (1, "NONE", 1),
    ]
    assert short == 0


def test_an_expired_lot_is_skipped_and_what_is_missing_is_the_shortfall():
    stock = [bin_stock(1, 10, "OLD", date(2026, 12, 3), 5), bin_stock(2, 20, "OK", TODAY, 2)]
    takes, short = plan_takes(4, stock, TODAY)
    assert [(t.lot, t.quantity) for t in takes] == [("OK", 2)] and short == 2


def test_a_lot_is_expired_only_after_its_date():
    assert not is_expired(TODAY, TODAY) and is_expired(date(2026, 12, 3), TODAY) and not is_expired(None, TODAY)


def test_later_means_a_later_date_or_no_date_against_a_dated_lot():
    assert is_later(date(2027, 1, 1), date(2026, 12, 31))
    assert is_later(None, date(2026, 12, 31))
    assert not is_later(date(2026, 12, 31), date(2026, 12, 31))
    assert not is_later(date(2027, 1, 1), None)


def test_alert_days_come_from_the_item_then_its_category_then_the_shop_default():
    assert alert_days(7, "fresh_food") == 7
    assert alert_days(0, "manufacturing_parts") == 0
    assert alert_days(None, "fresh_food") == 3
    assert alert_days(None, "manufacturing_parts") == 90
    assert alert_days(None, "general") == 30


def test_expiry_state_within_the_days_is_soon_after_the_date_expired():
    assert expiry_state(date(2026, 12, 7), TODAY, 3) == "soon"
    assert expiry_state(date(2026, 12, 8), TODAY, 3) == "ok"
    assert expiry_state(date(2026, 12, 3), TODAY, 3) == "expired"
    assert expiry_state(None, TODAY, 3) == "ok"

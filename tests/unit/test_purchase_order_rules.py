"""Purchase-order rules without a database: stages, allowed steps, whole packs, tax per rate."""

from decimal import Decimal

from webapp.domain.purchase_orders import allowed_steps, line_amount, order_totals, round_to_pack, stage_of


def test_the_stage_comes_from_the_status_and_whether_it_was_sent():
    assert stage_of("draft", False) == "draft"
    assert stage_of("open", False) == "confirmed"
    assert stage_of("open", True) == "sent"
    assert stage_of("in_progress", True) == "partly_received"
    assert stage_of("done", True) == "received"
    assert stage_of("cancelled", False) == "cancelled"


def test_steps_follow_the_stage_and_what_was_received():
    assert allowed_steps("sent", received_any=False) == ("mark_sent", "close_short", "cancel")
    assert "cancel" not in allowed_steps("sent", received_any=True)
    assert allowed_steps("cancelled", received_any=False) == ("reopen",)
    assert allowed_steps("cancelled", received_any=False, merged=True) == ()
    assert allowed_steps("received", received_any=True) == ()


def test_quantities_go_up_to_the_minimum_then_whole_packs():
    assert round_to_pack(5, multiple=6, minimum=12) == 12
    assert round_to_pack(13, multiple=6, minimum=12) == 18
    assert round_to_pack(24, multiple=6, minimum=12) == 24
    assert round_to_pack(7, multiple=1, minimum=10) == 10
    assert round_to_pack(10, multiple=12, minimum=10) == 12  # a minimum that is not a pack still ends in packs


def test_tax_is_cut_once_per_rate_not_per_line():
    # Three 緑茶 lines of ¥333 at 8 %: per line 26.64 -> 26 each (78); on the sum 79.92 -> 79.
    lines = [(Decimal(333), True)] * 3 + [(Decimal(12000), False)]
    subtotal, taxes, total = order_totals(lines, 10, 8)
    assert subtotal == 12999
    assert [(t.percent, t.base, t.tax) for t in taxes] == [(10, 12000, 1200), (8, 999, 79)]
    assert total == 12999 + 1200 + 79


def test_a_line_amount_rounds_half_up_to_the_yen():
    assert line_amount(3, Decimal("12.5")) == 38
    assert line_amount(24, Decimal("80")) == 1920

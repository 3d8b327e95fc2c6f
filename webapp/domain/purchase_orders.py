"""A purchase order's life stage and allowed steps, order rounding, and the tax of an order document."""

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

STAGES = ("draft", "confirmed", "sent", "partly_received", "received", "cancelled")
SEND_CHANNELS = ("email", "fax", "phone", "other")
YEN = Decimal(1)


def stage_of(status: str, sent: bool) -> str:
    """The life stage from the task's generic status and whether the order reached the supplier."""
    if status == "open":
        return "sent" if sent else "confirmed"
    return {"draft": "draft", "in_progress": "partly_received", "done": "received"}.get(status, "cancelled")


def allowed_steps(stage: str, received_any: bool, merged: bool = False) -> tuple[str, ...]:
    """What a manager may do next with an order at this stage."""
    if stage == "draft":
        return ("edit", "confirm", "merge", "cancel")
    if stage in ("confirmed", "sent"):
        return ("mark_sent", "close_short") + (() if received_any else ("cancel",))
    if stage == "partly_received":
        return ("mark_sent", "close_short")
    if stage == "cancelled" and not received_any and not merged:
        return ("reopen",)
    return ()


def round_to_pack(quantity: int, multiple: int = 1, minimum: int = 1) -> int:
    """Up to at least the minimum, then up to whole packs of the multiple."""
    multiple, wanted = max(multiple, 1), max(quantity, minimum, 1)
    return -(-wanted // multiple) * multiple


@dataclass(frozen=True)
class TaxLine:
    """One rate's share of an order: the amounts at that rate and the tax on them."""

    percent: int
    base: Decimal
    tax: Decimal


def line_amount(quantity: int, unit_price: Decimal) -> Decimal:
    """A line's amount in whole yen (half up), as a Japanese order document prints it."""
    return (Decimal(quantity) * unit_price).quantize(YEN, rounding=ROUND_HALF_UP)


def order_totals(lines, standard_percent: int, reduced_percent: int) -> tuple[Decimal, list[TaxLine], Decimal]:
    """Subtotal, the tax per rate and the total of (amount, reduced rate?) lines.

    The tax is worked out once per rate on the sum at that rate, fractions of a yen cut off: the
    qualified-invoice rule, never per line, so the figures match the supplier's own invoice.
    """
    bases: dict[int, Decimal] = {}
    for amount, reduced in lines:
        percent = reduced_percent if reduced else standard_percent
        bases[percent] = bases.get(percent, Decimal(0)) + amount
    taxes = [
        TaxLine(p, b, (b * p / Decimal(100)).quantize(YEN, rounding=ROUND_DOWN))
        for p, b in sorted(bases.items(), reverse=True)
    ]
    subtotal = sum(bases.values(), Decimal(0))
    return subtotal, taxes, subtotal + sum((t.tax for t in taxes), Decimal(0))

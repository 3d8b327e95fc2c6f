"""Stocktake variance: counted against expected, by quantity and by value, largest value first."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Variance:
    """One counted (bin, item, lot) with what was expected at the moment it was counted."""

    key: object
    counted: int
    expected: int
    unit_cost: Decimal

    @property
    def quantity(self) -> int:
        return self.counted - self.expected

    @property
    def value(self) -> Decimal:
        return self.quantity * self.unit_cost


def by_value(lines: list[Variance]) -> list[Variance]:
    """Largest absolute value first, then largest absolute quantity: what a manager must look at first."""
    return sorted(lines, key=lambda v: (-abs(v.value), -abs(v.quantity), str(v.key)))


def totals(lines: list[Variance]) -> tuple[int, Decimal]:
    """Net variance in units and in value."""
    return sum(v.quantity for v in lines), sum((v.value for v in lines), Decimal(0))

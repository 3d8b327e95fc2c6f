"""Task numbers people can read aloud over a shelf: PO-20261202-003 (prefix, the shop's date, the day's sequence)."""

from collections.abc import Iterable
from datetime import date


def day_stem(prefix: str, day: date) -> str:
    """The part every number of this prefix and day shares: 'PO-20261202-'."""
    return f"{prefix}-{day:%Y%m%d}-"


def next_number(prefix: str, day: date, taken: Iterable[str]) -> str:
    """The number after the highest one of the day already taken; three digits, more past 999."""
    stem = day_stem(prefix, day)
    tails = (n[len(stem) :] for n in taken if n.startswith(stem))
    highest = max((int(t) for t in tails if t.isascii() and t.isdigit()), default=0)
    return f"{stem}{highest + 1:03d}"

"""Cycle counting, pure: which (item, bin) pairs are due by ABC class, and how they are grouped into count sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Days between counts per ABC class: A monthly, B quarterly, C yearly; each bounded to 1..730 days.
DEFAULT_INTERVALS = {"A": 30, "B": 90, "C": 365}
INTERVAL_BOUNDS = (1, 730)
# (item, bin) pairs per generated session, and sessions generated per day.
DEFAULT_SESSION_SIZE, SESSION_SIZE_BOUNDS = 30, (1, 500)
DEFAULT_DAILY_SESSIONS, DAILY_SESSIONS_BOUNDS = 5, (1, 50)


@dataclass(frozen=True)
class Pair:
    """An item held in a bin, with where the bin is on the walk."""

    item_id: int
    location_id: int
    site_id: int
    zone: str
    walk_seq: int
    bin_code: str


@dataclass(frozen=True)
class Due:
    """A pair due for counting: its class, when it was last counted (None: never) and days past due."""

    pair: Pair
    abc: str
    last_counted: date | None
    overdue_days: int


def due_pairs(
    pairs: list[Pair],
    classes: dict[tuple[int, int], str],
    intervals: dict[str, int],
    last_counted: dict[tuple[int, int], date],
    today: date,
) -> list[Due]:
    """The pairs whose class interval has run out (never counted: due), most overdue first.

    `classes` is keyed (item, site), an item without a class counts as C (no consumption value);
    `last_counted` is keyed (item, bin). A pair is due on the day its interval ends. Never counted
    sorts before everything counted, then by days past due, then by the walk.
    """
    due = []
    for p in pairs:
        abc = classes.get((p.item_id, p.site_id), "C")
        last = last_counted.get((p.item_id, p.location_id))
        if last is None:
            due.append(Due(p, abc, None, 0))
            continue
        over = (today - last).days - intervals[abc]
        if over >= 0:
            due.append(Due(p, abc, last, over))
    return sorted(due, key=lambda d: (d.last_counted is not None, -d.overdue_days, _walk(d.pair)))


def _walk(p: Pair) -> tuple:
    return (p.site_id, p.zone, p.walk_seq, p.bin_code, p.item_id)


def group_sessions(due: list[Due], size: int, limit: int | None = None) -> list[list[Due]]:
    """Sessions of at most `size` pairs, one site and zone each, in walk order; the most overdue sessions first.

    A bin's pairs stay in one session so two sessions never share a bin; a bin holding more than
    `size` due items gets sessions of its own, each with different items. At most `limit` sessions.
    """
    urgency = {id(d): n for n, d in enumerate(due)}
    by_zone: dict[tuple[int, str], dict[int, list[Due]]] = {}
    for d in sorted(due, key=lambda d: _walk(d.pair)):
        by_zone.setdefault((d.pair.site_id, d.pair.zone), {}).setdefault(d.pair.location_id, []).append(d)
    sessions: list[list[Due]] = []
    for bins in by_zone.values():
        current: list[Due] = []
        for held in bins.values():
            if len(held) > size:
                sessions.extend(held[n : n + size] for n in range(0, len(held), size))
                continue
            if len(current) + len(held) > size:
                sessions.append(current)
                current = []
            current = current + held
        if current:
            sessions.append(current)
    sessions.sort(key=lambda s: min(urgency[id(d)] for d in s))
    return sessions if limit is None else sessions[:limit]

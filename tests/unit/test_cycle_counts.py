"""Cycle counting rules: due by ABC class and interval, most overdue first, sessions by zone and walk of a bounded size."""

from datetime import date, timedelta

from webapp.domain.cycle_counts import DEFAULT_INTERVALS, Pair, due_pairs, group_sessions

TODAY = date(2026, 12, 4)
CLOCK, TEA, SENCHA, MISO = 1, 2, 3, 4


def pair(item, bin_id, zone="A", walk=None, site=1):
    return Pair(item, bin_id, site, zone, walk if walk is not None else bin_id * 10, f"{zone}-{bin_id:02d}")


def ago(days):
    return TODAY - timedelta(days=days)


def test_an_a_item_counted_31_days_ago_is_due_a_b_item_is_not_and_a_never_counted_one_is():
    pairs = [pair(CLOCK, 1), pair(TEA, 2), pair(SENCHA, 3)]
    classes = {(CLOCK, 1): "A", (TEA, 1): "B", (SENCHA, 1): "C"}
    last = {(CLOCK, 1): ago(31), (TEA, 2): ago(31)}
    due = due_pairs(pairs, classes, DEFAULT_INTERVALS, last, TODAY)
    assert [(d.pair.item_id, d.abc, d.overdue_days) for d in due] == [(SENCHA, "C", 0), (CLOCK, "A", 1)]
    assert due[0].last_counted is None and due[1].last_counted == ago(31)


def test_a_pair_is_due_on_the_day_its_interval_ends_not_the_day_before():
    pairs = [pair(CLOCK, 1)]
    classes = {(CLOCK, 1): "A"}
    assert due_pairs(pairs, classes, DEFAULT_INTERVALS, {(CLOCK, 1): ago(29)}, TODAY) == []
    assert [d.overdue_days for d in due_pairs(pairs, classes, DEFAULT_INTERVALS, {(CLOCK, 1): ago(30)}, TODAY)] == [0]


def test_an_item_the_engine_has_not_classed_counts_as_c():
    due = due_pairs([pair(MISO, 1)], {}, DEFAULT_INTERVALS, {(MISO, 1): ago(200)}, TODAY)
    assert due == []
    assert [d.abc for d in due_pairs([pair(MISO, 1)], {}, DEFAULT_INTERVALS, {(MISO, 1): ago(365)}, TODAY)] == ["C"]


def test_the_class_is_the_items_class_at_the_bins_site():
    pairs = [pair(CLOCK, 1, site=1), pair(CLOCK, 2, site=2)]
    classes = {(CLOCK, 1): "A", (CLOCK, 2): "C"}
    last = {(CLOCK, 1): ago(40), (CLOCK, 2): ago(40)}
    assert [d.pair.site_id for d in due_pairs(pairs, classes, DEFAULT_INTERVALS, last, TODAY)] == [1]


def test_due_pairs_are_ordered_never_counted_first_then_by_how_overdue_then_by_the_walk():
    pairs = [pair(CLOCK, 1), pair(TEA, 2), pair(SENCHA, 3), pair(MISO, 4)]
    classes = {(i, 1): "A" for i in (CLOCK, TEA, SENCHA, MISO)}
    last = {(CLOCK, 1): ago(35), (TEA, 2): ago(90)}
    due = due_pairs(pairs, classes, DEFAULT_INTERVALS, last, TODAY)
    assert [d.pair.item_id for d in due] == [SENCHA, MISO, TEA, CLOCK]


def test_the_owners_intervals_replace_the_defaults():
    pairs = [pair(TEA, 2)]
    due = due_pairs(pairs, {(TEA, 1): "B"}, {"A": 30, "B": 14, "C": 365}, {(TEA, 2): ago(15)}, TODAY)
    assert [d.overdue_days for d in due] == [1]


def never_counted(pairs):
    return due_pairs(pairs, {}, DEFAULT_INTERVALS, {}, TODAY)


def test_sessions_keep_one_zone_each_in_walk_order():
    due = never_counted([pair(CLOCK, 3, "B"), pair(TEA, 1, "A"), pair(SENCHA, 2, "A"), pair(MISO, 4, "B")])
    sessions = group_sessions(due, size=10)
    assert [[(d.pair.zone, d.pair.location_id) for d in s] for s in sessions] == [
        [("A", 1), ("A", 2)],
        [("B", 3), ("B", 4)],
    ]


def test_a_session_holds_at_most_its_size_and_never_splits_a_bin_between_sessions():
    due = never_counted([pair(CLOCK, 1), pair(TEA, 1), pair(SENCHA, 2), pair(MISO, 3)])
    sessions = group_sessions(due, size=2)
    assert [[(d.pair.location_id, d.pair.item_id) for d in s] for s in sessions] == [
        [(1, CLOCK), (1, TEA)],
        [(2, SENCHA), (3, MISO)],
    ]


def test_a_bin_with_more_due_items_than_a_session_holds_gets_sessions_of_its_own():
    due = never_counted([pair(CLOCK, 1), pair(TEA, 1), pair(SENCHA, 1), pair(MISO, 2)])
    sessions = group_sessions(due, size=2)
    assert [[(d.pair.location_id, d.pair.item_id) for d in s] for s in sessions] == [
        [(1, CLOCK), (1, TEA)],
        [(1, SENCHA)],
        [(2, MISO)],
    ]


def test_the_most_overdue_sessions_come_first_and_the_limit_keeps_those():
    pairs = [pair(CLOCK, 1, "A"), pair(TEA, 2, "B")]
    classes = {(CLOCK, 1): "A", (TEA, 1): "A"}
    due = due_pairs(pairs, classes, DEFAULT_INTERVALS, {(CLOCK, 1): ago(31), (TEA, 2): ago(60)}, TODAY)
    sessions = group_sessions(due, size=5, limit=1)
    assert [[d.pair.item_id for d in s] for s in sessions] == [[TEA]]


def test_nothing_due_makes_no_session():
    assert group_sessions([], size=30) == []

"""Stocktake: blind sessions, snapshot at start, movements during the count netted, recount, approval."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import NOW, scan
from tests.workflow_fixtures import build_world, put_stock, stock_at
from webapp.errors import Conflict
from webapp.extensions import db
from webapp.models import CountLine, Movement, Task
from webapp.services.picking import create_pick_list
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches
from webapp.services.stocktake import approve, counter_view, request_recount, review, start_count

CLOCK, TEA = "4901234567894", "4987654321094"
EARLY = NOW - timedelta(hours=2)


@pytest.fixture
def world(app):
    w = build_world()
    put_stock(w["worker"], "A-01-01", 10, occurred_at=EARLY)
    put_stock(w["worker"], "A-01-01", 40, code=TEA, occurred_at=EARLY)
    put_stock(w["worker"], "B-02-01", 6, occurred_at=EARLY)
    return w


def count(world, session, bin_code, code, qty, minutes=10, who="worker"):
    [out] = apply_scans(
        [scan("count", code, qty, task_id=session, location=bin_code, occurred_at=NOW + timedelta(minutes=minutes))],
        world[who],
    )
    return out


def line(data, bin_code, item_code):
    return next(r for r in data["lines"] if r["bin"] == bin_code and r["item_code"] == item_code)


def test_the_session_snapshots_what_is_expected_in_scope(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    data = review(session)
    assert sorted((r["item_code"], r["snapshot"]) for r in data["lines"]) == [("GREEN-TEA", 40), ("RETRO-CLOCK", 10)]


def test_a_zone_scope_picks_the_bins_of_its_zone(world):
    by_zone = start_count("TKY", world["manager_id"], scope="zone", zone="B")
    assert [r["bin"] for r in review(by_zone)["lines"]] == ["B-02-01"]


def test_an_item_scope_picks_every_bin_holding_the_item(world):
    by_item = start_count("TKY", world["manager_id"], scope="items", items=["RETRO-CLOCK"])
    assert sorted(r["bin"] for r in review(by_item)["lines"]) == ["A-01-01", "B-02-01"]


def test_the_counter_does_not_see_expected_quantities_when_blind(world):
    blind = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    assert all("expected" not in r for r in counter_view(blind)["lines"])
    open_ = start_count("TKY", world["manager_id"], scope="bins", bins=["B-02-01"], blind=False)
    assert [r["expected"] for r in counter_view(open_)["lines"]] == [6]


def test_repeated_scans_add_up_and_a_typed_quantity_counts_at_once(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    for _ in range(3):
        count(world, session, "A-01-01", CLOCK, 1)
    count(world, session, "A-01-01", TEA, 38)
    data = review(session)
    assert line(data, "A-01-01", "RETRO-CLOCK")["counted"] == 3
    assert (line(data, "A-01-01", "GREEN-TEA")["variance"], line(data, "A-01-01", "GREEN-TEA")["value"]) == (
        -2,
        Decimal("-160.0000"),
    )


def test_two_phones_counting_one_bin_add_up(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 4, who="worker")
    count(world, session, "A-01-01", CLOCK, 6, who="picker2")
    assert line(review(session), "A-01-01", "RETRO-CLOCK")["counted"] == 10


def test_review_lists_the_largest_value_first(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", TEA, 30)  # -10 x 80 yen = -800
    count(world, session, "A-01-01", CLOCK, 9)  # -1 x 1200 yen = -1200
    data = review(session)
    assert [r["item_code"] for r in data["lines"]] == ["RETRO-CLOCK", "GREEN-TEA"]
    assert (data["variance_units"], data["variance_value"]) == (-11, Decimal("-2000.0000"))


def test_a_pick_during_the_count_makes_no_false_variance(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    pl = create_pick_list("TKY", [(CLOCK, 2)], world["manager_id"])
    [picked] = apply_scans(
        [scan("pick", CLOCK, 2, task_id=pl, location="A-01-01", occurred_at=NOW + timedelta(minutes=5))],
        world["worker"],
    )
    assert picked.status == "applied"
    count(world, session, "A-01-01", CLOCK, 7, minutes=10)  # 8 are there; the counter finds 7
    count(world, session, "A-01-01", TEA, 40, minutes=11)
    data = review(session)
    assert (line(data, "A-01-01", "RETRO-CLOCK")["moved"], line(data, "A-01-01", "RETRO-CLOCK")["variance"]) == (-2, -1)
    approve(session, world["manager_id"])
    assert stock_at("A-01-01", world["clock"]) == 7
    adjustment = db.session.scalar(select(Movement).where(Movement.type == "count"))
    assert (adjustment.quantity, adjustment.task_id) == (-1, session)


def test_a_pick_after_the_shelf_was_counted_is_not_netted(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 10, minutes=10)
    count(world, session, "A-01-01", TEA, 40, minutes=10)
    apply_scans([scan("pick", CLOCK, 3, location="A-01-01", occurred_at=NOW + timedelta(minutes=20))], world["worker"])
    assert line(review(session), "A-01-01", "RETRO-CLOCK")["variance"] == 0
    result = approve(session, world["manager_id"])
    assert result == {"adjustments": 0, "units": 0}
    assert stock_at("A-01-01", world["clock"]) == 7


def test_a_pick_synced_late_but_made_before_the_count_is_netted(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 8, minutes=10)
    count(world, session, "A-01-01", TEA, 40, minutes=10)
    apply_scans(
        [scan("pick", CLOCK, 2, location="A-01-01", occurred_at=NOW + timedelta(minutes=5))], world["worker"]
    )  # the phone was offline and synced after the count
    assert line(review(session), "A-01-01", "RETRO-CLOCK")["variance"] == 0


def test_approval_posts_variances_once_and_keeps_the_session(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01", "B-02-01"])
    count(world, session, "A-01-01", CLOCK, 12)
    count(world, session, "A-01-01", TEA, 40)
    count(world, session, "B-02-01", CLOCK, 5)
    count(world, session, "B-02-01", TEA, 2)  # found where none was expected
    assert approve(session, world["manager_id"]) == {"adjustments": 3, "units": 3}
    assert (
        stock_at("A-01-01", world["clock"]),
        stock_at("B-02-01", world["clock"]),
        stock_at("B-02-01", world["tea"]),
    ) == (12, 5, 2)
    assert db.session.get(Task, session).status == "done"
    assert review(session)["lines"][0]["variance"] is not None
    assert ledger_mismatches() == []
    with pytest.raises(Conflict):
        approve(session, world["manager_id"])
    assert count(world, session, "A-01-01", CLOCK, 1).reason == "task_closed"


def test_approval_waits_for_uncounted_lines_unless_told_they_are_empty(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 10)
    with pytest.raises(Conflict) as err:
        approve(session, world["manager_id"])
    assert err.value.code == "uncounted"
    approve(session, world["manager_id"], zero_uncounted=True)
    assert stock_at("A-01-01", world["tea"]) == 0


def test_a_recount_starts_the_line_again_from_zero(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 3)
    clock_line = line(review(session), "A-01-01", "RETRO-CLOCK")
    assert request_recount(session, [clock_line["id"]], world["manager_id"]) == 1
    assert line(review(session), "A-01-01", "RETRO-CLOCK")["recount"] is True
    count(world, session, "A-01-01", CLOCK, 10, minutes=30)
    again = line(review(session), "A-01-01", "RETRO-CLOCK")
    assert (again["counted"], again["recount"], again["variance"]) == (10, False, 0)


def test_a_count_scan_needs_a_bin_in_scope(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    out = count(world, session, "B-02-01", CLOCK, 1)
    assert (out.status, out.reason) == ("rejected", "not_in_count")
    [no_bin] = apply_scans([scan("count", CLOCK, 1, task_id=session)], world["worker"])
    assert no_bin.reason == "scan_bin_first"
    assert db.session.scalar(select(CountLine).where(CountLine.counted_quantity.is_not(None))) is None

"""Races decided by the database: two pickers and the last unit, two lists and the last unit, one order."""

import threading

import pytest

from tests.builders import scan
from tests.workflow_fixtures import build_world, put_stock, stock_at
from webapp.extensions import db
from webapp.models import Task
from webapp.services.picking import create_pick_list, pick_lines
from webapp.services.purchasing import create_purchase_order, order_lines
from webapp.services.scanning import apply_scans

CLOCK = "4901234567894"


def run_together(app, jobs):
    """Run callables in threads released at once; their results (or exceptions) in order."""
    start = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(n, job):
        with app.app_context():
            try:
                start.wait()
                results[n] = job()
            except Exception as exc:  # surfaced to the test as a result
                results[n] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.fixture
def world(app):
    w = build_world()
    put_stock(w["worker"], "A-01-01", 1)
    return w


@pytest.mark.parametrize("attempt", range(3))
def test_two_pickers_scanning_the_last_unit_at_once_one_gets_it_the_other_is_told(app, world, attempt):
    pl = create_pick_list("TKY", [(CLOCK, 1)], world["manager_id"])
    outcomes = run_together(
        app,
        [
            lambda: apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="A-01-01")], world["worker"])[0],
            lambda: apply_scans([scan("pick", CLOCK, 1, task_id=pl, location="A-01-01")], world["picker2"])[0],
        ],
    )
    assert sorted(o.status for o in outcomes) == ["applied", "rejected"]
    loser = next(o for o in outcomes if o.status == "rejected")
    assert loser.reason == "already_picked" and "another picker" in loser.message
    assert stock_at("A-01-01") == 0
    assert pick_lines(db.session.get(Task, pl))[0]["picked"] == 1


@pytest.mark.parametrize("attempt", range(3))
def test_two_lists_made_at_once_cannot_both_reserve_the_last_unit(app, world, attempt):
    ids = run_together(app, [lambda: create_pick_list("TKY", [(CLOCK, 1)], world["manager_id"])] * 2)
    rows = [pick_lines(db.session.get(Task, i))[0] for i in ids]
    assert sorted(r["unavailable"] for r in rows) == [False, True]


def test_receipts_of_one_line_from_many_phones_never_lose_a_unit(app, world):
    po = create_purchase_order("TKY", None, [(CLOCK, 100)], world["manager_id"])
    jobs = [lambda: apply_scans([scan("receive", CLOCK, 5, task_id=po)], world["worker"])[0]] * 8
    assert all(o.status == "applied" for o in run_together(app, jobs))
    assert order_lines(db.session.get(Task, po))[0]["received"] == 40

"""Returns racing each other, decided by the database: never more back than picked or received, never twice."""

import uuid

import pytest

from tests.services.picking.test_workflow_concurrency import run_together
from tests.services.returns.returns_world import (
    customer_return,
    ledger_count,
    picked_world,
    received_order,
    supplier_return,
)
from tests.workflow_fixtures import stock_at
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.services.returns import ReturnOutcome, record_customer_return, record_supplier_return


@pytest.fixture
def world(app):
    w = picked_world()
    po, line = received_order(w)
    return w | {"po": po, "line": line}


def outcomes_of(results) -> list[str]:
    """What each racer got; the test's own session then ends its read, to see what the racers committed."""
    db.session.rollback()
    return sorted(
        r.code if isinstance(r, InvalidInput) else "duplicate" if r.duplicate else "posted"
        for r in results
        if isinstance(r, (InvalidInput, ReturnOutcome))
    )


def test_two_clerks_returning_most_of_one_pick_list_at_once_one_is_refused(app, world):
    results = run_together(
        app,
        [lambda: record_customer_return(customer_return(3), world["worker_id"]) for _ in range(2)],
    )
    assert outcomes_of(results) == ["over_return", "posted"], results
    assert stock_at("B-02-01") == 3


def test_two_managers_sending_most_of_one_line_back_at_once_one_is_refused(app, world):
    results = run_together(
        app,
        [
            lambda: record_supplier_return(supplier_return(world["po"], world["line"], 15), world["manager_id"])
            for _ in range(2)
        ],
    )
    assert outcomes_of(results) == ["over_return", "posted"], results
    assert stock_at("A-01-02", world["tea"]) == 9


def test_one_form_sent_twice_at_once_is_posted_once(app, world):
    same = customer_return(2, pick_list="", request_id=uuid.uuid4())
    before = ledger_count()
    db.session.rollback()
    results = run_together(app, [lambda: record_customer_return(same, world["worker_id"]) for _ in range(2)])
    assert outcomes_of(results) == ["duplicate", "posted"], results
    assert ledger_count() == (before[0] + 1, before[1] + 1) and stock_at("B-02-01") == 2

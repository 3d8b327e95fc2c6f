"""A count session's scope is locked while it is open, and only its own people or a manager may close it."""

import pytest
from sqlalchemy import func, select

from tests.builders import NOW
from tests.services.picking.test_workflow_concurrency import run_together
from tests.services.stocktake.cycle_fixtures import CLOCK, TEA, TZ, count_bins, shop_with_classes
from webapp.errors import Conflict, Forbidden
from webapp.extensions import db
from webapp.models import CountScopeLock, Movement, Task
from webapp.services.stocktake import approve, generate_due_sessions, start_count


@pytest.fixture
def shop(app):
    return shop_with_classes()


def number(task_id: int) -> str:
    return db.session.get(Task, task_id).number


def test_a_session_overlapping_an_open_one_is_refused_naming_it(shop):
    first = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"])
    with pytest.raises(Conflict) as refused:
        start_count("TKY", shop["manager_id"], scope="zone", zone="A")
    assert refused.value.code == "scope_locked"
    assert refused.value.fields == {"session": number(first), "bin": "A-01-01", "item": ""}
    assert number(first) in refused.value.message and "A-01-01" in refused.value.message
    assert db.session.scalar(select(func.count()).select_from(Task)) == 1  # the refused session left nothing


def test_a_count_of_items_overlaps_a_count_of_the_bin_holding_them(shop):
    by_bin = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-02"])
    with pytest.raises(Conflict) as refused:
        start_count("TKY", shop["manager_id"], scope="items", items=["GREEN-TEA"])
    assert refused.value.fields["session"] == number(by_bin)


def test_an_item_already_counted_site_wide_cannot_be_counted_again_but_another_item_can(shop):
    tea = start_count("TKY", shop["manager_id"], scope="items", items=["GREEN-TEA"])
    with pytest.raises(Conflict) as refused:
        start_count("TKY", shop["manager_id"], scope="items", items=[TEA])
    assert refused.value.fields["item"] == "GREEN-TEA" and refused.value.fields["session"] == number(tea)
    assert start_count("TKY", shop["manager_id"], scope="items", items=["RETRO-CLOCK"])


def test_sessions_of_different_bins_run_side_by_side(shop):
    start_count("TKY", shop["manager_id"], scope="zone", zone="A")
    start_count("TKY", shop["manager_id"], scope="zone", zone="B")
    assert db.session.scalar(select(func.count()).select_from(CountScopeLock)) == 3  # A-01-01, A-01-02, B-02-01


def test_approval_frees_the_scope_for_the_next_count(shop):
    first = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"])
    count_bins(shop, first, [("A-01-01", CLOCK, 15)])
    approve(first, shop["manager_id"])
    assert start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"])


@pytest.mark.parametrize("attempt", range(3))
def test_two_overlapping_sessions_made_at_once_one_is_refused(app, shop, attempt):
    results = run_together(
        app,
        [
            lambda: start_count("TKY", shop["manager_id"], scope="zone", zone="A"),
            lambda: start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-02", "B-02-01"]),
        ],
    )
    made = [r for r in results if isinstance(r, int)]
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(made) == 1 and len(refused) == 1, results
    assert refused[0].code == "scope_locked" and refused[0].fields["session"] == number(made[0])
    assert db.session.scalar(select(func.count()).select_from(Task)) == 1


@pytest.mark.parametrize("attempt", range(3))
def test_a_count_of_a_bin_and_a_count_of_an_item_in_it_made_at_once_one_is_refused(app, shop, attempt):
    # Different lock rows (the bin whole, the tea in every bin): only the queue on the site row decides.
    results = run_together(
        app,
        [
            lambda: start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-02"]),
            lambda: start_count("TKY", shop["manager_id"], scope="items", items=["GREEN-TEA"]),
        ],
    )
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "int"], results


@pytest.mark.parametrize("attempt", range(3))
def test_the_same_scope_twice_at_once_is_made_once(app, shop, attempt):
    results = run_together(app, [lambda: start_count("TKY", shop["manager_id"], scope="zone", zone="A")] * 2)
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "int"], results


def test_a_worker_who_is_not_counting_it_may_not_approve_it(shop):
    session = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"], assigned_to=shop["worker_id"])
    count_bins(shop, session, [("A-01-01", CLOCK, 15)])
    other = shop["picker2"].user_id
    with pytest.raises(Forbidden) as refused:
        approve(session, other)
    assert refused.value.code == "not_count_owner" and refused.value.fields == {"session": number(session)}
    assert db.session.get(Task, session).status == "in_progress"  # still open, nothing posted
    assert db.session.scalar(select(func.count()).select_from(Movement).where(Movement.task_id == session)) == 0


def test_the_assigned_worker_may_approve_the_count(shop):
    session = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"], assigned_to=shop["worker_id"])
    count_bins(shop, session, [("A-01-01", CLOCK, 14)])  # 15 expected: one clock missing
    assert approve(session, shop["worker_id"]) == {"adjustments": 1, "units": -1}
    assert db.session.get(Task, session).status == "done"


def test_a_manager_may_approve_a_count_someone_else_opened(shop):
    session = start_count("TKY", shop["worker_id"], scope="bins", bins=["A-01-01"])
    count_bins(shop, session, [("A-01-01", CLOCK, 16)])
    assert approve(session, shop["manager_id"]) == {"adjustments": 1, "units": 1}
    assert db.session.scalar(select(func.count()).select_from(CountScopeLock)) == 0


def test_a_zone_with_no_bins_holds_nothing_and_blocks_nobody(shop):
    empty = start_count("TKY", shop["manager_id"], scope="zone", zone="Z")
    assert (
        db.session.scalar(select(func.count()).select_from(CountScopeLock).where(CountScopeLock.task_id == empty)) == 0
    )
    assert start_count("TKY", shop["manager_id"], scope="zone", zone="A")


@pytest.mark.parametrize("attempt", range(2))
def test_two_managers_generating_the_days_sessions_at_once_make_them_once(app, shop, attempt):
    made = run_together(app, [lambda: generate_due_sessions(NOW.date(), TZ, shop["manager_id"])] * 2)
    assert sorted(len(ids) for ids in made) == [0, 3], made  # the second found every due pair taken
    assert db.session.scalar(select(func.count()).select_from(Task)) == 3

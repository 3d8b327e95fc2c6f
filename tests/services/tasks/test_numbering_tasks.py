"""New orders, pick lists and counts are numbered by the shop's day; two made at once never share a number."""

import threading
from datetime import UTC, datetime

import pytest

from tests.workflow_fixtures import build_world
from webapp.extensions import db
from webapp.models import Task
from webapp.services.picking import create_pick_list
from webapp.services.purchasing import create_purchase_order
from webapp.services.stocktake import start_count

CLOCK = "4901234567894"


@pytest.fixture
def world(app):
    return build_world()


def number(task_id):
    return db.session.get(Task, task_id).number


def today_in_tokyo():
    from zoneinfo import ZoneInfo

    return datetime.now(UTC).astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y%m%d")


def test_each_kind_counts_its_own_sequence_from_one_each_day(world):
    day = today_in_tokyo()
    orders = [create_purchase_order("TKY", None, [(CLOCK, 6)], world["manager_id"]) for _ in range(3)]
    count = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    assert [number(o) for o in orders] == [f"PO-{day}-001", f"PO-{day}-002", f"PO-{day}-003"]
    assert number(count) == f"CNT-{day}-001"


def test_a_number_given_by_the_shop_is_kept(world):
    assert number(create_pick_list("TKY", [(CLOCK, 1)], world["manager_id"], number="SO-501")) == "SO-501"


def test_orders_made_at_the_same_moment_each_get_their_own_number(app, world):
    made, errors = [], []
    start = threading.Barrier(4)

    def make():
        with app.app_context():
            try:
                start.wait()
                for _ in range(3):
                    made.append(create_purchase_order("TKY", None, [(CLOCK, 6)], world["manager_id"]))
            except Exception as exc:  # surfaced below
                errors.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db.session.remove()
    numbers = sorted(number(i) for i in made)
    day = today_in_tokyo()
    assert numbers == [f"PO-{day}-{n:03d}" for n in range(1, 13)]

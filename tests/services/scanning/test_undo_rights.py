"""Who may undo a scan: a worker only their own, a manager or the owner anyone's; a refusal changes nothing."""

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.extensions import db
from webapp.models import Scan, StockLevel
from webapp.services.scanning import apply_scans


@pytest.fixture
def floor(app):
    make_site()
    make_item()
    return {
        name: actor(make_user(name, role)[0], role)
        for name, role in (("sato", "worker"), ("tanaka", "worker"), ("suzuki", "manager"), ("yamada", "owner"))
    }


def stock() -> int:
    return db.session.scalar(select(func.coalesce(func.sum(StockLevel.quantity), 0)))


def scans_stored() -> int:
    return db.session.scalar(select(func.count()).select_from(Scan))


def test_a_worker_cannot_undo_another_workers_scan_and_nothing_changes(floor):
    received = scan("receive", quantity=6, location="A-01-01")
    apply_scans([received], floor["sato"])
    undo = scan("undo", code="", undo_of=received.scan_id)
    [refused] = apply_scans([undo], floor["tanaka"])
    assert (refused.status, refused.reason) == ("rejected", "undo_not_own")
    assert stock() == 6 and scans_stored() == 1
    # Sent again (the phone retries what needs attention), it is refused again, never applied late.
    [again] = apply_scans([undo], floor["tanaka"])
    assert (again.status, again.reason) == ("rejected", "undo_not_own")


def test_a_worker_undoes_their_own_scan(floor):
    received = scan("receive", quantity=6, location="A-01-01")
    apply_scans([received], floor["sato"])
    [undone] = apply_scans([scan("undo", code="", undo_of=received.scan_id)], floor["sato"])
    assert undone.status == "applied" and stock() == 0


@pytest.mark.parametrize("boss", ["suzuki", "yamada"])
def test_a_manager_or_the_owner_undoes_a_workers_scan(floor, boss):
    received = scan("receive", quantity=6, location="A-01-01")
    apply_scans([received], floor["sato"])
    [undone] = apply_scans([scan("undo", code="", undo_of=received.scan_id)], floor[boss])
    assert undone.status == "applied" and stock() == 0


def test_in_one_batch_a_worker_may_undo_their_own_fresh_scan_but_not_one_made_by_another(floor):
    theirs = scan("receive", quantity=2, location="A-01-01")
    apply_scans([theirs], floor["tanaka"])
    mine = scan("receive", quantity=3, location="A-01-01")
    outcomes = apply_scans(
        [mine, scan("undo", code="", undo_of=mine.scan_id), scan("undo", code="", undo_of=theirs.scan_id)],
        floor["sato"],
    )
    assert [(o.status, o.reason) for o in outcomes] == [
        ("applied", None),
        ("applied", None),
        ("rejected", "undo_not_own"),
    ]
    assert stock() == 2

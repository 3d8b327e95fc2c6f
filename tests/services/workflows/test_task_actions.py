"""A phone's queued task actions: a short pick and a completion apply once, however often they are sent."""

import uuid

import pytest
from sqlalchemy import func, select

from tests.builders import scan
from tests.workflow_fixtures import build_world, put_stock
from webapp.extensions import db
from webapp.models import Allocation, Task, TaskAction, TaskEvent
from webapp.services.picking import create_pick_list, pick_lines
from webapp.services.scanning import apply_scans
from webapp.services.workflows import apply_action

CLOCK = "4901234567894"


@pytest.fixture
def pick_list(app):
    w = build_world()
    put_stock(w["worker"], "A-01-02", 5)
    task_id = create_pick_list("TKY", [(CLOCK, 4)], w["manager_id"], number="PL-800")
    [out] = apply_scans([scan("pick", CLOCK, 3, location="A-01-02", task_id=task_id)], w["worker"])
    assert out.status == "applied"
    return w, task_id


def events(kind: str) -> int:
    return db.session.scalar(select(func.count()).select_from(TaskEvent).where(TaskEvent.kind == kind))


def test_a_replayed_short_pick_and_completion_change_nothing(pick_list):
    w, task_id = pick_list
    [line] = pick_lines(db.session.get(Task, task_id))
    short_id, done_id = uuid.uuid4(), uuid.uuid4()
    first = apply_action(short_id, "short", task_id, w["worker_id"], line_id=line["id"], reason="damaged")
    done = apply_action(done_id, "complete", task_id, w["worker_id"])
    assert (first["status"], done["status"]) == ("applied", "applied")

    again = [
        apply_action(short_id, "short", task_id, w["worker_id"], line_id=line["id"], reason="damaged"),
        apply_action(done_id, "complete", task_id, w["worker_id"]),
    ]
    assert [(r["status"], r["first_status"]) for r in again] == [("duplicate", "applied")] * 2
    db.session.remove()
    [line] = pick_lines(db.session.get(Task, task_id))
    assert (line["picked"], line["short"], line["short_reason"]) == (3, 1, "damaged")
    assert db.session.get(Task, task_id).status == "done"
    assert events("short_pick") == 1
    assert db.session.scalar(select(func.count()).select_from(TaskAction)) == 2
    assert db.session.scalar(select(func.coalesce(func.sum(Allocation.quantity), 0))) == 0


def test_a_rejected_action_stores_nothing_and_may_be_sent_again(pick_list):
    w, task_id = pick_list
    done_id = uuid.uuid4()
    refused = apply_action(done_id, "complete", task_id, w["worker_id"])
    assert (refused["status"], refused["reason"]) == ("rejected", "lines_open")
    assert refused["message"] == "Pick or short every line first."
    assert db.session.scalar(select(func.count()).select_from(TaskAction)) == 0
    [line] = pick_lines(db.session.get(Task, task_id))
    assert (
        apply_action(uuid.uuid4(), "short", task_id, w["worker_id"], line_id=line["id"], reason="not_found")["status"]
        == "applied"
    )
    assert apply_action(done_id, "complete", task_id, w["worker_id"])["status"] == "applied"


def test_a_short_of_a_line_of_another_list_is_rejected(pick_list):
    w, task_id = pick_list
    out = apply_action(uuid.uuid4(), "short", task_id, w["worker_id"], line_id=999_999, reason="other")
    assert (out["status"], out["reason"]) == ("rejected", "not_found")

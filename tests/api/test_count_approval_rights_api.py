"""Approving a count over the API: its assigned worker may, another worker is refused in their own language."""

import pytest
from sqlalchemy import func, select

from tests.services.stocktake.cycle_fixtures import CLOCK, count_bins, shop_with_classes
from webapp.extensions import db
from webapp.models import Movement, Task
from webapp.services.accounts import create_token
from webapp.services.stocktake import start_count


@pytest.fixture
def counted(app):
    """Bin A-01-01 counted by sato (assigned), one clock short of the 15 expected."""
    shop = shop_with_classes()
    session = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"], assigned_to=shop["worker_id"])
    count_bins(shop, session, [("A-01-01", CLOCK, 14)])
    tokens = {name: create_token(name, "ハンディ") for name in ("sato", "tanaka", "suzuki")}
    return shop, session, tokens


def approve_as(client, tokens, name, session, lang="ja"):
    headers = {"Authorization": f"Bearer {tokens[name]}", "Accept-Language": lang}
    return client.post(f"/api/v1/count-sessions/{session}/approve", json={}, headers=headers)


def test_another_worker_is_refused_with_a_403_in_japanese_and_nothing_is_posted(client, counted):
    _shop, session, tokens = counted
    number = db.session.get(Task, session).number
    answer = approve_as(client, tokens, "tanaka", session)
    assert answer.status_code == 403
    error = answer.get_json()["error"]
    assert error["code"] == "not_count_owner"
    assert error["message"] == f"{number} を承認できるのは、その棚卸しの担当者かマネージャーだけです。"
    assert db.session.scalar(select(func.count()).select_from(Movement).where(Movement.task_id == session)) == 0


def test_the_refusal_is_in_english_for_an_english_phone(client, counted):
    _shop, session, tokens = counted
    answer = approve_as(client, tokens, "tanaka", session, lang="en")
    assert answer.status_code == 403
    assert "or a manager may approve it" in answer.get_json()["error"]["message"]


def test_the_assigned_worker_approves_and_sees_no_money(client, counted):
    _shop, session, tokens = counted
    answer = approve_as(client, tokens, "sato", session)
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["posted"] == {"adjustments": 1, "units": -1} and body["status"] == "done"
    assert "variance_value" not in body


def test_a_manager_approves_a_count_assigned_to_someone_else(client, counted):
    _shop, session, tokens = counted
    answer = approve_as(client, tokens, "suzuki", session)
    assert answer.status_code == 200 and answer.get_json()["posted"]["adjustments"] == 1
    assert answer.get_json()["variance_value"] == "-1200.0000"  # what the worker's answer leaves out

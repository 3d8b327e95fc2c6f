"""API tokens keep their last use to the minute: written on use, not rewritten within the minute."""

from datetime import timedelta

from sqlalchemy import event, select

from tests.builders import make_user
from webapp.extensions import db
from webapp.models import ApiToken
from webapp.models.types import utcnow
from webapp.services.accounts import user_for_token


def last_used():
    db.session.expire_all()
    return db.session.scalar(select(ApiToken.last_used_at))


def updates_of_api_tokens(run) -> int:
    """How many UPDATE statements on api_tokens `run` sends to the database."""
    seen = []

    def count(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE API_TOKENS"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_a_token_used_for_the_first_time_gets_its_last_use_written(app):
    _user_id, token = make_user("handy-01", "worker")
    assert last_used() is None
    before = utcnow()
    assert user_for_token(token).username == "handy-01"
    assert before <= last_used() <= utcnow()


def test_within_the_minute_the_last_use_is_not_rewritten_and_no_update_is_sent(app):
    _user_id, token = make_user("handy-01", "worker")
    user_for_token(token)
    first = last_used()
    assert updates_of_api_tokens(lambda: [user_for_token(token) for _ in range(20)]) == 0
    assert last_used() == first


def test_a_minute_later_the_next_use_writes_it_again(app):
    _user_id, token = make_user("handy-01", "worker")
    user_for_token(token)
    stored = db.session.scalar(select(ApiToken))
    stored.last_used_at = utcnow() - timedelta(seconds=61)
    db.session.commit()
    assert updates_of_api_tokens(lambda: user_for_token(token)) == 1
    assert utcnow() - last_used() < timedelta(seconds=5)


def test_a_request_through_the_api_notes_the_token(client, app):
    _user_id, token = make_user("handy-01", "worker")
    answer = client.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.json["user"]["username"] == "handy-01"
    assert last_used() is not None

"""Accounts: what ends a user's sessions (the session version) and the login throttle's counting."""

from datetime import timedelta

from sqlalchemy import select

from webapp.errors import Locked
from webapp.extensions import db
from webapp.models import LoginFailure, User
from webapp.models.types import utcnow
from webapp.services.accounts import create_user, end_sessions, password_login, set_active, set_password

PASSWORD = "correct horse battery"


def version(username: str) -> int:
    db.session.expire_all()
    return db.session.scalar(select(User.session_version).where(User.username == username))


def test_a_new_password_deactivation_and_signing_out_everywhere_each_bump_the_version(app):
    user_id = create_user("sato", PASSWORD, "worker", display_name="佐藤")
    assert version("sato") == 0
    end_sessions(user_id)
    set_password("sato", "another good passphrase")
    set_active("sato", False)
    assert version("sato") == 3
    set_active("sato", True)  # coming back does not revive the old sessions, nor end new ones
    assert version("sato") == 3


def test_the_identity_in_a_cookie_names_the_user_and_the_version(app):
    user_id = create_user("sato", PASSWORD, "worker")
    end_sessions(user_id)
    assert db.session.get(User, user_id).get_id() == f"{user_id}:1"


def test_a_deactivated_user_is_refused_and_counted_like_a_wrong_password(app):
    create_user("sato", PASSWORD, "worker")
    set_active("sato", False)
    assert password_login("sato", PASSWORD, "192.168.10.21") is None
    assert db.session.scalars(select(LoginFailure.name_key)).all() == ["sato"]


def test_the_throttle_says_how_long_to_wait(app):
    create_user("sato", PASSWORD, "worker")
    for _ in range(5):
        password_login("sato", "wrong horse battery", "192.168.10.21")
    try:
        password_login("sato", PASSWORD, "192.168.10.21")
    except Locked as exc:
        assert exc.code == "login_throttled" and 890 <= exc.fields["retry_after"] <= 900
    else:
        raise AssertionError("the sixth login was not throttled")


def test_old_failures_are_pruned_when_a_new_one_is_counted(app):
    db.session.add(LoginFailure(name_key="tanaka", address="192.168.10.35", at=utcnow() - timedelta(hours=2)))
    db.session.commit()
    password_login("sato", "wrong horse battery", "192.168.10.21")
    assert db.session.scalars(select(LoginFailure.name_key)).all() == ["sato"]

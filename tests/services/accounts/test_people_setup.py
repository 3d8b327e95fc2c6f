"""Users and API tokens set up in the office: who may change whom, the last owner kept, deactivation stopping everything."""

import pytest
from sqlalchemy import select

from tests.builders import make_site, make_user
from webapp.errors import Conflict, Forbidden, InvalidInput
from webapp.extensions import db
from webapp.models import ApiToken, AuditEvent, User
from webapp.services.accounts import (
    add_user,
    issue_token,
    list_people,
    list_tokens,
    password_login,
    reset_password,
    revoke_token_by,
    set_user_active,
    update_user,
    user_for_token,
)


@pytest.fixture
def shop(app):
    """An owner, a manager and a worker of a shop with one site."""
    site = make_site("TKY")
    owner = make_user("kobayashi", "owner")[0]
    manager = make_user("tanaka", "manager")[0]
    worker = make_user("sato", "worker")[0]
    return {"site": site.id, "owner": owner, "manager": manager, "worker": worker}


def test_the_owner_creates_a_worker_with_a_generated_password_shown_once(shop):
    user_id, password = add_user(
        shop["owner"], "suzuki", "worker", display_name="鈴木 花子", default_site_id=shop["site"]
    )
    user = db.session.get(User, user_id)
    assert len(password) == 12 and password not in user.password_hash
    assert (user.display_name, user.default_site_id) == ("鈴木 花子", shop["site"])
    assert password_login("suzuki", password, "192.0.2.10").id == user_id
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == user_id)).one()
    assert event.action == "create" and event.changes["password"]["new"] == "changed"


def test_a_duplicate_user_name_is_refused_whatever_its_case(shop):
    with pytest.raises(Conflict) as error:
        add_user(shop["owner"], "SATO", "worker")
    assert error.value.code == "duplicate_username"


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [("", "", "bad_username"), ("yamada taro", "", "bad_username"), ("yamada", "short", "bad_password")],
)
def test_a_bad_name_or_password_creates_nobody(shop, username, password, code):
    with pytest.raises(InvalidInput) as error:
        add_user(shop["owner"], username, "worker", password=password)
    assert error.value.code == code and len(db.session.scalars(select(User)).all()) == 3


def test_a_manager_may_set_up_workers_but_not_make_an_owner_or_a_manager(shop):
    worker_id, _ = add_user(shop["manager"], "suzuki", "worker")
    for attempt in (
        lambda: add_user(shop["manager"], "yamada", "owner"),
        lambda: update_user(shop["manager"], worker_id, role="owner"),
        lambda: update_user(shop["manager"], shop["owner"], role="worker"),
        lambda: reset_password(shop["manager"], shop["owner"]),
        lambda: set_user_active(shop["manager"], shop["owner"], False),
    ):
        with pytest.raises(Forbidden) as error:
            attempt()
        assert error.value.code == "workers_only"
    assert db.session.get(User, worker_id).role == "worker" and db.session.get(User, shop["owner"]).active


def test_a_worker_sets_up_nobody(shop):
    with pytest.raises(Forbidden):
        add_user(shop["worker"], "suzuki", "worker")


def test_the_last_active_owner_can_be_neither_demoted_nor_deactivated(shop):
    for attempt in (
        lambda: update_user(shop["owner"], shop["owner"], role="manager"),
        lambda: set_user_active(shop["owner"], shop["owner"], False),
    ):
        with pytest.raises(Conflict) as error:
            attempt()
        assert error.value.code == "last_owner"
    owner = db.session.get(User, shop["owner"])
    assert owner.role == "owner" and owner.active
    update_user(shop["owner"], shop["manager"], role="owner")
    update_user(shop["owner"], shop["owner"], role="manager")
    assert db.session.get(User, shop["owner"]).role == "manager"


def test_role_and_default_site_changes_are_recorded_with_old_and_new(shop):
    update_user(shop["owner"], shop["worker"], role="manager", default_site_id=shop["site"])
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == shop["worker"])).one()
    assert event.changes["role"] == {"old": "worker", "new": "manager"}
    assert event.changes["default_site_id"] == {"old": None, "new": shop["site"]}
    with pytest.raises(InvalidInput):
        update_user(shop["owner"], shop["worker"], role="worker", default_site_id=9999)
    assert db.session.get(User, shop["worker"]).role == "manager"


def test_a_password_reset_ends_the_old_sessions_and_the_new_password_works(shop):
    before = db.session.get(User, shop["worker"]).session_version
    password = reset_password(shop["owner"], shop["worker"], "tsukiji-market-2026")
    assert password == "tsukiji-market-2026"
    assert db.session.get(User, shop["worker"]).session_version == before + 1
    assert password_login("sato", "tsukiji-market-2026", "192.0.2.10") is not None


def test_deactivating_ends_sessions_and_revokes_every_token_and_reactivating_brings_back_only_the_login(shop):
    token = issue_token(shop["owner"], shop["worker"], "倉庫ハンディ 1")
    user = db.session.get(User, shop["worker"])
    before = user.session_version
    set_user_active(shop["manager"], shop["worker"], False)
    db.session.refresh(user)
    assert not user.active and user.session_version == before + 1
    assert user_for_token(token) is None
    assert all(t.revoked_at for t in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)))
    set_user_active(shop["owner"], shop["worker"], True)
    assert db.session.get(User, shop["worker"]).active and user_for_token(token) is None


def test_each_user_manages_their_own_tokens_and_the_owner_everyones(shop):
    own = issue_token(shop["worker"], shop["worker"], "自分の連携")
    with pytest.raises(Forbidden):
        issue_token(shop["worker"], shop["manager"], "他人の連携")
    assert [t.name for t, _ in list_tokens(shop["worker"])] == ["自分の連携", "test device"]
    assert {u.username for _, u in list_tokens(shop["owner"])} == {"kobayashi", "tanaka", "sato"}
    manager_token = next(t for t, u in list_tokens(shop["owner"]) if u.username == "tanaka")
    with pytest.raises(Forbidden):
        revoke_token_by(shop["worker"], manager_token.id)
    mine = next(t for t, _ in list_tokens(shop["worker"]))
    revoke_token_by(shop["worker"], mine.id)
    assert user_for_token(own) is None and user_for_token("tnr_" + "x" * 43) is None


def test_a_token_needs_a_name_of_at_most_80_characters(shop):
    for name in ("  ", "名" * 81):
        with pytest.raises(InvalidInput):
            issue_token(shop["owner"], shop["worker"], name)


def test_people_are_listed_active_first_owners_before_workers(shop):
    set_user_active(shop["owner"], shop["worker"], False)
    assert [u.username for u in list_people(shop["owner"])] == ["kobayashi", "tanaka", "sato"]

"""The office's people and API-token pages: who may change whom, passwords and tokens shown once, one way in by role."""

import re

import pytest
from sqlalchemy import select

from tests.builders import make_site, make_user
from tests.web.devices_helpers import browser
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import ApiToken, User


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def post(client, csrf, url, lang="ja", **form):
    return client.post(url, data={"csrf_token": csrf, **form}, headers={"Accept-Language": lang})


@pytest.fixture
def shop(app):
    make_site("TKY")
    make_user("kobayashi", "owner", PASSWORD)
    make_user("tanaka", "manager", PASSWORD)
    make_user("sato", "worker", PASSWORD)
    return app


def signed_in_as(app, username):
    client = browser(app)
    return client, log_in(client, username)


def test_workers_land_on_scanning_and_managers_and_owners_on_the_office(shop):
    for username, landing in (("sato", "/"), ("tanaka", "/office/"), ("kobayashi", "/office/")):
        client = browser(shop)
        page = client.get("/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        answer = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": csrf})
        assert answer.status_code == 302 and answer.headers["Location"] == landing


def test_a_safe_next_still_wins_and_an_unsafe_one_falls_back_to_the_landing_page(shop):
    for target, landing in (
        ("/office/stock", "/office/stock"),
        ("//evil.example/", "/office/"),
        ("/\\evil.example", "/office/"),
    ):
        client = browser(shop)
        page = client.get("/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        answer = client.post(
            "/login",
            query_string={"next": target},
            data={"username": "tanaka", "password": PASSWORD, "csrf_token": csrf},
        )
        assert answer.headers["Location"] == landing


def test_the_floor_home_links_managers_to_the_office_and_not_workers(shop):
    manager, _ = signed_in_as(shop, "tanaka")
    worker, _ = signed_in_as(shop, "sato")
    assert 'id="to-office"' in manager.get("/").get_data(as_text=True)
    assert 'id="to-office"' not in worker.get("/").get_data(as_text=True)


def test_the_owner_creates_a_worker_and_sees_the_generated_password_once(shop):
    client, csrf = signed_in_as(shop, "kobayashi")
    answer = post(client, csrf, "/office/users", username="suzuki", display_name="鈴木 花子", role="worker")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 201 and answer.headers["Cache-Control"] == "no-store"
    password = re.search(r'<div class="shown-once"[^>]*>.*?<code>([^<]+)</code>', page, re.S).group(1)
    assert len(password) == 12 and "一度だけ" in page
    again = client.get(f"/office/users/{_user('suzuki').id}").get_data(as_text=True)
    assert password not in again
    newcomer = browser(shop)
    log_in_page = newcomer.get("/login").get_data(as_text=True)
    csrf2 = re.search(r'name="csrf-token" content="([^"]+)"', log_in_page).group(1)
    assert (
        newcomer.post("/login", data={"username": "suzuki", "password": password, "csrf_token": csrf2}).status_code
        == 302
    )


def test_a_duplicate_user_name_is_a_422_that_keeps_the_form(shop):
    client, csrf = signed_in_as(shop, "kobayashi")
    answer = post(client, csrf, "/office/users", username="sato", display_name="佐藤 二郎", role="worker")
    assert answer.status_code == 422 and "そのユーザー名はすでに使われています" in answer.get_data(as_text=True)
    assert 'value="佐藤 二郎"' in answer.get_data(as_text=True)


def test_a_manager_trying_to_make_an_owner_is_refused(shop):
    client, csrf = signed_in_as(shop, "tanaka")
    created = post(client, csrf, "/office/users", lang="en", username="yamada", role="owner")
    assert created.status_code == 422 and "workers only" in created.get_data(as_text=True)
    promoted = post(client, csrf, f"/office/users/{_user('sato').id}", role="owner", display_name="佐藤")
    assert promoted.status_code == 422 and _user("sato").role == "worker" and _user("yamada") is None


def test_the_last_owner_can_be_neither_demoted_nor_deactivated_from_the_page(shop):
    client, csrf = signed_in_as(shop, "kobayashi")
    owner_id = _user("kobayashi").id
    demoted = post(client, csrf, f"/office/users/{owner_id}", role="manager", display_name="小林")
    deactivated = post(client, csrf, f"/office/users/{owner_id}/active", active="0")
    for answer in (demoted, deactivated):
        assert answer.status_code == 422 and "最後の" in answer.get_data(as_text=True)
    assert _user("kobayashi").role == "owner" and _user("kobayashi").active


def test_a_typed_password_reset_is_shown_once_and_a_short_one_is_refused(shop):
    client, csrf = signed_in_as(shop, "kobayashi")
    sato = _user("sato").id
    short = post(client, csrf, f"/office/users/{sato}/password", password="short")
    assert short.status_code == 422
    answer = post(client, csrf, f"/office/users/{sato}/password", password="tsukiji-market-2026")
    assert answer.status_code == 200 and "<code>tsukiji-market-2026</code>" in answer.get_data(as_text=True)


def test_a_deactivated_worker_is_refused_at_once_by_cookie_and_by_token(shop):
    worker, _ = signed_in_as(shop, "sato")
    [token] = list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == _user("sato").id)))
    owner, csrf = signed_in_as(shop, "kobayashi")
    answer = post(owner, csrf, "/office/tokens", name="倉庫ハンディ 1", user_id=str(_user("sato").id))
    plain = re.search(r"<code>(tnr_[^<]+)</code>", answer.get_data(as_text=True)).group(1)
    copies = []
    for cookie in ("session", "remember_token"):
        copy = browser(shop)
        copy.set_cookie(cookie, worker.get_cookie(cookie).value)  # kept from before, or stolen
        assert copy.get("/api/v1/session").status_code == 200
        copies.append(copy)
    assert worker.get("/api/v1/session").status_code == 200
    assert browser(shop).get("/api/v1/session", headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    assert post(owner, csrf, f"/office/users/{_user('sato').id}/active", active="0").status_code == 303
    assert worker.get("/api/v1/session").status_code == 401
    assert [copy.get("/api/v1/session").status_code for copy in copies] == [401, 401]
    stranger = browser(shop)
    assert stranger.get("/api/v1/session", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    db.session.refresh(token)
    assert token.revoked_at is not None


def test_the_token_page_lists_name_holder_and_last_use_and_revokes(shop):
    owner, csrf = signed_in_as(shop, "kobayashi")
    answer = post(owner, csrf, "/office/tokens", name="会計ソフト連携", user_id=str(_user("kobayashi").id))
    plain = re.search(r"<code>(tnr_[^<]+)</code>", answer.get_data(as_text=True)).group(1)
    assert answer.headers["Cache-Control"] == "no-store"
    browser(shop).get("/api/v1/session", headers={"Authorization": f"Bearer {plain}"})
    page = owner.get("/office/tokens").get_data(as_text=True)
    row = re.search(r'<tr data-name="会計ソフト連携".*?</tr>', page, re.S).group(0)
    assert plain not in page and plain[:12] in row and "未使用" not in row
    token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "会計ソフト連携"))
    assert post(owner, csrf, f"/office/tokens/{token_id}/revoke").status_code == 303
    assert browser(shop).get("/api/v1/session", headers={"Authorization": f"Bearer {plain}"}).status_code == 401


def test_a_worker_manages_only_their_own_tokens(shop):
    worker, csrf = signed_in_as(shop, "sato")
    owners_token = db.session.scalar(select(ApiToken.id).where(ApiToken.user_id == _user("kobayashi").id))
    refused = post(worker, csrf, f"/office/tokens/{owners_token}/revoke")
    assert refused.status_code == 422
    assert db.session.get(ApiToken, owners_token).revoked_at is None
    page = worker.get("/office/tokens").get_data(as_text=True)
    assert page.count("<tr data-name=") == 1
    assert worker.get("/office/users").status_code == 403


def test_junk_numbers_in_the_set_up_forms_are_refused_in_japanese_and_change_nothing(shop):
    client, csrf = signed_in_as(shop, "kobayashi")
    sato = _user("sato").id
    answers = [
        post(client, csrf, "/office/users", username="yamada", role="worker", default_site_id="abc"),
        post(client, csrf, f"/office/users/{sato}", role="manager", default_site_id="-1", display_name="佐藤"),
        post(client, csrf, "/office/tokens", name="連携", user_id="99999999999"),
        post(client, csrf, "/office/users", username="yamada", role="admin"),
    ]
    assert [a.status_code for a in answers] == [422, 422, 422, 422]
    assert all("整数" in a.get_data(as_text=True) for a in answers[:3])
    assert "役割は一覧から選んでください" in answers[3].get_data(as_text=True)
    assert _user("yamada") is None and _user("sato").role == "worker"
    assert db.session.scalar(select(ApiToken.id).where(ApiToken.name == "連携")) is None

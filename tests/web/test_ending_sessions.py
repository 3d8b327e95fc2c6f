"""Ending sessions: a copied session or remember cookie is refused once its user logs out, gets a new password,
is deactivated or signs out everywhere; a shared phone then shows the badge screen, its queue untouched."""

import pytest

from tests.web.devices_helpers import PASSWORD, browser, csrf, log_in, pair_phone, pairing_link
from webapp.services.accounts import create_token, create_user, set_active, set_password
from webapp.services.devices import issue_badges


@pytest.fixture
def sato(app):
    """Sato, a worker, signed in on the office PC by password (so with a remember cookie)."""
    user_id = create_user("sato", PASSWORD, "worker", display_name="佐藤")
    pc = browser(app)
    return {"id": user_id, "pc": pc, "token": log_in(pc, "sato")}


def copy_of(app, source, cookie: str):
    """Another browser holding only a copy of one cookie of `source` (stolen, or kept from before)."""
    thief = browser(app)
    thief.set_cookie(cookie, source.get_cookie(cookie).value)
    return thief


def signed_in(client) -> bool:
    return client.get("/api/v1/session").status_code == 200


def log_out(sato, app):
    sato["pc"].post("/logout", data={"csrf_token": sato["token"]})


def change_password(sato, app):
    set_password("sato", "a brand new passphrase")


def deactivate(sato, app):
    set_active("sato", False)


def sign_out_everywhere(sato, app):
    answer = sato["pc"].post("/sign-out-everywhere", data={"csrf_token": sato["token"]})
    assert answer.status_code == 302 and answer.headers["Location"] == "/login"


def sign_out_everywhere_by_api(sato, app):
    token = create_token("sato", "棚卸しスキャナー")
    api = browser(app)
    answer = api.post("/api/v1/session/sign-out-everywhere", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.json == {"signed_out": True}
    assert api.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"}).status_code == 200


@pytest.mark.parametrize(
    "end",
    [log_out, change_password, deactivate, sign_out_everywhere, sign_out_everywhere_by_api],
    ids=lambda f: f.__name__,
)
def test_a_copied_session_cookie_and_remember_cookie_are_refused_after(end, sato, app):
    session_copy = copy_of(app, sato["pc"], "session")
    remember_copy = copy_of(app, sato["pc"], "remember_token")
    assert signed_in(session_copy) and signed_in(remember_copy)  # the copies work until the session ends

    end(sato, app)

    assert not signed_in(session_copy)
    assert not signed_in(remember_copy)
    assert session_copy.get("/").headers["Location"].startswith("/login")


def test_signing_out_everywhere_ends_other_browsers_but_a_new_login_works(sato, app):
    tablet = browser(app)
    tablet_token = log_in(tablet, "sato")
    sato["pc"].post("/sign-out-everywhere", data={"csrf_token": sato["token"]})
    assert not signed_in(tablet) and not signed_in(sato["pc"])
    assert "すべての端末でログアウトしました" in sato["pc"].get("/login").get_data(as_text=True)
    log_in(tablet, "sato")
    assert signed_in(tablet) and tablet_token


def test_signing_out_everywhere_by_api_from_a_browser_needs_its_csrf_token(sato, app):
    refused = sato["pc"].post("/api/v1/session/sign-out-everywhere")
    assert refused.status_code == 400 and refused.json["error"]["code"] == "csrf_failed"
    assert signed_in(sato["pc"])
    csrf_token = sato["pc"].get("/api/v1/session").json["csrf_token"]
    assert (
        sato["pc"].post("/api/v1/session/sign-out-everywhere", headers={"X-CSRFToken": csrf_token}).status_code == 200
    )
    assert not signed_in(sato["pc"])


def test_the_phone_home_offers_sign_out_everywhere_beside_log_out(sato, app):
    home = sato["pc"].get("/").get_data(as_text=True)
    assert 'id="logout-form"' in home and 'id="sign-out-everywhere-form"' in home
    assert "すべての端末からログアウト" in home


def test_a_shared_phone_whose_worker_signs_out_everywhere_shows_the_badge_screen(sato, app):
    manager = create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    office = browser(app)
    office_token = log_in(office, "suzuki")
    [badge] = issue_badges(manager, [sato["id"]])
    phone = browser(app)
    assert pair_phone(phone, pairing_link(office, office_token)).headers["Location"] == "/badge"
    page = phone.get("/badge").get_data(as_text=True)
    assert phone.post("/badge", data={"badge": badge.code, "csrf_token": csrf(page)}).headers["Location"] == "/"
    assert signed_in(phone)

    sato["pc"].post("/sign-out-everywhere", data={"csrf_token": sato["token"]})

    assert phone.get("/").headers["Location"] == "/badge"  # the next worker scans a badge; no error page
    refused = phone.get("/api/v1/session")
    assert refused.status_code == 401 and refused.json["error"]["code"] == "unauthorized"  # not "device_revoked"
    assert phone.get("/badge").status_code == 200


def test_switching_worker_on_a_shared_phone_ends_the_workers_copied_session_too(sato, app):
    manager = create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    office = browser(app)
    [badge] = issue_badges(manager, [sato["id"]])
    phone = browser(app)
    pair_phone(phone, pairing_link(office, log_in(office, "suzuki")))
    page = phone.get("/badge").get_data(as_text=True)
    phone.post("/badge", data={"badge": badge.code, "csrf_token": csrf(page)})
    copied = copy_of(app, phone, "session")
    assert signed_in(copied)

    home = phone.get("/").get_data(as_text=True)
    assert phone.post("/badge/switch", data={"csrf_token": csrf(home)}).headers["Location"] == "/badge"

    assert not signed_in(copied) and not signed_in(phone)

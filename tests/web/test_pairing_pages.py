"""Pairing a phone from the office, revoking it, and signing in with badge and PIN on a shared phone (pages)."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site
from tests.web.devices_helpers import PASSWORD, browser, csrf, log_in, pair_phone, pairing_link
from webapp.extensions import db
from webapp.models import PairingCode
from webapp.services.accounts import create_user
from webapp.services.devices import issue_badges, set_pin


def keypad_form(page: str, pin: str) -> dict:
    """What the keypad page posts: the badge it was opened for, the PIN typed, the CSRF token."""
    badge = re.search(r'name="badge" value="([^"]*)"', page).group(1)
    return {"badge": badge, "pin": pin, "csrf_token": csrf(page)}


@pytest.fixture
def shop(app):
    make_site()
    make_item()
    manager = create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    office = browser(app)
    return {
        "manager": manager,
        "owner": create_user("yamada", PASSWORD, "owner", display_name="山田"),
        "sato": create_user("sato", PASSWORD, "worker", display_name="佐藤"),
        "tanaka": create_user("tanaka", PASSWORD, "worker", display_name="田中"),
        "office": office,
        "token": log_in(office, "suzuki"),
    }


def test_the_office_shows_a_qr_code_of_a_one_time_link_to_the_shops_address(shop, app):
    app.config["PUBLIC_URL"] = "https://192.168.1.20:8443"
    response = shop["office"].post(
        "/office/phones/pair", data={"user": str(shop["sato"]), "name": "", "csrf_token": shop["token"]}
    )
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    link = re.search(r'<code id="pairing-link">([^<]+)</code>', html).group(1)
    assert link.startswith("https://192.168.1.20:8443/pair/")
    assert "<svg" in html and 'class="qr"' in html
    assert "佐藤 さんのスマホ" in html and "1回だけ使えます" in html
    token = link.rsplit("/", 1)[1]
    assert token not in db.session.scalar(select(PairingCode.token_hash))


def test_a_link_opened_at_another_address_is_sent_to_the_shops_address_unused(shop, app):
    path = pairing_link(shop["office"], shop["token"])
    app.config["PUBLIC_URL"] = "https://shop.test:8443"
    response = browser(app).get(path)
    assert response.status_code == 307
    assert response.headers["Location"] == "https://shop.test:8443" + path
    assert db.session.scalar(select(PairingCode.used_at)) is None


def test_a_paired_phone_is_signed_in_for_its_worker_and_the_link_works_once(shop, app):
    path = pairing_link(shop["office"], shop["token"], user=str(shop["sato"]), name="佐藤のiPhone")
    phone = browser(app)
    preview = phone.get(path).get_data(as_text=True)
    assert "佐藤 さんとしてログインします" in preview and "佐藤のiPhone" in preview

    response = pair_phone(phone, path)
    assert (response.status_code, response.headers["Location"]) == (303, "/")
    assert "佐藤 さんでログイン中" in phone.get("/").get_data(as_text=True)

    again = browser(app).get(path)
    assert again.status_code == 410
    assert "もう使われています" in again.get_data(as_text=True)


def test_an_expired_link_says_so_and_pairs_nothing(shop, app):
    path = pairing_link(shop["office"], shop["token"])
    code = db.session.scalar(select(PairingCode))
    code.created_at -= timedelta(minutes=11)
    code.expires_at -= timedelta(minutes=11)
    db.session.commit()
    phone = browser(app)
    page = phone.get(path)
    assert page.status_code == 410 and "期限切れ" in page.get_data(as_text=True)
    assert phone.post(path, data={"csrf_token": csrf(page.get_data(as_text=True))}).status_code == 410
    assert phone.get("/").status_code == 302


def test_a_revoked_phone_is_refused_at_once_with_401_and_shown_the_removed_page(shop, app):
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"], user=str(shop["sato"])))
    page = phone.get("/").get_data(as_text=True)
    device_id = int(re.search(r'"device": \{"id": (\d+)', page).group(1))

    shop["office"].post(f"/office/phones/{device_id}/revoke", data={"csrf_token": shop["token"]})

    sync = phone.post(
        "/api/v1/scans/batch",
        json={
            "scans": [
                {
                    "scan_id": "01890000-0000-7000-8000-000000000001",
                    "mode": "receive",
                    "code": "4901234567894",
                    "occurred_at": "2026-11-20T09:00:00+00:00",
                }
            ]
        },
        headers={"X-CSRFToken": csrf(page)},
    )
    assert sync.status_code == 401
    assert sync.json["error"]["code"] == "device_revoked"
    home = phone.get("/")
    assert (home.status_code, home.headers["Location"]) == (302, "/device-removed")
    removed = phone.get("/device-removed").get_data(as_text=True)
    assert "このスマホは登録解除されました。管理者に連絡してください" in removed
    # Logging in with a password on the removed phone's session gets nowhere either.
    assert phone.get("/api/v1/session").status_code == 401


def test_the_phones_page_lists_health_and_revoked_phones_apart(shop, app):
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"], name="倉庫の共用スマホ"))
    html = shop["office"].get("/office/phones").get_data(as_text=True)
    assert "倉庫の共用スマホ" in html and "共用" in html and "登録解除" in html
    assert "Paired phones" not in html  # nothing English in the Japanese office


def test_a_shared_phone_signs_a_worker_in_with_badge_and_pin_and_switches_in_one_tap(shop, app):
    [badge] = issue_badges(shop["manager"], [shop["tanaka"]])
    set_pin(shop["manager"], shop["tanaka"], "4827")
    phone = browser(app)
    response = pair_phone(phone, pairing_link(shop["office"], shop["token"]))
    assert response.headers["Location"] == "/badge"
    assert phone.get("/").headers["Location"] == "/badge"

    page = phone.get("/badge").get_data(as_text=True)
    keypad = phone.post("/badge", data={"badge": badge.code, "csrf_token": csrf(page)}).get_data(as_text=True)
    assert "田中 さん、暗証番号を入力してください" in keypad
    wrong = phone.post("/badge/pin", data=keypad_form(keypad, "1111"))
    assert wrong.status_code == 401 and "あと 4 回" in wrong.get_data(as_text=True)
    right = phone.post("/badge/pin", data=keypad_form(wrong.get_data(as_text=True), "4827"))
    assert (right.status_code, right.headers["Location"]) == (303, "/")
    home = phone.get("/").get_data(as_text=True)
    assert "田中 さんでログイン中" in home and "作業者を交代" in home

    switched = phone.post("/badge/switch", data={"csrf_token": csrf(home)})
    assert switched.headers["Location"] == "/badge"
    assert phone.get("/").headers["Location"] == "/badge"


def test_five_wrong_pins_show_the_lock_and_its_time(shop, app):
    [badge] = issue_badges(shop["manager"], [shop["tanaka"]])
    set_pin(shop["manager"], shop["tanaka"], "4827")
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"]))
    page = phone.get("/badge").get_data(as_text=True)
    for _ in range(4):
        page = phone.post("/badge", data={"badge": badge.code, "csrf_token": csrf(page)}).get_data(as_text=True)
        page = phone.post("/badge/pin", data=keypad_form(page, "0000")).get_data(as_text=True)
    page = phone.post("/badge", data={"badge": badge.code, "csrf_token": csrf(page)}).get_data(as_text=True)
    locked = phone.post("/badge/pin", data=keypad_form(page, "0000"))
    assert locked.status_code == 429
    assert re.search(r"このバッジは \d{1,2}:\d{2} までロックされています", locked.get_data(as_text=True))
    office = shop["office"].get("/office/phones/badges").get_data(as_text=True)
    assert "までロック中" in office


def test_an_unknown_badge_is_refused_in_the_workers_language(shop, app):
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"]))
    page = phone.get("/badge").get_data(as_text=True)
    response = phone.post("/badge", data={"badge": "TNB-NOTAREALONE", "csrf_token": csrf(page)})
    assert response.status_code == 401
    assert "このバッジは登録されていません" in response.get_data(as_text=True)


def test_badges_do_not_sign_in_on_a_browser_that_is_not_a_shared_phone(shop, app):
    [badge] = issue_badges(shop["manager"], [shop["tanaka"]])
    stranger = browser(app)
    assert stranger.get("/badge").headers["Location"] == "/login"
    token = csrf(stranger.get("/login").get_data(as_text=True))
    assert stranger.post("/badge", data={"badge": badge.code, "csrf_token": token}).headers["Location"] == "/login"
    assert stranger.get("/").status_code == 302


def test_printing_badges_makes_new_codes_shown_once_and_the_old_badge_stops_working(shop, app):
    [old] = issue_badges(shop["manager"], [shop["tanaka"]])
    sheet = shop["office"].post(
        "/office/phones/badges/print", data={"user": [str(shop["tanaka"])], "csrf_token": shop["token"]}
    )
    html = sheet.get_data(as_text=True)
    assert sheet.headers["Cache-Control"] == "no-store"
    new_code = re.search(r'data-code="(TNB-[0-9A-Z]{12})"', html).group(1)
    assert new_code != old.code and "田中" in html and html.count("<svg") == 2  # QR and Code 128
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"]))
    page = phone.get("/badge").get_data(as_text=True)
    assert phone.post("/badge", data={"badge": old.code, "csrf_token": csrf(page)}).status_code == 401
    assert phone.post("/badge", data={"badge": new_code, "csrf_token": csrf(page)}).status_code == 303  # no PIN yet


def test_a_manager_cannot_print_the_owners_badge_or_set_a_bad_pin(shop, app):
    office = shop["office"]
    office.post("/office/phones/badges/print", data={"user": [str(shop["owner"])], "csrf_token": shop["token"]})
    assert "オーナーだけです" in office.get("/office/phones/badges").get_data(as_text=True)
    office.post(f"/office/phones/badges/{shop['tanaka']}/pin", data={"pin": "12", "csrf_token": shop["token"]})
    assert "暗証番号は4〜6桁の数字です" in office.get("/office/phones/badges").get_data(as_text=True)


def test_workers_cannot_open_the_phones_page(shop, app):
    worker = browser(app)
    log_in(worker, "sato")
    assert worker.get("/office/phones").status_code == 403
    assert worker.get("/office/phones/badges").status_code == 403


def test_a_paired_phones_session_is_not_re_sent_on_every_answer(shop, app):
    # A background request answering after the worker signed in must not put back the session from before.
    phone = browser(app)
    pair_phone(phone, pairing_link(shop["office"], shop["token"], user=str(shop["sato"])))
    phone.get("/")  # the day's renewal
    for path in ("/", "/recent", "/api/v1/reference"):
        response = phone.get(path)
        assert response.status_code == 200 and "Set-Cookie" not in response.headers, path

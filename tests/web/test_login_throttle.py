"""Login throttling: wrong passwords counted per name and per address in the database; 429 with Retry-After."""

import re
import statistics
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.web.devices_helpers import PASSWORD, browser
from webapp.extensions import db
from webapp.models import LoginFailure
from webapp.services.accounts import create_user

SHOP_TABLET = "192.168.10.21"


def try_login(client, username: str, password: str, *, address: str = SHOP_TABLET, language: str = "ja"):
    page = client.get("/login", environ_base={"REMOTE_ADDR": address}).get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
        headers={"Accept-Language": language},
    )


@pytest.fixture
def sato(app):
    create_user("sato", PASSWORD, "worker", display_name="佐藤")
    return browser(app)


def test_five_wrong_passwords_refuse_even_the_right_one_with_429_and_retry_after(sato):
    for _ in range(5):
        assert try_login(sato, "sato", "wrong horse battery").status_code == 401
    refused = try_login(sato, "sato", PASSWORD)
    assert refused.status_code == 429
    assert 14 * 60 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert "ログインの失敗が多すぎます。15 分後にもう一度お試しください。" in refused.get_data(as_text=True)
    assert sato.get("/api/v1/session").status_code == 401
    english = try_login(sato, "sato", PASSWORD, language="en")
    assert english.status_code == 429 and "Too many failed logins. Try again in 15 minutes." in english.get_data(
        as_text=True
    )


def test_the_name_counts_whatever_its_case_and_spaces(sato):
    for name in ("sato", "SATO", " Sato ", "sAtO", "sato"):
        assert try_login(sato, name, "wrong horse battery").status_code == 401
    assert try_login(sato, "sato", PASSWORD).status_code == 429


def test_a_right_password_starts_the_names_count_again(sato):
    for _ in range(4):
        try_login(sato, "sato", "wrong horse battery")
    assert try_login(sato, "sato", PASSWORD).status_code == 302
    for _ in range(4):
        assert try_login(sato, "sato", "wrong horse battery").status_code == 401
    assert try_login(sato, "sato", PASSWORD).status_code == 302


def test_logins_open_again_once_the_window_has_passed(sato):
    for _ in range(5):
        try_login(sato, "sato", "wrong horse battery")
    assert try_login(sato, "sato", PASSWORD).status_code == 429
    for failure in db.session.scalars(select(LoginFailure)):
        failure.at -= timedelta(minutes=15)
    db.session.commit()
    assert try_login(sato, "sato", PASSWORD).status_code == 302


def test_twenty_failures_from_one_address_refuse_it_but_not_another_address(sato, app):
    for n in range(20):
        assert try_login(sato, f"guess{n:02d}", "password123").status_code == 401
    assert try_login(sato, "sato", PASSWORD).status_code == 429
    assert try_login(browser(app), "sato", PASSWORD, address="192.168.10.35").status_code == 302


def test_long_and_nul_names_are_refused_as_unknown_and_stored_bounded(sato):
    assert try_login(sato, "佐" * 5000, "wrong horse battery").status_code == 401
    assert try_login(sato, "sato", "x" * 100_000).status_code == 401
    lengths = db.session.scalars(select(func.length(LoginFailure.name_key))).all()
    assert sorted(lengths) == [4, 80]


def test_an_unknown_name_takes_as_long_as_a_known_one(sato, app):
    # A realistic hash cost (the tests' default is cheap), and room for ten tries per name.
    app.config.update(PASSWORD_HASH_METHOD="pbkdf2:sha256:200000", LOGIN_FAILURES_PER_NAME=50)
    create_user("tanaka", PASSWORD, "worker", display_name="田中")
    times = {"tanaka": [], "nobody-here": []}
    try_login(sato, "nobody-here", "wrong horse battery")  # the dummy hash is made once per process
    for _ in range(7):
        for name, took in times.items():
            start = time.perf_counter()
            assert try_login(sato, name, "wrong horse battery").status_code == 401
            took.append(time.perf_counter() - start)
    known, unknown = statistics.median(times["tanaka"]), statistics.median(times["nobody-here"])
    assert known > 0.03  # the hash dominates the answer, so a missing one would show
    # Without the dummy hash an unknown name answers in a few milliseconds: far outside this margin.
    assert abs(known - unknown) < 0.5 * known, times

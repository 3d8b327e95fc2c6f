"""The remember-me cookie: SameSite=Lax, HttpOnly, Secure with the session cookie, shorter for office roles."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest

from tests.web.devices_helpers import PASSWORD, browser
from webapp import create_app
from webapp.services.accounts import create_user


def remember_cookie(client, username: str, base_url: str = "http://localhost") -> str:
    """Log in through the form; the Set-Cookie header of the remember cookie."""
    page = client.get("/login", base_url=base_url).get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    form = {"username": username, "password": PASSWORD, "csrf_token": token}
    # Over HTTPS, Flask-WTF also wants the form to come from this site's own page.
    answer = client.post("/login", data=form, base_url=base_url, headers={"Referer": f"{base_url}/login"})
    assert answer.status_code == 302
    [header] = [h for h in answer.headers.getlist("Set-Cookie") if h.startswith("remember_token=")]
    return header


def lasts(header: str) -> timedelta:
    expires = re.search(r"Expires=([^;]+)", header).group(1)
    return parsedate_to_datetime(expires) - datetime.now(UTC)


@pytest.fixture
def people(app):
    create_user("sato", PASSWORD, "worker", display_name="佐藤")
    create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    create_user("yamada", PASSWORD, "owner", display_name="山田")


def test_the_remember_cookie_is_same_site_lax_and_http_only_but_not_secure_over_plain_http(client, people):
    header = remember_cookie(client, "sato")
    assert "SameSite=Lax" in header and "HttpOnly" in header
    assert "Secure" not in header


def test_the_remember_cookie_is_secure_whenever_the_session_cookie_is(database_url, people):
    secure_app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "SESSION_COOKIE_SECURE": True,
        }
    )
    with secure_app.app_context():
        header = remember_cookie(browser(secure_app), "sato", base_url="https://localhost")
    assert "Secure" in header and "SameSite=Lax" in header and "HttpOnly" in header


def test_a_worker_is_remembered_for_two_weeks_and_owners_and_managers_for_twelve_hours(app, people):
    worker = lasts(remember_cookie(browser(app), "sato"))
    manager = lasts(remember_cookie(browser(app), "suzuki"))
    owner = lasts(remember_cookie(browser(app), "yamada"))
    assert timedelta(days=14) - timedelta(minutes=1) < worker <= timedelta(days=14)
    assert timedelta(hours=12) - timedelta(minutes=1) < manager <= timedelta(hours=12)
    assert timedelta(hours=12) - timedelta(minutes=1) < owner <= timedelta(hours=12)


def test_the_two_lifetimes_are_configurable(app, people):
    app.config.update(REMEMBER_COOKIE_DURATION=3 * 86400, REMEMBER_OFFICE_DURATION=2 * 3600)
    assert timedelta(days=3) - timedelta(minutes=1) < lasts(remember_cookie(browser(app), "sato"))
    assert lasts(remember_cookie(browser(app), "suzuki")) <= timedelta(hours=2)

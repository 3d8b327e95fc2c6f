"""Steps of the pairing and badge page tests: a manager in the office, phones as separate browsers."""

import re

from flask import g

from tests.conftest import FreshGClient
from tests.web.helpers import PASSWORD, log_in

__all__ = ["PASSWORD", "browser", "csrf", "log_in", "pair_phone", "pairing_link"]


class Browser(FreshGClient):
    """One browser of several in a test: nothing of another's request (CSRF token, device) leaks into it."""

    def open(self, *args, **kwargs):
        for key in ("csrf_token", "device"):
            g.pop(key, None)
        return super().open(*args, **kwargs)


def browser(app) -> Browser:
    """Another browser (the office tablet, a phone) on the same app."""
    app.test_client_class = Browser
    return app.test_client()


def csrf(page: str) -> str:
    """The CSRF token of a page."""
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def pairing_link(office, token: str, *, user: str = "shared", name: str = "") -> str:
    """The one-time link the office shows as a QR code (its path)."""
    response = office.post("/office/phones/pair", data={"user": user, "name": name, "csrf_token": token})
    assert response.status_code == 200, response.get_data(as_text=True)
    link = re.search(r'<code id="pairing-link">([^<]+)</code>', response.get_data(as_text=True)).group(1)
    return "/" + link.split("/", 3)[3]


def pair_phone(phone, path: str):
    """Open the link on the phone and tap 'Pair this phone'."""
    page = phone.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)
    return phone.post(path, data={"csrf_token": csrf(page.get_data(as_text=True))})

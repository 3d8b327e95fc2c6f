"""Session login for the browser, bearer tokens for devices, CSRF on cookie-authenticated writes."""

import re

from tests.builders import scan_json
from webapp.services.accounts import revoke_token


def login(client, username="worker-user", password="correct horse battery"):
    page = client.get("/login")
    token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page.data) or re.search(
        rb'value="([^"]+)"[^>]*name="csrf_token"', page.data
    )
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token.group(1).decode() if token else ""},
    )


def test_a_wrong_password_is_refused(client, shop):
    response = login(client, password="wrong password")
    assert response.status_code == 401
    assert client.get("/api/v1/session").status_code == 401


def test_a_logged_in_browser_writes_with_the_csrf_token_only(client, shop):
    assert login(client).status_code == 302
    session = client.get("/api/v1/session").json
    assert session["user"]["role"] == "worker"
    without = client.post("/api/v1/scans", json=scan_json(location="A-01-01"))
    with_token = client.post(
        "/api/v1/scans", json=scan_json(location="A-01-01"), headers={"X-CSRFToken": session["csrf_token"]}
    )
    assert without.status_code == 400 and without.json["error"]["code"] == "csrf_failed"
    assert with_token.status_code == 201


def test_a_revoked_token_is_refused(client, shop, app):
    from sqlalchemy import select

    from webapp.extensions import db
    from webapp.models import ApiToken

    headers = {"Authorization": f"Bearer {shop['tokens']['worker']}"}
    assert client.get("/api/v1/session", headers=headers).status_code == 200
    revoke_token(db.session.scalar(select(ApiToken.id).order_by(ApiToken.id)))
    assert client.get("/api/v1/session", headers=headers).status_code == 401


def test_login_redirects_only_to_this_site(client, shop):
    page = client.get("/login?next=https://evil.example.com/")
    assert page.status_code == 200
    token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page.data)
    response = client.post(
        "/login?next=https://evil.example.com/",
        data={
            "username": "worker-user",
            "password": "correct horse battery",
            "csrf_token": token.group(1).decode() if token else "",
        },
    )
    assert response.status_code == 302 and "evil" not in response.headers["Location"]
